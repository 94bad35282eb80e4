import { parseInstant } from '@synoptic/contract';
import type { DataColumn, DataTable } from '../tabular/data-table.ts';

// DataTables written out by hand in the report tests: a column from a plain array, null for empty.

const nullsOf = (values: unknown[]) => Uint8Array.from(values, (v) => (v === null ? 1 : 0));

export function numberColumn(name: string, values: Array<number | null>): DataColumn {
  return {
    name,
    type: 'number',
    integer: values.every((v) => v === null || Number.isInteger(v)),
    values: Float64Array.from(values, (v) => v ?? 0),
    nulls: nullsOf(values),
  };
}

export function textColumn(name: string, values: Array<string | null>): DataColumn {
  const dictionary: string[] = [];
  const codes = new Map<string, number>();
  const code = (v: string) => {
    if (!codes.has(v)) codes.set(v, dictionary.push(v) - 1);
    return codes.get(v)!;
  };
  return {
    name,
    type: 'text',
    codes: Int32Array.from(values, (v) => (v === null ? 0 : code(v))),
    dictionary,
    nulls: nullsOf(values),
  };
}

export function booleanColumn(name: string, values: Array<boolean | null>): DataColumn {
  return {
    name,
    type: 'boolean',
    values: Uint8Array.from(values, (v) => (v ? 1 : 0)),
    nulls: nullsOf(values),
  };
}

/** Dates (YYYY-MM-DD) or date-times (ISO 8601) as epoch milliseconds. */
export function dateColumn(
  name: string,
  values: Array<string | null>,
  type: 'date' | 'datetime' = 'date',
): DataColumn {
  return {
    name,
    type,
    values: Float64Array.from(values, (v) => (v === null ? 0 : parseInstant(v))),
    nulls: nullsOf(values),
  };
}

export function tableOf(...columns: DataColumn[]): DataTable {
  return { rows: columns[0]?.nulls.length ?? 0, columns };
}

/** The rows of a table, for copying some into another. */
export function pickRows(table: DataTable, rows: number[]): DataTable {
  return {
    rows: rows.length,
    columns: table.columns.map((c): DataColumn => {
      const nulls = Uint8Array.from(rows, (r) => c.nulls[r]!);
      switch (c.type) {
        case 'text':
          return { ...c, codes: Int32Array.from(rows, (r) => c.codes[r]!), nulls };
        case 'boolean':
          return { ...c, values: Uint8Array.from(rows, (r) => c.values[r]!), nulls };
        default:
          return { ...c, values: Float64Array.from(rows, (r) => c.values[r]!), nulls };
      }
    }),
  };
}
