import { fmix32 } from '../random/prng.ts';
import type { DataColumn } from '../tabular/data-table.ts';
import { valueLabel } from './column-data.ts';

// 53-bit fingerprints of whole rows over some columns, so the rows of two tables can be matched
// through sorted numbers instead of a string per row. Two different rows share a fingerprint with
// a chance of about 1 in 2^53 per pair: a million sample rows against 100,000 output rows expect
// about one false match in 90,000 reports, far below the 0.1% the exact-match check allows.

/** How a column's cells are compared: numbers by value (1 = 1.0), anything else by its text. */
export type CellComparison = 'value' | 'label';

export function cellComparison(a: DataColumn, b: DataColumn): CellComparison {
  return a.type !== 'text' && b.type !== 'text' ? 'value' : 'label';
}

const EMPTY_A = 0x6b43a9b5;
const EMPTY_B = 0x1b873593;
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);

function hashString(text: string, out: Uint32Array, at: number): void {
  // Two FNV-1a lanes from different offsets, each finished with murmur3's mixer.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x01000193);
  }
  out[at] = fmix32(a);
  out[at + 1] = fmix32(b ^ text.length);
}

/**
 * Cell hashes of a column, two lanes per row side by side. Text and labelled values are hashed once
 * per distinct value; numbers compared by value hash their 64 bits directly.
 */
function cellHashes(column: DataColumn, rows: number, comparison: CellComparison): Uint32Array {
  const out = new Uint32Array(rows * 2);
  const scratch = new Uint32Array(2);
  // Text: one slot pair per dictionary entry, filled on first use.
  const byCode = column.type === 'text' ? new Uint32Array(column.dictionary.length * 2) : null;
  const filled = column.type === 'text' ? new Uint8Array(column.dictionary.length) : null;
  const byValue = new Map<number, [number, number]>();
  for (let r = 0; r < rows; r++) {
    const at = r * 2;
    if (column.nulls[r]) {
      out[at] = EMPTY_A;
      out[at + 1] = EMPTY_B;
    } else if (column.type === 'text') {
      const code = column.codes[r]!;
      if (!filled![code]) {
        hashString(column.dictionary[code]!, byCode!, code * 2);
        filled![code] = 1;
      }
      out[at] = byCode![code * 2]!;
      out[at + 1] = byCode![code * 2 + 1]!;
    } else if (comparison === 'value') {
      float[0] = column.values[r]! === 0 ? 0 : column.values[r]!; // -0 and 0 are the same value
      out[at] = fmix32(words[0]! ^ fmix32(words[1]!));
      out[at + 1] = fmix32(words[1]! ^ 0x9e3779b9 ^ fmix32(words[0]! + 1));
    } else {
      const v = column.values[r]!;
      let h = byValue.get(v);
      if (!h) {
        hashString(valueLabel(column, v), scratch, 0);
        h = [scratch[0]!, scratch[1]!];
        byValue.set(v, h);
      }
      out[at] = h[0];
      out[at + 1] = h[1];
    }
  }
  return out;
}

/** Fingerprints of every row of a table over its columns, each compared as `comparisons` says. */
export function rowFingerprints(
  rows: number,
  columns: DataColumn[],
  comparisons: CellComparison[],
): Float64Array {
  const laneA = new Uint32Array(rows);
  const laneB = new Uint32Array(rows);
  columns.forEach((column, k) => {
    const cells = cellHashes(column, rows, comparisons[k]!);
    for (let r = 0; r < rows; r++) {
      laneA[r] = fmix32((Math.imul(laneA[r]! ^ cells[r * 2]!, 0x01000193) + k) | 0);
      laneB[r] = fmix32((Math.imul(laneB[r]! ^ cells[r * 2 + 1]!, 0x5bd1e995) + k) | 0);
    }
  });
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = laneA[r]! * 2097152 + (laneB[r]! >>> 11);
  return out;
}

/** Rows whose fingerprint is among the reference's (ascending, as `Float64Array.sort` leaves it). */
export function countMatches(sortedReference: Float64Array, fingerprints: Float64Array): number {
  // Binary search on a sorted typed array: a Set of a million non-integer-sized numbers costs
  // seconds to build, sorting them a tenth of one.
  let n = 0;
  for (const f of fingerprints) {
    let lo = 0;
    let hi = sortedReference.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortedReference[mid]! < f) lo = mid + 1;
      else hi = mid;
    }
    if (lo < sortedReference.length && sortedReference[lo] === f) n++;
  }
  return n;
}
