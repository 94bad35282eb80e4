// Small dense linear algebra for copula correlation matrices (a few hundred columns at most).

/** Eigenvalues and eigenvectors (columns of `vectors`) of a symmetric matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += a[i]![j]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((row, i) => row[i]!), vectors: v };
}

// Eigenvalues are raised to this floor: far enough from zero that the Cholesky factor stays
// accurate, close enough that the correlations barely move.
const MIN_EIGENVALUE = 1e-4;

/**
 * The nearest (by eigenvalue clipping) positive definite matrix with a unit diagonal: pairwise
 * estimates from rows with missing cells, and the attenuation correction, need not form a valid
 * correlation matrix on their own.
 */
export function positiveDefinite(matrix: number[][]): number[][] {
  const n = matrix.length;
  const { values, vectors } = symmetricEigen(matrix);
  if (values.every((l) => l >= MIN_EIGENVALUE)) return matrix.map((row) => [...row]);
  const clipped = values.map((l) => Math.max(l, MIN_EIGENVALUE));
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += vectors[i]![k]! * clipped[k]! * vectors[j]![k]!;
      out[i]![j] = s;
      out[j]![i] = s;
    }
  }
  const d = out.map((row, i) => Math.sqrt(row[i]!));
  return out.map((row, i) => row.map((x, j) => (i === j ? 1 : x / (d[i]! * d[j]!))));
}

/** Lower-triangular L with L·Lᵀ = matrix (which must be positive definite). */
export function cholesky(matrix: number[][]): number[][] {
  const n = matrix.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j]![j]!;
    }
  }
  return l;
}

/** Rows and columns `keep` of a square matrix, in that order. */
export function subMatrix(matrix: number[][], keep: number[]): number[][] {
  return keep.map((i) => keep.map((j) => matrix[i]![j]!));
}
