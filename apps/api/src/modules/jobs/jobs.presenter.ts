import type { JobFileRow, JobRow } from './jobs.repository.ts';

export type JobFile = { name: string; table: string; rows: number; bytes: number; sha256: string };

/**
 * A file's name within its job (`customers/part-00000.csv`): unique across tables, and nothing of
 * the store's layout above the job.
 */
export function fileNameOf(key: string): string {
  return key.split('/').slice(-2).join('/');
}

/** What a client sees of a file. */
export function presentFile(file: JobFileRow): JobFile {
  return {
    name: fileNameOf(file.key),
    table: file.table_name,
    rows: file.rows,
    bytes: file.bytes,
    sha256: file.sha256,
  };
}

export function presentJob(row: JobRow) {
  const percent =
    row.status === 'completed'
      ? 100
      : row.rows_total
        ? Math.min(100, (100 * row.rows_done) / row.rows_total)
        : 0;
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    status: row.status,
    stage: row.stage,
    waitingForPipeline: row.status === 'queued' && row.dispatched_at === null,
    progress: {
      rowsDone: row.rows_done,
      rowsTotal: row.rows_total,
      percent: Math.round(percent * 10) / 10,
      rowsPerSecond: row.rows_per_second,
      etaSeconds: row.eta_seconds,
    },
    outputFormat: row.output_format,
    seed: row.seed,
    bytes: row.bytes,
    estimatedBytes: row.estimated_bytes,
    error: row.error_message ? { stage: row.error_stage ?? 'unknown', message: row.error_message } : null,
    report: row.report_key
      ? {
          quality: row.report_quality,
          privacyPassed: row.report_privacy_passed,
          conformancePassed: row.report_conformance_passed,
        }
      : null,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    expiredAt: row.expired_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

export type Job = ReturnType<typeof presentJob>;
