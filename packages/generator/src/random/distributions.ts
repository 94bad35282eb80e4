import type { Rng } from './prng.ts';

// Samplers that use a fixed, small number of draws so a column's stream advances predictably.
// Truncation to [min, max] is done through the inverse CDF (one draw, no rejection loop).

const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Inverse of the standard normal CDF (Acklam; relative error < 1.2e-9). */
export function invNormal(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
    );
  }
  if (p > 0.97575) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}

/** Standard normal CDF (W. J. Cody's erfc rational approximation via Abramowitz–Stegun 7.1.26 refinement). */
export function normalCdf(x: number): number {
  if (x === Number.NEGATIVE_INFINITY) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  // Numerical Recipes erfc (fractional error < 1.2e-7)
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - r / 2 : r / 2;
}

/** Standard normal draw (one uniform). */
export function normal(rng: Rng): number {
  return invNormal(rng.float() || 1e-300);
}

/** A sampler for a normal distribution truncated to [lo, hi] (either may be infinite). */
export function truncatedNormal(mean: number, sd: number, lo: number, hi: number): (rng: Rng) => number {
  const a = normalCdf((lo - mean) / sd);
  const b = normalCdf((hi - mean) / sd);
  if (a === 0 && b === 1) return (rng) => mean + sd * invNormal(rng.float() || 1e-300);
  const w = b - a;
  return (rng) => {
    const v = mean + sd * invNormal(a + w * (rng.float() || 1e-300));
    return v < lo ? lo : Math.min(v, hi);
  };
}

/** Exponential with rate λ starting at lo, truncated at hi. */
export function truncatedExponential(rate: number, lo: number, hi: number): (rng: Rng) => number {
  const span = hi - lo;
  const cap = Number.isFinite(span) ? 1 - Math.exp(-rate * span) : 1;
  return (rng) => {
    const v = lo - Math.log(1 - rng.float() * cap) / rate;
    return Math.min(v, hi);
  };
}

/** Poisson draw (inversion for small means, a continuity-corrected normal for large ones). */
export function poisson(rng: Rng, mean: number): number {
  if (mean < 50) {
    const u = rng.float();
    let p = Math.exp(-mean);
    let f = p;
    let k = 0;
    while (u > f && k < 1000) {
      k++;
      p *= mean / k;
      f += p;
    }
    return k;
  }
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
}

/** Gamma(shape, 1) by Marsaglia–Tsang (shape ≥ 1). */
export function gamma(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.float();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Binomial(n, p) for small n·p by inversion; normal approximation otherwise. */
export function binomial(rng: Rng, n: number, p: number): number {
  if (p <= 0) return 0;
  if (n * p < 30) {
    const u = rng.float();
    const q = 1 - p;
    let prob = q ** n;
    let f = prob;
    let k = 0;
    while (u > f && k < n) {
      prob *= ((n - k) / (k + 1)) * (p / q);
      k++;
      f += prob;
    }
    return k;
  }
  const v = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(rng));
  return Math.min(n, Math.max(0, v));
}

/** Geometric number of trials ≥ 1 with the given mean. */
export function geometric(rng: Rng, mean: number): number {
  if (mean <= 1) return 1;
  const p = 1 / mean;
  return 1 + Math.floor(Math.log(1 - rng.float()) / Math.log(1 - p));
}

/** Walker/Vose alias table: weighted choice among n items with one uniform draw. */
export class AliasTable {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;
  readonly n: number;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    this.n = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i]!;
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = total > 0 ? (weights[i]! * n) / total : 1;
      (scaled[i]! < 1 ? small : large).push(i);
    }
    while (small.length && large.length) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1;
  }

  /** Index for a uniform u in [0, 1). */
  pick(u: number): number {
    const x = u * this.n;
    const i = x | 0;
    return x - i < this.prob[i]! ? i : this.alias[i]!;
  }
}

/** Weights falling with rank, as real name and city frequencies do (a Zipf-like curve). */
export function rankWeights(n: number, exponent = 0.9, offset = 6): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 1 / (i + offset) ** exponent;
  return w;
}
