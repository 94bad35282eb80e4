import { describe, expect, it } from 'vitest';
import { contingencySimilarity, cramersV, JointCounts } from './contingency.ts';
import { ksAgainst, ksStatistic, median, pearson, totalVariation } from './statistics.ts';

const f64 = (...xs: number[]) => Float64Array.from(xs);
const i32 = (...xs: number[]) => Int32Array.from(xs);

/** Codes of a contingency table written as counts per cell (row-major, ka × kb). */
function fromCells(cells: number[][]): JointCounts {
  const a: number[] = [];
  const b: number[] = [];
  for (const [i, row] of cells.entries()) {
    for (const [j, n] of row.entries()) {
      for (let k = 0; k < n; k++) {
        a.push(i);
        b.push(j);
      }
    }
  }
  return new JointCounts(Int32Array.from(a), cells.length, Int32Array.from(b), cells[0]!.length);
}

describe('report statistics', () => {
  it('finds the largest gap between two empirical CDFs', () => {
    // F_a steps to 1/3, 2/3, 1 at 1, 2, 3; F_b to 1/3, 2/3, 1 at 2, 3, 4: the gap is 1/3 at 1, 2 and 3.
    expect(ksStatistic(f64(1, 2, 3), f64(2, 3, 4))).toBeCloseTo(1 / 3, 12);
    // a tie steps both CDFs at once: at 2, F_a = 3/4 and F_b = 2/4 (never 3/4 against 0)
    expect(ksStatistic(f64(1, 2, 2, 3), f64(2, 2, 3, 4))).toBeCloseTo(0.25, 12);
    expect(ksStatistic(f64(1, 2, 3), f64(1, 2, 3))).toBe(0);
  });

  it('measures a sample against a CDF on both sides of every step', () => {
    const uniform = (x: number) => Math.min(1, Math.max(0, x));
    // gaps: 0.1, 1/3−0.1, 0.4−1/3, 2/3−0.4, 0.7−2/3, 1−0.7 → the largest is 0.3
    expect(ksAgainst(f64(0.1, 0.4, 0.7), uniform, uniform)).toBeCloseTo(0.3, 12);
    // a fair die thrown six times with every face once matches its discrete CDF exactly
    const die = (x: number) => Math.min(1, Math.max(0, Math.floor(x) / 6));
    expect(ksAgainst(f64(1, 2, 3, 4, 5, 6), die, (x) => die(x - 1))).toBe(0);
  });

  it('computes the total variation distance of two count vectors', () => {
    // shares .25 .25 .5 vs .5 .25 .25 → (0.25 + 0 + 0.25) / 2
    expect(totalVariation(f64(1, 1, 2), f64(2, 1, 1))).toBeCloseTo(0.25, 12);
    expect(totalVariation(f64(3, 0), f64(0, 5))).toBe(1);
  });

  it('correlates perfectly related columns and leaves constant ones undefined', () => {
    const x = f64(1, 2, 3, 4, 5);
    expect(pearson(x, f64(2, 4, 6, 8, 10))).toBeCloseTo(1, 12);
    expect(pearson(x, f64(5, 4, 3, 2, 1))).toBeCloseTo(-1, 12);
    expect(pearson(x, f64(1, 2, 1, 2, 1))).toBeCloseTo(0, 12);
    expect(pearson(x, f64(7, 7, 7, 7, 7))).toBeNull();
    // rows with an empty cell (NaN) are left out
    expect(pearson(f64(1, 2, Number.NaN, 4), f64(1, 2, 100, 4))).toBeCloseTo(1, 12);
  });

  it("computes Cramér's V of a known table", () => {
    // rows 30/70, columns 40/60, expected 12 18 28 42: χ² = 4/12 + 4/18 + 4/28 + 4/42 = 0.793651
    expect(
      cramersV(
        fromCells([
          [10, 20],
          [30, 40],
        ]),
        -1,
        -1,
      ),
    ).toBeCloseTo(Math.sqrt(0.79365079 / 100), 6);
    expect(
      cramersV(
        fromCells([
          [25, 0, 0],
          [0, 25, 0],
          [0, 0, 50],
        ]),
        -1,
        -1,
      ),
    ).toBeCloseTo(1, 12);
    expect(
      cramersV(
        fromCells([
          [10, 10],
          [10, 10],
        ]),
        -1,
        -1,
      ),
    ).toBe(0);
    // the empty code (here the last row) is left out: what remains is a perfect association
    expect(
      cramersV(
        fromCells([
          [5, 0],
          [0, 5],
          [7, 9],
        ]),
        2,
        -1,
      ),
    ).toBeCloseTo(1, 12);
    // one value left: association is undefined
    expect(cramersV(fromCells([[5, 3]]), -1, -1)).toBeNull();
  });

  it('compares two 2×2 contingency tables by their total variation', () => {
    // real shares .5 .25 .25 0 vs synthetic .25 each: TVD = (.25 + 0 + 0 + .25) / 2
    expect(
      contingencySimilarity(
        fromCells([
          [2, 1],
          [1, 0],
        ]),
        fromCells([
          [1, 1],
          [1, 1],
        ]),
      ),
    ).toBeCloseTo(0.75, 12);
    expect(
      contingencySimilarity(
        fromCells([
          [2, 1],
          [1, 0],
        ]),
        fromCells([
          [4, 2],
          [2, 0],
        ]),
      ),
    ).toBeCloseTo(1, 12);
  });

  it('counts high-cardinality tables sparsely with the same result', () => {
    const n = 2000;
    const a = i32(...Array.from({ length: n }, (_, i) => i));
    const b = i32(...Array.from({ length: n }, (_, i) => i % 1000));
    const sparse = new JointCounts(a, n, b, 1000);
    expect(sparse.total).toBe(n);
    expect(sparse.get(1500 * 1000 + 500)).toBe(1);
    expect(cramersV(sparse, -1, -1)).toBeCloseTo(1, 12);
    expect(contingencySimilarity(sparse, sparse)).toBe(1);
  });

  it('takes the middle of an odd and an even count', () => {
    expect(median(f64(3, 1, 2))).toBe(2);
    expect(median(f64(4, 1, 3, 2))).toBe(2.5);
  });
});
