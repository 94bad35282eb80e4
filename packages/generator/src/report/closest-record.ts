import type { DataColumn } from '../tabular/data-table.ts';
import { Categories, isContinuous, valuesAt } from './column-data.ts';

// Gower distance between rows of mixed columns: a number contributes |a − b| scaled by the training
// range (capped at 1), a category 0 when equal and 1 otherwise; an empty cell is 0 from another
// empty cell and 1 from any value. A row's distance is the mean over the columns, so 0..1.
// Rows are held column by column in typed arrays and one query row is compared with every
// reference row a column at a time: a few hundred million cell comparisons take about a second.

/** The same columns of several row sets, encoded for distances. */
export type GowerRows = { rows: number; cells: Array<Float64Array | Int32Array> };

/** A column as it appears in each row set: the sample's column for training and holdout rows. */
export type GowerColumn = { sets: Array<{ column: DataColumn; rows: Int32Array }>; training: DataColumn };

/**
 * Encodes the row sets (training first) column by column. Numbers are divided by the training range
 * so a plain difference is the Gower term; a number column with no range in training (empty or
 * constant), or whose sides disagree on being a number, is compared as categories instead.
 */
export function encodeGower(columns: GowerColumn[]): GowerRows[] {
  const setCount = columns[0]?.sets.length ?? 0;
  const encoded: GowerRows[] = Array.from({ length: setCount }, (_, s) => ({
    rows: columns[0]!.sets[s]!.rows.length,
    cells: [],
  }));
  for (const { sets, training } of columns) {
    const range = isContinuous(training) ? trainingRange(training) : 0;
    if (range > 0 && sets.every((s) => isContinuous(s.column))) {
      sets.forEach((s, i) => {
        const values = valuesAt(s.column as Extract<DataColumn, { values: Float64Array }>, s.rows);
        for (let k = 0; k < values.length; k++) values[k]! /= range;
        encoded[i]!.cells.push(values);
      });
    } else {
      const categories = new Categories();
      sets.forEach((s, i) => {
        encoded[i]!.cells.push(categories.codesAt(s.column, s.rows));
      });
    }
  }
  return encoded;
}

function trainingRange(column: Extract<DataColumn, { values: Float64Array }>): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < column.values.length; r++) {
    if (column.nulls[r]) continue;
    const v = column.values[r]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi > lo ? hi - lo : 0;
}

/**
 * For each query row, the distance to its closest reference row, and to its closest among the
 * reference's first `prefix` rows (a random subset when the reference rows come in random order).
 */
export function closestDistances(
  queries: GowerRows,
  reference: GowerRows,
  prefix: number,
): { all: Float64Array; prefix: Float64Array } {
  const columns = queries.cells.length;
  const all = new Float64Array(queries.rows);
  const first = new Float64Array(queries.rows);
  const dist = new Float64Array(reference.rows);
  const n = reference.rows;
  const head = Math.min(prefix, n);
  for (let q = 0; q < queries.rows; q++) {
    dist.fill(0);
    for (let c = 0; c < columns; c++) {
      const mine = queries.cells[c]!;
      const theirs = reference.cells[c]!;
      const v = mine[q]!;
      if (theirs instanceof Int32Array) {
        for (let r = 0; r < n; r++) if (theirs[r] !== v) dist[r]!++;
      } else if (Number.isNaN(v)) {
        for (let r = 0; r < n; r++) if (!Number.isNaN(theirs[r]!)) dist[r]!++;
      } else {
        for (let r = 0; r < n; r++) {
          const d = Math.abs(v - theirs[r]!);
          // NaN (an empty reference cell) fails the comparison and counts 1, as a gap above 1 does;
          // Math.min would pass the NaN on.
          // biome-ignore lint/complexity/useMathMinMax: see above
          dist[r]! += d <= 1 ? d : 1;
        }
      }
    }
    let best = Number.POSITIVE_INFINITY;
    let bestHead = Number.POSITIVE_INFINITY;
    for (let r = 0; r < n; r++) {
      const d = dist[r]!;
      if (d < best) best = d;
      if (r === head - 1) bestHead = best;
    }
    all[q] = columns ? best / columns : 0;
    first[q] = columns && head ? bestHead / columns : 0;
  }
  return { all, prefix: first };
}
