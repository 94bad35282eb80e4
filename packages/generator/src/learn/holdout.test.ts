import { describe, expect, it } from 'vitest';
import { splitHoldout } from '../index.ts';
import { cells, dataTable, numberColumn, textColumn } from './sample-table.fixture.ts';

const table = (rows: number) =>
  dataTable(
    numberColumn(
      'id',
      Array.from({ length: rows }, (_, i) => i),
      true,
    ),
    textColumn(
      'kind',
      Array.from({ length: rows }, (_, i) => (i % 3 ? 'a' : null)),
    ),
  );

describe('holding out rows', () => {
  it('sets aside a fifth of the rows, disjoint from training, both in sample order', () => {
    const { training, holdout } = splitHoldout(table(1000), { seed: 's' });
    expect(holdout.rows).toBe(200);
    expect(training.rows).toBe(800);
    const ids = [...cells(training, 'id'), ...cells(holdout, 'id')] as number[];
    expect(new Set(ids).size).toBe(1000);
    const sorted = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! < x);
    expect(sorted(cells(training, 'id') as number[])).toBe(true);
    expect(sorted(cells(holdout, 'id') as number[])).toBe(true);
    // other columns travel with their rows
    const kinds = cells(holdout, 'kind');
    (cells(holdout, 'id') as number[]).forEach((id, i) => {
      expect(kinds[i]).toBe(id % 3 ? 'a' : null);
    });
  });

  it('picks the same rows for the same seed and others for another', () => {
    const a = cells(splitHoldout(table(1000), { seed: 's' }).holdout, 'id');
    expect(cells(splitHoldout(table(1000), { seed: 's' }).holdout, 'id')).toEqual(a);
    expect(cells(splitHoldout(table(1000), { seed: 't' }).holdout, 'id')).not.toEqual(a);
  });

  it('holds out at most maxHoldout rows', () => {
    const { training, holdout } = splitHoldout(table(10_000), { seed: 's', share: 0.5, maxHoldout: 300 });
    expect(holdout.rows).toBe(300);
    expect(training.rows).toBe(9700);
  });
});
