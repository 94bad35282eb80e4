import { setTimeout as delay } from 'node:timers/promises';
import type { DatasetCatalog, DatasetSource, Filter, RowsQuery, Sort } from '@synoptic/dataset-query';
import { DatasetQueryError } from '@synoptic/dataset-query';
import type { ObjectStore } from '@synoptic/object-store';
import { AppError, formatIssuePath, type Pool } from '@synoptic/service-kit';
import { getCompletedJob } from '../jobs/completed-job.ts';
import { safeName } from '../jobs/downloads.service.ts';
import { type Download, passPrivacyGate } from '../jobs/privacy-gate.ts';
import type { ProjectAccess } from '../projects/project-access.ts';
import { viewSchema } from './datasets.schemas.ts';

/** How long a request waits for a first import before answering `preparing`. */
const prepareWaitMs = 2000;

export type DatasetView = { filters: Filter[]; sort: Sort[] };

/** Turns the query engine's errors into the api's: field-level 400s, 404, 409 for unviewable formats. */
export function toAppError(err: unknown, fieldPrefix = ''): unknown {
  if (!(err instanceof DatasetQueryError)) return err;
  switch (err.code) {
    case 'invalid_query':
      if (err.field === 'column') return new AppError('not_found', err.message);
      return new AppError('validation_failed', err.message, {
        details: [{ path: `${fieldPrefix}${err.field ?? ''}` || 'query', message: err.message }],
      });
    case 'not_found':
      return new AppError('not_found', err.message);
    case 'unsupported_format':
      return new AppError('conflict', err.message);
    default:
      return new AppError('unprocessable', err.message);
  }
}

/** Parses the `view` query parameter of an export: JSON validated like a request body. */
export function parseView(raw: string | undefined): DatasetView {
  let json: unknown = {};
  if (raw) {
    try {
      json = JSON.parse(raw);
    } catch {
      throw new AppError('validation_failed', 'The view is not valid JSON.', {
        details: [{ path: 'view', message: 'expected JSON such as {"filters":[],"sort":[]}' }],
      });
    }
  }
  const parsed = viewSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'The view is invalid.', {
      details: parsed.error.issues.map((issue) => ({
        path: formatIssuePath(['view', ...issue.path]),
        message: issue.message,
      })),
    });
  }
  return parsed.data;
}

/**
 * The viewer over completed jobs' outputs. Each request re-checks the job (completed, in this
 * project) before it touches the cached copy, so a deleted or expired job is never served.
 */
export function createDatasetsService(deps: { pool: Pool; store: ObjectStore; catalog: DatasetCatalog }) {
  const { pool, store, catalog } = deps;

  const run = async <T>(work: () => Promise<T>, fieldPrefix = ''): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      throw toAppError(err, fieldPrefix);
    }
  };

  const open = async (access: ProjectAccess, jobId: string) => {
    const { job, files } = await getCompletedJob(pool, access, jobId);
    if (job.output_format === 'sql') {
      throw new AppError(
        'conflict',
        'The viewer reads CSV, JSONL and Parquet outputs; this job wrote SQL. Re-run it as CSV to explore it here.',
      );
    }
    const tables = new Map<string, DatasetSource['tables'][number]>();
    for (const file of files) {
      const table = tables.get(file.table_name) ?? { name: file.table_name, files: [] };
      table.files.push({ key: file.key, bytes: Number(file.bytes) });
      tables.set(file.table_name, table);
    }
    const delimiter = (job.csv_options as { delimiter?: string } | null)?.delimiter;
    const source: DatasetSource = {
      id: job.id,
      format: job.output_format,
      ...(delimiter ? { csvDelimiter: delimiter } : {}),
      tables: [...tables.values()],
    };
    return {
      job,
      dataset: await run(() => catalog.open(source, (key) => store.get(access.project.bucket, key))),
    };
  };

  return {
    open,

    /**
     * The dataset's tables once it is ready. The first open of a large output imports it (tens of
     * seconds for ten million rows), longer than a request should hang: after a short wait this
     * answers `preparing` while the import goes on, and the client asks again.
     */
    async describe(access: ProjectAccess, jobId: string) {
      const opening = open(access, jobId);
      // The import outlives this request; its failure is reported to whoever asks next.
      opening.catch(() => {});
      const waiting = new AbortController();
      const ready = await Promise.race([
        opening,
        delay(prepareWaitMs, undefined, { signal: waiting.signal }).catch(() => undefined),
      ]);
      waiting.abort();
      if (!ready) return { jobId, status: 'preparing' as const, tables: [] };
      return { jobId, status: 'ready' as const, tables: ready.dataset.tables() };
    },

    async rows(access: ProjectAccess, jobId: string, table: string, query: RowsQuery) {
      const { dataset } = await open(access, jobId);
      return run(() => dataset.rows(table, query));
    },

    async columnStats(
      access: ProjectAccess,
      jobId: string,
      table: string,
      column: string,
      filters: Filter[],
    ) {
      const { dataset } = await open(access, jobId);
      return run(() => dataset.columnStats(table, column, filters));
    },

    /**
     * The view's rows as CSV chunks; errors in the view surface before the first byte. A download
     * like the job's files, so it passes the same privacy gate.
     */
    async exportCsv(request: Download, table: string, view: DatasetView) {
      const { job, dataset } = await open(request.access, request.jobId);
      await passPrivacyGate(pool, request, job, `${table} (view as CSV)`);
      const chunks = dataset.exportCsv(table, view)[Symbol.asyncIterator]();
      const first = await run(() => chunks.next(), 'view.');
      async function* all() {
        if (!first.done) yield first.value;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
      }
      return { chunks: all(), downloadName: `${safeName(job.name)}-${safeName(table)}-view.csv` };
    },

    /** Called when a job's outputs are deleted or expire. */
    evict: (jobId: string) => catalog.evict(jobId),
  };
}

export type DatasetsService = ReturnType<typeof createDatasetsService>;
