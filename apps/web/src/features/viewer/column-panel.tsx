import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useId } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import {
  Sheet,
  SheetBody,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
} from '@/components/ui/sheet';
import { Skeleton } from '@/components/ui/skeleton';
import { formatCount } from '@/features/jobs/job-format';
import { errorMessage } from '@/lib/api';
import { Histogram, TopValues } from './column-charts';
import { ColumnKindIcon, kindLabels } from './column-kind-icon';
import { formatAxisValue, formatNumber } from './number-format';
import { type CellValue, type DatasetColumn, type DatasetFilter, useColumnStats } from './use-dataset';

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="grid gap-0.5 rounded-md border bg-background px-3 py-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="truncate font-mono text-sm tabular-nums" title={value}>
        {value}
        {hint && <span className="ml-1.5 font-sans text-xs text-muted-foreground">{hint}</span>}
      </dd>
    </div>
  );
}

function cellFigure(value: CellValue): string {
  if (value === null) return '—';
  if (typeof value === 'number') return formatNumber(value);
  return formatAxisValue(value);
}

/** One column's figures, histogram and most frequent values, over the rows the filters keep. */
function ColumnStatsView({
  scope,
  column,
  filters,
  onPick,
}: {
  scope: { projectId: string; jobId: string; table: string };
  column: DatasetColumn;
  filters: DatasetFilter[];
  onPick: (value: CellValue) => void;
}) {
  const stats = useColumnStats(scope.projectId, scope.jobId, scope.table, column.name, filters);
  if (stats.isError) return <Alert variant="destructive">{errorMessage(stats.error)}</Alert>;
  if (!stats.data) {
    return (
      <div className="grid gap-4" aria-busy="true">
        <span className="sr-only">Computing the figures…</span>
        <div className="grid grid-cols-2 gap-2">
          {Array.from({ length: 6 }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders
            <Skeleton key={index} className="h-14" />
          ))}
        </div>
        <Skeleton className="h-40" />
      </div>
    );
  }
  const data = stats.data;
  const nullShare = data.count > 0 ? (data.nulls / data.count) * 100 : 0;
  return (
    <div className="grid gap-5" data-testid="column-stats">
      <dl className="grid grid-cols-2 gap-2">
        <Figure label="Rows" value={formatCount(data.count)} />
        <Figure
          label="Nulls"
          value={formatCount(data.nulls)}
          hint={data.count > 0 ? `${nullShare.toFixed(nullShare > 0 && nullShare < 1 ? 2 : 1)}%` : undefined}
        />
        <Figure label="Distinct" value={formatCount(data.distinct)} />
        <Figure label="Mean" value={data.mean === null ? '—' : formatNumber(data.mean)} />
        <Figure label="Min" value={cellFigure(data.min)} />
        <Figure label="Max" value={cellFigure(data.max)} />
      </dl>
      {data.histogram.length > 0 && (
        <section className="grid gap-2" aria-label="Distribution">
          <h3 className="text-sm font-medium">Distribution</h3>
          <Histogram column={column.name} bins={data.histogram} />
        </section>
      )}
      {data.top.length > 0 && (
        <section className="grid gap-2" aria-label="Top values">
          <h3 className="text-sm font-medium">
            Top values <span className="font-normal text-muted-foreground">· click one to filter on it</span>
          </h3>
          <TopValues top={data.top} count={data.count} onPick={onPick} />
        </section>
      )}
      {data.count === 0 && <p className="text-sm text-muted-foreground">No rows match the filters.</p>}
    </div>
  );
}

/** The side sheet with a column's statistics; a picker moves between the table's columns. */
export function ColumnPanel({
  scope,
  columns,
  column,
  filters,
  matching,
  onColumnChange,
  onClose,
  onAddFilter,
}: {
  scope: { projectId: string; jobId: string; table: string };
  columns: DatasetColumn[];
  /** The column shown; the sheet is closed when undefined. */
  column: string | undefined;
  filters: DatasetFilter[];
  matching: number | undefined;
  onColumnChange: (column: string) => void;
  onClose: () => void;
  onAddFilter: (filter: DatasetFilter) => void;
}) {
  const id = useId();
  const index = columns.findIndex((item) => item.name === column);
  const current = columns[index];
  return (
    <Sheet open={column !== undefined} onOpenChange={(open) => !open && onClose()}>
      <SheetContent aria-describedby={`${id}-description`} className="max-w-lg">
        <SheetHeader>
          <SheetTitle>Columns</SheetTitle>
          <SheetDescription id={`${id}-description`}>
            {filters.length > 0
              ? `Figures over the ${matching === undefined ? '' : `${formatCount(matching)} `}rows matching the filters.`
              : `Figures over all ${matching === undefined ? '' : `${formatCount(matching)} `}rows of ${scope.table}.`}
          </SheetDescription>
          <div className="mt-2 flex items-center gap-2">
            <label htmlFor={`${id}-column`} className="sr-only">
              Column
            </label>
            <Button
              variant="outline"
              size="icon"
              className="size-9 shrink-0"
              aria-label="Previous column"
              disabled={index <= 0}
              onClick={() => {
                const previous = columns[index - 1];
                if (previous) onColumnChange(previous.name);
              }}
            >
              <ChevronLeft />
            </Button>
            <Select
              id={`${id}-column`}
              value={column ?? ''}
              onChange={(event) => onColumnChange(event.target.value)}
              className="font-mono"
            >
              {columns.map((item) => (
                <option key={item.name} value={item.name}>
                  {item.name}
                </option>
              ))}
            </Select>
            <Button
              variant="outline"
              size="icon"
              className="size-9 shrink-0"
              aria-label="Next column"
              disabled={index === -1 || index >= columns.length - 1}
              onClick={() => {
                const next = columns[index + 1];
                if (next) onColumnChange(next.name);
              }}
            >
              <ChevronRight />
            </Button>
          </div>
          {current && (
            <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
              <ColumnKindIcon kind={current.kind} /> {kindLabels[current.kind]} ·{' '}
              <code className="font-mono">{current.sqlType}</code>
            </p>
          )}
        </SheetHeader>
        <SheetBody>
          {current && (
            <ColumnStatsView
              key={current.name}
              scope={scope}
              column={current}
              filters={filters}
              onPick={(value) => {
                if (value === null) return;
                onAddFilter({ column: current.name, op: 'eq', value });
              }}
            />
          )}
        </SheetBody>
      </SheetContent>
    </Sheet>
  );
}
