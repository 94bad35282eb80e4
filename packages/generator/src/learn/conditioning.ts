import type { Marginal } from './fitted-sample.ts';
import type { Scores } from './normal-scores.ts';

/** The conditioning column has at most this many categories: each may get a model of its own. */
export const MAX_CONDITIONING_CATEGORIES = 50;
// Choosing the column is a comparison of association strengths, which a few hundred thousand rows
// settle as well as millions.
const ASSOCIATION_ROWS = 200_000;

/** Cramér's V of two categorical columns (codes ≥ 0 present). */
function cramersV(a: Int32Array, b: Int32Array, step: number): number {
  const index = (codes: Int32Array) => {
    let size = 0;
    for (let i = 0; i < codes.length; i += step) size = Math.max(size, codes[i]! + 1);
    return size;
  };
  const ra = index(a);
  const rb = index(b);
  const table = new Float64Array(ra * rb);
  let n = 0;
  for (let i = 0; i < a.length; i += step) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < 0 || y < 0) continue;
    table[x * rb + y]!++;
    n++;
  }
  const rowSums = new Float64Array(ra);
  const colSums = new Float64Array(rb);
  for (let x = 0; x < ra; x++) {
    for (let y = 0; y < rb; y++) {
      rowSums[x]! += table[x * rb + y]!;
      colSums[y]! += table[x * rb + y]!;
    }
  }
  const r = rowSums.filter((s) => s > 0).length;
  const c = colSums.filter((s) => s > 0).length;
  if (n === 0 || Math.min(r, c) < 2) return 0;
  let chi2 = 0;
  for (let x = 0; x < ra; x++) {
    for (let y = 0; y < rb; y++) {
      const e = (rowSums[x]! * colSums[y]!) / n;
      if (e > 0) chi2 += (table[x * rb + y]! - e) ** 2 / e;
    }
  }
  return Math.sqrt(chi2 / (n * (Math.min(r, c) - 1)));
}

/** Correlation ratio η of a score column grouped by a categorical column. */
function correlationRatio(groups: Int32Array, z: Float64Array, step: number): number {
  const sums = new Map<number, [number, number]>();
  let n = 0;
  let total = 0;
  let totalSq = 0;
  for (let i = 0; i < z.length; i += step) {
    const g = groups[i]!;
    const v = z[i]!;
    if (g < 0 || Number.isNaN(v)) continue;
    const s = sums.get(g);
    if (s) {
      s[0] += v;
      s[1]++;
    } else sums.set(g, [v, 1]);
    n++;
    total += v;
    totalSq += v * v;
  }
  if (n < 2) return 0;
  const mean = total / n;
  const variance = totalSq - n * mean * mean;
  if (variance <= 0) return 0;
  let between = 0;
  for (const [s, k] of sums.values()) between += k * (s / k - mean) ** 2;
  return Math.sqrt(Math.min(1, between / variance));
}

const categoriesOf = (m: Marginal) =>
  m.kind === 'categories' ? m.order.length : m.kind === 'values' ? m.values.length : 0;

/**
 * The column `high` conditions on: among categorical columns with 2 to 50 categories, the one with
 * the highest mean association to the other columns (Cramér's V with categorical ones, the
 * correlation ratio of the others' normal scores). Null when no column qualifies.
 */
export function conditioningColumn(
  codes: Array<Int32Array | null>,
  scores: Scores[],
  marginals: Marginal[],
): number | null {
  const n = codes.length;
  if (n < 2) return null;
  const rows = scores[0]?.scores.length ?? 0;
  const step = Math.max(1, Math.ceil(rows / ASSOCIATION_ROWS));
  let best: number | null = null;
  let bestScore = -1;
  for (let c = 0; c < n; c++) {
    const own = codes[c];
    const k = categoriesOf(marginals[c]!);
    if (!own || k < 2 || k > MAX_CONDITIONING_CATEGORIES) continue;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      if (j === c) continue;
      const other = codes[j];
      sum += other ? cramersV(own, other, step) : correlationRatio(own, scores[j]!.scores, step);
    }
    const mean = sum / (n - 1);
    if (mean > bestScore) {
      best = c;
      bestScore = mean;
    }
  }
  return best;
}
