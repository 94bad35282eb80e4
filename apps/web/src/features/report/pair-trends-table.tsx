import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useState } from 'react';
import { cn } from '@/lib/utils';
import { nextPairSort, type PairSort, type PairSortKey, sortPairs, worstFirst } from './pair-order';
import { formatCorrelation, formatScore } from './report-format';
import type { PairTrend } from './report-types';

const headers: { key: PairSortKey; label: string; numeric: boolean }[] = [
  { key: 'columns', label: 'Columns', numeric: false },
  { key: 'metric', label: 'Metric', numeric: false },
  { key: 'score', label: 'Score', numeric: true },
  { key: 'real', label: 'Real', numeric: true },
  { key: 'synthetic', label: 'Synthetic', numeric: true },
];

/** Every column pair's trend score, worst first; a header sorts by its column. */
export function PairTrendsTable({ pairs, caption }: { pairs: PairTrend[]; caption: string }) {
  const [sort, setSort] = useState<PairSort>(worstFirst);
  const sorted = sortPairs(pairs, sort);
  return (
    <div className="overflow-x-auto rounded-lg border">
      <table className="w-full text-sm" aria-label={caption}>
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
          <tr>
            {headers.map((header) => {
              const active = sort.key === header.key;
              const Arrow = !active ? ArrowUpDown : sort.direction === 'asc' ? ArrowUp : ArrowDown;
              return (
                <th
                  key={header.key}
                  scope="col"
                  aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  className={cn('px-3 py-1.5 font-medium', header.numeric && 'text-right')}
                >
                  <button
                    type="button"
                    onClick={() => setSort(nextPairSort(sort, header.key))}
                    className={cn(
                      'inline-flex items-center gap-1 rounded-sm py-0.5 hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring print:hidden',
                      active && 'text-foreground',
                    )}
                  >
                    {header.label}
                    <Arrow aria-hidden="true" className={cn('size-3', !active && 'opacity-50')} />
                  </button>
                  <span className="hidden print:inline">{header.label}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((pair) => (
            <tr key={pair.columns.join('\u0000')} className="border-t">
              <td className="px-3 py-1.5 font-medium break-all">
                {pair.columns[0]} <span className="text-muted-foreground">×</span> {pair.columns[1]}
              </td>
              <td className="px-3 py-1.5 text-muted-foreground">{pair.metric}</td>
              <td
                className={cn(
                  'px-3 py-1.5 text-right tabular-nums',
                  pair.score < 0.7 && 'font-medium text-destructive',
                )}
              >
                {formatScore(pair.score)}
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatCorrelation(pair.real)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatCorrelation(pair.synthetic)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
