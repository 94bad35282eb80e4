import type { DataColumn } from '../tabular/data-table.ts';
import {
  type ChunkVector,
  float64Values,
  isValid,
  stringReader,
  uint8Values,
  uint64Words,
  validityBits,
} from './chunk-vectors.ts';
import { KeyTable } from './key-table.ts';

/** What a sample column becomes in a DataTable, decided from its DuckDB type. */
export type ColumnKind =
  | { type: 'number'; integer: boolean }
  | { type: 'date' }
  | { type: 'datetime' }
  | { type: 'boolean' }
  | { type: 'text' };

/**
 * Fills one DataTable column from result chunks. `take` copies the kept rows of a chunk (their
 * indexes in `rows[0..count)`) to the next cells. A null cell holds 0, or code -1 in text columns.
 * Text columns read two result columns: a hash of the value, then the value.
 */
export type ColumnBuilder = {
  readonly width: number;
  take(vectors: ChunkVector[], rows: Int32Array, count: number): void;
  finish(): DataColumn;
};

export function columnBuilder(name: string, kind: ColumnKind, capacity: number): ColumnBuilder {
  const nulls = new Uint8Array(capacity);
  let next = 0;
  switch (kind.type) {
    case 'number':
    case 'date':
    case 'datetime': {
      const values = new Float64Array(capacity);
      return {
        width: 1,
        take([vector], rows, count) {
          const data = float64Values(vector!);
          const bits = validityBits(vector!);
          for (let k = 0; k < count; k++, next++) {
            const r = rows[k]!;
            const v = data[r]!;
            // NaN and infinities are not quantities a model can learn: they count as empty cells.
            if (isValid(bits, r) && Number.isFinite(v)) values[next] = v;
            else nulls[next] = 1;
          }
        },
        finish: () =>
          kind.type === 'number'
            ? { name, type: 'number', integer: kind.integer, values, nulls }
            : { name, type: kind.type, values, nulls },
      };
    }
    case 'boolean': {
      const values = new Uint8Array(capacity);
      return {
        width: 1,
        take([vector], rows, count) {
          const data = uint8Values(vector!);
          const bits = validityBits(vector!);
          for (let k = 0; k < count; k++, next++) {
            const r = rows[k]!;
            if (isValid(bits, r)) values[next] = data[r]! ? 1 : 0;
            else nulls[next] = 1;
          }
        },
        finish: () => ({ name, type: 'boolean', values, nulls }),
      };
    }
    case 'text': {
      const codes = new Int32Array(capacity);
      const dictionary: string[] = [];
      // Codes by DuckDB's 64-bit hash of the value, so a repeated value is never decoded again.
      // Two distinct values of a column share a hash with odds of about n²/2^65 (1 in 37 million
      // for a million distinct values), and would then count as one value.
      const byHash = new KeyTable();
      return {
        width: 2,
        take([hashes, texts], rows, count) {
          const words = uint64Words(hashes!);
          const bits = validityBits(texts!);
          const text = stringReader(texts!);
          for (let k = 0; k < count; k++, next++) {
            const r = rows[k]!;
            if (!isValid(bits, r)) {
              nulls[next] = 1;
              codes[next] = -1;
              continue;
            }
            const low = words[2 * r]!;
            const high = words[2 * r + 1]!;
            let code = byHash.get(low, high);
            if (code === KeyTable.EMPTY) {
              const value = text(r);
              code = value === '' ? -1 : dictionary.push(value) - 1;
              byHash.set(low, high, code);
            }
            codes[next] = code;
            if (code < 0) nulls[next] = 1;
          }
        },
        finish: () => ({ name, type: 'text', codes, dictionary, nulls }),
      };
    }
  }
}
