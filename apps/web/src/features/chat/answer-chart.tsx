import { formatCount } from '@/features/jobs/job-format';
import { ChartGridLines } from '@/features/viewer/chart-grid';
import { formatAxisValue, formatCompact, formatNumber, niceTicks } from '@/features/viewer/number-format';
import type { ChatChart, ChatResult } from './use-chat';

type Cell = string | number | boolean | null;

const width = 640;
const height = 300;
const margin = { top: 14, right: 20, bottom: 48, left: 64 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;
const maxBars = 15;

function toNumber(value: Cell | undefined): number | undefined {
  if (value === null || value === undefined || typeof value === 'boolean') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function toTime(value: Cell | undefined): number | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}(-\d{2})?/.test(value)) return undefined;
  const time = Date.parse(value.length === 7 ? `${value}-01` : value);
  return Number.isNaN(time) ? undefined : time;
}

function scale(domain: [number, number], range: [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value: number) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** A domain with round ends around the values; from zero when every value is positive and near it. */
function niceDomain(values: number[], fromZero: boolean): { domain: [number, number]; ticks: number[] } {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (fromZero) {
    min = Math.min(0, min);
    max = Math.max(0, max);
  }
  if (min === max) {
    min -= min === 0 ? 0 : Math.abs(min) * 0.1;
    max += max === 0 ? 1 : Math.abs(max) * 0.1;
  }
  const ticks = niceTicks(min, max, 5);
  const step = ticks.length > 1 ? (ticks[1] ?? 0) - (ticks[0] ?? 0) : 1;
  const low = Math.min(min, ticks[0] ?? min);
  const high = Math.max(max, ticks.at(-1) ?? max);
  const domain: [number, number] = [
    low < (ticks[0] ?? low) ? (ticks[0] ?? low) - step : low,
    high > (ticks.at(-1) ?? high) ? (ticks.at(-1) ?? high) + step : high,
  ];
  return { domain, ticks: niceTicks(domain[0], domain[1], 5) };
}

/** Every k-th of n labels, so that at most `room` of them are drawn. */
function labelStep(count: number, room: number): number {
  return Math.max(1, Math.ceil(count / room));
}

function AxisTitles({ x, y }: { x: string; y: string }) {
  return (
    <g className="fill-muted-foreground text-[11px] font-medium">
      <text x={margin.left + plotWidth / 2} y={height - 6} textAnchor="middle">
        {x}
      </text>
      <text transform={`translate(14 ${margin.top + plotHeight / 2}) rotate(-90)`} textAnchor="middle">
        {y}
      </text>
    </g>
  );
}

function YAxis({ ticks, y }: { ticks: number[]; y: (value: number) => number }) {
  return (
    <g className="text-[11px]">
      <ChartGridLines
        ticks={ticks}
        y={y}
        left={margin.left}
        right={width - margin.right}
        labelGap={8}
        dash="3 4"
      />
    </g>
  );
}

function XLabels({ labels }: { labels: { x: number; text: string }[] }) {
  return (
    <g className="fill-muted-foreground text-[11px]">
      <line
        x1={margin.left}
        x2={width - margin.right}
        y1={margin.top + plotHeight}
        y2={margin.top + plotHeight}
        className="stroke-muted-foreground/50"
      />
      {labels.map((label) => (
        <text
          key={`${label.x}:${label.text}`}
          x={label.x}
          y={margin.top + plotHeight + 16}
          // Labels at the ends grow inwards, so none is cut off by the edge.
          textAnchor={
            label.x < margin.left + 24 ? 'start' : label.x > width - margin.right - 24 ? 'end' : 'middle'
          }
        >
          {label.text}
        </text>
      ))}
    </g>
  );
}

/** Horizontal bars: categories down the side, values along the bottom, each value at its bar's end. */
function BarChart({
  items,
  xTitle,
  yTitle,
}: {
  items: { label: string; value: number }[];
  xTitle: string;
  yTitle: string;
}) {
  const shown = items.slice(0, maxBars);
  const longest = Math.max(...shown.map((item) => item.label.length), 4);
  const labelWidth = Math.min(180, Math.max(48, longest * 6.6));
  const left = labelWidth + 14;
  const right = 64;
  const row = 21;
  const top = 6;
  const chartHeight = top + shown.length * row + 42;
  const { domain, ticks } = niceDomain(
    shown.map((item) => item.value),
    true,
  );
  const x = scale(domain, [left, width - right]);
  const baseline = x(Math.max(domain[0], Math.min(0, domain[1])));
  return (
    <svg viewBox={`0 0 ${width} ${chartHeight}`} className="w-full text-[11px]" aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={x(tick)}
            x2={x(tick)}
            y1={top}
            y2={top + shown.length * row}
            className="stroke-border"
            strokeDasharray={tick === 0 ? undefined : '3 4'}
          />
          <text
            x={x(tick)}
            y={top + shown.length * row + 14}
            textAnchor="middle"
            className="fill-muted-foreground"
          >
            {formatCompact(tick)}
          </text>
        </g>
      ))}
      {shown.map((item, index) => {
        const y = top + index * row;
        const end = x(item.value);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: result rows are ordered and labels may repeat
          <g key={`${index}:${item.label}`}>
            <text x={labelWidth + 6} y={y + row / 2} dy="0.32em" textAnchor="end" className="fill-foreground">
              {item.label.length > 28 ? `${item.label.slice(0, 27)}…` : item.label}
            </text>
            <rect
              x={Math.min(baseline, end)}
              y={y + 3}
              width={Math.max(1, Math.abs(end - baseline))}
              height={row - 6}
              rx={2}
              className="fill-primary/80"
            >
              <title>{`${item.label}: ${formatNumber(item.value)}`}</title>
            </rect>
            <text
              x={Math.max(baseline, end) + 5}
              y={y + row / 2}
              dy="0.32em"
              className="fill-muted-foreground tabular-nums"
            >
              {formatCompact(item.value)}
            </text>
          </g>
        );
      })}
      <text
        x={(left + width - right) / 2}
        y={chartHeight - 6}
        textAnchor="middle"
        className="fill-muted-foreground font-medium"
      >
        {yTitle}
      </text>
      <text x={4} y={chartHeight - 6} className="fill-muted-foreground font-medium">
        {xTitle}
      </text>
    </svg>
  );
}

/** Adjacent vertical bars over ordered bins. */
function HistogramChart({
  items,
  xTitle,
  yTitle,
}: {
  items: { label: string; value: number }[];
  xTitle: string;
  yTitle: string;
}) {
  const { domain, ticks } = niceDomain(
    items.map((item) => item.value),
    true,
  );
  const y = scale(domain, [margin.top + plotHeight, margin.top]);
  const band = plotWidth / Math.max(1, items.length);
  const step = labelStep(items.length, 8);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="w-full" aria-hidden="true">
      <YAxis ticks={ticks} y={y} />
      {items.map((item, index) => (
        <rect
          // biome-ignore lint/suspicious/noArrayIndexKey: bins are ordered and labels may repeat
          key={`${index}:${item.label}`}
          x={margin.left + index * band + 0.5}
          y={y(Math.max(0, item.value))}
          width={Math.max(1, band - 1)}
          height={Math.max(0, y(0) - y(Math.max(0, item.value)))}
          className="fill-primary/80"
        >
          <title>{`${item.label}: ${formatNumber(item.value)}`}</title>
        </rect>
      ))}
      <XLabels
        labels={items
          .map((item, index) => ({ x: margin.left + index * band + band / 2, text: item.label, index }))
          .filter((label) => label.index % step === 0)}
      />
      <AxisTitles x={xTitle} y={yTitle} />
    </svg>
  );
}

type XAxisKind = 'number' | 'time' | 'category';

function xKindOf(values: Cell[]): XAxisKind {
  if (values.every((value) => toNumber(value) !== undefined && typeof value === 'number')) return 'number';
  if (values.every((value) => toTime(value) !== undefined)) return 'time';
  return 'category';
}

function formatTime(time: number, spanDays: number): string {
  const iso = new Date(time).toISOString();
  return spanDays > 730 ? iso.slice(0, 7) : iso.slice(0, 10);
}

/** Points joined in x order (numbers, dates, or categories as given), on a y axis with round ticks. */
function LineOrScatter({
  points,
  kind,
  xTitle,
  yTitle,
}: {
  points: { x: Cell; y: number }[];
  kind: 'line' | 'scatter';
  xTitle: string;
  yTitle: string;
}) {
  const xKind = xKindOf(points.map((point) => point.x));
  const { domain: yDomain, ticks: yTicks } = niceDomain(
    points.map((point) => point.y),
    kind === 'line' &&
      points.every((point) => point.y >= 0) &&
      Math.min(...points.map((p) => p.y)) < Math.max(...points.map((p) => p.y)) * 0.3,
  );
  const y = scale(yDomain, [margin.top + plotHeight, margin.top]);
  let xOf: (value: Cell, index: number) => number;
  let labels: { x: number; text: string }[];
  if (xKind === 'number' || xKind === 'time') {
    const read = xKind === 'number' ? toNumber : toTime;
    const xs = points.map((point) => read(point.x) ?? 0);
    let min = Math.min(...xs);
    let max = Math.max(...xs);
    if (min === max) {
      min -= 1;
      max += 1;
    }
    const x = scale([min, max], [margin.left, width - margin.right]);
    xOf = (value) => x(read(value) ?? 0);
    if (xKind === 'number') {
      labels = niceTicks(min, max, 6).map((tick) => ({ x: x(tick), text: formatCompact(tick) }));
    } else {
      const spanDays = (max - min) / 86_400_000;
      labels = Array.from({ length: 5 }, (_, index) => {
        const time = min + ((max - min) * index) / 4;
        return { x: x(time), text: formatTime(time, spanDays) };
      });
    }
  } else {
    const band = plotWidth / Math.max(1, points.length);
    xOf = (_, index) => margin.left + index * band + band / 2;
    const step = labelStep(points.length, 7);
    labels = points
      .map((point, index) => ({ x: xOf(point.x, index), text: formatAxisValue(point.x), index }))
      .filter((label) => label.index % step === 0);
  }
  const placed = points.map((point, index) => ({ ...point, px: xOf(point.x, index), py: y(point.y) }));
  const ordered = kind === 'line' && xKind !== 'category' ? [...placed].sort((a, b) => a.px - b.px) : placed;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="w-full" aria-hidden="true">
      <YAxis ticks={yTicks} y={y} />
      <XLabels labels={labels} />
      {kind === 'line' && (
        <polyline
          points={ordered.map((point) => `${point.px},${point.py}`).join(' ')}
          fill="none"
          strokeWidth={2}
          strokeLinejoin="round"
          className="stroke-primary"
        />
      )}
      {ordered.map((point, index) => (
        <circle
          // biome-ignore lint/suspicious/noArrayIndexKey: points may share a position
          key={`${index}:${point.px}`}
          cx={point.px}
          cy={point.py}
          r={kind === 'line' ? (ordered.length > 60 ? 0 : 3) : 3.5}
          className={kind === 'line' ? 'fill-primary' : 'fill-primary/50 stroke-primary'}
          strokeWidth={kind === 'scatter' ? 1 : 0}
        >
          <title>{`${formatAxisValue(point.x)}: ${formatNumber(point.y)}`}</title>
        </circle>
      ))}
      <AxisTitles x={xTitle} y={yTitle} />
    </svg>
  );
}

/** Bins of numbers for a histogram the engine asked for over raw values. */
function binValues(values: number[]): { label: string; value: number }[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const count = Math.min(20, Math.max(1, Math.ceil(Math.sqrt(values.length))));
  const size = (max - min) / count || 1;
  const bins = Array.from({ length: count }, (_, index) => ({
    label: formatCompact(min + index * size),
    value: 0,
  }));
  for (const value of values) {
    const index = Math.min(count - 1, Math.floor((value - min) / size));
    const bin = bins[index];
    if (bin) bin.value++;
  }
  return bins;
}

/** Draws an answer's chart from its result rows: bar, line, histogram or scatter. */
export function AnswerChart({ chart, result }: { chart: ChatChart; result: ChatResult }) {
  const xIndex = result.columns.findIndex((column) => column.name === chart.x);
  const yIndex = chart.y === undefined ? -1 : result.columns.findIndex((column) => column.name === chart.y);
  if (xIndex === -1 || result.rows.length === 0) return null;
  const xs = result.rows.map((row) => row[xIndex] ?? null);
  const yTitle = chart.y ?? 'rows';
  let body: React.ReactNode;
  let described = '';
  let note: string | undefined;
  if (chart.type === 'bar' || chart.type === 'histogram') {
    let items: { label: string; value: number }[];
    if (yIndex !== -1) {
      items = result.rows
        .map((row) => ({ label: formatAxisValue(row[xIndex] ?? null), value: toNumber(row[yIndex]) }))
        .filter((item): item is { label: string; value: number } => item.value !== undefined);
    } else if (chart.type === 'histogram') {
      items = binValues(xs.map(toNumber).filter((value): value is number => value !== undefined));
    } else {
      const counts = new Map<string, number>();
      for (const value of xs)
        counts.set(formatAxisValue(value), (counts.get(formatAxisValue(value)) ?? 0) + 1);
      items = [...counts].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value);
    }
    if (items.length === 0) return null;
    described = `${items.length} ${chart.type === 'bar' ? 'bars' : 'bins'}`;
    body =
      chart.type === 'bar' ? (
        <BarChart items={items} xTitle={chart.x} yTitle={yTitle} />
      ) : (
        <HistogramChart items={items} xTitle={chart.x} yTitle={yTitle} />
      );
    if (chart.type === 'bar' && items.length > maxBars) {
      described += `, the first ${maxBars} drawn`;
      note = `The first ${maxBars} of ${formatCount(items.length)} bars are drawn; every row is in the table below.`;
    }
  } else {
    if (yIndex === -1) return null;
    const points = result.rows
      .map((row) => ({ x: row[xIndex] ?? null, y: toNumber(row[yIndex]) }))
      .filter((point): point is { x: Cell; y: number } => point.y !== undefined && point.x !== null);
    if (points.length === 0) return null;
    described = `${formatCount(points.length)} points`;
    body = <LineOrScatter points={points} kind={chart.type} xTitle={chart.x} yTitle={yTitle} />;
  }
  return (
    <figure
      role="img"
      aria-label={`${chart.type} chart: ${chart.title} (${chart.x}${chart.y ? ` against ${chart.y}` : ''}, ${described})`}
      className="grid gap-2 rounded-lg border bg-background p-3"
      data-testid="answer-chart"
      data-chart-type={chart.type}
    >
      <figcaption className="text-sm font-medium">{chart.title}</figcaption>
      {body}
      {note && <p className="text-xs text-muted-foreground">{note}</p>}
    </figure>
  );
}
