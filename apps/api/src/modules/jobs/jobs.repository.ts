import type { OutputFormat } from '@synoptic/contract';
import type { Queryable } from '@synoptic/service-kit';
import type { JobStatus } from './job-lifecycle.ts';

export type JobRow = {
  id: string;
  project_id: string;
  created_by: string | null;
  created_by_name: string | null;
  name: string;
  config: unknown;
  output_format: OutputFormat;
  csv_options: Record<string, unknown> | null;
  seed: string;
  pipeline_job_id: string | null;
  status: JobStatus;
  stage: string;
  rows_done: number;
  rows_total: number | null;
  rows_per_second: number | null;
  eta_seconds: number | null;
  bytes: number | null;
  estimated_bytes: number | null;
  error_stage: string | null;
  error_message: string | null;
  report_key: string | null;
  report_quality: number | null;
  report_privacy_passed: boolean | null;
  report_conformance_passed: boolean | null;
  pipeline_seq: number;
  dispatched_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  expired_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

const columns = `j.id, j.project_id, j.created_by, u.name as created_by_name, j.name, j.config, j.output_format,
  j.csv_options, j.seed, j.pipeline_job_id, j.status, j.stage, j.rows_done, j.rows_total, j.rows_per_second,
  j.eta_seconds, j.bytes, j.estimated_bytes, j.error_stage, j.error_message, j.report_key, j.report_quality,
  j.report_privacy_passed, j.report_conformance_passed, j.pipeline_seq, j.dispatched_at,
  j.started_at, j.finished_at, j.expired_at, j.created_at, j.updated_at`;
const from = 'from app.jobs j left join app.users u on u.id = j.created_by';

export async function insertJob(
  db: Queryable,
  job: {
    id: string;
    projectId: string;
    createdBy: string;
    name: string;
    config: unknown;
    outputFormat: OutputFormat;
    csvOptions: Record<string, unknown> | undefined;
    seed: string;
    estimatedBytes: number | null;
    rowsTotal: number | null;
  },
): Promise<void> {
  await db.query(
    `insert into app.jobs (id, project_id, created_by, name, config, output_format, csv_options, seed, estimated_bytes,
       rows_total)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      job.id,
      job.projectId,
      job.createdBy,
      job.name,
      JSON.stringify(job.config),
      job.outputFormat,
      job.csvOptions ? JSON.stringify(job.csvOptions) : null,
      job.seed,
      job.estimatedBytes,
      job.rowsTotal,
    ],
  );
}

export async function findJob(db: Queryable, projectId: string, jobId: string): Promise<JobRow | undefined> {
  const { rows } = await db.query<JobRow>(`select ${columns} ${from} where j.id = $1 and j.project_id = $2`, [
    jobId,
    projectId,
  ]);
  return rows[0];
}

export async function findJobById(db: Queryable, jobId: string): Promise<JobRow | undefined> {
  const { rows } = await db.query<JobRow>(`select ${columns} ${from} where j.id = $1`, [jobId]);
  return rows[0];
}

/** Locks the job row for a status change. */
export async function findJobForUpdate(db: Queryable, jobId: string): Promise<JobRow | undefined> {
  const { rows } = await db.query<JobRow>(`select ${columns} ${from} where j.id = $1 for update of j`, [
    jobId,
  ]);
  return rows[0];
}

/** Newest first; ids are UUIDv7, so they order by creation and serve as the cursor. */
export async function findJobsOfProject(
  db: Queryable,
  projectId: string,
  query: { statuses?: JobStatus[] | undefined; before?: string | undefined; limit: number },
): Promise<JobRow[]> {
  const { rows } = await db.query<JobRow>(
    `select ${columns} ${from}
     where j.project_id = $1 and ($2::text[] is null or j.status = any($2)) and ($3::uuid is null or j.id < $3::uuid)
     order by j.id desc limit $4`,
    [projectId, query.statuses ?? null, query.before ?? null, query.limit],
  );
  return rows;
}

export type JobPatch = Partial<{
  status: JobStatus;
  stage: string;
  pipelineJobId: string;
  rowsDone: number;
  rowsTotal: number | null;
  rowsPerSecond: number | null;
  etaSeconds: number | null;
  bytes: number;
  errorStage: string | null;
  errorMessage: string | null;
  reportKey: string;
  reportQuality: number | null;
  reportPrivacyPassed: boolean | null;
  reportConformancePassed: boolean | null;
  pipelineSeq: number;
  dispatchedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  expiredAt: Date;
}>;

const patchColumns: Record<keyof JobPatch, string> = {
  status: 'status',
  stage: 'stage',
  pipelineJobId: 'pipeline_job_id',
  rowsDone: 'rows_done',
  rowsTotal: 'rows_total',
  rowsPerSecond: 'rows_per_second',
  etaSeconds: 'eta_seconds',
  bytes: 'bytes',
  errorStage: 'error_stage',
  errorMessage: 'error_message',
  reportKey: 'report_key',
  reportQuality: 'report_quality',
  reportPrivacyPassed: 'report_privacy_passed',
  reportConformancePassed: 'report_conformance_passed',
  pipelineSeq: 'pipeline_seq',
  dispatchedAt: 'dispatched_at',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  expiredAt: 'expired_at',
};

export async function updateJob(db: Queryable, jobId: string, patch: JobPatch): Promise<void> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as Array<
    [keyof JobPatch, unknown]
  >;
  if (entries.length === 0) return;
  const sets = entries.map(([key], i) => `${patchColumns[key]} = $${i + 2}`);
  await db.query(`update app.jobs set ${sets.join(', ')}, updated_at = now() where id = $1`, [
    jobId,
    ...entries.map(([, v]) => v),
  ]);
}

export async function deleteJobRow(db: Queryable, jobId: string): Promise<void> {
  await db.query('delete from app.jobs where id = $1', [jobId]);
}

export async function countActiveJobs(db: Queryable, projectId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from app.jobs where project_id = $1 and status in ('queued', 'running', 'cancelling')`,
    [projectId],
  );
  return rows[0]?.n ?? 0;
}

/** Jobs the pipeline should be working on but has not reported for a while: the reconciler asks after them. */
export async function findQuietJobs(db: Queryable, quietSince: Date, limit: number): Promise<JobRow[]> {
  const { rows } = await db.query<JobRow>(
    `select ${columns} ${from}
     where j.status in ('queued', 'running', 'cancelling') and j.pipeline_job_id is not null and j.updated_at < $1
     order by j.updated_at limit $2`,
    [quietSince, limit],
  );
  return rows;
}

export type JobFileRow = { key: string; table_name: string; rows: number; bytes: number; sha256: string };

export async function insertJobFiles(db: Queryable, jobId: string, files: JobFileRow[]): Promise<void> {
  if (files.length === 0) return;
  await db.query(
    `insert into app.job_files (job_id, key, table_name, rows, bytes, sha256)
     select $1, unnest($2::text[]), unnest($3::text[]), unnest($4::bigint[]), unnest($5::bigint[]), unnest($6::text[])
     on conflict do nothing`,
    [
      jobId,
      files.map((f) => f.key),
      files.map((f) => f.table_name),
      files.map((f) => f.rows),
      files.map((f) => f.bytes),
      files.map((f) => f.sha256),
    ],
  );
}

/** Every job of a project, for cleaning up what was derived from them. */
export async function findJobIds(db: Queryable, projectId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('select id from app.jobs where project_id = $1', [
    projectId,
  ]);
  return rows.map((row) => row.id);
}

export async function findJobFiles(db: Queryable, jobId: string): Promise<JobFileRow[]> {
  const { rows } = await db.query<JobFileRow>(
    'select key, table_name, rows, bytes, sha256 from app.job_files where job_id = $1 order by key',
    [jobId],
  );
  return rows;
}

/** Completed jobs whose outputs have outlived their project's retention. */
export async function findExpiredOutputs(db: Queryable, now: Date, limit: number) {
  const { rows } = await db.query<{ id: string; project_id: string; bucket: string; bytes: number | null }>(
    `select j.id, j.project_id, p.bucket, j.bytes from app.jobs j join app.projects p on p.id = j.project_id
     where j.status = 'completed' and j.finished_at < $1::timestamptz - make_interval(days => p.retention_days)
     order by j.finished_at limit $2`,
    [now, limit],
  );
  return rows;
}

export async function deleteJobFiles(db: Queryable, jobId: string): Promise<void> {
  await db.query('delete from app.job_files where job_id = $1', [jobId]);
}

/** A project's jobs changed after a moment (for a live stream resuming after a reconnect), oldest change first. */
export async function findJobsUpdatedSince(
  db: Queryable,
  projectId: string,
  since: Date,
  limit: number,
): Promise<JobRow[]> {
  const { rows } = await db.query<JobRow>(
    `select ${columns} ${from} where j.project_id = $1 and j.updated_at > $2 order by j.updated_at limit $3`,
    [projectId, since, limit],
  );
  return rows;
}
