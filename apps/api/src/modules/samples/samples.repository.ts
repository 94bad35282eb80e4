import type { SampleFormat, SampleProfile } from '@synoptic/contract';
import type { Queryable } from '@synoptic/service-kit';

export type SampleStatus = 'profiling' | 'ready' | 'failed' | 'removed';

export type SampleRow = {
  id: string;
  project_id: string;
  created_by: string | null;
  created_by_name: string | null;
  name: string;
  format: SampleFormat;
  key: string;
  bytes: number;
  status: SampleStatus;
  rows: number | null;
  columns: number | null;
  profile: SampleProfile | null;
  error: string | null;
  created_at: Date;
  removed_at: Date | null;
};

// The preview model is left out: it is read only when a preview or estimate needs it.
const columns = `s.id, s.project_id, s.created_by, u.name as created_by_name, s.name, s.format, s.key, s.bytes,
  s.status, s.rows, s.columns, s.profile, s.error, s.created_at, s.removed_at`;
const from = 'from app.samples s left join app.users u on u.id = s.created_by';

export async function insertSample(
  db: Queryable,
  sample: {
    id: string;
    projectId: string;
    createdBy: string;
    name: string;
    format: SampleFormat;
    key: string;
    bytes: number;
    profilingUntil: Date;
  },
): Promise<void> {
  await db.query(
    `insert into app.samples (id, project_id, created_by, name, format, key, bytes, profiling_until)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      sample.id,
      sample.projectId,
      sample.createdBy,
      sample.name,
      sample.format,
      sample.key,
      sample.bytes,
      sample.profilingUntil,
    ],
  );
}

export async function findSample(
  db: Queryable,
  projectId: string,
  sampleId: string,
): Promise<SampleRow | undefined> {
  const { rows } = await db.query<SampleRow>(
    `select ${columns} ${from} where s.id = $1 and s.project_id = $2`,
    [sampleId, projectId],
  );
  return rows[0];
}

/** Newest first; ids are UUIDv7, so they order by upload time. */
export async function findSamplesOfProject(db: Queryable, projectId: string): Promise<SampleRow[]> {
  const { rows } = await db.query<SampleRow>(
    `select ${columns} ${from} where s.project_id = $1 order by s.id desc`,
    [projectId],
  );
  return rows;
}

/**
 * The project's samples among `ids`. `lock` holds them (shared) until the transaction ends, so a
 * job that checked them cannot be stored while one is being deleted or removed.
 */
export async function findSamplesByIds(
  db: Queryable,
  projectId: string,
  ids: string[],
  lock = false,
): Promise<SampleRow[]> {
  const { rows } = await db.query<SampleRow>(
    `select ${columns} ${from} where s.project_id = $1 and s.id = any($2::uuid[]) ${lock ? 'for share of s' : ''}`,
    [projectId, ids],
  );
  return rows;
}

/** Locks one sample of the project for a change of its status or its deletion. */
export async function findSampleForUpdate(
  db: Queryable,
  projectId: string,
  sampleId: string,
): Promise<SampleRow | undefined> {
  const { rows } = await db.query<SampleRow>(
    `select ${columns} ${from} where s.id = $1 and s.project_id = $2 for update of s`,
    [sampleId, projectId],
  );
  return rows[0];
}

/** The fitted preview models of ready samples, by sample id. */
export async function findPreviewModels(
  db: Queryable,
  ids: string[],
): Promise<Record<string, Record<string, unknown>>> {
  const { rows } = await db.query<{ id: string; preview_model: Record<string, unknown> }>(
    `select id, preview_model from app.samples where id = any($1::uuid[]) and preview_model is not null`,
    [ids],
  );
  return Object.fromEntries(rows.map((row) => [row.id, row.preview_model]));
}

/** Holds a profiling sample for this process until `until`; false when it is no longer profiling. */
export async function extendProfiling(db: Queryable, sampleId: string, until: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `update app.samples set profiling_until = $2 where id = $1 and status = 'profiling'`,
    [sampleId, until],
  );
  return (rowCount ?? 0) > 0;
}

export async function markProfiled(
  db: Queryable,
  sampleId: string,
  result: { profile: SampleProfile; previewModel: unknown },
): Promise<void> {
  await db.query(
    `update app.samples set status = 'ready', profile = $2, preview_model = $3, rows = $4, columns = $5,
       error = null, profiling_until = null
     where id = $1 and status = 'profiling'`,
    [
      sampleId,
      JSON.stringify(result.profile),
      result.previewModel === null ? null : JSON.stringify(result.previewModel),
      result.profile.rows,
      result.profile.columns.length,
    ],
  );
}

export async function markProfilingFailed(db: Queryable, sampleId: string, error: string): Promise<void> {
  await db.query(
    `update app.samples set status = 'failed', error = $2, profiling_until = null
     where id = $1 and status = 'profiling'`,
    [sampleId, error.slice(0, 2000)],
  );
}

export type StaleProfiling = {
  id: string;
  project_id: string;
  bucket: string;
  key: string;
  format: SampleFormat;
};

/**
 * Takes over samples whose profiling was left unfinished (the process doing it stopped): each is
 * held until `until`, so replicas starting together do not profile the same sample twice.
 */
export async function claimStaleProfiling(
  db: Queryable,
  now: Date,
  until: Date,
  limit: number,
): Promise<StaleProfiling[]> {
  const { rows } = await db.query<StaleProfiling>(
    `with due as (
       select id from app.samples where status = 'profiling' and profiling_until < $1
       order by profiling_until limit $3 for update skip locked)
     update app.samples s set profiling_until = $2 from due, app.projects p
     where s.id = due.id and p.id = s.project_id
     returning s.id, s.project_id, p.bucket, s.key, s.format`,
    [now, until, limit],
  );
  return rows;
}

export async function deleteSampleRow(db: Queryable, sampleId: string): Promise<void> {
  await db.query('delete from app.samples where id = $1', [sampleId]);
}

/** The file is gone; the profile stays for the record. The preview model goes with the file. */
export async function markRemoved(db: Queryable, sampleId: string, at: Date): Promise<void> {
  await db.query(
    `update app.samples set status = 'removed', removed_at = $2, preview_model = null where id = $1`,
    [sampleId, at],
  );
}

/** How many queued or running jobs learn from the sample. */
export async function countActiveJobsUsing(db: Queryable, sampleId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from app.job_samples js join app.jobs j on j.id = js.job_id
     where js.sample_id = $1 and j.status in ('queued', 'running', 'cancelling')`,
    [sampleId],
  );
  return rows[0]?.n ?? 0;
}

export async function linkJobSamples(db: Queryable, jobId: string, sampleIds: string[]): Promise<void> {
  if (sampleIds.length === 0) return;
  await db.query(
    `insert into app.job_samples (job_id, sample_id) select $1, unnest($2::uuid[]) on conflict do nothing`,
    [jobId, sampleIds],
  );
}

/** The samples a job learns from, with where each is stored. */
export async function findJobSamples(db: Queryable, jobId: string): Promise<SampleRow[]> {
  const { rows } = await db.query<SampleRow>(
    `select ${columns} ${from} join app.job_samples js on js.sample_id = s.id where js.job_id = $1 order by s.id`,
    [jobId],
  );
  return rows;
}

/** The ready samples a job learned from, when its project deletes samples after fitting. */
export async function findSamplesToRelease(
  db: Queryable,
  jobId: string,
): Promise<Array<SampleRow & { bucket: string }>> {
  const { rows } = await db.query<SampleRow & { bucket: string }>(
    `select ${columns}, p.bucket ${from} join app.job_samples js on js.sample_id = s.id
     join app.projects p on p.id = s.project_id
     where js.job_id = $1 and s.status = 'ready' and p.delete_samples_after_fit`,
    [jobId],
  );
  return rows;
}
