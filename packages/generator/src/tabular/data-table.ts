/**
 * A table held column by column in memory: what a sample is read into, what fitting learns from and
 * what the quality, privacy and conformance reports compare. Numbers, dates and date-times are
 * Float64Array (dates and date-times as epoch milliseconds, UTC); text is dictionary-encoded so a
 * million rows of a few hundred categories cost four bytes a row. `nulls[i] = 1` marks an empty cell.
 */
export type DataColumn =
  | { name: string; type: 'number'; integer: boolean; values: Float64Array; nulls: Uint8Array }
  | { name: string; type: 'date' | 'datetime'; values: Float64Array; nulls: Uint8Array }
  | { name: string; type: 'boolean'; values: Uint8Array; nulls: Uint8Array }
  | { name: string; type: 'text'; codes: Int32Array; dictionary: string[]; nulls: Uint8Array };

export type DataTable = { rows: number; columns: DataColumn[] };
