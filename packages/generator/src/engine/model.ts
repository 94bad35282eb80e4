import {
  type Cardinality,
  DEFAULT_REFERENCE_DATE,
  type FieldSpec,
  type GeneratorConfig,
  parseInstant,
  parseTemplate,
  type TableSpec,
  templateTypes,
} from '@synoptic/contract';
import { GenerationError } from '../errors.ts';
import type { CompileEnv } from '../fields/compile-env.ts';
import { makeTableEnv, type TableEnv } from '../fields/entities.ts';
import { allocColumn, type BlockContext, type Column, DAY_MS, type FieldGen } from '../fields/field-gen.ts';
import { templateHelperName } from '../fields/logic.fields.ts';
import { compileField } from '../fields/registry.ts';
import type { FittedSample } from '../learn/fitted-sample.ts';
import { LearnedTable } from '../learn/learned-table.ts';
import { poisson } from '../random/distributions.ts';
import { Permutation } from '../random/permutation.ts';
import { Rng, type StreamKey, streamKey } from '../random/prng.ts';
import { BLOCK_ROWS } from './version.ts';

/** Rows of one block and, for child tables, each row's parent and position in its series. */
export type BlockSpec = {
  block: number;
  rowStart: number;
  n: number;
  parentRow: Float64Array | null;
  seqPos: Float64Array | null;
  seqLen: Float64Array | null;
};

/** A table compiled for one seed: field generators in evaluation order and its streams. */
export class TableModel {
  readonly env: TableEnv;
  /** Output columns, in the order of the spec. */
  readonly outputs: FieldGen[] = [];
  /** All generators (outputs and template helpers) in dependency order. */
  readonly order: FieldGen[] = [];
  readonly byName = new Map<string, FieldGen>();
  private readonly keys = new Map<string, StreamKey>();
  private compiled = false;
  private learnedTable: LearnedTable | undefined;

  constructor(
    readonly model: Model,
    readonly spec: TableSpec,
  ) {
    const locale = spec.locale ?? model.config.locale ?? 'en';
    this.env = makeTableEnv(model.seed, spec.name, locale, spec.countries, model.referenceDay);
  }

  key(stream: string): StreamKey {
    let k = this.keys.get(stream);
    if (!k) {
      k = streamKey(this.model.seed, this.spec.name, stream);
      this.keys.set(stream, k);
    }
    return k;
  }

  compile(): void {
    if (this.compiled) return;
    this.compiled = true;
    const spec = this.spec;
    const specs = new Map<string, FieldSpec>(spec.fields.map((f) => [f.name, f]));
    // person age bounds: the first field of a group that sets them
    for (const f of spec.fields) {
      if (
        (f.type === 'age' || f.type === 'birth_date') &&
        (f.minAge !== undefined || f.maxAge !== undefined)
      ) {
        const group = f.entity ?? 'main';
        if (!this.env.ageBounds.has(group))
          this.env.ageBounds.set(group, [f.minAge ?? 18, f.maxAge ?? Math.max(80, f.minAge ?? 0)]);
      }
    }
    // template helpers: `{{first_name}}` without such a column reads a hidden field of that type
    const helpers: FieldSpec[] = [];
    for (const f of spec.fields) {
      if (f.type !== 'template') continue;
      for (const part of parseTemplate(f.template)) {
        if (part.kind !== 'ref' || specs.has(part.name) || !templateTypes.has(part.name)) continue;
        const name = templateHelperName(f.name, part.name);
        if (specs.has(name)) continue;
        const helper = { type: part.name, name, locale: f.locale, entity: f.entity } as FieldSpec;
        specs.set(name, helper);
        helpers.push(helper);
      }
    }
    const gens = new Map<string, FieldGen>();
    const make = (f: FieldSpec): FieldGen => {
      let g = gens.get(f.name);
      if (!g) {
        g = compileField(f, this.compileEnv(f, specs));
        gens.set(f.name, g);
      }
      return g;
    };
    for (const f of [...spec.fields, ...helpers]) this.byName.set(f.name, make(f));
    for (const f of spec.fields) this.outputs.push(this.byName.get(f.name)!);
    const state = new Map<string, number>();
    const visit = (g: FieldGen) => {
      if (state.get(g.spec.name) === 2) return;
      if (state.get(g.spec.name) === 1)
        throw new GenerationError(`fields of table '${spec.name}' depend on each other in a loop`);
      state.set(g.spec.name, 1);
      for (const d of g.deps) visit(this.byName.get(d)!);
      state.set(g.spec.name, 2);
      this.order.push(g);
    };
    for (const g of this.byName.values()) visit(g);
  }

  private compileEnv(f: FieldSpec, specs: Map<string, FieldSpec>): CompileEnv {
    const model = this.model;
    return {
      env: this.env,
      tableName: this.spec.name,
      locale: f.locale ?? this.env.locale,
      autoLocale: !f.locale && !!this.spec.countries,
      group: f.entity ?? 'main',
      unique: !!f.unique,
      referenceDay: model.referenceDay,
      sequence: this.spec.sequence ?? null,
      key: (stream) => this.key(stream),
      perm: (size) => new Permutation(this.key(`u:${f.name}`), Math.max(1, Math.min(size, 2 ** 52))),
      rows: () => model.rowsOf(this.spec.name),
      reference: (table, field) => {
        const target = model.table(table);
        return {
          gen: () => target.keyGen(field),
          rows: () => model.rowsOf(table),
          driving: this.spec.parent?.table === table,
        };
      },
      logicalOf: (name) => {
        const s = specs.get(name);
        if (!s || name === f.name) return undefined;
        const g = this.byName.get(name);
        if (g) return g.logical;
        // compile on demand (expressions need their inputs' types)
        return compileField(s, this.compileEnv(s, specs)).logical;
      },
      learned: () => this.learned(),
    };
  }

  /** The table's fitted sample, compiled once for its learned fields. */
  learned(): LearnedTable {
    if (this.learnedTable) return this.learnedTable;
    const { name, sample } = this.spec;
    if (!sample)
      throw new GenerationError(`table '${name}' has learned fields but no sample to learn from`, {
        table: name,
      });
    const fitted = this.model.samples[name];
    if (!fitted) throw notFitted(this.spec);
    this.learnedTable = new LearnedTable(fitted, this.spec);
    return this.learnedTable;
  }

  /** The generator of a key field, with keyAt for any row. */
  keyGen(field: string): FieldGen {
    this.compile();
    const g = this.byName.get(field);
    if (!g) throw new GenerationError(`table '${this.spec.name}' has no field '${field}'`);
    if (g.keyAt) return g;
    // unique fields whose value depends only on the row number: fill a one-row block
    const col = allocColumn(g.kind, 1);
    const keyAt = (row: number, out: Column, i: number) => {
      const ctx = this.context(
        { block: -1, rowStart: row, n: 1, parentRow: null, seqPos: null, seqLen: null },
        new Map(),
      );
      g.fill(ctx, col);
      copyCell(col, 0, out, i);
    };
    return { ...g, keyAt };
  }

  /** Context for filling one block. */
  context(b: BlockSpec, columns: Map<string, Column>): BlockContext {
    const memo = new Map<string, unknown>();
    return {
      block: b.block,
      rowStart: b.rowStart,
      n: b.n,
      parentRow: b.parentRow,
      seqPos: b.seqPos,
      seqLen: b.seqLen,
      rng: (stream) => new Rng(this.key(stream), b.block, 0),
      memo: <T>(key: string, build: () => T): T => {
        if (memo.has(key)) return memo.get(key) as T;
        const v = build();
        memo.set(key, v);
        return v;
      },
      column: (name) => columns.get(name)!,
      genOf: (name) => this.byName.get(name)!,
    };
  }

  /** Generates one block into reusable columns (keyed by field name). */
  generate(b: BlockSpec, columns: Map<string, Column>): void {
    this.compile();
    const ctx = this.context(b, columns);
    for (const g of this.order) {
      let col = columns.get(g.spec.name);
      if (!col || col.kind !== g.kind || columnCapacity(col) < b.n) {
        col = allocColumn(g.kind, Math.max(b.n, BLOCK_ROWS));
        columns.set(g.spec.name, col);
      }
      col.nulls = null;
      g.fill(ctx, col);
      const pct = g.spec.nullPercent ?? 0;
      if (pct > 0) {
        const r = new Rng(this.key(`n:${g.spec.name}`), b.block, 0);
        const nulls = col.nulls ?? new Uint8Array(b.n);
        const p = pct / 100;
        for (let i = 0; i < b.n; i++) if (r.next() < p) nulls[i] = 1;
        col.nulls = nulls;
      }
    }
  }
}

function columnCapacity(col: Column): number {
  return col.kind === 'uuid' ? col.data.length / 4 : col.data.length;
}

function copyCell(from: Column, i: number, to: Column, j: number): void {
  switch (from.kind) {
    case 'uuid': {
      const t = to.data as Uint32Array;
      for (let k = 0; k < 4; k++) t[j * 4 + k] = from.data[i * 4 + k]!;
      return;
    }
    case 'pool':
      (to as typeof from).pool = from.pool;
      (to as typeof from).data[j] = from.data[i]!;
      return;
    default:
      (to.data as typeof from.data)[j] = from.data[i]! as never;
  }
}

/** The whole configuration compiled for one seed. */
export class Model {
  readonly referenceDay: number;
  private readonly tables = new Map<string, TableModel>();
  private readonly rowCounts = new Map<string, number>();
  private readonly blockTotals = new Map<string, Float64Array>();

  constructor(
    readonly config: GeneratorConfig,
    readonly seed: string,
    knownRows?: Record<string, number>,
    /** Fitted models of the tables that learn from a sample, by table name. */
    readonly samples: Record<string, FittedSample> = {},
  ) {
    this.referenceDay = Math.floor(parseInstant(config.referenceDate ?? DEFAULT_REFERENCE_DATE) / DAY_MS);
    for (const t of config.tables) this.tables.set(t.name, new TableModel(this, t));
    if (knownRows) for (const [k, v] of Object.entries(knownRows)) this.rowCounts.set(k, v);
  }

  table(name: string): TableModel {
    const t = this.tables.get(name);
    if (!t) throw new GenerationError(`no table named '${name}'`);
    return t;
  }

  /** Children of each row of one parent block. */
  childCounts(child: TableSpec, parentBlock: number, parentBlockRows: number): Int32Array {
    const c = child.parent!.count;
    const counts = new Int32Array(parentBlockRows);
    const r = new Rng(this.table(child.name).key('$count'), parentBlock, 0);
    for (let i = 0; i < parentBlockRows; i++) counts[i] = drawCount(c, r);
    return counts;
  }

  /** Rows of a table (child tables: the sum of their per-parent counts). */
  rowsOf(name: string): number {
    const known = this.rowCounts.get(name);
    if (known !== undefined) return known;
    const spec = this.table(name).spec;
    let rows: number;
    if (!spec.parent) rows = spec.rows ?? this.samples[name]?.sourceRows ?? 0;
    else rows = this.perParentBlock(name).reduce((a, b) => a + b, 0);
    this.rowCounts.set(name, rows);
    return rows;
  }

  /** Child rows per parent block of a child table. */
  perParentBlock(name: string): Float64Array {
    const cached = this.blockTotals.get(name);
    if (cached) return cached;
    const spec = this.table(name).spec;
    const parentRows = this.rowsOf(spec.parent!.table);
    const blocks = Math.ceil(parentRows / BLOCK_ROWS);
    const totals = new Float64Array(blocks);
    for (let b = 0; b < blocks; b++) {
      const counts = this.childCounts(spec, b, Math.min(BLOCK_ROWS, parentRows - b * BLOCK_ROWS));
      let s = 0;
      for (let i = 0; i < counts.length; i++) s += counts[i]!;
      totals[b] = s;
    }
    this.blockTotals.set(name, totals);
    return totals;
  }
}

export function notFitted(table: TableSpec): GenerationError {
  return new GenerationError(
    `table '${table.name}' learns from sample ${table.sample?.id}, which has not been fitted`,
    { table: table.name },
  );
}

export function drawCount(c: Cardinality, r: Rng): number {
  switch (c.distribution) {
    case 'fixed':
      return c.count;
    case 'uniform':
      return c.min + r.below(c.max - c.min + 1);
    case 'poisson': {
      const v = poisson(r, c.mean);
      return Math.min(c.max ?? Number.POSITIVE_INFINITY, Math.max(c.min ?? 0, v));
    }
  }
}
