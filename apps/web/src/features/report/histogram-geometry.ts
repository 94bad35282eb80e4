import { formatCompact, niceTicks } from '../viewer/number-format';

export type Series = 'real' | 'synthetic';
export type Plot = { left: number; top: number; width: number; height: number };
type HistogramBar = {
  index: number;
  series: Series;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
};

/** The value axis: round ticks from 0 to at least the tallest bar of either series. */
export function barAxis(real: number[], synthetic: number[]): { top: number; ticks: number[] } {
  const max = Math.max(0, ...real, ...synthetic);
  if (max === 0) return { top: 1, ticks: [0, 1] };
  const ticks = niceTicks(0, max, 3);
  return { top: Math.max(max, ticks.at(-1) ?? max), ticks };
}

// A sliver of room between groups, so neighbouring bins read as separate.
const groupGap = 0.2;

/**
 * Real and synthetic bars side by side in each group (a bin of numbers or dates, or a category),
 * on the plot's bottom edge. A non-zero value keeps at least a pixel, so a rare value never vanishes.
 */
export function groupedBars(real: number[], synthetic: number[], plot: Plot, top: number): HistogramBar[] {
  const groups = Math.max(real.length, synthetic.length);
  const slot = plot.width / Math.max(1, groups);
  const width = (slot * (1 - groupGap)) / 2;
  const bars: HistogramBar[] = [];
  for (let index = 0; index < groups; index++) {
    (['real', 'synthetic'] as const).forEach((series, position) => {
      const value = (series === 'real' ? real : synthetic)[index] ?? 0;
      const height = value > 0 ? Math.max(1, (value / top) * plot.height) : 0;
      bars.push({
        index,
        series,
        value,
        x: plot.left + index * slot + (slot * groupGap) / 2 + position * width,
        y: plot.top + plot.height - height,
        width,
        height,
      });
    });
  }
  return bars;
}

const day = 24 * 3600 * 1000;

/** A bin edge as text: dates as dates (with the time when the bins are shorter than days), numbers compact. */
export function formatEdge(value: number, isDate: boolean, binWidth: number): string {
  if (!isDate) return formatCompact(value);
  const iso = new Date(value).toISOString();
  return binWidth < day ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}
