import type { FieldSpec, Locale } from '@synoptic/contract';
import type { Rng } from '../random/prng.ts';

/** Type of a column as writers see it. */
export type LogicalType = 'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'timestamp' | 'uuid';

export type ColumnKind = 'num' | 'bool' | 'date' | 'ts' | 'pool' | 'str' | 'uuid';

/**
 * One block of one field's values, stored by kind: numbers and instants in typed arrays,
 * strings from a fixed list as indexes into it (writers cache their encoded bytes), UUIDs as four
 * 32-bit words. `nulls[i] = 1` marks a NULL.
 */
export type Column =
  | { kind: 'num'; data: Float64Array; nulls: Uint8Array | null }
  | { kind: 'bool'; data: Uint8Array; nulls: Uint8Array | null }
  | { kind: 'date'; data: Float64Array; nulls: Uint8Array | null }
  | { kind: 'ts'; data: Float64Array; nulls: Uint8Array | null }
  | { kind: 'pool'; data: Int32Array; pool: string[]; nulls: Uint8Array | null }
  | { kind: 'str'; data: string[]; nulls: Uint8Array | null }
  | { kind: 'uuid'; data: Uint32Array; nulls: Uint8Array | null };

export function allocColumn(kind: ColumnKind, n: number): Column {
  switch (kind) {
    case 'num':
      return { kind, data: new Float64Array(n), nulls: null };
    case 'bool':
      return { kind, data: new Uint8Array(n), nulls: null };
    case 'date':
      return { kind, data: new Float64Array(n), nulls: null };
    case 'ts':
      return { kind, data: new Float64Array(n), nulls: null };
    case 'pool':
      return { kind, data: new Int32Array(n), pool: [], nulls: null };
    case 'str':
      return { kind, data: new Array<string>(n).fill(''), nulls: null };
    case 'uuid':
      return { kind, data: new Uint32Array(n * 4), nulls: null };
  }
}

/** What a field generator can see while filling one block. */
export interface BlockContext {
  /** Global index of the block in its table. */
  readonly block: number;
  /** Global row number of the block's first row. */
  readonly rowStart: number;
  readonly n: number;
  /** Row number of each row's driving parent (child tables only). */
  readonly parentRow: Float64Array | null;
  /** Position of each row in its parent's series (child and sequence tables). */
  readonly seqPos: Float64Array | null;
  /** Number of events in each row's series. */
  readonly seqLen: Float64Array | null;
  /** A fresh random stream for (field or entity stream, this block). */
  rng(stream: string): Rng;
  /** Per-block memo (entities, series times). */
  memo<T>(key: string, build: () => T): T;
  /** Column of an already generated field of this row (expression and template inputs). */
  column(name: string): Column;
  /** Compiled generator of a field of this table (or a template's hidden helper field). */
  genOf(name: string): FieldGen;
}

/** A compiled field: knows its output type and fills a block's column. */
export interface FieldGen {
  readonly spec: FieldSpec;
  readonly logical: LogicalType;
  readonly kind: ColumnKind;
  /** Decimal places (decimal columns). */
  readonly scale: number;
  /** IANA zone used to render timestamps, or null for UTC. */
  readonly timeZone: string | null;
  /** Fields whose block columns must exist first. */
  readonly deps: string[];
  fill(ctx: BlockContext, out: Column): void;
  /** Value for one row number, independent of blocks: key fields that others reference. */
  keyAt?(row: number, out: Column, i: number): void;
}

export type FieldSettings = {
  locale: Locale;
  /** Per-row locale follows the address country (table sets countries, field sets no locale). */
  autoLocale: boolean;
  entity: string;
  seed: string;
  table: string;
  referenceDay: number;
};

export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 → [year, month 1–12, day]. (Howard Hinnant's civil_from_days.) */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export type NumCol = Extract<Column, { kind: 'num' }>;
export type BoolCol = Extract<Column, { kind: 'bool' }>;
export type DateCol = Extract<Column, { kind: 'date' }>;
export type TsCol = Extract<Column, { kind: 'ts' }>;
export type PoolCol = Extract<Column, { kind: 'pool' }>;
export type StrCol = Extract<Column, { kind: 'str' }>;
export type UuidCol = Extract<Column, { kind: 'uuid' }>;

/** Builds a FieldGen from its parts. */
export function simpleGen(
  spec: FieldSpec,
  logical: LogicalType,
  kind: ColumnKind,
  fill: (ctx: BlockContext, out: Column) => void,
  extra: Partial<Pick<FieldGen, 'scale' | 'timeZone' | 'deps' | 'keyAt'>> = {},
): FieldGen {
  return {
    spec,
    logical,
    kind,
    scale: extra.scale ?? 0,
    timeZone: extra.timeZone ?? null,
    deps: extra.deps ?? [],
    fill,
    ...(extra.keyAt ? { keyAt: extra.keyAt } : {}),
  };
}

/** Fills a str column from a per-row function. */
export function strGen(spec: FieldSpec, make: (ctx: BlockContext) => (i: number) => string): FieldGen {
  return simpleGen(spec, 'string', 'str', (ctx, out) => {
    const f = make(ctx);
    const d = (out as StrCol).data;
    for (let i = 0; i < ctx.n; i++) d[i] = f(i);
  });
}

/** Fills a pool column: indexes into a fixed list of strings. */
export function poolGen(
  spec: FieldSpec,
  pool: string[],
  make: (ctx: BlockContext) => (i: number) => number,
): FieldGen {
  return simpleGen(spec, 'string', 'pool', (ctx, out) => {
    const col = out as PoolCol;
    col.pool = pool;
    const f = make(ctx);
    for (let i = 0; i < ctx.n; i++) col.data[i] = f(i);
  });
}
