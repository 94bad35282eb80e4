import type { PairTrend } from './report-types';

export type PairSortKey = 'columns' | 'metric' | 'score' | 'real' | 'synthetic';
export type PairSort = { key: PairSortKey; direction: 'asc' | 'desc' };

/** Worst first: the pairs the model reproduced least well are the ones a reader looks for. */
export const worstFirst: PairSort = { key: 'score', direction: 'asc' };

function sortValue(pair: PairTrend, key: PairSortKey): string | number | null {
  if (key === 'columns') return pair.columns.join(' × ');
  return pair[key];
}

/** The pairs sorted by one column; undefined correlations go last either way, ties keep their order. */
export function sortPairs(pairs: PairTrend[], sort: PairSort): PairTrend[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return pairs
    .map((pair, index) => ({ pair, index }))
    .sort((a, b) => {
      const left = sortValue(a.pair, sort.key);
      const right = sortValue(b.pair, sort.key);
      if (left === null || right === null) {
        if (left === right) return a.index - b.index;
        return left === null ? 1 : -1;
      }
      const order =
        typeof left === 'number' && typeof right === 'number'
          ? left - right
          : String(left).localeCompare(String(right));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.pair);
}

/** A header click: the same column flips its direction, another column starts ascending. */
export function nextPairSort(current: PairSort, key: PairSortKey): PairSort {
  if (current.key !== key) return { key, direction: 'asc' };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
