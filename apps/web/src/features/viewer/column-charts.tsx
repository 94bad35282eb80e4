import { formatCount } from '@/features/jobs/job-format';
import { ChartGridLines } from './chart-grid';
import { formatAxisValue, niceTicks } from './number-format';
import type { CellValue } from './use-dataset';

type Bin = { start: CellValue; end: CellValue; count: number };

const width = 360;
const height = 168;
const margin = { top: 10, right: 10, bottom: 30, left: 40 };

/** Equal-width bins as bars on a count axis; each bar names its range and count on hover. */
export function Histogram({ column, bins }: { column: string; bins: Bin[] }) {
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const max = Math.max(1, ...bins.map((bin) => bin.count));
  const ticks = niceTicks(0, max, 3);
  const top = Math.max(max, ticks.at(-1) ?? max);
  const barWidth = plotWidth / Math.max(1, bins.length);
  const y = (count: number) => margin.top + plotHeight - (count / top) * plotHeight;
  const first = bins[0];
  const last = bins.at(-1);
  const middle = bins.length > 2 ? bins[Math.floor(bins.length / 2)] : undefined;
  const label = `Histogram of ${column}: ${bins.length} bins from ${formatAxisValue(first?.start)} to ${formatAxisValue(last?.end)}, at most ${formatCount(max)} rows in a bin`;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${width} ${height}`}
      className="w-full overflow-visible text-[10px]"
      data-testid="histogram"
    >
      <ChartGridLines
        ticks={ticks}
        y={y}
        left={margin.left}
        right={width - margin.right}
        labelGap={6}
        dash="2 3"
      />
      {bins.map((bin, index) => {
        const barHeight = (bin.count / top) * plotHeight;
        return (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: bins are ordered ranges; their place is their identity
            key={index}
            x={margin.left + index * barWidth + 0.5}
            y={margin.top + plotHeight - barHeight}
            width={Math.max(1, barWidth - 1)}
            height={Math.max(bin.count > 0 ? 1 : 0, barHeight)}
            rx={1}
            className="fill-primary/80 hover:fill-primary"
          >
            <title>{`${formatAxisValue(bin.start)} – ${formatAxisValue(bin.end)}: ${formatCount(bin.count)} rows`}</title>
          </rect>
        );
      })}
      <g className="fill-muted-foreground">
        {first && (
          <text x={margin.left} y={height - margin.bottom + 16} textAnchor="start">
            {formatAxisValue(first.start)}
          </text>
        )}
        {middle && (
          <text
            x={margin.left + Math.floor(bins.length / 2) * barWidth}
            y={height - margin.bottom + 16}
            textAnchor="middle"
          >
            {formatAxisValue(middle.start)}
          </text>
        )}
        {last && (
          <text x={width - margin.right} y={height - margin.bottom + 16} textAnchor="end">
            {formatAxisValue(last.end)}
          </text>
        )}
      </g>
    </svg>
  );
}

/** The most frequent values as bars of their share of the rows; a click filters on the value. */
export function TopValues({
  top,
  count,
  onPick,
}: {
  top: { value: CellValue; count: number }[];
  count: number;
  onPick?: (value: CellValue) => void;
}) {
  const max = Math.max(1, ...top.map((item) => item.count));
  return (
    <ol className="grid gap-1" aria-label="Most frequent values">
      {top.map((item) => {
        const share = count > 0 ? item.count / count : 0;
        const text = item.value === null ? 'null' : String(item.value);
        const content = (
          <>
            <span
              aria-hidden="true"
              className="absolute inset-y-0 left-0 rounded-sm bg-primary/15"
              style={{ width: `${(item.count / max) * 100}%` }}
            />
            <span
              className={`relative min-w-0 flex-1 truncate font-mono ${item.value === null ? 'italic text-muted-foreground' : ''}`}
            >
              {text}
            </span>
            <span className="relative shrink-0 tabular-nums text-muted-foreground">
              {formatCount(item.count)} · {(share * 100).toFixed(share < 0.1 ? 1 : 0)}%
            </span>
          </>
        );
        return (
          <li key={`${typeof item.value}:${text}`}>
            {onPick && item.value !== null ? (
              <button
                type="button"
                onClick={() => onPick(item.value)}
                title={`Show only rows where the value is ${text}`}
                className="relative flex w-full items-center gap-3 rounded-sm px-2 py-1 text-left text-xs hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                {content}
              </button>
            ) : (
              <div className="relative flex items-center gap-3 px-2 py-1 text-xs">{content}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
