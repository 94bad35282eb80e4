import type { Marginal } from './fitted-sample.ts';
import type { PreparedColumn } from './prepare-column.ts';

/** Knots of a whole sample's quantile function: fine enough that KS distance from it is negligible. */
export const MAX_KNOTS = 500;
/** Knots of one category's part under `high`: fewer, as up to 50 parts travel in every plan. */
export const MAX_GROUP_KNOTS = 100;
/** A number with at most this many distinct values (each seen often enough) keeps its value counts. */
const DISCRETE_MAX_VALUES = 50;

/** The present (non-NaN) values, ascending. */
export function sortedPresent(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) out[k++] = v;
  }
  return out.subarray(0, k).sort();
}

/** Distinct values of a sorted array with their counts. */
export function runs(sorted: Float64Array): { values: number[]; counts: number[] } {
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    values.push(sorted[i]!);
    counts.push(j - i);
    i = j;
  }
  return { values, counts };
}

/**
 * A number column's marginal. Few distinct values, each seen at least `minCount` times: their
 * counts. Otherwise K+1 knots of the quantile function, each the mean of a window of about n/K
 * sorted values around its position (at least three), so a knot is never one record's value and
 * interpolating between knots draws values the sample does not hold.
 */
export function numberMarginal(sorted: Float64Array, maxKnots: number, minCount: number): Marginal {
  const n = sorted.length;
  const { values, counts } = runs(sorted);
  if (values.length <= DISCRETE_MAX_VALUES && counts.every((c) => c >= minCount)) {
    return { kind: 'values', values, counts };
  }
  const k = Math.max(1, Math.min(maxKnots, Math.floor(n / 3)));
  const half = Math.max(1, Math.round(n / (2 * k)));
  const knots: number[] = [];
  for (let j = 0; j <= k; j++) {
    const centre = Math.round((j / k) * (n - 1));
    const lo = Math.max(0, centre - half);
    const hi = Math.min(n - 1, centre + half);
    let s = 0;
    for (let i = lo; i <= hi; i++) s += sorted[i]!;
    knots.push(s / (hi - lo + 1));
  }
  return { kind: 'quantiles', knots };
}

/** Counts of the present categories, in the given order. */
export function categoryMarginal(
  column: Extract<PreparedColumn, { kind: 'category' }>,
  order: number[],
): Marginal {
  const counts = categoryCounts(column);
  return { kind: 'categories', order, counts: order.map((k) => counts[k]!) };
}

export function categoryCounts(column: Extract<PreparedColumn, { kind: 'category' }>): number[] {
  const counts = new Array<number>(column.size).fill(0);
  const codes = column.codes;
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) counts[codes[i]!]!++;
  return counts;
}

/** Cumulative shares of counts: interval i is [cum[i-1], cum[i]). */
export function cumulative(counts: number[]): Float64Array {
  const total = counts.reduce((a, b) => a + b, 0);
  const cum = new Float64Array(counts.length);
  let s = 0;
  counts.forEach((c, i) => {
    s += c;
    cum[i] = s / total;
  });
  cum[counts.length - 1] = 1;
  return cum;
}

/** Index of the interval holding u. */
function intervalOf(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cum[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The inverse CDF of a marginal: u in [0, 1) to a value (numbers, in the learned unit, before
 * rounding) or to an index into the column's categories.
 */
export function inverseCdf(m: Marginal): (u: number) => number {
  switch (m.kind) {
    case 'quantiles': {
      const knots = Float64Array.from(m.knots);
      const k = knots.length - 1;
      if (k === 0) return () => knots[0]!;
      return (u) => {
        const x = u * k;
        const j = Math.min(k - 1, Math.floor(x));
        return knots[j]! + (x - j) * (knots[j + 1]! - knots[j]!);
      };
    }
    case 'values': {
      const cum = cumulative(m.counts);
      const values = Float64Array.from(m.values);
      return (u) => values[intervalOf(cum, u)]!;
    }
    case 'categories': {
      const cum = cumulative(m.counts);
      const order = Int32Array.from(m.order);
      return (u) => order[intervalOf(cum, u)]!;
    }
  }
}
