// Two-way contingency tables of category codes (0..k-1, where the caller may reserve a code for an
// empty cell): dense when the table is small, a map of the occupied cells when two high-cardinality
// columns meet, since at most one cell per row is ever occupied.

const DENSE_CELLS = 1 << 18;

export class JointCounts {
  readonly total: number;
  private readonly dense: Float64Array | null;
  private readonly sparse: Map<number, number> | null;

  constructor(
    a: Int32Array,
    readonly ka: number,
    b: Int32Array,
    readonly kb: number,
  ) {
    this.total = a.length;
    if (ka * kb <= DENSE_CELLS) {
      const cells = new Float64Array(ka * kb);
      for (let i = 0; i < a.length; i++) cells[a[i]! * kb + b[i]!]!++;
      this.dense = cells;
      this.sparse = null;
    } else {
      const cells = new Map<number, number>();
      for (let i = 0; i < a.length; i++) {
        const key = a[i]! * kb + b[i]!;
        cells.set(key, (cells.get(key) ?? 0) + 1);
      }
      this.dense = null;
      this.sparse = cells;
    }
  }

  get(key: number): number {
    return this.dense ? this.dense[key]! : (this.sparse!.get(key) ?? 0);
  }

  /** Visits the occupied cells. */
  forEach(visit: (key: number, count: number) => void): void {
    if (this.dense) {
      for (let k = 0; k < this.dense.length; k++) if (this.dense[k]) visit(k, this.dense[k]!);
    } else {
      for (const [k, c] of this.sparse!) visit(k, c);
    }
  }
}

/** 1 − total variation distance between two normalised contingency tables over the same codes. */
export function contingencySimilarity(real: JointCounts, synthetic: JointCounts): number {
  if (!real.total || !synthetic.total) return real.total === synthetic.total ? 1 : 0;
  let diff = 0;
  real.forEach((key, c) => {
    diff += Math.abs(c / real.total - synthetic.get(key) / synthetic.total);
  });
  synthetic.forEach((key, c) => {
    if (!real.get(key)) diff += c / synthetic.total;
  });
  return Math.max(0, 1 - diff / 2);
}

/**
 * Cramér's V (0 = independent, 1 = one column determines the other), leaving out the rows where
 * either code is `emptyA` / `emptyB`; null when a column has fewer than two values in what is left.
 */
export function cramersV(t: JointCounts, emptyA: number, emptyB: number): number | null {
  const rowSums = new Float64Array(t.ka);
  const colSums = new Float64Array(t.kb);
  t.forEach((key, c) => {
    const i = Math.floor(key / t.kb);
    const j = key - i * t.kb;
    if (i === emptyA || j === emptyB) return;
    rowSums[i]! += c;
    colSums[j]! += c;
  });
  let rows = 0;
  let cols = 0;
  for (const s of rowSums) if (s > 0) rows++;
  for (const s of colSums) if (s > 0) cols++;
  const k = Math.min(rows, cols) - 1;
  if (k < 1) return null;
  // χ² = n (Σ n_ij² / (r_i c_j) − 1), summed over the occupied cells only.
  let sum = 0;
  t.forEach((key, c) => {
    const i = Math.floor(key / t.kb);
    const j = key - i * t.kb;
    if (i === emptyA || j === emptyB) return;
    sum += (c * c) / (rowSums[i]! * colSums[j]!);
  });
  const phi2 = Math.max(0, sum - 1);
  return Math.min(1, Math.sqrt(phi2 / k));
}
