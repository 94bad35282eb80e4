import { ArrowDown, ArrowUp, Columns3, Download, RotateCcw, SearchX } from 'lucide-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatCount } from '@/features/jobs/job-format';
import type { JobDetail } from '@/features/jobs/use-jobs';
import { PrivacyDownload } from '@/features/report/privacy-download';
import { reportPath, useFailedPrivacyChecks } from '@/features/report/use-job-report';
import { ApiError, errorMessage } from '@/lib/api';
import { cn } from '@/lib/utils';
import { ColumnPanel } from './column-panel';
import { DataGrid } from './data-grid';
import { PreparingDataset } from './dataset-page';
import { FilterBar } from './filter-bar';
import { RowDetail } from './row-detail';
import {
  type Dataset,
  type DatasetFilter,
  type DatasetTable,
  type DatasetView,
  exportUrl,
  readyDataset,
  useDataset,
  useRowCount,
} from './use-dataset';
import { filterIndexOf, nextSort, parseView, serializeView } from './view-model';

/** The viewer of a completed job: prepares the dataset, then shows the chosen table. */
export function DatasetViewer({ projectId, job }: { projectId: string; job: JobDetail }) {
  const jobId = job.id;
  const dataset = useDataset(projectId, jobId);
  const failedChecks = useFailedPrivacyChecks(projectId, job);
  if (dataset.isError) {
    return (
      <Alert variant="destructive">
        <AlertTitle>Could not open this dataset</AlertTitle>
        <AlertDescription className="grid gap-3">
          <span>{errorMessage(dataset.error)}</span>
          <Button variant="outline" size="sm" className="w-fit" onClick={() => void dataset.refetch()}>
            <RotateCcw /> Try again
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  const ready = readyDataset(dataset);
  if (!ready) return <PreparingDataset rows={job.files.reduce((sum, file) => sum + file.rows, 0)} />;
  return <TableViewer projectId={projectId} jobId={jobId} dataset={ready} failedChecks={failedChecks} />;
}

function TableSwitcher({
  tables,
  current,
  onChange,
}: {
  tables: DatasetTable[];
  current: string;
  onChange: (table: string) => void;
}) {
  return (
    <fieldset className="inline-flex w-fit flex-wrap rounded-lg bg-muted p-1">
      <legend className="sr-only">Table</legend>
      {tables.map((table) => (
        <button
          key={table.name}
          type="button"
          aria-pressed={table.name === current}
          onClick={() => onChange(table.name)}
          className={cn(
            'inline-flex items-center gap-1.5 rounded-md px-3 py-1 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring',
            table.name === current && 'bg-background text-foreground shadow-sm',
          )}
        >
          <span className="font-mono">{table.name}</span>
          <span className="text-xs font-normal text-muted-foreground tabular-nums">
            {formatCount(table.rows)}
          </span>
        </button>
      ))}
    </fieldset>
  );
}

function TableViewer({
  projectId,
  jobId,
  dataset,
  failedChecks,
}: {
  projectId: string;
  jobId: string;
  dataset: Dataset;
  failedChecks: string[] | null;
}) {
  const [params, setParams] = useSearchParams();
  const table = dataset.tables.find((item) => item.name === params.get('table')) ?? dataset.tables[0];
  const columns = useMemo(() => table?.columns ?? [], [table]);
  const rawView = params.get('view');
  const view = useMemo(() => parseView(rawView, columns), [rawView, columns]);
  const [panelColumn, setPanelColumn] = useState<string>();
  const [activeRow, setActiveRow] = useState<number>();
  const [detailOpen, setDetailOpen] = useState(false);
  const tableName = table?.name ?? '';
  const scope = { projectId, jobId, table: tableName };

  const setView = useCallback(
    (next: DatasetView) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          const serialized = serializeView(next);
          if (serialized) updated.set('view', serialized);
          else updated.delete('view');
          return updated;
        },
        { replace: true },
      );
      setActiveRow(undefined);
      setDetailOpen(false);
    },
    [setParams],
  );
  const viewRef = useRef(view);
  viewRef.current = view;
  const onSort = useCallback(
    (column: string, additive: boolean) =>
      setView({ ...viewRef.current, sort: nextSort(viewRef.current.sort, column, additive) }),
    [setView],
  );
  const setFilters = (filters: DatasetFilter[]) => setView({ ...view, filters });
  const onOpenRow = useCallback((index: number) => {
    setActiveRow(index);
    setDetailOpen(true);
  }, []);

  const count = useRowCount(projectId, jobId, tableName, view);
  const counting = count.isPlaceholderData || count.isPending;
  const total = count.isError ? undefined : count.data?.total;

  // A 400 names the filter at fault (`filters[1].value`): its chip shows the message.
  const problems = new Map<number, string>();
  let viewProblem: string | undefined;
  if (count.error instanceof ApiError && count.error.status === 400) {
    for (const detail of count.error.details) {
      const index = filterIndexOf(detail.path);
      if (index !== undefined && index < view.filters.length) problems.set(index, detail.message);
      else viewProblem = detail.message;
    }
    if (problems.size === 0) viewProblem ??= count.error.message;
  }

  if (!table) {
    return <Alert variant="info">This job’s output has no tables.</Alert>;
  }

  let overlay: React.ReactNode;
  if (count.isError) {
    overlay =
      problems.size > 0 ? (
        <Alert variant="destructive" className="max-w-md">
          <AlertTitle>This filter cannot be applied</AlertTitle>
          <AlertDescription>Change or remove the filter marked in red.</AlertDescription>
        </Alert>
      ) : (
        <Alert variant="destructive" className="max-w-md">
          <AlertTitle>Could not load the rows</AlertTitle>
          <AlertDescription className="grid gap-3">
            <span>{viewProblem ?? errorMessage(count.error)}</span>
            <Button variant="outline" size="sm" className="w-fit" onClick={() => void count.refetch()}>
              <RotateCcw /> Try again
            </Button>
          </AlertDescription>
        </Alert>
      );
  } else if (total === 0 && !counting) {
    overlay =
      view.filters.length > 0 ? (
        <div role="status" className="flex max-w-sm flex-col items-center gap-3 text-center">
          <SearchX aria-hidden="true" className="size-8 text-muted-foreground" />
          <p className="font-medium">No rows match these filters</p>
          <p className="text-sm text-muted-foreground">
            None of the {formatCount(table.rows)} rows of {table.name} passes every filter. Remove one or
            widen it.
          </p>
          <Button variant="outline" size="sm" onClick={() => setFilters([])}>
            Clear filters
          </Button>
        </div>
      ) : (
        <p role="status" className="text-sm text-muted-foreground">
          This table has no rows.
        </p>
      );
  }

  const sortWords = view.sort.map((item) => (
    <span key={item.column} className="inline-flex items-center gap-0.5 font-mono text-foreground">
      {item.column}
      {item.direction === 'asc' ? (
        <ArrowUp aria-label="ascending" className="size-3" />
      ) : (
        <ArrowDown aria-label="descending" className="size-3" />
      )}
    </span>
  ));

  return (
    <div className="flex h-[max(32rem,calc(100dvh-19rem))] flex-col gap-3">
      {dataset.tables.length > 1 && (
        <TableSwitcher
          tables={dataset.tables}
          current={table.name}
          onChange={(name) => {
            setParams({ table: name }, { replace: false });
            setActiveRow(undefined);
            setDetailOpen(false);
            setPanelColumn(undefined);
          }}
        />
      )}
      <div className="flex flex-wrap items-start justify-between gap-2">
        <FilterBar
          key={table.name}
          scope={scope}
          columns={columns}
          filters={view.filters}
          problems={problems}
          onChange={setFilters}
        />
        <div className="flex items-center gap-2">
          <Button variant="outline" size="sm" onClick={() => setPanelColumn(panelColumn ?? columns[0]?.name)}>
            <Columns3 /> Columns
          </Button>
          {count.isError || total === 0 ? (
            <Button size="sm" disabled>
              <Download /> Download this view as CSV
            </Button>
          ) : (
            <PrivacyDownload
              href={exportUrl(projectId, jobId, table.name, view)}
              failedChecks={failedChecks}
              reportHref={reportPath(projectId, jobId)}
              size="sm"
              title={`${formatCount(total ?? 0)} rows, with the filters and the sort`}
            >
              <Download /> Download this view as CSV
            </PrivacyDownload>
          )}
        </div>
      </div>
      <p
        className={cn('text-sm text-muted-foreground', counting && 'opacity-60')}
        aria-live="polite"
        data-testid="view-summary"
      >
        {total === undefined ? (
          count.isError ? (
            'The rows could not be counted.'
          ) : (
            'Counting rows…'
          )
        ) : view.filters.length > 0 ? (
          <>
            <span className="font-medium text-foreground tabular-nums">{formatCount(total)}</span> of{' '}
            {formatCount(table.rows)} rows match{' '}
            {view.filters.length === 1 ? 'the filter' : `all ${view.filters.length} filters`}
          </>
        ) : (
          <>
            <span className="font-medium text-foreground tabular-nums">{formatCount(total)}</span> rows ·{' '}
            {columns.length} columns
          </>
        )}
        {view.sort.length > 0 && (
          <>
            {' '}
            · sorted by{' '}
            {sortWords.map((word, index) => (
              <span key={view.sort[index]?.column}>
                {index > 0 && ', then '}
                {word}
              </span>
            ))}{' '}
            <Button
              variant="link"
              size="sm"
              className="h-auto p-0 text-xs"
              onClick={() => setView({ ...view, sort: [] })}
            >
              Clear sort
            </Button>
          </>
        )}
      </p>
      <DataGrid
        label={`Rows of ${table.name}`}
        projectId={projectId}
        jobId={jobId}
        table={table.name}
        columns={columns}
        view={view}
        total={count.isError ? 0 : total}
        onSort={onSort}
        onOpenColumn={setPanelColumn}
        onOpenRow={onOpenRow}
        overlay={overlay}
        failed={count.isError}
        activeRow={activeRow}
        onActiveRowChange={setActiveRow}
      />
      <ColumnPanel
        scope={scope}
        columns={columns}
        column={panelColumn}
        filters={view.filters}
        matching={total}
        onColumnChange={setPanelColumn}
        onClose={() => setPanelColumn(undefined)}
        onAddFilter={(filter) => {
          setFilters([...view.filters, filter]);
          setPanelColumn(undefined);
        }}
      />
      <RowDetail
        scope={scope}
        columns={columns}
        view={view}
        index={detailOpen ? activeRow : undefined}
        total={total}
        onIndexChange={setActiveRow}
        onClose={() => setDetailOpen(false)}
      />
    </div>
  );
}
