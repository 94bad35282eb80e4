import type { ColumnHistogram } from '@synoptic/contract';

// The bars of the report's real-vs-synthetic charts: shares of the non-empty values of each side.

const NUMERIC_BINS = 20;
const TOP_CATEGORIES = 20;
export const OTHER = '(other)';

/**
 * Equal-width bins over the real range (the synthetic range when the real column is empty). Whole
 * numbers spanning fewer values than bins get one bin per value, so 1..5 shows five bars rather
 * than twenty with gaps. Values outside the real range count in the end bins: the shares add up to
 * 1 on both sides and a synthetic overflow shows as a taller edge bar instead of vanishing.
 */
export function numericHistogram(
  real: Float64Array,
  synthetic: Float64Array,
  integer: boolean,
): ColumnHistogram {
  const basis = real.length ? real : synthetic;
  if (!basis.length) return { kind: 'numeric', edges: [], real: [], synthetic: [] };
  const lo = basis[0]!;
  const hi = basis[basis.length - 1]!;
  let edges: number[];
  if (integer && Number.isInteger(lo) && hi - lo < NUMERIC_BINS) {
    edges = Array.from({ length: hi - lo + 2 }, (_, i) => lo - 0.5 + i);
  } else if (lo === hi) {
    edges = [lo - 0.5, lo + 0.5];
  } else {
    const width = (hi - lo) / NUMERIC_BINS;
    edges = Array.from({ length: NUMERIC_BINS + 1 }, (_, i) => (i === NUMERIC_BINS ? hi : lo + i * width));
  }
  return { kind: 'numeric', edges, real: binShares(real, edges), synthetic: binShares(synthetic, edges) };
}

function binShares(sorted: Float64Array, edges: number[]): number[] {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  const lo = edges[0]!;
  const width = (edges[bins]! - lo) / bins;
  for (const v of sorted) {
    const b = Math.floor((v - lo) / width);
    counts[b < 0 ? 0 : b >= bins ? bins - 1 : b]!++;
  }
  return Array.from(counts, (c) => (sorted.length ? c / sorted.length : 0));
}

/**
 * The most frequent categories (by real count, then synthetic count) with their shares of each
 * side's non-empty values; "(other)" gathers the rest when there are more than fit.
 */
export function categoricalHistogram(
  labels: string[],
  real: Float64Array,
  synthetic: Float64Array,
): ColumnHistogram {
  const totalReal = real.reduce((a, b) => a + b, 0);
  const totalSynthetic = synthetic.reduce((a, b) => a + b, 0);
  const shareOf = (count: number, total: number) => (total ? count / total : 0);
  const order = labels
    .map((_, i) => i)
    .filter((i) => real[i]! + synthetic[i]! > 0)
    .sort(
      (a, b) => real[b]! - real[a]! || synthetic[b]! - synthetic[a]! || (labels[a]! < labels[b]! ? -1 : 1),
    );
  const shown = order.slice(0, TOP_CATEGORIES);
  const histogram = {
    kind: 'categorical' as const,
    categories: shown.map((i) => labels[i]!),
    real: shown.map((i) => shareOf(real[i]!, totalReal)),
    synthetic: shown.map((i) => shareOf(synthetic[i]!, totalSynthetic)),
  };
  if (order.length > shown.length) {
    const rest = order.slice(TOP_CATEGORIES);
    histogram.categories.push(OTHER);
    histogram.real.push(
      shareOf(
        rest.reduce((s, i) => s + real[i]!, 0),
        totalReal,
      ),
    );
    histogram.synthetic.push(
      shareOf(
        rest.reduce((s, i) => s + synthetic[i]!, 0),
        totalSynthetic,
      ),
    );
  }
  return histogram;
}
