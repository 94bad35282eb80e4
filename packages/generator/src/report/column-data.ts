import type { DataColumn, DataTable } from '../tabular/data-table.ts';

// Reading DataColumns the way the reports compare them: continuous columns as numbers (NaN for an
// empty cell), everything else as category codes over a dictionary that both sides share, so the
// same text gets the same code in the sample and in the output.

export function columnNamed(table: DataTable, name: string, role: string): DataColumn {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new Error(`the ${role} table has no column '${name}'`);
  return column;
}

/** Numbers, dates and date-times: compared by value. Booleans and text are categories. */
export function isContinuous(column: DataColumn): column is Extract<DataColumn, { values: Float64Array }> {
  return column.type === 'number' || column.type === 'date' || column.type === 'datetime';
}

export function nullCount(column: DataColumn, rows: Int32Array): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) n += column.nulls[rows[i]!]!;
  return n;
}

/** Row indices 0..count-1. */
export function allRows(count: number): Int32Array {
  const rows = new Int32Array(count);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  return rows;
}

/** Values of a continuous column at the given rows; NaN marks an empty cell. */
export function valuesAt(
  column: Extract<DataColumn, { values: Float64Array }>,
  rows: Int32Array,
): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    out[i] = column.nulls[r] ? Number.NaN : column.values[r]!;
  }
  return out;
}

/** Non-empty values of a continuous column at the given rows, ascending. */
export function sortedValuesAt(
  column: Extract<DataColumn, { values: Float64Array }>,
  rows: Int32Array,
): Float64Array {
  const out = new Float64Array(rows.length - nullCount(column, rows));
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!column.nulls[r]) out[k++] = column.values[r]!;
  }
  return out.sort();
}

/** The text a value reads as in a CSV: numbers as printed, booleans true/false, dates in ISO 8601. */
export function valueLabel(column: DataColumn, value: number): string {
  switch (column.type) {
    case 'number':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'date':
      return new Date(value).toISOString().slice(0, 10);
    case 'datetime':
      return new Date(value).toISOString();
    case 'text':
      return column.dictionary[value]!;
  }
}

/** A label → code dictionary that several columns share. */
export class Categories {
  readonly labels: string[] = [];
  private readonly codes = new Map<string, number>();

  code(label: string): number {
    let c = this.codes.get(label);
    if (c === undefined) {
      c = this.labels.length;
      this.codes.set(label, c);
      this.labels.push(label);
    }
    return c;
  }

  get size(): number {
    return this.labels.length;
  }

  /** Codes of a column's cells at the given rows; -1 marks an empty cell. */
  codesAt(column: DataColumn, rows: Int32Array): Int32Array {
    const out = new Int32Array(rows.length);
    // Each distinct value is labelled once; rows then only look its code up.
    const byValue = new Map<number, number>();
    const raw = column.type === 'text' ? column.codes : column.values;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (column.nulls[r]) {
        out[i] = -1;
        continue;
      }
      const v = raw[r]!;
      let c = byValue.get(v);
      if (c === undefined) {
        c = this.code(valueLabel(column, v));
        byValue.set(v, c);
      }
      out[i] = c;
    }
    return out;
  }
}
