import { randomInt } from 'node:crypto';
import { text } from 'node:stream/consumers';
import {
  type CsvOptions,
  type GeneratorConfig,
  jobReportSchema,
  type OutputFormat,
  validateGeneratorConfig,
} from '@synoptic/contract';
import { ObjectNotFoundError, type ObjectStore } from '@synoptic/object-store';
import { AppError, type Pool, uuidv7, withTransaction } from '@synoptic/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import {
  type PipelineClient,
  type PipelineJob,
  PipelineRejectedError,
  PipelineUnavailableError,
} from '../../platform/pipeline-client.ts';
import type { UserRow } from '../accounts/users.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { ProjectAccess } from '../projects/project-access.ts';
import { addStorageUsed, findStorageUse } from '../projects/projects.repository.ts';
import { actorOf } from '../projects/projects.service.ts';
import { quotaRefusal } from '../projects/storage-quota.ts';
import type { RateLimiter } from '../rate-limits/rate-limiter.ts';
import { findJobSamples, findPreviewModels, linkJobSamples } from '../samples/samples.repository.ts';
import { canMove, finishedStatuses, type JobStatus } from './job-lifecycle.ts';
import { complete, enqueue, leaseDue, remove, retryLater } from './job-outbox.repository.ts';
import { sampleLocations, usableSamples } from './job-samples.ts';
import { presentFile, presentJob } from './jobs.presenter.ts';
import {
  countActiveJobs,
  deleteJobFiles,
  deleteJobRow,
  findExpiredOutputs,
  findJob,
  findJobById,
  findJobFiles,
  findJobForUpdate,
  findJobsOfProject,
  findQuietJobs,
  insertJob,
  insertJobFiles,
  type JobPatch,
  type JobRow,
  updateJob,
} from './jobs.repository.ts';

export type JobLimits = {
  jobsPerUserPerMinute: number;
  maxActiveJobsPerProject: number;
  maxRowsPerJob: number;
  requireEmailVerification: boolean;
};

export type NewJob = {
  name: string;
  config: unknown;
  outputFormat?: OutputFormat | undefined;
  csv?: CsvOptions | undefined;
  seed?: string | undefined;
};

/** Stages after fitting: a job that reached one learned from its samples. */
const fittedStages = new Set(['generating', 'reporting', 'finalizing']);

/** The models previews and estimates plan sample tables with, by sample id. */
type SampleModels = Record<string, Record<string, unknown>>;

const validated = (config: unknown) => {
  const validation = validateGeneratorConfig(config);
  if (!validation.ok) {
    throw new AppError('validation_failed', 'The generator configuration has problems.', {
      details: validation.errors.map((e) => ({ path: `config.${e.path}`, message: e.message })),
    });
  }
  return validation.config;
};

/** Pause before the next dispatch attempt: 1 s, 2 s, 4 s … at most a minute. */
export const dispatchBackoffMs = (attempts: number) => Math.min(1000 * 2 ** attempts, 60_000);

export function createJobsService(deps: {
  pool: Pool;
  pipeline: PipelineClient;
  store: ObjectStore;
  clock: Clock;
  limiter: RateLimiter;
  limits: JobLimits;
  callbackBaseUrl: string;
  log: FastifyBaseLogger;
  /** Tells live listeners (SSE) that a job of a project changed. */
  notify: (projectId: string, jobId: string) => Promise<void>;
  /** Drops what was derived from a job's outputs (the viewer's copy) once they are deleted. */
  onOutputsDeleted?: (jobId: string) => Promise<void>;
  /** A job that fitted models to samples has finished: the samples' files may go now. */
  onLearningJobFinished?: (jobId: string) => Promise<void>;
}) {
  const { pool, pipeline, store, clock, limiter, limits, log } = deps;

  const getRow = async (projectId: string, jobId: string) => {
    const row = await findJob(pool, projectId, jobId);
    if (!row) throw new AppError('not_found', 'No such job in this project.');
    return row;
  };

  const bucketOf = async (projectId: string) => {
    const { rows } = await pool.query<{ bucket: string }>('select bucket from app.projects where id = $1', [
      projectId,
    ]);
    return rows[0]?.bucket;
  };

  /** The preview models of the samples a configuration uses, for the pipeline to plan with. */
  const modelsOf = async (sampleIds: string[]): Promise<SampleModels> =>
    sampleIds.length > 0 ? findPreviewModels(pool, sampleIds) : {};
  const withModels = (models: SampleModels) =>
    Object.keys(models).length > 0 ? { sampleModels: models } : {};

  /** Asks the pipeline what the job would write; undefined when the pipeline cannot say right now. */
  const estimate = async (
    config: GeneratorConfig,
    format: OutputFormat,
    csv: CsvOptions | undefined,
    seed: string,
    sampleModels: SampleModels,
  ) => {
    try {
      const preview = await pipeline.preview({
        config,
        output: { format, ...(csv ? { csv } : {}) },
        rows: 1,
        seed,
        ...withModels(sampleModels),
      });
      return preview.estimate;
    } catch (err) {
      if (err instanceof PipelineUnavailableError) return undefined;
      throw refusalOf(err) ?? err;
    }
  };

  /**
   * The pipeline's refusal of a config as the user's error: invalid (400, with its fields) or one
   * the engine cannot generate (422, e.g. a learned column the sample's model lacks).
   */
  const refusalOf = (err: unknown): AppError | undefined => {
    if (!(err instanceof PipelineRejectedError)) return undefined;
    if (err.status === 400)
      return new AppError('validation_failed', err.message, {
        details: (err.body.error?.details ?? []).map((d) => ({ path: d.path, message: d.message })),
      });
    if (err.status === 422) return new AppError('unprocessable', err.message);
    return undefined;
  };

  /** Applies what the pipeline reports, forward only: stale events and impossible moves are ignored. */
  const apply = async (jobId: string, reported: PipelineJob, seq?: number) => {
    const manifest =
      reported.status === 'completed'
        ? await pipeline.getManifest(reported.id).catch(() => undefined)
        : undefined;
    const changed = await withTransaction(pool, async (tx) => {
      const job = await findJobForUpdate(tx, jobId);
      if (!job || (seq !== undefined && seq <= job.pipeline_seq)) return undefined;
      const status = reported.status as JobStatus;
      if (!canMove(job.status, status)) return undefined;
      // A completed job is only recorded with its files; without the manifest, wait for the next report.
      if (status === 'completed' && job.status !== 'completed' && !manifest) return undefined;
      const patch: JobPatch = {
        status,
        stage: reported.stage,
        pipelineJobId: reported.id,
        rowsDone: Math.max(job.rows_done, reported.progress.rowsDone),
        rowsTotal: reported.progress.rowsTotal,
        rowsPerSecond: reported.progress.rowsPerSecond,
        etaSeconds: reported.progress.etaSeconds,
        errorStage: reported.error?.stage ?? null,
        errorMessage: reported.error?.message ?? null,
        startedAt: reported.timings.startedAt ? new Date(reported.timings.startedAt) : null,
        finishedAt: reported.timings.finishedAt ? new Date(reported.timings.finishedAt) : null,
        ...(seq !== undefined ? { pipelineSeq: seq } : {}),
      };
      if (manifest && job.status !== 'completed') {
        patch.bytes = manifest.bytes;
        patch.rowsDone = manifest.rows;
        patch.rowsTotal = manifest.rows;
        if (manifest.report) {
          patch.reportKey = manifest.report.key;
          patch.reportQuality = manifest.report.summary.quality;
          patch.reportPrivacyPassed = manifest.report.summary.privacyPassed;
          patch.reportConformancePassed = manifest.report.summary.conformancePassed;
        }
        await insertJobFiles(
          tx,
          jobId,
          manifest.files.map((f) => ({
            key: f.key,
            table_name: f.table,
            rows: f.rows,
            bytes: f.bytes,
            sha256: f.sha256,
          })),
        );
        await addStorageUsed(tx, job.project_id, manifest.bytes);
      }
      await updateJob(tx, jobId, patch);
      if (finishedStatuses.has(status)) await remove(tx, jobId);
      const learned =
        finishedStatuses.has(status) &&
        !finishedStatuses.has(job.status) &&
        (job.config as GeneratorConfig).tables.some((table) => table.sample) &&
        (status === 'completed' ||
          fittedStages.has(job.stage) ||
          fittedStages.has(reported.error?.stage ?? ''));
      return { projectId: job.project_id, learned };
    });
    if (!changed) return;
    await deps.notify(changed.projectId, jobId);
    if (changed.learned) {
      await deps
        .onLearningJobFinished?.(jobId)
        .catch((err: unknown) => log.error({ err, jobId }, 'samples not released after fitting'));
    }
  };

  const failJob = async (job: JobRow, stage: string, message: string) => {
    await withTransaction(pool, async (tx) => {
      await updateJob(tx, job.id, {
        status: 'failed',
        stage: 'failed',
        errorStage: stage,
        errorMessage: message,
        finishedAt: clock.now(),
      });
      await remove(tx, job.id);
    });
    await deps.notify(job.project_id, job.id);
  };

  const submit = async (job: JobRow) => {
    const bucket = await bucketOf(job.project_id);
    if (!bucket) return;
    const config = job.config as GeneratorConfig;
    const samples = await findJobSamples(pool, job.id);
    if (job.estimated_bytes === null) {
      // Accepted while the pipeline was away: check the quota now, before any work is done.
      const csv = (job.csv_options ?? undefined) as CsvOptions | undefined;
      const models = await modelsOf(samples.map((sample) => sample.id));
      const sized = await estimate(config, job.output_format, csv, job.seed, models);
      if (!sized) throw new PipelineUnavailableError('pipeline unavailable for an estimate');
      const refusal = await sizeRefusal(job.project_id, sized, job.id);
      if (refusal) return failJob(job, 'validating', refusal);
    }
    const reported = await pipeline.submitJob(
      {
        config,
        output: {
          bucket,
          prefix: `jobs/${job.id}/`,
          format: job.output_format,
          ...(job.csv_options ? { csv: job.csv_options } : {}),
        },
        ...(samples.length > 0 ? { samples: sampleLocations(bucket, samples) } : {}),
        seed: job.seed,
        callbackUrl: new URL(`/api/internal/pipeline-events/${job.id}`, deps.callbackBaseUrl).toString(),
      },
      job.id,
    );
    await updateJob(pool, job.id, { pipelineJobId: reported.id, dispatchedAt: clock.now() });
    await complete(pool, job.id, 'submit');
    await apply(job.id, reported);
  };

  /** Why a job of this size may not run in this project now, in words; undefined when it may. */
  const sizeRefusal = async (
    projectId: string,
    sized: { rows: number; bytes: number },
    exceptJobId?: string,
  ) => {
    if (sized.rows > limits.maxRowsPerJob) {
      return `This job would make ${sized.rows.toLocaleString('en')} rows; the limit is ${limits.maxRowsPerJob.toLocaleString('en')} rows per job.`;
    }
    const use = await findStorageUse(pool, projectId, { exceptJobId });
    return use && quotaRefusal(use, sized.bytes, 'This job would write about');
  };

  /** Validates, checks limits and quota, and stores the job as queued with its outbox entry, atomically. */
  const create = async (access: ProjectAccess, user: UserRow, input: NewJob) => {
    if (limits.requireEmailVerification && !user.email_verified_at) {
      throw new AppError('forbidden', 'Confirm your email address before running jobs.');
    }
    const config = validated(input.config);
    const samples = await usableSamples(pool, access.project.id, config);
    await limiter.hit({ name: 'jobs-user', limit: limits.jobsPerUserPerMinute, windowSeconds: 60 }, user.id);
    const active = await countActiveJobs(pool, access.project.id);
    if (active >= limits.maxActiveJobsPerProject) {
      throw new AppError(
        'unprocessable',
        `This project already has ${active} jobs queued or running (the limit is ${limits.maxActiveJobsPerProject}). Wait for one to finish or cancel one.`,
      );
    }
    const format = input.outputFormat ?? access.project.default_output_format;
    const seed = input.seed ?? String(randomInt(0, 2 ** 47));
    const sampleIds = samples.map((sample) => sample.id);
    const sized = await estimate(config, format, input.csv, seed, await modelsOf(sampleIds));
    if (sized) {
      const refusal = await sizeRefusal(access.project.id, sized);
      if (refusal) throw new AppError('unprocessable', refusal);
    }
    const id = uuidv7();
    await withTransaction(pool, async (tx) => {
      // Checked again, held: a sample deleted or removed meanwhile must not reach the pipeline.
      await usableSamples(tx, access.project.id, config, true);
      await insertJob(tx, {
        id,
        projectId: access.project.id,
        createdBy: user.id,
        name: input.name,
        config,
        outputFormat: format,
        csvOptions: input.csv,
        seed,
        estimatedBytes: sized?.bytes ?? null,
        rowsTotal: sized?.rows ?? null,
      });
      await linkJobSamples(tx, id, sampleIds);
      await enqueue(tx, id, 'submit');
      await recordAudit(tx, {
        projectId: access.project.id,
        actor: actorOf(user),
        action: 'job.created',
        target: input.name,
      });
      await addStorageUsed(tx, access.project.id, 0);
    });
    await deps.notify(access.project.id, id);
    return presentJob(await getRow(access.project.id, id));
  };

  /** Sends one outbox entry to the pipeline; failures come back to the dispatcher to retry later. */
  const dispatch = async (entry: { job_id: string; action: 'submit' | 'cancel'; attempts: number }) => {
    const job = await findJobById(pool, entry.job_id);
    if (!job) return;
    try {
      if (entry.action === 'submit') {
        if (job.status !== 'queued') return void (await complete(pool, job.id, 'submit'));
        await submit(job);
      } else if (job.pipeline_job_id) {
        await apply(job.id, await pipeline.cancelJob(job.pipeline_job_id));
        await complete(pool, job.id, 'cancel');
      }
    } catch (err) {
      if (
        err instanceof PipelineRejectedError &&
        err.status < 500 &&
        err.status !== 401 &&
        err.status !== 409
      ) {
        const detail = err.body.error?.details?.map((d) => `${d.path}: ${d.message}`).join('; ');
        return failJob(job, 'validating', detail ? `${err.message} (${detail})` : err.message);
      }
      await retryLater(pool, job.id, dispatchBackoffMs(entry.attempts), (err as Error).message);
      log.warn({ err, jobId: job.id, attempts: entry.attempts + 1 }, 'job not yet handed to the pipeline');
    }
  };

  /** Checks a configuration in the api, then asks the pipeline for the first rows and a size estimate. */
  const preview = async (
    access: ProjectAccess,
    input: {
      config: unknown;
      outputFormat?: OutputFormat | undefined;
      csv?: CsvOptions | undefined;
      rows: number;
      seed?: string | undefined;
    },
  ) => {
    const config = validated(input.config);
    const samples = await usableSamples(pool, access.project.id, config);
    const models = await modelsOf(samples.map((sample) => sample.id));
    const format = input.outputFormat ?? access.project.default_output_format;
    try {
      return await pipeline.preview({
        config,
        output: { format, ...(input.csv ? { csv: input.csv } : {}) },
        rows: input.rows,
        seed: input.seed ?? '1',
        ...withModels(models),
      });
    } catch (err) {
      const refusal = refusalOf(err);
      if (refusal) throw refusal;
      log.warn({ err }, 'preview unavailable');
      throw new AppError(
        'unavailable',
        'Preview is not available right now: the generation pipeline cannot be reached.',
      );
    }
  };

  return {
    apply,
    preview,

    create,

    async list(
      access: ProjectAccess,
      query: { status?: JobStatus[] | undefined; cursor?: string | undefined; limit: number },
    ) {
      const rows = await findJobsOfProject(pool, access.project.id, {
        statuses: query.status,
        before: query.cursor,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      return {
        jobs: page.map(presentJob),
        nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    async get(access: ProjectAccess, jobId: string) {
      const row = await getRow(access.project.id, jobId);
      const files = await findJobFiles(pool, jobId);
      return { ...presentJob(row), config: row.config as GeneratorConfig, files: files.map(presentFile) };
    },

    /** Cancels a queued or running job; one that never reached the pipeline is cancelled at once. */
    async cancel(access: ProjectAccess, user: UserRow, jobId: string) {
      await withTransaction(pool, async (tx) => {
        const job = await findJobForUpdate(tx, jobId);
        if (!job || job.project_id !== access.project.id)
          throw new AppError('not_found', 'No such job in this project.');
        if (finishedStatuses.has(job.status)) {
          throw new AppError(
            'conflict',
            `This job has already ${job.status === 'expired' ? 'expired' : job.status}; there is nothing to cancel.`,
          );
        }
        if (job.status === 'cancelling') return;
        if (job.pipeline_job_id === null) {
          await remove(tx, jobId);
          await updateJob(tx, jobId, { status: 'cancelled', stage: 'cancelled', finishedAt: clock.now() });
        } else {
          await updateJob(tx, jobId, { status: 'cancelling' });
          await enqueue(tx, jobId, 'cancel');
        }
        await recordAudit(tx, {
          projectId: access.project.id,
          actor: actorOf(user),
          action: 'job.cancelled',
          target: job.name,
        });
      });
      await deps.notify(access.project.id, jobId);
      return presentJob(await getRow(access.project.id, jobId));
    },

    /** Deletes a finished job with its outputs. */
    async delete(access: ProjectAccess, user: UserRow, jobId: string) {
      const job = await getRow(access.project.id, jobId);
      if (!finishedStatuses.has(job.status)) {
        throw new AppError('conflict', 'This job is still queued or running. Cancel it first.');
      }
      await store.deletePrefix(access.project.bucket, `jobs/${jobId}/`);
      await deps.onOutputsDeleted?.(jobId);
      await withTransaction(pool, async (tx) => {
        if (job.status === 'completed' && job.bytes) await addStorageUsed(tx, access.project.id, -job.bytes);
        await deleteJobRow(tx, jobId);
        await recordAudit(tx, {
          projectId: access.project.id,
          actor: actorOf(user),
          action: 'job.deleted',
          target: job.name,
        });
      });
      await deps.notify(access.project.id, jobId);
    },

    /** Runs a job's configuration again, with the same seed (the same data) or a new one. */
    async rerun(access: ProjectAccess, user: UserRow, jobId: string, seed: 'same' | 'new') {
      const job = await getRow(access.project.id, jobId);
      return create(access, user, {
        name: job.name,
        config: job.config,
        outputFormat: job.output_format,
        csv: (job.csv_options ?? undefined) as CsvOptions | undefined,
        seed: seed === 'same' ? job.seed : undefined,
      });
    },

    /** The report.json a completed job wrote beside its output, checked against the contract. */
    async report(access: ProjectAccess, jobId: string) {
      const job = await getRow(access.project.id, jobId);
      if (job.status === 'expired') {
        throw new AppError(
          'report_not_found',
          'The report was deleted with the job’s outputs by the project’s retention policy.',
        );
      }
      if (job.status !== 'completed' || !job.report_key) {
        throw new AppError(
          'report_not_found',
          job.status === 'completed'
            ? 'This job has no report: it ran before reports were written.'
            : 'The report is written when the job completes.',
        );
      }
      let stored: string;
      try {
        stored = await text(await store.get(access.project.bucket, job.report_key));
      } catch (err) {
        if (err instanceof ObjectNotFoundError)
          throw new AppError('report_not_found', 'The job’s report is no longer stored.');
        throw err;
      }
      return jobReportSchema.parse(JSON.parse(stored));
    },

    /** The job's log, from the pipeline; empty while the job waits for it. */
    async logs(access: ProjectAccess, jobId: string, after: number, limit: number) {
      const job = await getRow(access.project.id, jobId);
      if (!job.pipeline_job_id) return { items: [], nextCursor: null };
      try {
        return await pipeline.getLogs(job.pipeline_job_id, after, limit);
      } catch (err) {
        log.warn({ err, jobId }, 'job log unavailable');
        throw new AppError('unavailable', 'The job log cannot be read right now. Please try again shortly.');
      }
    },

    /** Hands due outbox entries to the pipeline (the dispatcher's one step). */
    async dispatchDue(): Promise<number> {
      const due = await leaseDue(pool, 20);
      for (const entry of due) await dispatch(entry);
      return due.length;
    },

    /** Asks the pipeline about jobs it has not reported on lately: a lost callback only delays a status. */
    async reconcile(quietForMs = 15_000): Promise<number> {
      const quiet = await findQuietJobs(pool, new Date(clock.now().getTime() - quietForMs), 50);
      for (const job of quiet) {
        if (!job.pipeline_job_id) continue;
        try {
          await apply(job.id, await pipeline.getJob(job.pipeline_job_id));
        } catch (err) {
          log.warn({ err, jobId: job.id }, 'could not ask the pipeline about a quiet job');
        }
      }
      return quiet.length;
    },

    /** Deletes outputs older than their project's retention; the jobs stay listed as expired. */
    async sweepRetention(): Promise<number> {
      const expired = await findExpiredOutputs(pool, clock.now(), 100);
      for (const job of expired) {
        await store.deletePrefix(job.bucket, `jobs/${job.id}/`);
        await deps.onOutputsDeleted?.(job.id);
        await withTransaction(pool, async (tx) => {
          await updateJob(tx, job.id, { status: 'expired', expiredAt: clock.now() });
          await deleteJobFiles(tx, job.id);
          if (job.bytes) await addStorageUsed(tx, job.project_id, -job.bytes);
        });
        await deps.notify(job.project_id, job.id);
      }
      await pool.query(`delete from app.pipeline_event_nonces where seen_at < now() - interval '15 minutes'`);
      return expired.length;
    },

    dispatch,
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
