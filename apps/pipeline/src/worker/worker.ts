import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  isTransientError,
  ObjectNotFoundError,
  type ObjectStore,
  type ObjectStoreConfig,
  ObjectStoreError,
} from '@synoptic/object-store';
import { type Pool, type Queryable, withTransaction } from '@synoptic/service-kit';
import type PgBoss from 'pg-boss';
import type { WorkerConfig } from '../config.ts';
import {
  ENGINE_VERSION,
  type FittedSample,
  fileExtension,
  GenerationError,
  type GeneratorConfig,
  type JobPlan,
  type JobReport,
  planJob,
  previewConfig,
  type ShardSpec,
  validateGeneratorConfig,
} from '../engine.ts';
import type { Manifest } from '../jobs/job.schemas.ts';
import { changeJob, cleanUpStoppedJobs, failJob, recordEvent } from '../jobs/job-control.ts';
import { type JobRow, type JobTaskKind, jobsRepository as repo } from '../jobs/jobs.repository.ts';
import type { FitResult } from '../learning-engine.ts';
import {
  type FinalizeTask,
  type FitTask,
  jobTaskQueues,
  queues,
  queueTasks,
  type ReportTask,
  type ShardTask,
} from '../queue/queue.ts';
import { listenForTasks } from '../queue/task-wakeups.ts';
import { createLearningRunner, LearningError } from './learning-runner.ts';
import { fetchSamples } from './sample-files.ts';
import { retryDelayMs } from './shard-execution.ts';
import { ShardError, type ShardRunner } from './shard-runner.ts';
import { describeStoreError } from './store-errors.ts';

/** The report's findings in words. */
function reportFindings(summary: JobReport['summary']): string {
  const parts = [
    summary.quality === null ? undefined : `quality ${(summary.quality * 100).toFixed(1)}%`,
    summary.privacyPassed === null
      ? undefined
      : summary.privacyPassed
        ? 'privacy checks passed'
        : 'privacy checks FAILED (downloads ask for confirmation)',
    summary.conformancePassed === null
      ? undefined
      : summary.conformancePassed
        ? 'output conforms to the schema'
        : 'output does not fully conform to the schema',
  ].filter(Boolean);
  return parts.join(', ') || 'nothing to report';
}

/** The log line of a report written once the shards are done. */
const reportLine = (summary: JobReport['summary']) =>
  `Wrote report.json: ${reportFindings(summary)}. Writing the manifest.`;

export type Logger = {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
};

export type WorkerDeps = {
  config: WorkerConfig;
  pool: Pool;
  boss: PgBoss;
  store: ObjectStore;
  runner: ShardRunner;
  log: Logger;
  /**
   * How often running shards report rows and heartbeats, and check for cancels (ms). 500 keeps a
   * job's progress at most half a second old, while progress callbacks go out at most once a second.
   */
  tickMs?: number;
};

type Active = {
  jobId: string;
  shardNo: number;
  attempt: number;
  rowsDone: number;
  controller: AbortController;
};

function storeConfig(config: WorkerConfig): ObjectStoreConfig {
  return {
    OBJECT_STORE: config.OBJECT_STORE,
    OBJECT_STORE_DIR: config.OBJECT_STORE_DIR,
    S3_ENDPOINT: config.S3_ENDPOINT,
    S3_REGION: config.S3_REGION,
    S3_ACCESS_KEY_ID: config.S3_ACCESS_KEY_ID,
    S3_SECRET_ACCESS_KEY: config.S3_SECRET_ACCESS_KEY,
    S3_FORCE_PATH_STYLE: config.S3_FORCE_PATH_STYLE,
    S3_BUCKET_PREFIX: config.S3_BUCKET_PREFIX,
  };
}

/** Retries a store write that failed transiently, with the backoff shards use. */
const withRetry = async <T>(
  work: () => Promise<T>,
  options: {
    retries: number;
    baseMs: number;
    onRetry: (attempt: number, delayMs: number, err: unknown) => void;
  },
): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isTransientError(err) || attempt >= options.retries) throw err;
      const delay = retryDelayMs(attempt + 1, options.baseMs);
      options.onRetry(attempt + 1, delay, err);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
};

/**
 * A worker process's share of the work: plans jobs, runs shards (`PIPELINE_WORKER_CONCURRENCY` at a
 * time, in threads), finalizes jobs. Every handler is idempotent, so a task delivered twice is harmless.
 */
export async function startWorker(
  deps: WorkerDeps,
): Promise<{ stop: () => Promise<void>; workerId: string }> {
  const { config, pool, boss, store, log } = deps;
  const workerId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const active = new Map<string, Active>();
  const recentJobs = new Set<string>();
  const work = { pollingIntervalSeconds: config.PIPELINE_POLL_INTERVAL_SECONDS, batchSize: 1 };
  const stores = storeConfig(config);
  const learning = createLearningRunner();
  // Fitting and report tasks in progress here, with their jobs: a cancel (seen each tick) or
  // stopping aborts them, and pg-boss hands them to another worker (the task fails, so it is retried).
  const learningTasks = new Map<AbortController, string>();
  // Tasks this process holds, by job, for their heartbeats: a count, as the next task of a job may
  // start here before the one that queued it has let go.
  const heldTasks = new Map<string, number>();
  let stopping = false;

  async function plan(held: JobRow): Promise<void> {
    const started = await withTransaction(pool, async (client) => {
      const job = await repo.find(client, held.id, { lock: true });
      if (!job) return undefined;
      if (job.status === 'queued')
        return changeJob(
          client,
          job.id,
          { status: 'running', stage: 'validating' },
          { level: 'info', message: `Validating the configuration (worker ${workerId}).` },
        );
      // A retried plan task after a crash goes on; anything else was cancelled or is done.
      return job.status === 'running' && job.stage === 'validating' ? job : undefined;
    });
    if (!started) return;

    const checked = validateGeneratorConfig(started.config);
    if (!checked.ok) {
      const message = checked.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ');
      await withTransaction(pool, (client) => failJob(client, started.id, 'validating', message));
      return;
    }
    const learners = checked.config.tables.filter((t) => t.sample);
    if (learners.length === 0) return planShards(started, 'validating', checked.config);
    await withTransaction(pool, async (client) => {
      const moved = await changeJob(
        client,
        started.id,
        { status: 'running', stage: 'fitting', onlyFrom: ['running'], set: { valid_config: checked.config } },
        {
          level: 'info',
          message: `Fitting ${learners.map((t) => `table '${t.name}' (${t.sample!.quality ?? 'balanced'})`).join(', ')} to ${learners.length === 1 ? 'its sample' : 'their samples'}.`,
        },
      );
      if (moved) await queueTasks(boss, client, queues.fit, [{ jobId: started.id } satisfies FitTask]);
    });
  }

  /** Plans the shards of a validated (and, for sample tables, fitted) job and queues them. */
  async function planShards(
    { id: jobId, seed }: Pick<JobRow, 'id' | 'seed'>,
    from: 'validating' | 'fitting',
    validConfig: GeneratorConfig,
    samples?: Record<string, FittedSample>,
  ): Promise<void> {
    let jobPlan: JobPlan;
    try {
      jobPlan = planJob(validConfig, { seed, shardRows: config.PIPELINE_SHARD_ROWS, samples });
    } catch (err) {
      if (!(err instanceof GenerationError)) throw err;
      await withTransaction(pool, (client) => failJob(client, jobId, from, err.message));
      return;
    }
    await withTransaction(pool, async (client) => {
      const job = await repo.find(client, jobId, { lock: true });
      if (job?.status !== 'running' || job.stage !== from) return;
      const ext = fileExtension[job.output.format];
      const shards = jobPlan.tables.flatMap((table) =>
        table.shards.map((spec) => ({
          table: table.name,
          spec,
          rows: spec.rows,
          partKey: `${job.output.prefix}${table.name}/part-${String(spec.index).padStart(5, '0')}.${ext}`,
        })),
      );
      const rowsTotal = jobPlan.tables.reduce((sum, t) => sum + t.rows, 0);
      await repo.insertShards(
        client,
        job.id,
        shards.map((s, shardNo) => ({ ...s, shardNo })),
      );
      await changeJob(
        client,
        job.id,
        {
          status: 'running',
          stage: shards.length ? 'generating' : 'reporting',
          set: {
            rows_total: rowsTotal,
            engine_version: jobPlan.engineVersion ?? ENGINE_VERSION,
            plan: jobPlan,
            valid_config: validConfig,
          },
        },
        {
          level: 'info',
          message: `Planned ${rowsTotal.toLocaleString('en-US')} rows in ${jobPlan.tables.length} table(s), ${shards.length} shard(s).`,
        },
      );
      if (shards.length)
        await queueTasks(
          boss,
          client,
          queues.shard,
          shards.map((_, shardNo) => ({ jobId: job.id, shardNo }) satisfies ShardTask),
        );
      // The report regenerates the rows it checks rather than reading the parts, so it is written
      // while the shards run (on a core they leave free, or at their uneven end), not after them.
      await queueTasks(boss, client, queues.report, [{ jobId: job.id } satisfies ReportTask]);
    });
  }

  /**
   * Runs `work` for a job in the fitting or reporting stage with the job's samples copied locally;
   * the signal aborts when the job is cancelled meanwhile (checked every tick), stopping the thread.
   */
  async function withSamples<T>(
    job: JobRow,
    work: (files: Awaited<ReturnType<typeof fetchSamples>>['files'], signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    learningTasks.set(controller, job.id);
    try {
      const fetched = await fetchSamples(store, job.samples, controller.signal);
      try {
        return await work(fetched.files, controller.signal);
      } finally {
        await fetched.release();
      }
    } finally {
      learningTasks.delete(controller);
    }
  }

  /** Why a fitting or report task failed, for the job's error; undefined when it was cancelled or may be retried. */
  function learningFailure(err: unknown, job: JobRow): string | undefined {
    if (err instanceof ObjectNotFoundError)
      return 'a sample file is no longer in the object store (was the sample deleted?). Upload it again and rerun the job.';
    if (err instanceof ObjectStoreError && !isTransientError(err))
      return `could not read the sample: ${describeStoreError(err, job.samples[0]?.bucket ?? job.output.bucket)}`;
    if (err instanceof LearningError) return err.userError ? err.message : `internal error: ${err.message}`;
    return undefined;
  }

  /**
   * Runs one of a job's tasks while this worker holds it: the task's heartbeat goes out with every
   * tick, so if this process dies, stall detection gives the task to another worker within the
   * stall timeout (pg-boss alone would wait for its expiry: 5 to 15 minutes).
   */
  const holding =
    (task: JobTaskKind, run: (job: JobRow) => Promise<void>) => async (data: { jobId: string }) => {
      // Nothing when the job no longer needs the task or a live worker holds it.
      const job = await repo.claimTask(
        pool,
        data.jobId,
        task,
        workerId,
        config.PIPELINE_STALL_TIMEOUT_SECONDS,
      );
      if (!job) return;
      heldTasks.set(job.id, (heldTasks.get(job.id) ?? 0) + 1);
      try {
        await run(job);
      } finally {
        const left = (heldTasks.get(job.id) ?? 1) - 1;
        if (left > 0) heldTasks.set(job.id, left);
        else heldTasks.delete(job.id);
        await repo.releaseTask(pool, job.id, task, workerId);
      }
    };

  async function fit(job: JobRow): Promise<void> {
    let result: FitResult;
    try {
      result = await withSamples(job, (files, signal) =>
        learning.run({ type: 'fit', input: { config: job.valid_config!, files, seed: job.seed } }, signal),
      );
    } catch (err) {
      const message = learningFailure(err, job);
      if (message === undefined) {
        if ((await repo.findStopped(pool, [job.id])).length) return;
        throw err;
      }
      await withTransaction(pool, (client) => failJob(client, job.id, 'fitting', message));
      return;
    }
    for (const [table, figures] of Object.entries(result.fits))
      await repo.insertLog(pool, job.id, {
        level: 'info',
        stage: 'fitting',
        message: `Fitted table '${table}' on ${figures.trainingRows.toLocaleString('en-US')} sample rows (${figures.holdoutRows.toLocaleString('en-US')} held out for the privacy checks) in ${figures.seconds} s.`,
      });
    await repo.setFit(pool, job.id, result.fits);
    await planShards(job, 'fitting', job.valid_config!, result.models);
  }

  /** Writes report.json while the shards run or after; the job moves on once both are done. */
  async function report(job: JobRow): Promise<void> {
    if (job.report) return;
    const key = `${job.output.prefix}report.json`;
    try {
      const built = await withSamples(job, (files, signal) =>
        learning.run(
          {
            type: 'report',
            input: {
              jobId: job.id,
              config: job.valid_config!,
              plan: job.plan!,
              files,
              fits: job.fit ?? {},
              seed: job.seed,
            },
          },
          signal,
        ),
      );
      await writeObject(job, 'report.json', built, 'reporting');
      await withTransaction(pool, async (client) => {
        // The job's row lock orders this with the last shard's end: whichever comes second moves on.
        const now = await repo.find(client, job.id, { lock: true });
        if (now?.status !== 'running' || now.report) return;
        await repo.setReport(client, job.id, { key, summary: built.summary });
        if (now.stage === 'reporting') await finishReporting(client, job.id, reportLine(built.summary));
        else
          await repo.insertLog(client, job.id, {
            level: 'info',
            stage: now.stage,
            message: `Wrote report.json while the shards run: ${reportFindings(built.summary)}.`,
          });
      });
    } catch (err) {
      const message =
        err instanceof ObjectStoreError && !(err instanceof ObjectNotFoundError)
          ? `Could not write report.json to the object store: ${describeStoreError(err, job.output.bucket)}`
          : learningFailure(err, job);
      if (message === undefined) {
        if ((await repo.findStopped(pool, [job.id])).length) return;
        throw err;
      }
      // While the shards run they may meet the same fault (a failing expression) and name its part
      // and row; the report's words wait until they have all ended.
      const failed = await withTransaction(pool, async (client) => {
        const now = await repo.find(client, job.id, { lock: true });
        if (now?.status !== 'running') return false;
        if (now.stage === 'generating') {
          await repo.setReportError(client, job.id, message);
          return false;
        }
        return Boolean(await failJob(client, job.id, 'reporting', message));
      });
      if (failed)
        await cleanUpStoppedJobs(
          { pool, store, stallSeconds: config.PIPELINE_STALL_TIMEOUT_SECONDS },
          job.id,
        );
    }
  }

  /** Reporting → finalizing, once the shards and the report are both written. */
  async function finishReporting(client: Queryable, jobId: string, message: string): Promise<void> {
    const moved = await changeJob(
      client,
      jobId,
      { status: 'running', stage: 'finalizing', onlyFrom: ['running'] },
      { level: 'info', message },
    );
    if (moved) await queueTasks(boss, client, queues.finalize, [{ jobId } satisfies FinalizeTask]);
  }

  async function runShard(task: ShardTask): Promise<void> {
    const shard = await repo.claimShard(pool, task.jobId, task.shardNo, workerId);
    if (!shard) return;
    const job = (await repo.find(pool, task.jobId))!;
    const key = `${task.jobId}:${task.shardNo}`;
    const entry: Active = {
      jobId: task.jobId,
      shardNo: task.shardNo,
      attempt: shard.attempt,
      rowsDone: 0,
      controller: new AbortController(),
    };
    active.set(key, entry);
    recentJobs.add(task.jobId);
    const ref = { jobId: task.jobId, shardNo: task.shardNo, attempt: shard.attempt };
    const where = `table '${shard.table_name}', shard ${shard.shard_no}`;
    const part = shard.part_key.slice(job.output.prefix.length);
    try {
      const result = await deps.runner.run(
        {
          config: job.valid_config!,
          plan: job.plan!,
          shard: shard.spec as unknown as ShardSpec,
          output: { format: job.output.format, ...(job.output.csv ? { csv: job.output.csv } : {}) },
          store: stores,
          bucket: job.output.bucket,
          key: shard.part_key,
          part,
          table: shard.table_name,
          retries: config.PIPELINE_STORE_RETRIES,
          retryBaseMs: config.PIPELINE_STORE_RETRY_BASE_MS,
        },
        {
          signal: entry.controller.signal,
          onRows: (rows) => {
            entry.rowsDone = rows;
          },
          onRetry: (attempt, delayMs, reason) => {
            log.warn(
              { jobId: task.jobId, shardNo: task.shardNo, attempt, delayMs, reason },
              'object store write failed',
            );
            void repo
              .insertLog(pool, task.jobId, {
                level: 'warn',
                stage: 'generating',
                message: `Could not write part ${part} to the object store: ${reason} Trying again in ${delayMs} ms (retry ${attempt} of ${config.PIPELINE_STORE_RETRIES}).`,
              })
              .catch(() => {});
          },
        },
      );
      active.delete(key);
      await completeShard(ref, result);
    } catch (err) {
      active.delete(key);
      const failure =
        err instanceof ShardError ? err.failure : { message: String(err), permanent: false, aborted: false };
      if (failure.aborted && stopping) {
        // This process is shutting down: the shard goes back to the queue for another worker.
        if (await repo.finishShard(pool, ref, { status: 'pending' }))
          await queueTasks(boss, pool, queues.shard, [task]);
        return;
      }
      if (failure.aborted) {
        await repo.finishShard(pool, ref, { status: 'cancelled' });
        await cleanUpStoppedJobs(
          { pool, store, stallSeconds: config.PIPELINE_STALL_TIMEOUT_SECONDS },
          task.jobId,
        );
        return;
      }
      if (!failure.permanent) {
        // The thread died, not the shard: another attempt, here or elsewhere.
        if (await repo.finishShard(pool, ref, { status: 'pending' }))
          await queueTasks(boss, pool, queues.shard, [task]);
        log.warn({ jobId: task.jobId, shardNo: task.shardNo, err: failure.message }, 'shard attempt failed');
        return;
      }
      await withTransaction(pool, async (client) => {
        await repo.finishShard(client, ref, { status: 'failed' });
        await failJob(
          client,
          task.jobId,
          'generating',
          failure.named ? failure.message : `${where}: ${failure.message}`,
        );
      });
      await cleanUpStoppedJobs(
        { pool, store, stallSeconds: config.PIPELINE_STALL_TIMEOUT_SECONDS },
        task.jobId,
      );
    }
  }

  async function completeShard(
    ref: { jobId: string; shardNo: number; attempt: number },
    result: { bytes: number; sha256: string },
  ): Promise<void> {
    const reportFailed = await withTransaction(pool, async (client) => {
      // The job's row lock serializes the last shards of a job, so exactly one sees none left.
      const job = await repo.find(client, ref.jobId, { lock: true });
      if (!job) return false;
      if (!(await repo.finishShard(client, ref, { status: 'done', ...result }))) return false;
      if (job.status !== 'running' || job.stage !== 'generating') return false;
      if ((await repo.countUnfinishedShards(client, ref.jobId)) > 0) return false;
      if (job.report_error) return Boolean(await failJob(client, ref.jobId, 'reporting', job.report_error));
      await changeJob(
        client,
        ref.jobId,
        { status: 'running', stage: 'reporting', set: { rows_done: job.rows_total ?? job.rows_done } },
        {
          level: 'info',
          message: job.report
            ? 'Every shard is written.'
            : 'Every shard is written; waiting for the report, which checks the output.',
        },
      );
      if (job.report) await finishReporting(client, ref.jobId, 'Writing the manifest.');
      return false;
    });
    if (reportFailed)
      await cleanUpStoppedJobs(
        { pool, store, stallSeconds: config.PIPELINE_STALL_TIMEOUT_SECONDS },
        ref.jobId,
      );
    if (config.LOG_LEVEL === 'debug') log.info({ ...ref, ...result }, 'shard done');
  }

  async function finalize(job: JobRow): Promise<void> {
    try {
      const manifest = await buildManifest(job);
      await writeObject(job, 'manifest.json', manifest, 'finalizing');
      await withTransaction(pool, (client) =>
        changeJob(
          client,
          job.id,
          {
            status: 'completed',
            stage: 'completed',
            onlyFrom: ['running'],
            set: { manifest, rows_done: manifest.rows },
          },
          {
            level: 'info',
            message: `Completed: ${manifest.rows.toLocaleString('en-US')} rows, ${manifest.files.length} file(s), ${manifest.bytes.toLocaleString('en-US')} bytes.`,
          },
        ),
      );
    } catch (err) {
      const message =
        err instanceof ObjectStoreError
          ? `Could not write manifest.json to the object store: ${describeStoreError(err, job.output.bucket)}`
          : err instanceof Error
            ? err.message
            : String(err);
      await withTransaction(pool, (client) => failJob(client, job.id, 'finalizing', message));
      await cleanUpStoppedJobs({ pool, store, stallSeconds: config.PIPELINE_STALL_TIMEOUT_SECONDS }, job.id);
    }
  }

  /** Writes a JSON document beside the job's parts, retrying transient store errors with backoff. */
  async function writeObject(job: JobRow, name: string, document: object, stage: 'reporting' | 'finalizing') {
    const body = Buffer.from(`${JSON.stringify(document, null, 2)}\n`);
    await withRetry(
      () =>
        store.put(
          job.output.bucket,
          `${job.output.prefix}${name}`,
          (async function* () {
            yield body;
          })(),
        ),
      {
        retries: config.PIPELINE_STORE_RETRIES,
        baseMs: config.PIPELINE_STORE_RETRY_BASE_MS,
        onRetry: (attempt, delayMs, err) => {
          const reason = describeStoreError(err, job.output.bucket);
          log.warn({ jobId: job.id, attempt, delayMs, reason }, 'object store write failed');
          void repo
            .insertLog(pool, job.id, {
              level: 'warn',
              stage,
              message: `Could not write ${name} to the object store: ${reason} Trying again in ${delayMs} ms (retry ${attempt} of ${config.PIPELINE_STORE_RETRIES}).`,
            })
            .catch(() => {});
        },
      },
    );
  }

  async function buildManifest(job: JobRow): Promise<Manifest> {
    const shards = await repo.findShards(pool, job.id);
    const preview = previewConfig(job.valid_config!, { seed: job.seed, rows: 1, samples: job.plan?.samples });
    const files = shards.map((s) => ({
      key: s.part_key,
      table: s.table_name,
      rows: s.rows,
      bytes: s.bytes ?? 0,
      sha256: s.sha256 ?? '',
    }));
    const tables = (job.plan?.tables ?? []).map((t) => ({
      name: t.name,
      rows: files.filter((f) => f.table === t.name).reduce((sum, f) => sum + f.rows, 0),
      bytes: files.filter((f) => f.table === t.name).reduce((sum, f) => sum + f.bytes, 0),
      columns: preview.tables.find((p) => p.name === t.name)?.columns ?? [],
    }));
    return {
      jobId: job.id,
      engineVersion: job.engine_version ?? ENGINE_VERSION,
      seed: job.seed,
      format: job.output.format,
      createdAt: new Date().toISOString(),
      rows: files.reduce((sum, f) => sum + f.rows, 0),
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      tables,
      files,
      report: job.report,
    };
  }

  // Heartbeats, progress and cancel checks for the shards this process runs.
  let ticking = false;
  const tick = async () => {
    if (ticking) return;
    const running = [...active.values()];
    // Jobs of shards that ran since the last tick too: a tick that falls between two shards of a
    // job still updates its progress, so a job's figures are never more than a tick or two old.
    const jobIds = [...new Set([...recentJobs, ...running.map((a) => a.jobId)])];
    recentJobs.clear();
    const watched = [...new Set([...jobIds, ...learningTasks.values()])];
    if (watched.length === 0 && heldTasks.size === 0) return;
    ticking = true;
    try {
      await repo.taskHeartbeat(pool, [...heldTasks.keys()], workerId);
      const stopped = new Set(await repo.findStopped(pool, watched));
      for (const a of running) if (stopped.has(a.jobId)) a.controller.abort(new Error('cancelled'));
      for (const [controller, jobId] of learningTasks)
        if (stopped.has(jobId)) controller.abort(new Error('cancelled'));
      if (jobIds.length === 0) return;
      await repo.heartbeat(pool, running);
      const due = await repo.updateProgress(pool, jobIds);
      for (const row of due) await recordEvent(pool, row, 'job.progress');
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'progress update failed');
    } finally {
      ticking = false;
    }
  };
  const timer = setInterval(() => void tick(), deps.tickMs ?? 500);

  const workerIds = new Map<string, string[]>();
  // pg-boss 10 waits a polling interval after every fetch; after a task we ask for the next at once,
  // so a burst of quick tasks (shards of a cancelled job) drains in moments, not intervals.
  const loop = async <T extends object>(queue: string, fn: (data: T) => Promise<void>) => {
    let id = '';
    id = await boss.work<T>(queue, work, async (jobs) => {
      for (const job of jobs) await fn(job.data);
      if (!stopping) boss.notifyWorker(id);
    });
    workerIds.set(queue, [...(workerIds.get(queue) ?? []), id]);
  };
  // A task queued anywhere starts at once on an idle worker rather than after a polling interval:
  // a new job, and planning → shards (on every worker) → report → manifest without pauses.
  const wake = (queue?: string) => {
    const ids = queue === undefined ? [...workerIds.values()].flat() : (workerIds.get(queue) ?? []);
    if (!stopping) for (const id of ids) boss.notifyWorker(id);
  };
  const listener = await listenForTasks(config.DATABASE_URL, {
    onTask: wake,
    onError: (err) => log.warn({ err: err.message }, 'task notifications lost; polling until they are back'),
  });
  const tasks: Array<[JobTaskKind, (job: JobRow) => Promise<void>]> = [
    ['validating', plan],
    ['fitting', fit],
    ['reporting', report],
    ['finalizing', finalize],
  ];
  for (const [kind, run] of tasks) await loop<{ jobId: string }>(jobTaskQueues[kind], holding(kind, run));
  for (let i = 0; i < config.PIPELINE_WORKER_CONCURRENCY; i++) await loop<ShardTask>(queues.shard, runShard);

  return {
    workerId,
    stop: async () => {
      stopping = true;
      for (const id of [...workerIds.values()].flat()) await boss.offWork({ id } as never).catch(() => {});
      clearInterval(timer);
      await listener.close();
      for (const a of active.values()) a.controller.abort(new Error('worker stopping'));
      await deps.runner.close();
      for (const controller of learningTasks.keys()) controller.abort(new Error('worker stopping'));
      await learning.close();
    },
  };
}
