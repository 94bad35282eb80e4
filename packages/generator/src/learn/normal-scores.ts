import { invNormal } from '../random/distributions.ts';
import type { Rng } from '../random/prng.ts';
import { symmetricEigen } from './correlation-matrix.ts';
import { cumulative, runs } from './marginals.ts';
import type { PreparedColumn } from './prepare-column.ts';

// Normal scores put every column on one scale for the copula: numbers through their mid-ranks,
// categories through random positions inside their intervals of [0, 1). Both coarsen a variable
// with few values, which weakens its correlations; `attenuation` is the factor by which a score's
// correlation with a standard normal falls short of 1, so fitting can divide it back out.

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const density = (z: number) => (Number.isFinite(z) ? INV_SQRT_2PI * Math.exp(-0.5 * z * z) : 0);

/** E[Z | Z falls in the interval of probability [lo, hi)] for a standard normal Z. */
function truncatedMean(lo: number, hi: number): number {
  return (density(invNormal(lo)) - density(invNormal(hi))) / (hi - lo);
}

export type Scores = { scores: Float64Array; attenuation: number };

/** Normal scores of a number column from mid-ranks (ties share their mean rank); NaN for empty cells. */
export function midRankScores(values: Float64Array, sorted: Float64Array): Scores {
  const n = sorted.length;
  const { values: distinct, counts } = runs(sorted);
  const score = new Float64Array(distinct.length);
  let below = 0;
  let cov = 0;
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < distinct.length; k++) {
    const c = counts[k]!;
    const s = invNormal((below + (c + 1) / 2) / (n + 1));
    score[k] = s;
    const p = c / n;
    cov += p * s * truncatedMean(below / n, (below + c) / n);
    sum += p * s;
    sumSq += p * s * s;
    below += c;
  }
  const sd = Math.sqrt(Math.max(0, sumSq - sum * sum));
  const scores = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      scores[i] = Number.NaN;
      continue;
    }
    let lo = 0;
    let hi = distinct.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    scores[i] = score[lo]!;
  }
  return { scores, attenuation: sd > 0 ? cov / sd : 0 };
}

/**
 * Normal scores of a category column: its categories, in `order`, share [0, 1) by frequency and
 * each row takes a seeded random point of its category's interval. NaN for empty and rare cells.
 */
export function intervalScores(
  column: Extract<PreparedColumn, { kind: 'category' }>,
  order: number[],
  counts: number[],
  rng: Rng,
): Scores {
  const cum = cumulative(counts);
  const lo = new Float64Array(column.size);
  const width = new Float64Array(column.size);
  let attenuation = 0;
  order.forEach((code, i) => {
    const a = i ? cum[i - 1]! : 0;
    lo[code] = a;
    width[code] = cum[i]! - a;
    if (cum[i]! > a) attenuation += (cum[i]! - a) * truncatedMean(a, cum[i]!) ** 2;
  });
  const scores = new Float64Array(column.codes.length);
  for (let i = 0; i < scores.length; i++) {
    const code = column.codes[i]!;
    if (code < 0) {
      scores[i] = Number.NaN;
      continue;
    }
    const u = lo[code]! + width[code]! * rng.float();
    scores[i] = invNormal(Math.min(1 - 1e-12, Math.max(1e-12, u)));
  }
  return { scores, attenuation };
}

/**
 * The order in which a category column's present categories line up on [0, 1). A copula ties
 * columns monotonically, so categories are ordered along the direction in which their rows differ
 * most in the other columns' normal scores (the first principal axis of the per-category means,
 * weighted by frequency): a category whose rows have large values elsewhere sits at one end.
 * Without such columns, the most frequent category comes first.
 */
export function categoryOrder(
  column: Extract<PreparedColumn, { kind: 'category' }>,
  counts: number[],
  reference: Float64Array[],
): number[] {
  const present = counts
    .flatMap((c, k) => (c > 0 ? [k] : []))
    .sort((a, b) => counts[b]! - counts[a]! || a - b);
  const p = reference.length;
  if (present.length < 3 || p === 0) return present;
  const sums = Array.from({ length: column.size }, () => new Float64Array(p));
  const seen = Array.from({ length: column.size }, () => new Float64Array(p));
  for (let r = 0; r < p; r++) {
    const z = reference[r]!;
    for (let i = 0; i < z.length; i++) {
      const code = column.codes[i]!;
      const v = z[i]!;
      if (code < 0 || Number.isNaN(v)) continue;
      sums[code]![r]! += v;
      seen[code]![r]!++;
    }
  }
  const means = present.map((k) => Array.from(sums[k]!, (s, r) => (seen[k]![r]! ? s / seen[k]![r]! : 0)));
  const weights = present.map((k) => counts[k]!);
  const total = weights.reduce((a, b) => a + b, 0);
  const centre = Array.from({ length: p }, (_, r) =>
    means.reduce((s, m, i) => s + (weights[i]! * m[r]!) / total, 0),
  );
  const between = Array.from({ length: p }, (_, a) =>
    Array.from({ length: p }, (_, b) =>
      means.reduce((s, m, i) => s + weights[i]! * (m[a]! - centre[a]!) * (m[b]! - centre[b]!), 0),
    ),
  );
  const { values, vectors } = symmetricEigen(between);
  let top = 0;
  for (let k = 1; k < p; k++) if (values[k]! > values[top]!) top = k;
  if (!(values[top]! > 0)) return present;
  const axis = vectors.map((row) => row[top]!);
  const position = new Map(present.map((k, i) => [k, means[i]!.reduce((s, m, r) => s + m * axis[r]!, 0)]));
  return [...present].sort((a, b) => position.get(a)! - position.get(b)! || counts[b]! - counts[a]! || a - b);
}
