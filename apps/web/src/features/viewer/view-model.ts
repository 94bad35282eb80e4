import type {
  CellValue,
  ColumnKind,
  DatasetColumn,
  DatasetFilter,
  DatasetSort,
  DatasetView,
  FilterOp,
} from './use-dataset';

export const opLabels: Record<FilterOp, string> = {
  eq: 'is',
  neq: 'is not',
  contains: 'contains',
  starts_with: 'starts with',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  between: 'between',
  in: 'is one of',
  is_null: 'is empty',
  is_not_null: 'is not empty',
};

const dateOpLabels: Partial<Record<FilterOp, string>> = {
  gt: 'after',
  gte: 'on or after',
  lt: 'before',
  lte: 'on or before',
};

/** The operator's words for a column of this kind ("after" for dates, "≥" for numbers). */
export function opLabel(op: FilterOp, kind: ColumnKind): string {
  if (kind === 'date' || kind === 'timestamp') return dateOpLabels[op] ?? opLabels[op];
  return opLabels[op];
}

const nullOps: FilterOp[] = ['is_null', 'is_not_null'];

/** The operators that make sense for a column of this kind, most useful first. */
export function opsFor(kind: ColumnKind): FilterOp[] {
  switch (kind) {
    case 'integer':
    case 'decimal':
      return ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in', ...nullOps];
    case 'date':
    case 'timestamp':
      return ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', ...nullOps];
    case 'text':
      return ['eq', 'neq', 'contains', 'starts_with', 'in', ...nullOps];
    case 'boolean':
      return ['eq', 'neq', ...nullOps];
    case 'other':
      return ['eq', 'neq', 'contains', 'starts_with', ...nullOps];
  }
}

export function isNumeric(kind: ColumnKind): boolean {
  return kind === 'integer' || kind === 'decimal';
}

/** A value typed into a box, as the api wants it for this column: a number, a boolean or text. */
export function parseValue(
  text: string,
  kind: ColumnKind,
): { ok: true; value: string | number | boolean } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (kind === 'integer' || kind === 'decimal') {
    if (trimmed === '') return { ok: false, message: 'Enter a number.' };
    const value = Number(trimmed.replace(/[\s,_]/g, ''));
    if (!Number.isFinite(value)) return { ok: false, message: `“${trimmed}” is not a number.` };
    if (kind === 'integer' && !Number.isInteger(value))
      return { ok: false, message: 'Enter a whole number.' };
    return { ok: true, value };
  }
  if (kind === 'boolean') {
    if (trimmed === 'true' || trimmed === 'false') return { ok: true, value: trimmed === 'true' };
    return { ok: false, message: 'Choose true or false.' };
  }
  if (kind === 'date') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return { ok: false, message: 'Enter a date as YYYY-MM-DD.' };
    return { ok: true, value: trimmed };
  }
  if (kind === 'timestamp') {
    if (Number.isNaN(Date.parse(trimmed))) return { ok: false, message: 'Enter a date and time.' };
    return { ok: true, value: trimmed };
  }
  if (trimmed === '') return { ok: false, message: 'Enter a value.' };
  return { ok: true, value: text };
}

/** A cell as text: what the grid, the row detail and the chips show. */
export function formatCell(value: CellValue): string {
  if (value === null) return 'null';
  return String(value);
}

function quoted(value: string | number | boolean, kind: ColumnKind): string {
  if (typeof value === 'string' && (kind === 'text' || kind === 'other')) return `“${value}”`;
  return String(value);
}

/** The chip text of a filter: `tier is “gold”`, `age between 18 and 65`, `city is one of 3 values`. */
export function describeFilter(filter: DatasetFilter, kind: ColumnKind): string {
  const label = opLabel(filter.op, kind);
  switch (filter.op) {
    case 'is_null':
    case 'is_not_null':
      return `${filter.column} ${label}`;
    case 'between': {
      const { min, max } = filter;
      if (min !== undefined && max !== undefined)
        return `${filter.column} between ${quoted(min, kind)} and ${quoted(max, kind)}`;
      if (min !== undefined) return `${filter.column} ${opLabel('gte', kind)} ${quoted(min, kind)}`;
      if (max !== undefined) return `${filter.column} ${opLabel('lte', kind)} ${quoted(max, kind)}`;
      return `${filter.column} (any)`;
    }
    case 'in':
      return filter.values.length <= 3
        ? `${filter.column} is one of ${filter.values.map((value) => quoted(value, kind)).join(', ')}`
        : `${filter.column} is one of ${filter.values.length} values`;
    default:
      return `${filter.column} ${label} ${quoted(filter.value, kind)}`;
  }
}

/** Header click: asc → desc → none. With shift, the column is added to (or cycled in) the sort. */
export function nextSort(sort: DatasetSort[], column: string, additive: boolean): DatasetSort[] {
  const current = sort.find((item) => item.column === column);
  const cycled: DatasetSort | undefined = !current
    ? { column, direction: 'asc' }
    : current.direction === 'asc'
      ? { column, direction: 'desc' }
      : undefined;
  if (!additive) return cycled ? [cycled] : [];
  if (!current) return [...sort, { column, direction: 'asc' as const }].slice(0, 10);
  return cycled
    ? sort.map((item) => (item.column === column ? cycled : item))
    : sort.filter((item) => item.column !== column);
}

const ops = new Set<string>(Object.keys(opLabels));

function isFilter(value: unknown, columns: Set<string>): value is DatasetFilter {
  if (typeof value !== 'object' || value === null) return false;
  const item = value as { column?: unknown; op?: unknown };
  return (
    typeof item.column === 'string' &&
    columns.has(item.column) &&
    typeof item.op === 'string' &&
    ops.has(item.op)
  );
}

/**
 * The view kept in the address (`?view=`), so a reload or a shared link shows the same rows.
 * Whatever does not fit the table's columns is dropped rather than sent to the api.
 */
export function parseView(raw: string | null, columns: DatasetColumn[]): DatasetView {
  if (!raw) return { filters: [], sort: [] };
  const names = new Set(columns.map((column) => column.name));
  try {
    const parsed = JSON.parse(raw) as { filters?: unknown; sort?: unknown };
    const filters = Array.isArray(parsed.filters)
      ? parsed.filters.filter((item): item is DatasetFilter => isFilter(item, names))
      : [];
    const sort = Array.isArray(parsed.sort)
      ? parsed.sort.filter(
          (item): item is DatasetSort =>
            typeof item === 'object' &&
            item !== null &&
            names.has((item as DatasetSort).column) &&
            ((item as DatasetSort).direction === 'asc' || (item as DatasetSort).direction === 'desc'),
        )
      : [];
    return { filters, sort };
  } catch {
    return { filters: [], sort: [] };
  }
}

export function serializeView(view: DatasetView): string | undefined {
  if (view.filters.length === 0 && view.sort.length === 0) return undefined;
  return JSON.stringify(view);
}

/** Index of the filter a 400's detail path names (`filters[2].value` → 2). */
export function filterIndexOf(path: string): number | undefined {
  const match = /^(?:view\.)?filters\[(\d+)\]/.exec(path) ?? /^(?:view\.)?filters\.(\d+)/.exec(path);
  return match ? Number(match[1]) : undefined;
}
