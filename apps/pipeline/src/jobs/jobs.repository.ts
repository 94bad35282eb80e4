import type { Queryable } from '@synoptic/service-kit';
import { queueSchema } from '../db/migrations.ts';
import type { GeneratorConfig, JobPlan } from '../engine.ts';
import type { TableFit } from '../learning-engine.ts';
import { jobTaskQueues, queues } from '../queue/queue.ts';
import type { Job, JobStage, JobStatus, Manifest, OutputLocation, SampleLocation } from './job.schemas.ts';
import { statusesBefore } from './job-state.ts';

/** A job's tasks besides its shards, each named after its stage; a worker holds one with heartbeats. */
export type JobTaskKind = 'validating' | 'fitting' | 'reporting' | 'finalizing';

/** The stages a job may be in while each task runs: the report is written beside the shards. */
export const jobTaskStages: Record<JobTaskKind, JobStage[]> = {
  validating: ['queued', 'validating'],
  fitting: ['fitting'],
  reporting: ['generating', 'reporting'],
  finalizing: ['finalizing'],
};

export type JobRow = {
  id: string;
  idempotency_key: string | null;
  request_hash: string;
  status: JobStatus;
  stage: JobStage;
  config: unknown;
  output: OutputLocation & { prefix: string };
  callback_url: string | null;
  seed: string;
  engine_version: string | null;
  rows_total: number | null;
  rows_done: number;
  rows_per_second: number | null;
  eta_seconds: number | null;
  error_stage: JobStage | null;
  error_message: string | null;
  plan: JobPlan | null;
  valid_config: GeneratorConfig | null;
  output_cleaned: boolean;
  manifest: Manifest | null;
  samples: SampleLocation[];
  fit: Record<string, TableFit> | null;
  report: Manifest['report'];
  report_error: string | null;
  event_seq: number;
  created_at: Date;
  started_at: Date | null;
  generating_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
};

export type ShardRow = {
  job_id: string;
  shard_no: number;
  table_name: string;
  spec: Record<string, unknown>;
  rows: number;
  rows_done: number;
  status: 'pending' | 'running' | 'done' | 'cancelled' | 'failed';
  attempt: number;
  part_key: string;
  bytes: number | null;
  sha256: string | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The API shape of a job row (rows are not API shapes). */
export function toJob(row: JobRow): Job {
  const total = row.rows_total;
  const done = total === null ? row.rows_done : Math.min(row.rows_done, total);
  return {
    id: row.id,
    status: row.status,
    stage: row.stage,
    progress: {
      rowsDone: done,
      rowsTotal: total,
      percent: total ? Math.round((done / total) * 10_000) / 100 : row.status === 'completed' ? 100 : 0,
      rowsPerSecond: row.rows_per_second === null ? null : Math.round(row.rows_per_second),
      etaSeconds: row.eta_seconds === null ? null : Math.round(row.eta_seconds * 10) / 10,
    },
    output: row.output,
    seed: row.seed,
    engineVersion: row.engine_version,
    callbackUrl: row.callback_url,
    error:
      row.error_stage && row.error_message ? { stage: row.error_stage, message: row.error_message } : null,
    timings: {
      createdAt: row.created_at.toISOString(),
      startedAt: iso(row.started_at),
      generatingAt: iso(row.generating_at),
      finishedAt: iso(row.finished_at),
      updatedAt: row.updated_at.toISOString(),
    },
  };
}

export type NewJob = {
  id: string;
  idempotencyKey: string | undefined;
  requestHash: string;
  config: unknown;
  output: OutputLocation & { prefix: string };
  callbackUrl: string | undefined;
  seed: string;
  samples: SampleLocation[];
};

/** The row a new job is stored as (queued, nothing run), known before the insert. */
export function newJobRow(job: NewJob, at: Date): JobRow {
  return {
    id: job.id,
    idempotency_key: job.idempotencyKey ?? null,
    request_hash: job.requestHash,
    status: 'queued',
    stage: 'queued',
    config: job.config,
    output: job.output,
    callback_url: job.callbackUrl ?? null,
    seed: job.seed,
    engine_version: null,
    rows_total: null,
    rows_done: 0,
    rows_per_second: null,
    eta_seconds: null,
    error_stage: null,
    error_message: null,
    plan: null,
    valid_config: null,
    output_cleaned: false,
    manifest: null,
    samples: job.samples,
    fit: null,
    report: null,
    report_error: null,
    event_seq: 0,
    created_at: at,
    started_at: null,
    generating_at: null,
    finished_at: null,
    updated_at: at,
  };
}

export const jobsRepository = {
  /**
   * Inserts a new job (see `newJobRow`) with its first log line and, when given, its first callback
   * event (seq 1), in one statement; undefined when another job holds the idempotency key.
   */
  async insertNew(
    db: Queryable,
    row: JobRow,
    logMessage: string,
    event?: { type: string; payload: object },
  ): Promise<JobRow | undefined> {
    const { rows } = await db.query<JobRow>(
      `with job as (
         insert into pipeline.jobs (id, idempotency_key, request_hash, status, stage, config, output, callback_url,
           seed, event_seq, created_at, updated_at, samples)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $15)
         on conflict (idempotency_key) do nothing returning *
       ), log as (
         insert into pipeline.job_logs (job_id, level, stage, message) select id, 'info', stage, $12 from job
       ), event as (
         insert into pipeline.job_events (job_id, seq, type, payload)
         select id, 1, $13, $14::jsonb from job where $14::jsonb is not null
       )
       select * from job`,
      [
        row.id,
        row.idempotency_key,
        row.request_hash,
        row.status,
        row.stage,
        JSON.stringify(row.config),
        JSON.stringify(row.output),
        row.callback_url,
        row.seed,
        event ? 1 : 0,
        row.created_at,
        logMessage,
        event?.type ?? null,
        event ? JSON.stringify({ ...event.payload, seq: 1 }) : null,
        JSON.stringify(row.samples),
      ],
    );
    return rows[0];
  },

  /** How fitting went, per sample table; kept for the report. */
  async setFit(db: Queryable, id: string, fit: Record<string, TableFit>): Promise<void> {
    await db.query('update pipeline.jobs set fit = $2 where id = $1', [id, JSON.stringify(fit)]);
  },

  async setReport(db: Queryable, id: string, report: NonNullable<Manifest['report']>): Promise<void> {
    await db.query('update pipeline.jobs set report = $2 where id = $1', [id, JSON.stringify(report)]);
  },

  async findByIdempotencyKey(db: Queryable, key: string): Promise<JobRow | undefined> {
    const { rows } = await db.query<JobRow>('select * from pipeline.jobs where idempotency_key = $1', [key]);
    return rows[0];
  },

  async find(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<JobRow | undefined> {
    const { rows } = await db.query<JobRow>(
      `select * from pipeline.jobs where id = $1${options.lock ? ' for update' : ''}`,
      [id],
    );
    return rows[0];
  },

  /**
   * Moves a job to `status`/`stage` if its current status allows it (see job-state.ts) and, when
   * `onlyFrom` is given, only from those; returns the updated row or undefined when refused.
   */
  async transition(
    db: Queryable,
    id: string,
    change: {
      status: JobStatus;
      stage: JobStage;
      onlyFrom?: JobStatus[];
      error?: { stage: JobStage; message: string };
      set?: Partial<Pick<JobRow, 'rows_total' | 'engine_version' | 'rows_done'>> & {
        plan?: JobPlan;
        valid_config?: GeneratorConfig;
        manifest?: Manifest;
        output_cleaned?: boolean;
      };
    },
  ): Promise<JobRow | undefined> {
    const from = change.onlyFrom ?? statusesBefore(change.status);
    const set = change.set ?? {};
    const { rows } = await db.query<JobRow>(
      `update pipeline.jobs set
         status = $2, stage = $3, updated_at = now(),
         started_at = case when $3 = 'validating' then coalesce(started_at, now()) else started_at end,
         generating_at = case when $3 = 'generating' then coalesce(generating_at, now()) else generating_at end,
         finished_at = case when $2 in ('completed', 'failed', 'cancelled') then now() else finished_at end,
         rows_per_second = case when $2 = 'completed' then
             coalesce(rows_total, 0) / greatest(extract(epoch from now() - coalesce(generating_at, now())), 0.001)
           else rows_per_second end,
         eta_seconds = case when $2 in ('running', 'cancelling') then eta_seconds else null end,
         error_stage = coalesce($5, error_stage), error_message = coalesce($6, error_message),
         rows_total = coalesce($7, rows_total), engine_version = coalesce($8, engine_version),
         plan = coalesce($9::json, plan), manifest = coalesce($10, manifest),
         rows_done = coalesce($11, rows_done), output_cleaned = coalesce($12, output_cleaned),
         valid_config = coalesce($13::json, valid_config)
       where id = $1 and status = any($4) returning *`,
      [
        id,
        change.status,
        change.stage,
        from,
        change.error?.stage ?? null,
        change.error?.message ?? null,
        set.rows_total ?? null,
        set.engine_version ?? null,
        set.plan ? JSON.stringify(set.plan) : null,
        set.manifest ? JSON.stringify(set.manifest) : null,
        set.rows_done ?? null,
        set.output_cleaned ?? null,
        set.valid_config ? JSON.stringify(set.valid_config) : null,
      ],
    );
    return rows[0];
  },

  /**
   * Stores a callback event numbered by the job's event counter (incremented here), in one
   * statement; the payload's `seq` is set to that number.
   */
  async insertEvent(db: Queryable, jobId: string, type: string, payload: object): Promise<void> {
    await db.query(
      `with seq as (update pipeline.jobs set event_seq = event_seq + 1 where id = $1 returning event_seq)
       insert into pipeline.job_events (job_id, seq, type, payload)
       select $1, seq.event_seq, $2, jsonb_set($3::jsonb, '{seq}', to_jsonb(seq.event_seq)) from seq`,
      [jobId, type, JSON.stringify(payload)],
    );
  },

  async insertLog(
    db: Queryable,
    jobId: string,
    line: { level: 'debug' | 'info' | 'warn' | 'error'; stage: JobStage; message: string },
  ): Promise<void> {
    await db.query('insert into pipeline.job_logs (job_id, level, stage, message) values ($1, $2, $3, $4)', [
      jobId,
      line.level,
      line.stage,
      line.message,
    ]);
  },

  async findLogs(db: Queryable, jobId: string, after: number, limit: number) {
    const { rows } = await db.query<{
      id: number;
      at: Date;
      level: string;
      stage: JobStage;
      message: string;
    }>(
      'select id, at, level, stage, message from pipeline.job_logs where job_id = $1 and id > $2 order by id limit $3',
      [jobId, after, limit],
    );
    return rows;
  },

  async insertShards(
    db: Queryable,
    jobId: string,
    shards: Array<{ shardNo: number; table: string; spec: unknown; rows: number; partKey: string }>,
  ): Promise<void> {
    if (shards.length === 0) return;
    await db.query(
      `insert into pipeline.shards (job_id, shard_no, table_name, spec, rows, status, part_key)
       select $1, s.no, s.tbl, s.spec, s.rows, 'pending', s.key
       from unnest($2::int[], $3::text[], $4::jsonb[], $5::bigint[], $6::text[]) as s(no, tbl, spec, rows, key)
       on conflict do nothing`,
      [
        jobId,
        shards.map((s) => s.shardNo),
        shards.map((s) => s.table),
        shards.map((s) => JSON.stringify(s.spec)),
        shards.map((s) => s.rows),
        shards.map((s) => s.partKey),
      ],
    );
  },

  async findShards(db: Queryable, jobId: string): Promise<ShardRow[]> {
    const { rows } = await db.query<ShardRow>(
      'select * from pipeline.shards where job_id = $1 order by shard_no',
      [jobId],
    );
    return rows;
  },

  /** Marks a job's shards that no worker has started as cancelled. */
  async cancelPendingShards(db: Queryable, jobId: string): Promise<void> {
    await db.query(
      `update pipeline.shards set status = 'cancelled' where job_id = $1 and status = 'pending'`,
      [jobId],
    );
  },

  /** Claims a pending shard of a running job for one attempt; undefined when it is not to be run. */
  async claimShard(db: Queryable, jobId: string, shardNo: number, workerId: string) {
    const { rows } = await db.query<ShardRow>(
      `update pipeline.shards s set status = 'running', attempt = s.attempt + 1, worker_id = $3,
         heartbeat_at = now(), rows_done = 0
       from pipeline.jobs j
       where s.job_id = $1 and s.shard_no = $2 and s.status = 'pending' and j.id = s.job_id and j.status = 'running'
       returning s.*`,
      [jobId, shardNo, workerId],
    );
    return rows[0];
  },

  /** Ends this attempt of a shard; ignored when the shard was meanwhile given to another attempt. */
  async finishShard(
    db: Queryable,
    shard: { jobId: string; shardNo: number; attempt: number },
    result: { status: 'done' | 'cancelled' | 'failed' | 'pending'; bytes?: number; sha256?: string },
  ): Promise<boolean> {
    const { rowCount } = await db.query(
      `update pipeline.shards set status = $4, bytes = coalesce($5, bytes), sha256 = coalesce($6, sha256),
         rows_done = case when $4 = 'done' then rows else rows_done end, worker_id = null
       where job_id = $1 and shard_no = $2 and attempt = $3 and status = 'running'`,
      [shard.jobId, shard.shardNo, shard.attempt, result.status, result.bytes ?? null, result.sha256 ?? null],
    );
    return rowCount === 1;
  },

  async countUnfinishedShards(db: Queryable, jobId: string): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      `select count(*)::int as n from pipeline.shards where job_id = $1 and status <> 'done'`,
      [jobId],
    );
    return rows[0]!.n;
  },

  /** Records rows done and a heartbeat for the shards a worker is running. */
  async heartbeat(
    db: Queryable,
    shards: Array<{ jobId: string; shardNo: number; attempt: number; rowsDone: number }>,
  ): Promise<void> {
    if (shards.length === 0) return;
    await db.query(
      `update pipeline.shards s set rows_done = v.rows, heartbeat_at = now()
       from unnest($1::text[], $2::int[], $3::int[], $4::bigint[]) as v(job_id, shard_no, attempt, rows)
       where s.job_id = v.job_id and s.shard_no = v.shard_no and s.attempt = v.attempt and s.status = 'running'`,
      [
        shards.map((s) => s.jobId),
        shards.map((s) => s.shardNo),
        shards.map((s) => s.attempt),
        shards.map((s) => s.rowsDone),
      ],
    );
  },

  /**
   * Sums shard progress into the job, with the rate over the generating stage and the ETA. Returns
   * the jobs due a progress event (none in the last second).
   */
  async updateProgress(db: Queryable, jobIds: string[]): Promise<JobRow[]> {
    if (jobIds.length === 0) return [];
    const { rows } = await db.query<JobRow & { due: boolean }>(
      `with sums as (
         select job_id, sum(rows_done)::bigint as done from pipeline.shards where job_id = any($1) group by job_id
       ), updated as (
         update pipeline.jobs j set rows_done = s.done, updated_at = now(),
           rows_per_second = s.done / greatest(extract(epoch from now() - j.generating_at), 0.001),
           eta_seconds = case when s.done > 0 then greatest(coalesce(j.rows_total, 0) - s.done, 0)
             * extract(epoch from now() - j.generating_at) / s.done end,
           progress_event_at = case when j.progress_event_at is null or j.progress_event_at <= now() - interval '1 second'
             then now() else j.progress_event_at end
         from sums s
         where j.id = s.job_id and j.status = 'running' and j.stage = 'generating'
         returning j.*, (j.progress_event_at = now()) as due
       )
       select * from updated`,
      [jobIds],
    );
    return rows.filter((r) => r.due);
  },

  /** Jobs whose statuses are not in `statuses` among `ids` (a worker's cancel check). */
  async findStopped(db: Queryable, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const { rows } = await db.query<{ id: string }>(
      `select id from pipeline.jobs where id = any($1) and status <> 'running'`,
      [ids],
    );
    return rows.map((r) => r.id);
  },

  /**
   * Takes one of the job's tasks for this worker, unless another worker holds it and is alive;
   * counts the attempts at it. The job as it is now, or undefined.
   */
  async claimTask(
    db: Queryable,
    id: string,
    task: JobTaskKind,
    workerId: string,
    stallSeconds: number,
  ): Promise<JobRow | undefined> {
    const { rows } = await db.query<JobRow>(
      `update pipeline.jobs set task_worker = $3, task_heartbeat_at = now(),
         task_attempts = case when task_stage = $2 then task_attempts + 1 else 1 end, task_stage = $2
       where id = $1 and status in ('queued', 'running') and stage = any($5)
         and (task_worker is null or task_stage <> $2 or task_heartbeat_at < now() - make_interval(secs => $4))
       returning *`,
      [id, task, workerId, stallSeconds, jobTaskStages[task]],
    );
    return rows[0];
  },

  async taskHeartbeat(db: Queryable, ids: string[], workerId: string): Promise<void> {
    if (ids.length === 0) return;
    await db.query(
      'update pipeline.jobs set task_heartbeat_at = now() where id = any($1) and task_worker = $2',
      [ids, workerId],
    );
  },

  async releaseTask(db: Queryable, id: string, task: JobTaskKind, workerId: string): Promise<void> {
    await db.query(
      'update pipeline.jobs set task_worker = null where id = $1 and task_stage = $2 and task_worker = $3',
      [id, task, workerId],
    );
  },

  async setReportError(db: Queryable, id: string, message: string): Promise<void> {
    await db.query('update pipeline.jobs set report_error = $2 where id = $1', [id, message]);
  },

  /**
   * Queue tasks a worker took more than `stallSeconds` ago whose work nobody holds now: their worker
   * died between taking the task and claiming its work (pg-boss would wait for its expiry, minutes
   * to hours). `needed` says whether the job still needs the work, so the task should run again.
   */
  async findLostTasks(db: Queryable, stallSeconds: number) {
    const kindOfQueue = Object.fromEntries(
      Object.entries(jobTaskQueues).map(([kind, queue]) => [queue, kind]),
    );
    const { rows } = await db.query<{ id: string; name: string; data: object; needed: boolean }>(
      `select q.id, q.name, q.data,
          j.status in ('queued', 'running') and case when q.name = $4
            then s.status = 'pending' and j.stage = 'generating'
            else coalesce(($3::jsonb -> k.kind) ? j.stage, false)
              and not (k.kind = 'reporting' and j.report is not null) end as needed
        from ${queueSchema}.job q
        join pipeline.jobs j on j.id = q.data->>'jobId'
        left join jsonb_each_text($2::jsonb) as k(queue, kind) on k.queue = q.name
        left join pipeline.shards s on q.name = $4
          and s.job_id = j.id and s.shard_no = (q.data->>'shardNo')::int
       where q.state = 'active' and q.started_on < now() - make_interval(secs => $1)
         and not (q.name = $4 and s.status is distinct from 'pending' and j.status = 'running')
         and not (j.task_worker is not null and j.task_stage = k.kind
           and j.task_heartbeat_at >= now() - make_interval(secs => $1))`,
      [stallSeconds, JSON.stringify(kindOfQueue), JSON.stringify(jobTaskStages), queues.shard],
    );
    return rows;
  },

  /** Tasks whose worker stopped sending heartbeats, while the job still needs them: let go, once each. */
  async releaseStalledTasks(db: Queryable, stallSeconds: number) {
    const { rows } = await db.query<{ id: string; task: JobTaskKind; task_attempts: number }>(
      `update pipeline.jobs set task_worker = null
       where status in ('queued', 'running') and task_worker is not null
         and task_heartbeat_at < now() - make_interval(secs => $1)
         and coalesce(($2::jsonb -> task_stage) ? stage, false)
         and not (task_stage = 'reporting' and report is not null)
       returning id, task_stage as task, task_attempts`,
      [stallSeconds, JSON.stringify(jobTaskStages)],
    );
    return rows;
  },

  /** Shards whose worker stopped sending heartbeats: put back to pending, once each. */
  async releaseStalledShards(db: Queryable, stallSeconds: number) {
    const { rows } = await db.query<{
      job_id: string;
      shard_no: number;
      table_name: string;
      attempt: number;
    }>(
      `update pipeline.shards set status = 'pending', worker_id = null
       where status = 'running' and heartbeat_at < now() - make_interval(secs => $1)
       returning job_id, shard_no, table_name, attempt`,
      [stallSeconds],
    );
    return rows;
  },

  /** Failed or cancelling jobs whose partial output can be removed: no shard still writes. */
  async findJobsToClean(db: Queryable, stallSeconds: number, jobId?: string): Promise<JobRow[]> {
    const { rows } = await db.query<JobRow>(
      `select * from pipeline.jobs j
       where status in ('failed', 'cancelling', 'cancelled') and not output_cleaned and ($2::text is null or id = $2)
         and not exists (select 1 from pipeline.shards s where s.job_id = j.id and s.status = 'running'
                         and s.heartbeat_at > now() - make_interval(secs => $1))
       limit 20`,
      [stallSeconds, jobId ?? null],
    );
    return rows;
  },

  async markCleaned(db: Queryable, id: string): Promise<void> {
    await db.query('update pipeline.jobs set output_cleaned = true where id = $1', [id]);
  },

  async deleteOldNonces(db: Queryable): Promise<void> {
    await db.query(`delete from pipeline.request_nonces where seen_at < now() - interval '10 minutes'`);
  },
};
