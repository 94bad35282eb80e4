import { formatCompact } from './number-format';

/** Horizontal grid lines with their values at the left, shared by the viewer's and the chat's charts. */
export function ChartGridLines({
  ticks,
  y,
  left,
  right,
  labelGap,
  dash,
}: {
  ticks: number[];
  y: (value: number) => number;
  /** x of the plot's left and right edges */
  left: number;
  right: number;
  labelGap: number;
  dash: string;
}) {
  return ticks.map((tick) => (
    <g key={tick}>
      <line
        x1={left}
        x2={right}
        y1={y(tick)}
        y2={y(tick)}
        className="stroke-border"
        strokeDasharray={tick === 0 ? undefined : dash}
      />
      <text x={left - labelGap} y={y(tick)} dy="0.32em" textAnchor="end" className="fill-muted-foreground">
        {formatCompact(tick)}
      </text>
    </g>
  ));
}
