import { describe, expect, test } from 'vitest';
import { jobReportFixture } from './job-report.fixture';
import { nextPairSort, sortPairs, worstFirst } from './pair-order';
import type { PairTrend } from './report-types';

const pairs = jobReportFixture.tables[0]?.quality?.pairs ?? [];
const names = (list: PairTrend[]) => list.map((pair) => pair.columns.join('/'));

describe('sortPairs', () => {
  test('worst first by default: the lowest score leads', () => {
    const sorted = sortPairs(pairs, worstFirst);
    expect(names(sorted).slice(0, 3)).toEqual(['plan/churned', 'income/plan', 'income/churned']);
    const scores = sorted.map((pair) => pair.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  test('descending by score puts the best first', () => {
    expect(names(sortPairs(pairs, { key: 'score', direction: 'desc' }))[0]).toBe('income/signup_date');
  });

  test('pairs without a correlation go last in either direction', () => {
    for (const direction of ['asc', 'desc'] as const) {
      const sorted = sortPairs(pairs, { key: 'real', direction });
      const firstNull = sorted.findIndex((pair) => pair.real === null);
      expect(sorted.slice(firstNull).every((pair) => pair.real === null)).toBe(true);
      expect(firstNull).toBe(3);
    }
    expect(sortPairs(pairs, { key: 'real', direction: 'desc' })[0]?.real).toBe(0.42);
  });

  test('sorts column names alphabetically and leaves the input alone', () => {
    const before = names(pairs);
    expect(names(sortPairs(pairs, { key: 'columns', direction: 'asc' }))[0]).toBe('age/churned');
    expect(names(pairs)).toEqual(before);
  });
});

describe('nextPairSort', () => {
  test('the same header flips the direction; another header starts ascending', () => {
    expect(nextPairSort(worstFirst, 'score')).toEqual({ key: 'score', direction: 'desc' });
    expect(nextPairSort({ key: 'score', direction: 'desc' }, 'score')).toEqual(worstFirst);
    expect(nextPairSort(worstFirst, 'columns')).toEqual({ key: 'columns', direction: 'asc' });
  });
});
