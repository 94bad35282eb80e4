// The statistics behind the scores, on typed arrays so 100,000-row columns take milliseconds.

/** Keeps a score inside [0, 1] against floating-point dust (1 − 1.0000000000000002). */
export function clampShare(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Two-sample Kolmogorov–Smirnov statistic: the largest gap between the empirical CDFs. */
export function ksStatistic(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const x = Math.min(a[i]!, b[j]!);
    // Ties step both CDFs together, as scipy's ks_2samp does.
    while (i < n && a[i] === x) i++;
    while (j < m && b[j] === x) j++;
    const gap = Math.abs(i / n - j / m);
    if (gap > d) d = gap;
  }
  return d;
}

/**
 * One-sample Kolmogorov–Smirnov statistic of ascending values against a distribution given by its
 * CDF at each value (`cdf`) and just below it (`cdfBelow`): equal for a continuous distribution,
 * apart for one whose values are rounded onto a grid, where each grid value carries a step of mass.
 */
export function ksAgainst(
  sorted: Float64Array,
  cdf: (x: number) => number,
  cdfBelow: (x: number) => number,
): number {
  const n = sorted.length;
  let d = 0;
  let i = 0;
  while (i < n) {
    const x = sorted[i]!;
    const before = i / n;
    while (i < n && sorted[i] === x) i++;
    d = Math.max(d, Math.abs(cdfBelow(x) - before), Math.abs(i / n - cdf(x)));
  }
  return d;
}

/** Total variation distance of two count vectors over the same categories, each normalised. */
export function totalVariation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ta = 0;
  let tb = 0;
  for (let i = 0; i < a.length; i++) ta += a[i]!;
  for (let i = 0; i < b.length; i++) tb += b[i]!;
  let sum = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    sum += Math.abs((ta ? (a[i] ?? 0) / ta : 0) - (tb ? (b[i] ?? 0) / tb : 0));
  }
  return sum / 2;
}

/** Pearson correlation over the rows where both values are present; null when either is constant. */
export function pearson(x: Float64Array, y: Float64Array): number | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sx += a;
    sy += b;
  }
  if (n < 2) return null;
  // Centred second pass: epoch-millisecond dates squared would lose every digit that matters.
  const mx = sx / n;
  const my = sy / n;
  let cxy = 0;
  let cxx = 0;
  let cyy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]! - mx;
    const b = y[i]! - my;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    cxy += a * b;
    cxx += a * a;
    cyy += b * b;
  }
  if (cxx <= 0 || cyy <= 0) return null;
  return Math.max(-1, Math.min(1, cxy / Math.sqrt(cxx * cyy)));
}

export function median(values: Float64Array): number {
  if (!values.length) return 0;
  const s = Float64Array.from(values).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
