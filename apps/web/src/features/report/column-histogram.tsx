import { ChartGridLines } from '@/features/viewer/chart-grid';
import { cn } from '@/lib/utils';
import { barAxis, formatEdge, groupedBars, type Series } from './histogram-geometry';
import { formatScore } from './report-format';
import type { ColumnShape } from './report-types';

const width = 320;
const plotHeight = 110;
const margin = { top: 16, right: 8, left: 34 };
const plot = {
  left: margin.left,
  top: margin.top,
  width: width - margin.left - margin.right,
  height: plotHeight,
};
const maxLabel = 12;

const seriesFill: Record<Series, string> = {
  real: 'fill-primary',
  synthetic: 'fill-teal-500 dark:fill-teal-400',
};

const typeWords: Record<ColumnShape['type'], string> = {
  numeric: 'number',
  datetime: 'date',
  categorical: 'category',
  boolean: 'boolean',
};

const metricNames = {
  KSComplement: 'KSComplement: 1 − the largest gap between the real and synthetic cumulative distributions',
  TVComplement: 'TVComplement: 1 − the total variation distance between the real and synthetic frequencies',
};

function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.001 && share > 0 ? 2 : 1)}%`;
}

function shorten(text: string): string {
  return text.length > maxLabel ? `${text.slice(0, maxLabel - 1)}…` : text;
}

/** The legend of every real-vs-synthetic chart. */
export function SeriesLegend() {
  return (
    <ul
      aria-label="Legend"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted-foreground"
    >
      {(['real', 'synthetic'] as const).map((series) => (
        <li key={series} className="flex items-center gap-1.5">
          <svg aria-hidden="true" viewBox="0 0 10 10" className="size-2.5">
            <rect width="10" height="10" rx="2" className={seriesFill[series]} />
          </svg>
          {series === 'real' ? 'Real (sample)' : 'Synthetic'}
        </li>
      ))}
    </ul>
  );
}

/**
 * One column's real and synthetic distributions as grouped bars (bins of numbers or dates, or
 * categories), with its shape score; each group names its range and both shares on hover.
 */
export function ColumnHistogram({ shape }: { shape: ColumnShape }) {
  const { histogram } = shape;
  const real = histogram.real.map((share) => share * 100);
  const synthetic = histogram.synthetic.map((share) => share * 100);
  const { top, ticks } = barAxis(real, synthetic);
  const bars = groupedBars(real, synthetic, plot, top);
  const groups = Math.max(real.length, synthetic.length);
  const slot = plot.width / Math.max(1, groups);
  const baseline = plot.top + plot.height;

  let groupNames: string[];
  let axisLabels: { x: number; text: string; anchor: 'start' | 'middle' | 'end' }[];
  let rotate = false;
  if (histogram.kind === 'numeric') {
    const isDate = shape.type === 'datetime';
    const binWidth = (histogram.edges[1] ?? 0) - (histogram.edges[0] ?? 0);
    const edge = (index: number) => formatEdge(histogram.edges[index] ?? 0, isDate, binWidth);
    groupNames = Array.from({ length: groups }, (_, index) => `${edge(index)} – ${edge(index + 1)}`);
    const middle = Math.floor(groups / 2);
    axisLabels = [
      { x: plot.left, text: edge(0), anchor: 'start' },
      ...(groups > 2
        ? [{ x: plot.left + middle * slot, text: edge(middle), anchor: 'middle' as const }]
        : []),
      { x: plot.left + plot.width, text: edge(groups), anchor: 'end' },
    ];
  } else {
    groupNames = histogram.categories;
    // Labels under their bars while they fit; slanted when there are many.
    rotate = groups > 5;
    axisLabels = histogram.categories.map((category, index) => ({
      x: plot.left + (index + 0.5) * slot,
      text: shorten(category),
      anchor: rotate ? 'end' : 'middle',
    }));
  }
  const bottom = rotate ? 62 : 22;
  const height = baseline + bottom;
  const nulls = shape.nullShare.real > 0 || shape.nullShare.synthetic > 0;

  return (
    <figure className="grid content-start gap-2 rounded-lg border p-3 break-inside-avoid">
      <figcaption className="flex items-baseline justify-between gap-2 text-sm">
        <span className="min-w-0 truncate font-medium" title={shape.column}>
          {shape.column}
          <span className="ml-1.5 text-xs font-normal text-muted-foreground">{typeWords[shape.type]}</span>
        </span>
        <span
          className={cn(
            'shrink-0 tabular-nums',
            shape.score < 0.7 ? 'text-destructive' : 'text-muted-foreground',
          )}
          title={metricNames[shape.metric]}
        >
          {formatScore(shape.score)} <span className="text-xs">{shape.metric}</span>
        </span>
      </figcaption>
      <svg
        role="img"
        aria-label={`${shape.column}: real and synthetic distributions, shape score ${formatScore(shape.score)} (${shape.metric})`}
        viewBox={`0 0 ${width} ${height}`}
        className="w-full overflow-visible text-[10px]"
      >
        <text x={0} y={8} className="fill-muted-foreground">
          % of rows
        </text>
        <ChartGridLines
          ticks={ticks}
          y={(value) => baseline - (value / top) * plot.height}
          left={plot.left}
          right={plot.left + plot.width}
          labelGap={5}
          dash="2 3"
        />
        {Array.from({ length: groups }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: bins and categories are ordered; their place is their identity
          <g key={index}>
            <title>
              {`${groupNames[index] ?? ''}: real ${percent(histogram.real[index] ?? 0)}, synthetic ${percent(histogram.synthetic[index] ?? 0)}`}
            </title>
            {/* The whole slot answers the hover, not only the bars, which may be a pixel high. */}
            <rect
              x={plot.left + index * slot}
              y={plot.top}
              width={slot}
              height={plot.height}
              className="fill-transparent hover:fill-muted/60"
            />
            {bars
              .filter((bar) => bar.index === index)
              .map((bar) => (
                <rect
                  key={bar.series}
                  x={bar.x}
                  y={bar.y}
                  width={bar.width}
                  height={bar.height}
                  rx={Math.min(1.5, bar.width / 3)}
                  className={cn('pointer-events-none', seriesFill[bar.series])}
                />
              ))}
          </g>
        ))}
        <g className="fill-muted-foreground">
          {axisLabels.map((label, index) => (
            <text
              // biome-ignore lint/suspicious/noArrayIndexKey: labels follow the groups' order
              key={index}
              x={label.x}
              y={baseline + 13}
              textAnchor={label.anchor}
              transform={rotate ? `rotate(-40 ${label.x} ${baseline + 13})` : undefined}
            >
              {label.text}
            </text>
          ))}
        </g>
      </svg>
      {nulls && (
        <p className="text-xs text-muted-foreground">
          Nulls: real {percent(shape.nullShare.real)}, synthetic {percent(shape.nullShare.synthetic)}
        </p>
      )}
    </figure>
  );
}
