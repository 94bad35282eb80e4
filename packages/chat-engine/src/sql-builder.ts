// A tiny SQL builder. Every piece of SQL the built-in engine emits is made here: identifiers come
// from the dataset profile and are always double-quoted, values from the question only ever become
// quoted literals, and function names come from a fixed list. Text from the question therefore has
// no way to become a keyword, a second statement or a table function.

declare const sqlBrand: unique symbol;
/** SQL text made by this module (a branded string, so raw question text cannot be passed in by mistake). */
export type Sql = string & { readonly [sqlBrand]: true };

const sql = (text: string): Sql => text as Sql;

export function ident(name: string): Sql {
  return sql(`"${name.replaceAll('"', '""')}"`);
}

/** A column, qualified by its table when the query joins several. */
export function columnRef(table: string | null, name: string): Sql {
  return table === null ? ident(name) : sql(`${ident(table)}.${ident(name)}`);
}

export function str(value: string): Sql {
  // NUL cannot live in a DuckDB literal; nothing legitimate in a question needs it.
  return sql(`'${value.replaceAll('\u0000', '').replaceAll("'", "''")}'`);
}

export function num(value: number): Sql {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  // Parenthesised so a negative literal never forms "--" (a comment) with a preceding minus.
  return sql(value < 0 ? `(${value})` : String(value));
}

export function bool(value: boolean): Sql {
  return sql(value ? 'TRUE' : 'FALSE');
}

export const STAR = sql('*');

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function dateLit(iso: string): Sql {
  if (!ISO_DATE.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  return sql(`DATE '${iso}'`);
}

export function timestampLit(iso: string): Sql {
  if (!ISO_TIMESTAMP.test(iso)) throw new Error(`not an ISO timestamp: ${iso}`);
  return sql(`TIMESTAMP '${iso}'`);
}

export type IntervalUnit = 'day' | 'week' | 'month' | 'year' | 'hour';

export function interval(amount: number, unit: IntervalUnit): Sql {
  if (!Number.isInteger(amount) || amount < 0) throw new Error(`not a whole interval: ${amount}`);
  return sql(`INTERVAL ${amount} ${unit.toUpperCase()}`);
}

export const CURRENT_DATE = sql('current_date');

export type FunctionName =
  | 'count'
  | 'avg'
  | 'min'
  | 'max'
  | 'sum'
  | 'median'
  | 'stddev_samp'
  | 'corr'
  | 'lower'
  | 'contains'
  | 'starts_with'
  | 'ends_with'
  | 'date_trunc'
  | 'date_part'
  | 'age'
  | 'round'
  | 'floor'
  | 'ceil'
  | 'least'
  | 'greatest'
  | 'coalesce'
  | 'nullif'
  | 'year'
  | 'month'
  | 'quarter'
  | 'dayname'
  | 'isodow';

export function call(fn: FunctionName, ...args: Sql[]): Sql {
  return sql(`${fn}(${args.join(', ')})`);
}

export function countStar(): Sql {
  return sql('count(*)');
}

export function countDistinct(expr: Sql): Sql {
  return sql(`count(DISTINCT ${expr})`);
}

/** An aggregate restricted to the rows matching a condition. */
export function filtered(aggregate: Sql, condition: Sql): Sql {
  return sql(`${aggregate} FILTER (WHERE ${condition})`);
}

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

export function compare(left: Sql, op: CompareOp, right: Sql): Sql {
  return sql(`${left} ${op} ${right}`);
}

export function arith(left: Sql, op: '+' | '-' | '*' | '/', right: Sql): Sql {
  return sql(`(${left} ${op} ${right})`);
}

export function and(conditions: Sql[]): Sql {
  if (conditions.length === 0) return sql('TRUE');
  return conditions.length === 1 ? conditions[0]! : sql(conditions.map((c) => `(${c})`).join(' AND '));
}

export function or(conditions: Sql[]): Sql {
  if (conditions.length === 0) return sql('FALSE');
  return conditions.length === 1 ? conditions[0]! : sql(`(${conditions.map((c) => `(${c})`).join(' OR ')})`);
}

export function inList(expr: Sql, values: Sql[], negate = false): Sql {
  return sql(`${expr} ${negate ? 'NOT IN' : 'IN'} (${values.join(', ')})`);
}

export function isNull(expr: Sql, negate = false): Sql {
  return sql(`${expr} IS ${negate ? 'NOT NULL' : 'NULL'}`);
}

export type CastType = 'DATE' | 'DOUBLE' | 'BIGINT' | 'INTEGER' | 'VARCHAR';

export function cast(expr: Sql, type: CastType): Sql {
  return sql(`CAST(${expr} AS ${type})`);
}

export function as(expr: Sql, alias: string): Sql {
  return sql(`${expr} AS ${ident(alias)}`);
}

export function caseWhen(condition: Sql, then: Sql, otherwise: Sql): Sql {
  return sql(`CASE WHEN ${condition} THEN ${then} ELSE ${otherwise} END`);
}

export function exists(query: Sql, negate = false): Sql {
  return sql(`${negate ? 'NOT EXISTS' : 'EXISTS'} (${query})`);
}

/** A subquery used as a value (one row, one column). */
export function scalar(query: Sql): Sql {
  return sql(`(${query})`);
}

export type OrderItem = { expr: Sql; dir: 'ASC' | 'DESC' };

export type SelectSpec = {
  with?: { name: string; query: Sql }[];
  distinct?: boolean;
  columns: Sql[];
  from?: { table: string } | { query: Sql; alias: string } | { cross: Sql[] };
  joins?: { table: string; on: Sql; left?: boolean }[];
  where?: Sql[];
  groupBy?: Sql[];
  having?: Sql[];
  orderBy?: OrderItem[];
  limit?: number;
  /** A reproducible random sample of this many rows of the FROM source (DuckDB samples before WHERE, so sample a filtered subquery). */
  sample?: number;
};

function fromSource(spec: NonNullable<SelectSpec['from']>): Sql {
  if ('table' in spec) return ident(spec.table);
  if ('query' in spec) return sql(`(${spec.query}) AS ${ident(spec.alias)}`);
  return sql(spec.cross.join(' CROSS JOIN '));
}

export function select(spec: SelectSpec): Sql {
  const parts: string[] = [];
  if (spec.with?.length)
    parts.push(`WITH ${spec.with.map((w) => `${ident(w.name)} AS (${w.query})`).join(', ')}`);
  parts.push(`SELECT ${spec.distinct ? 'DISTINCT ' : ''}${spec.columns.join(', ')}`);
  if (spec.from) parts.push(`FROM ${fromSource(spec.from)}`);
  for (const j of spec.joins ?? [])
    parts.push(`${j.left ? 'LEFT JOIN' : 'JOIN'} ${ident(j.table)} ON ${j.on}`);
  if (spec.where?.length) parts.push(`WHERE ${and(spec.where)}`);
  if (spec.groupBy?.length) parts.push(`GROUP BY ${spec.groupBy.join(', ')}`);
  if (spec.having?.length) parts.push(`HAVING ${and(spec.having)}`);
  if (spec.sample !== undefined) {
    if (!Number.isInteger(spec.sample) || spec.sample <= 0) throw new Error(`bad sample size ${spec.sample}`);
    parts.push(`USING SAMPLE reservoir(${spec.sample} ROWS) REPEATABLE (42)`);
  }
  if (spec.orderBy?.length)
    parts.push(`ORDER BY ${spec.orderBy.map((o) => `${o.expr} ${o.dir} NULLS LAST`).join(', ')}`);
  if (spec.limit !== undefined) {
    if (!Number.isInteger(spec.limit) || spec.limit < 0) throw new Error(`bad limit ${spec.limit}`);
    parts.push(`LIMIT ${spec.limit}`);
  }
  return sql(parts.join(' '));
}
