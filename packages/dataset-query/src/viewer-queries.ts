import { BIGINT, BOOLEAN, DOUBLE, type DuckDBType, type DuckDBValue, VARCHAR } from '@duckdb/node-api';
import type { ColumnSchema, Filter, Sort, TableSchema } from './dataset.types.ts';
import { DatasetQueryError } from './dataset-query.error.ts';
import { quoteIdent } from './duckdb-session.ts';

export const DEFAULT_PAGE_ROWS = 100;
export const MAX_PAGE_ROWS = 500;
const MAX_IN_VALUES = 1000;

/** Bound parameters of one statement: values only ever travel here, never inside the SQL text. */
export class Params {
  readonly values: DuckDBValue[] = [];
  readonly types: DuckDBType[] = [];

  add(value: DuckDBValue, type: DuckDBType): string {
    this.values.push(value);
    this.types.push(type);
    return `$${this.values.length}`;
  }
}

const invalid = (message: string, field: string) =>
  new DatasetQueryError('invalid_query', message, { field });

export function getTable(tables: readonly TableSchema[], name: string): TableSchema {
  const table = tables.find((t) => t.name === name);
  if (!table) throw new DatasetQueryError('not_found', `There is no table "${name}" in this dataset.`);
  return table;
}

export function getColumn(table: TableSchema, name: unknown, field: string): ColumnSchema {
  const column = typeof name === 'string' ? table.columns.find((c) => c.name === name) : undefined;
  if (!column) throw invalid(`Table "${table.name}" has no column "${String(name)}".`, field);
  return column;
}

const INTEGER_TEXT = /^[+-]?\d+$/;
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function isValidDate(text: string): boolean {
  const m = DATE_TEXT.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whether the column is compared as text (VARCHAR as is, anything else cast to VARCHAR). */
function asText(column: ColumnSchema): boolean {
  return column.kind === 'text' || column.kind === 'other';
}

/** The SQL of a column when it takes part in a comparison of `value`'s kind. */
function columnExpr(column: ColumnSchema, textual: boolean): string {
  const id = quoteIdent(column.name);
  return textual && column.sqlType !== 'VARCHAR' ? `CAST(${id} AS VARCHAR)` : id;
}

/** Binds one filter value in the column's type, or says why it does not fit. */
function bindValue(column: ColumnSchema, raw: unknown, field: string, params: Params): string {
  const what = `column "${column.name}"`;
  switch (column.kind) {
    case 'integer':
    case 'decimal': {
      let n: number | bigint | undefined;
      if (typeof raw === 'number' && Number.isFinite(raw)) n = raw;
      else if (typeof raw === 'string' && INTEGER_TEXT.test(raw.trim()) && column.kind === 'integer') {
        const b = BigInt(raw.trim());
        if (b < INT64_MIN || b > INT64_MAX) throw invalid(`${raw} is out of range for ${what}.`, field);
        n = b;
      } else if (typeof raw === 'string' && NUMBER_TEXT.test(raw.trim())) n = Number(raw.trim());
      if (n === undefined) {
        throw invalid(`${JSON.stringify(raw)} is not a number; ${what} holds ${column.kind} numbers.`, field);
      }
      if (typeof n === 'bigint') return params.add(n, BIGINT);
      if (column.kind === 'integer' && Number.isSafeInteger(n)) return params.add(BigInt(n), BIGINT);
      return params.add(n, DOUBLE);
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return params.add(raw, BOOLEAN);
      if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim())) {
        return params.add(raw.trim().toLowerCase() === 'true', BOOLEAN);
      }
      throw invalid(`${JSON.stringify(raw)} is not true or false; ${what} holds booleans.`, field);
    }
    case 'date': {
      if (typeof raw === 'string' && isValidDate(raw.trim())) {
        return `CAST(${params.add(raw.trim(), VARCHAR)} AS DATE)`;
      }
      throw invalid(`${JSON.stringify(raw)} is not a date; ${what} holds dates such as 2024-01-31.`, field);
    }
    case 'timestamp': {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (TIMESTAMP_TEXT.test(text) && isValidDate(text.slice(0, 10))) {
        return `CAST(${params.add(text, VARCHAR)} AS TIMESTAMPTZ)`;
      }
      throw invalid(
        `${JSON.stringify(raw)} is not a timestamp; ${what} holds instants such as 2024-01-31T12:00:00Z.`,
        field,
      );
    }
    case 'text':
    case 'other':
      if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
        return params.add(String(raw), VARCHAR);
      }
      throw invalid(`${JSON.stringify(raw)} is not a value for ${what}.`, field);
  }
}

const COMPARISONS = { eq: '=', neq: 'IS DISTINCT FROM', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

const likePattern = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One filter as a SQL condition; column names checked against the schema, values bound. */
function condition(table: TableSchema, filter: Filter, field: string, params: Params): string {
  if (typeof filter !== 'object' || filter === null) throw invalid('A filter must be an object.', field);
  const column = getColumn(table, filter.column, `${field}.column`);
  const op = filter.op;
  switch (op) {
    case 'eq':
    case 'neq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const textual = asText(column);
      return `${columnExpr(column, textual)} ${COMPARISONS[op]} ${bindValue(column, filter.value, `${field}.value`, params)}`;
    }
    case 'contains':
    case 'starts_with': {
      const value = filter.value;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw invalid('Expected text to look for.', `${field}.value`);
      }
      const expr = columnExpr(column, true);
      if (op === 'contains') {
        return `${expr} ILIKE ${params.add(`%${likePattern(String(value))}%`, VARCHAR)} ESCAPE '\\'`;
      }
      return `starts_with(${expr}, ${params.add(String(value), VARCHAR)})`;
    }
    case 'between': {
      const parts: string[] = [];
      const textual = asText(column);
      const expr = columnExpr(column, textual);
      if (filter.min !== undefined && filter.min !== null) {
        parts.push(`${expr} >= ${bindValue(column, filter.min, `${field}.min`, params)}`);
      }
      if (filter.max !== undefined && filter.max !== null) {
        parts.push(`${expr} <= ${bindValue(column, filter.max, `${field}.max`, params)}`);
      }
      if (parts.length === 0) throw invalid('between needs a min, a max or both.', field);
      return parts.join(' AND ');
    }
    case 'in': {
      if (!Array.isArray(filter.values)) throw invalid('Expected a list of values.', `${field}.values`);
      if (filter.values.length > MAX_IN_VALUES) {
        throw invalid(`At most ${MAX_IN_VALUES} values may be listed.`, `${field}.values`);
      }
      if (filter.values.length === 0) return 'FALSE';
      const textual = asText(column);
      const list = filter.values.map((v, j) => bindValue(column, v, `${field}.values.${j}`, params));
      return `${columnExpr(column, textual)} IN (${list.join(', ')})`;
    }
    case 'is_null':
      return `${quoteIdent(column.name)} IS NULL`;
    case 'is_not_null':
      return `${quoteIdent(column.name)} IS NOT NULL`;
    default:
      throw invalid(`Unknown filter operation ${JSON.stringify(op)}.`, `${field}.op`);
  }
}

/** ` WHERE …` for the filters (AND), or '' without any. */
export function whereClause(
  table: TableSchema,
  filters: readonly Filter[] | undefined,
  params: Params,
  fieldPrefix = 'filters',
): string {
  if (filters === undefined || filters === null) return '';
  if (!Array.isArray(filters)) throw invalid('Expected a list of filters.', fieldPrefix);
  if (filters.length === 0) return '';
  const parts = filters.map((f, i) => `(${condition(table, f, `${fieldPrefix}.${i}`, params)})`);
  return ` WHERE ${parts.join(' AND ')}`;
}

/**
 * ` ORDER BY …` with NULLs last in both directions and the import order (rowid) breaking ties, so
 * pages are stable. Without sort keys: '' — the tables are written once with insertion order
 * preserved (DuckDB's default), so an unsorted scan reads in import order, and a page deep in the
 * table skips row groups instead of ranking every row by rowid.
 */
export function orderClause(table: TableSchema, sort: readonly Sort[] | undefined): string {
  if (sort === undefined || sort === null) return '';
  if (!Array.isArray(sort)) throw invalid('Expected a list of sort keys.', 'sort');
  if (sort.length === 0) return '';
  const keys = sort.map((s, i) => {
    const column = getColumn(table, s?.column, `sort.${i}.column`);
    const direction = s.direction ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') {
      throw invalid('Sort direction must be "asc" or "desc".', `sort.${i}.direction`);
    }
    return `${quoteIdent(column.name)} ${direction.toUpperCase()} NULLS LAST`;
  });
  return ` ORDER BY ${keys.join(', ')}, rowid`;
}

export function pageBounds(query: { offset?: number; limit?: number }): { offset: number; limit: number } {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_PAGE_ROWS;
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw invalid('offset must be a whole number ≥ 0.', 'offset');
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_ROWS) {
    throw invalid(`limit must be a whole number from 1 to ${MAX_PAGE_ROWS}.`, 'limit');
  }
  return { offset, limit };
}

export function selectList(table: TableSchema): string {
  return table.columns.map((c) => quoteIdent(c.name)).join(', ');
}
