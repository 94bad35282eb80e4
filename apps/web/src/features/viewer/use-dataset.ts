import type { components } from '@synoptic/contract/api-types';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { jobQueryKey } from '@/features/jobs/use-jobs';
import { api, call } from '@/lib/api';

export type Dataset = components['schemas']['Dataset'];
export type DatasetTable = Dataset['tables'][number];
export type DatasetColumn = components['schemas']['DatasetColumn'];
export type ColumnKind = components['schemas']['ColumnKind'];
export type CellValue = components['schemas']['CellValue'];
export type DatasetFilter = components['schemas']['DatasetFilterInput'];
export type FilterOp = DatasetFilter['op'];
export type DatasetSort = { column: string; direction: 'asc' | 'desc' };
export type ColumnStats = components['schemas']['ColumnStats'];
export type RowsPage = components['schemas']['DatasetRowsPage'];

/** What the grid shows of a table: rows matching every filter, in sort order. */
export type DatasetView = { filters: DatasetFilter[]; sort: DatasetSort[] };

export const emptyView: DatasetView = { filters: [], sort: [] };

/** Rows per request: a few screens' worth, well under the api's 500. */
export const rowsPageSize = 250;

const datasetKey = (projectId: string, jobId: string) =>
  [...jobQueryKey(projectId, jobId), 'dataset'] as const;

/**
 * The job's tables and columns. The first call starts importing the output and answers
 * `preparing` until it is done (tens of seconds for ten million rows), so this asks again each
 * second until the dataset is `ready`; a completed job's output never changes, so that answer is
 * kept for the session.
 */
export function useDataset(projectId: string, jobId: string, enabled = true) {
  return useQuery({
    queryKey: datasetKey(projectId, jobId),
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/projects/{projectId}/jobs/{jobId}/dataset', {
          params: { path: { projectId, jobId } },
          signal,
        }),
      ),
    enabled,
    refetchInterval: (query) => (query.state.data?.status === 'preparing' ? 1000 : false),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** The dataset once it is ready to query; undefined while it loads or is being prepared. */
export function readyDataset(dataset: ReturnType<typeof useDataset>): Dataset | undefined {
  return dataset.data?.status === 'ready' ? dataset.data : undefined;
}

/** The cache key of one page of a view's rows. */
export function rowsKey(projectId: string, jobId: string, table: string, view: DatasetView, page: number) {
  return [...datasetKey(projectId, jobId), 'rows', table, view, page] as const;
}

function fetchRows(
  projectId: string,
  jobId: string,
  table: string,
  view: DatasetView,
  page: number,
  signal: AbortSignal,
) {
  return call(
    api.POST('/api/projects/{projectId}/jobs/{jobId}/dataset/tables/{table}/rows', {
      params: { path: { projectId, jobId, table } },
      body: { filters: view.filters, sort: view.sort, offset: page * rowsPageSize, limit: rowsPageSize },
      signal,
    }),
  );
}

const rowsQueryOptions = {
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: 60_000,
  refetchOnWindowFocus: false,
} as const;

/** How many rows match the view: the first page answers it, and the grid shares that page. */
export function useRowCount(projectId: string, jobId: string, table: string, view: DatasetView) {
  return useQuery({
    queryKey: rowsKey(projectId, jobId, table, view, 0),
    queryFn: ({ signal }) => fetchRows(projectId, jobId, table, view, 0, signal),
    ...rowsQueryOptions,
    // A new filter keeps the old count on screen (dimmed) until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

/**
 * The pages of rows the grid needs now. A page that scrolls out of view before it arrives is
 * cancelled (the request's signal aborts), so a fast scroll does not queue dozens of queries.
 */
export function useRowPages(
  projectId: string,
  jobId: string,
  table: string,
  view: DatasetView,
  pages: number[],
) {
  return useQueries({
    queries: pages.map((page) => ({
      queryKey: rowsKey(projectId, jobId, table, view, page),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchRows(projectId, jobId, table, view, page, signal),
      ...rowsQueryOptions,
    })),
    combine: (results) => {
      const loaded = new Map<number, RowsPage>();
      let error: unknown;
      results.forEach((result, index) => {
        const page = pages[index];
        if (page !== undefined && result.data) loaded.set(page, result.data);
        if (result.error && !error) error = result.error;
      });
      return { loaded, error };
    },
  });
}

/** Figures, top values and a histogram of one column, over the rows the filters keep. */
export function useColumnStats(
  projectId: string,
  jobId: string,
  table: string,
  column: string | undefined,
  filters: DatasetFilter[],
) {
  return useQuery({
    queryKey: [...datasetKey(projectId, jobId), 'stats', table, column, filters],
    queryFn: ({ signal }) =>
      call(
        api.POST('/api/projects/{projectId}/jobs/{jobId}/dataset/tables/{table}/columns/{column}/stats', {
          params: { path: { projectId, jobId, table, column: column ?? '' } },
          body: { filters },
          signal,
        }),
      ),
    enabled: column !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** Where the browser downloads the view as CSV: a plain link, so the file streams to disk. */
export function exportUrl(projectId: string, jobId: string, table: string, view: DatasetView): string {
  const path = `/api/projects/${encodeURIComponent(projectId)}/jobs/${encodeURIComponent(jobId)}/dataset/tables/${encodeURIComponent(table)}/export.csv`;
  return `${path}?view=${encodeURIComponent(JSON.stringify(view))}`;
}

/** One row of the view by its position, from the page that holds it (usually already cached). */
export function useRow(
  projectId: string,
  jobId: string,
  table: string,
  view: DatasetView,
  index: number | undefined,
) {
  const page = index === undefined ? 0 : Math.floor(index / rowsPageSize);
  const query = useQuery({
    queryKey: rowsKey(projectId, jobId, table, view, page),
    queryFn: ({ signal }) => fetchRows(projectId, jobId, table, view, page, signal),
    ...rowsQueryOptions,
    enabled: index !== undefined,
  });
  const cells = index === undefined || !query.data ? undefined : query.data.rows[index - query.data.offset];
  return { cells, isPending: query.isPending && index !== undefined, error: query.error };
}
