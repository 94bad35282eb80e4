import { useId } from 'react';
import { cn } from '@/lib/utils';
import { correlationFill, correlationGradient, isStrongCell } from './heat-map-scale';
import { formatCellCorrelation, formatCorrelation } from './report-format';

type Matrix = (number | null)[][];

const cell = 42;
const maxLabel = 14;
// Values are written in the cells while they fit; beyond that they are on hover only.
const maxColumnsWithValues = 8;

function shorten(text: string): string {
  return text.length > maxLabel ? `${text.slice(0, maxLabel - 1)}…` : text;
}

/**
 * One association matrix as a heat map on the shared −1..1 scale, column names on both sides.
 * Each cell names its pair and both values (real and synthetic) on hover.
 */
export function CorrelationHeatMap({
  title,
  columns,
  matrix,
  real,
  synthetic,
}: {
  title: string;
  columns: string[];
  matrix: Matrix;
  real: Matrix;
  synthetic: Matrix;
}) {
  const longest = Math.max(3, ...columns.map((column) => shorten(column).length));
  const labelLength = Math.min(96, longest * 6 + 8);
  const left = labelLength;
  // Column names run up and to the right at 45°: about 0.72 of their length each way.
  const slant = Math.round(labelLength * 0.72);
  const top = slant + 6;
  const size = columns.length * cell;
  const width = left + size + slant;
  const height = top + size + 4;
  const showValues = columns.length <= maxColumnsWithValues;
  // A plain id, so url(#…) needs no escaping whatever React's ids look like.
  const hatch = `hatch-${useId().replace(/[^\w-]/g, '')}`;
  return (
    <figure className="grid content-start gap-2 break-inside-avoid">
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <svg
        role="img"
        aria-label={`${title} associations between ${columns.length} columns`}
        viewBox={`0 0 ${width} ${height}`}
        // Drawn at its own size (never blown up), shrunk to fit a narrow column.
        width={width}
        className="h-auto max-w-full text-[10px]"
      >
        <defs>
          <pattern
            id={hatch}
            width="4"
            height="4"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="4" className="stroke-border" strokeWidth="2" />
          </pattern>
        </defs>
        {columns.map((column, index) => (
          <g key={column} className="fill-muted-foreground">
            <text x={left - 6} y={top + index * cell + cell / 2} dy="0.32em" textAnchor="end">
              <title>{column}</title>
              {shorten(column)}
            </text>
            <text
              transform={`translate(${left + index * cell + cell / 2 + 3} ${top - 6}) rotate(-45)`}
              textAnchor="start"
            >
              <title>{column}</title>
              {shorten(column)}
            </text>
          </g>
        ))}
        {matrix.map((row, rowIndex) =>
          row.map((value, columnIndex) => {
            const x = left + columnIndex * cell;
            const y = top + rowIndex * cell;
            const a = columns[rowIndex] ?? '';
            const b = columns[columnIndex] ?? '';
            return (
              <g key={`${a}\u0000${b}`} className="group">
                <title>
                  {`${a} × ${b}: real ${formatCorrelation(real[rowIndex]?.[columnIndex] ?? null)}, synthetic ${formatCorrelation(synthetic[rowIndex]?.[columnIndex] ?? null)}`}
                </title>
                <rect
                  x={x + 0.5}
                  y={y + 0.5}
                  width={cell - 1}
                  height={cell - 1}
                  rx={2}
                  className="stroke-border group-hover:stroke-foreground"
                  style={{ fill: correlationFill(value) ?? `url(#${hatch})` }}
                />
                {showValues && value !== null && (
                  <text
                    x={x + cell / 2}
                    y={y + cell / 2}
                    dy="0.32em"
                    textAnchor="middle"
                    className={cn(
                      'pointer-events-none tabular-nums',
                      isStrongCell(value) ? 'fill-white' : 'fill-foreground',
                    )}
                  >
                    {formatCellCorrelation(value)}
                  </text>
                )}
              </g>
            );
          }),
        )}
      </svg>
    </figure>
  );
}

/** The colour scale both heat maps share. */
export function CorrelationLegend() {
  return (
    <div className="grid w-48 gap-1 text-xs text-muted-foreground">
      <div
        aria-hidden="true"
        className="h-2.5 rounded-full border"
        style={{ background: correlationGradient }}
      />
      <div className="flex justify-between tabular-nums">
        <span>−1</span>
        <span>0</span>
        <span>+1</span>
      </div>
    </div>
  );
}
