import {
  DOUBLE,
  type DuckDBConnection,
  type DuckDBListType,
  DuckDBListValue,
  type DuckDBStructType,
  type DuckDBStructValue,
  type DuckDBType,
  type DuckDBValue,
  HUGEINT,
} from '@duckdb/node-api';
import { cellReader, formatDay, formatInstant } from './cell-values.ts';
import type { CellValue, ColumnSchema, ColumnStats, Filter, TableSchema } from './dataset.types.ts';
import { quoteIdent, readRows, type Session, withConnection } from './duckdb-session.ts';
import { Params, whereClause } from './viewer-queries.ts';

const TOP_VALUES = 10;
const BINS = 20;

/** The number a column is binned by: itself, or days / milliseconds since 1970 for dates and instants. */
function binKey(column: ColumnSchema): string | undefined {
  const id = quoteIdent(column.name);
  switch (column.kind) {
    case 'integer':
      return `CAST(${id} AS HUGEINT)`;
    case 'decimal':
      return `CAST(${id} AS DOUBLE)`;
    case 'date':
      return `(${id} - DATE '1970-01-01')`;
    case 'timestamp':
      return `epoch_ms(${id})`;
    default:
      return undefined;
  }
}

const toNumber = (v: CellValue) => (typeof v === 'number' ? v : Number(v));
const toBig = (v: CellValue) => BigInt(typeof v === 'number' ? Math.round(v) : String(v));
const bigCell = (v: bigint): CellValue =>
  v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : String(v);

type Bins = { starts: CellValue[]; ends: CellValue[]; sql: string; params: Params };

/**
 * Bin layout: whole-width bins for integers and dates (ends exclusive), equal real widths for
 * decimals and instants (the last bin closed at the max). The SQL yields (bin, count) pairs.
 */
function planBins(
  column: ColumnSchema,
  key: string,
  lo: CellValue,
  hi: CellValue,
  from: string,
  where: (params: Params) => string,
): Bins {
  const params = new Params();
  const starts: CellValue[] = [];
  const ends: CellValue[] = [];
  let bin: string;
  if (column.kind === 'integer' || column.kind === 'date') {
    const min = toBig(lo);
    const span = toBig(hi) - min + 1n;
    const width = (span + BigInt(BINS) - 1n) / BigInt(BINS);
    const count = Number((span + width - 1n) / width);
    const cell = (v: bigint): CellValue => (column.kind === 'date' ? formatDay(Number(v)) : bigCell(v));
    for (let i = 0; i < count; i++) {
      starts.push(cell(min + BigInt(i) * width));
      ends.push(cell(min + BigInt(i + 1) * width));
    }
    // HUGEINT arithmetic: (max - min) of a BIGINT column can overflow BIGINT.
    bin = `((${key} - ${params.add(min, HUGEINT)}) // ${params.add(width, HUGEINT)})`;
  } else {
    const min = toNumber(lo);
    const max = toNumber(hi);
    const width = (max - min) / BINS;
    const count = width > 0 ? BINS : 1;
    const cell = (v: number): CellValue => (column.kind === 'timestamp' ? formatInstant(v, true) : v);
    for (let i = 0; i < count; i++) {
      starts.push(cell(min + i * width));
      ends.push(cell(i === count - 1 ? max : min + (i + 1) * width));
    }
    bin =
      width > 0
        ? `least(CAST(floor((${key} - ${params.add(min, DOUBLE)}) / ${params.add(width, DOUBLE)}) AS BIGINT), ${BINS - 1})`
        : '0';
  }
  const sql = `SELECT ${bin} AS bin, count(*) AS n FROM ${from}${where(params)} GROUP BY bin`;
  return { starts, ends, sql, params };
}

/** Tables up to this many rows get exact figures whatever the column. */
export const DEFAULT_EXACT_STATS_ROWS = 2_000_000;
// Above it, a column with more distinct values than this (by estimate) is not hashed in full.
const EXACT_DISTINCT = 200_000;
// Rows the top-value candidates of such a column are drawn from.
const SAMPLE_ROWS = 200_000;

type Figures = {
  count: number;
  nulls: number;
  distinct: number;
  min: CellValue;
  max: CellValue;
  mean: number | null;
  keyMin: CellValue;
  keyMax: CellValue;
  top: { value: CellValue; count: number }[];
};

function readTop(value: DuckDBValue, type: DuckDBType): { value: CellValue; count: number }[] {
  if (!(value instanceof DuckDBListValue)) return [];
  const entry = (type as DuckDBListType).valueType as DuckDBStructType;
  const readValue = cellReader(entry.entryTypes[entry.entryNames.indexOf('v')]!);
  return value.items.map((item) => {
    const { v, n } = (item as DuckDBStructValue).entries;
    return { value: readValue(v ?? null), count: Number(n) };
  });
}

/**
 * Figures of one column over the filtered rows: counts, range, mean, top values and a histogram.
 * Exact by default, from one GROUP BY of the column: the distinct count is its number of groups and
 * the top values its largest groups, so the column is hashed once. On tables over `exactRows` rows,
 * a column whose estimated distinct count exceeds 200 000 would take seconds to hash; there
 * `distinct` is a HyperLogLog estimate and `top` the most frequent values of a sample, counted
 * exactly over all rows, and `approximate` is set. Range, mean, counts and histogram stay exact.
 */
export async function computeColumnStats(
  session: Session,
  limits: { timeoutMs: number; exactRows: number; estimates: Map<string, number> },
  table: TableSchema,
  column: ColumnSchema,
  filters: readonly Filter[] | undefined,
): Promise<ColumnStats> {
  const from = quoteIdent(table.name);
  const id = quoteIdent(column.name);
  const where = (params: Params, extra: readonly Filter[] = []) =>
    whereClause(table, [...(filters ?? []), ...extra], params);
  const key = binKey(column);
  const numeric = column.kind === 'integer' || column.kind === 'decimal';
  const ordered = column.kind !== 'other';
  const sortKey = ordered ? id : `CAST(${id} AS VARCHAR)`;
  const notNull = { column: column.name, op: 'is_not_null' } as const;
  const present = `FILTER (WHERE ${id} IS NOT NULL)`;
  const mayEstimate = table.rows > limits.exactRows && ordered && column.kind !== 'boolean';

  const aggregate = async (conn: DuckDBConnection, sql: string, params: Params) => {
    const result = await conn.runAndReadAll(sql, params.values, params.types);
    const types = result.columnTypes();
    const raw = result.getRows()[0]!;
    const cells = raw.slice(0, 8).map((v, i) => cellReader(types[i]!)(v));
    const [count, nonNull, distinct, min, max, mean, keyMin, keyMax] = cells;
    const total = count === null || count === undefined ? 0 : toNumber(count);
    const figures: Figures = {
      count: total,
      nulls: total - (nonNull === null || nonNull === undefined ? 0 : toNumber(nonNull)),
      distinct: distinct === null || distinct === undefined ? 0 : toNumber(distinct),
      min: min ?? null,
      max: max ?? null,
      mean: mean === null || mean === undefined ? null : toNumber(mean),
      keyMin: keyMin ?? null,
      keyMax: keyMax ?? null,
      top: raw.length > 8 ? readTop(raw[8]!, types[8]!) : [],
    };
    return figures;
  };

  /** Everything exact, from one GROUP BY. */
  const grouped = (conn: DuckDBConnection) => {
    const params = new Params();
    const groups = `(SELECT ${id}, count(*) AS n FROM ${from}${where(params)} GROUP BY ${id}) AS g`;
    const columns = [
      'sum(n)',
      `sum(n) ${present}`,
      `count(${id})`,
      ordered ? `min(${id})` : 'NULL',
      ordered ? `max(${id})` : 'NULL',
      numeric ? `sum(CAST(${id} AS DOUBLE) * n) ${present} / sum(n) ${present}` : 'NULL',
      key ? `min(${key})` : 'NULL',
      key ? `max(${key})` : 'NULL',
      // The TOP_VALUES smallest (-count, value): most frequent first, ties by value.
      `min_by({'v': ${id}, 'n': n}, {'a': -n, 'b': ${sortKey}}, ${TOP_VALUES}) ${present}`,
    ];
    return aggregate(conn, `SELECT ${columns.join(', ')} FROM ${groups}`, params);
  };

  /** One scan without hashing every value: the distinct count estimated. */
  const scanned = (conn: DuckDBConnection) => {
    const params = new Params();
    const columns = [
      'count(*)',
      `count(${id})`,
      `approx_count_distinct(${id})`,
      `min(${id})`,
      `max(${id})`,
      numeric ? `avg(${id})` : 'NULL',
      key ? `min(${key})` : 'NULL',
      key ? `max(${key})` : 'NULL',
    ];
    return aggregate(conn, `SELECT ${columns.join(', ')} FROM ${from}${where(params)}`, params);
  };

  /** The most frequent values of a sample, then their exact counts over every filtered row. */
  const sampledTop = async (conn: DuckDBConnection) => {
    const percent = Math.min(100, Math.max(0.01, (SAMPLE_ROWS / table.rows) * 100)).toFixed(2);
    const sampleParams = new Params();
    const sample = await readRows(
      conn,
      `SELECT ${id} FROM ${from} TABLESAMPLE ${percent}% (system)${where(sampleParams, [notNull])} GROUP BY ${id} ORDER BY count(*) DESC, ${id} LIMIT ${TOP_VALUES * 2}`,
      sampleParams,
    );
    const values = sample.rows.map((r) => r[0]).filter((v): v is string | number | boolean => v !== null);
    if (values.length === 0) return [];
    const params = new Params();
    const counted = await readRows(
      conn,
      `SELECT ${id}, count(*) AS n FROM ${from}${where(params, [notNull, { column: column.name, op: 'in', values }])} GROUP BY ${id} ORDER BY n DESC, ${id} LIMIT ${TOP_VALUES}`,
      params,
    );
    return counted.rows.map(([value, n]) => ({ value: value ?? null, count: toNumber(n!) }));
  };

  return withConnection(session, limits.timeoutMs, async (conn) => {
    let figures: Figures | undefined;
    let approximate = false;
    // The unfiltered estimate is an upper bound for any filter: a column known to be small is
    // grouped at once, without the estimating scan.
    const known = `${table.name}\u0000${column.name}`;
    const bound = limits.estimates.get(known);
    if (mayEstimate && (bound === undefined || bound > EXACT_DISTINCT)) {
      const estimate = await scanned(conn);
      if (!filters?.length) limits.estimates.set(known, estimate.distinct);
      const values = estimate.count - estimate.nulls;
      if (estimate.distinct > EXACT_DISTINCT && values > 0) {
        // An estimate can exceed the values there are.
        figures = { ...estimate, distinct: Math.max(1, Math.min(estimate.distinct, values)) };
        figures.top = await sampledTop(conn);
        approximate = true;
      }
    }
    figures ??= await grouped(conn);
    const stats: ColumnStats = {
      column: column.name,
      kind: column.kind,
      count: figures.count,
      nulls: figures.nulls,
      distinct: figures.distinct,
      min: figures.min,
      max: figures.max,
      mean: figures.mean,
      top: figures.top,
      histogram: [],
    };
    if (approximate) stats.approximate = true;

    const { keyMin, keyMax } = figures;
    if (key && keyMin !== null && keyMax !== null) {
      const bins = planBins(column, key, keyMin, keyMax, from, (p) => where(p, [notNull]));
      const counts = new Array<number>(bins.starts.length).fill(0);
      const result = await readRows(conn, bins.sql, bins.params);
      for (const [bin, n] of result.rows) {
        const i = Math.min(counts.length - 1, Math.max(0, toNumber(bin!)));
        counts[i]! += toNumber(n!);
      }
      stats.histogram = counts.map((n, i) => ({ start: bins.starts[i]!, end: bins.ends[i]!, count: n }));
    }
    return stats;
  });
}
