import { createHash, randomBytes } from 'node:crypto';
import type { ObjectStore } from '@synoptic/object-store';
import { AppError, type Pool, uuidv7, withTransaction } from '@synoptic/service-kit';
import type PgBoss from 'pg-boss';
import { type PlanTask, queues, queueTasks } from '../queue/queue.ts';
import type { CreateJobBody, Job, Manifest } from './job.schemas.ts';
import { changeJob, cleanUpStoppedJobs, eventPayload } from './job-control.ts';
import { type JobRow, newJobRow, jobsRepository as repo, toJob } from './jobs.repository.ts';

// Keys in canonical order, so the same request hashes the same however its JSON was written.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export type JobsService = ReturnType<typeof createJobsService>;

export function createJobsService(deps: {
  pool: Pool;
  boss: PgBoss;
  store: ObjectStore;
  stallSeconds: number;
}) {
  const { pool, boss } = deps;

  async function getRow(id: string): Promise<JobRow> {
    const row = await repo.find(pool, id);
    if (!row) throw new AppError('not_found', `No job ${id}.`);
    return row;
  }

  return {
    /** Stores a job as queued with its plan task, in one transaction; `created` is false for a repeat. */
    async submit(body: CreateJobBody, idempotencyKey?: string): Promise<{ job: Job; created: boolean }> {
      const located = new Set((body.samples ?? []).map((s) => s.id));
      const unlocated = body.config.tables.flatMap((t, i) =>
        t.sample && !located.has(t.sample.id)
          ? [
              {
                path: `config.tables[${i}].sample.id`,
                message: 'no entry in `samples` says where this sample is',
              },
            ]
          : [],
      );
      if (unlocated.length)
        throw new AppError('validation_failed', 'Every sample a table learns from needs a location.', {
          details: unlocated,
        });
      const requestHash = createHash('sha256').update(canonical(body)).digest('hex');
      const id = uuidv7();
      const fresh = newJobRow(
        {
          id,
          idempotencyKey,
          requestHash,
          config: body.config,
          output: { ...body.output, prefix: body.output.prefix ?? `jobs/${id}/` },
          callbackUrl: body.callbackUrl,
          seed: String(body.seed ?? randomBytes(8).readBigUInt64BE()),
          samples: body.samples ?? [],
        },
        new Date(),
      );
      // One statement stores the job, its log line and its first event, and checks the idempotency
      // key (a new key is the common case): with begin, the plan task, its announcement and commit,
      // five round trips.
      const row = await withTransaction(pool, async (client) => {
        const inserted = await repo.insertNew(
          client,
          fresh,
          'Job queued.',
          fresh.callback_url ? { type: 'job.status', payload: eventPayload(fresh, 'job.status') } : undefined,
        );
        if (!inserted) return undefined;
        await queueTasks(boss, client, queues.plan, [{ jobId: id } satisfies PlanTask]);
        return inserted;
      });
      if (row) return { job: toJob(row), created: true };
      // Another job holds the key: the same request again, or a different one.
      const existing = idempotencyKey ? await repo.findByIdempotencyKey(pool, idempotencyKey) : undefined;
      if (!existing)
        throw new AppError('conflict', 'A job with this idempotency key is being created; try again.');
      if (existing.request_hash !== requestHash)
        throw new AppError(
          'conflict',
          'This idempotency key was used for a different request; use a new key for a new job.',
        );
      return { job: toJob(existing), created: false };
    },

    async get(id: string): Promise<Job> {
      return toJob(await getRow(id));
    },

    /**
     * A queued job is cancelled at once; a running one becomes `cancelling` and its workers stop
     * between blocks. Partial output is removed as soon as no shard is writing.
     */
    async cancel(id: string): Promise<Job> {
      const row = await withTransaction(pool, async (client) => {
        const job = await repo.find(client, id, { lock: true });
        if (!job) throw new AppError('not_found', `No job ${id}.`);
        if (job.status === 'queued') {
          return changeJob(
            client,
            id,
            { status: 'cancelled', stage: 'cancelled', set: { output_cleaned: true } },
            { level: 'info', message: 'Cancelled before it started.' },
          );
        }
        if (job.status === 'running') {
          await repo.cancelPendingShards(client, id);
          return changeJob(
            client,
            id,
            { status: 'cancelling', stage: job.stage },
            { level: 'info', message: 'Cancel requested; stopping the workers.' },
          );
        }
        if (job.status === 'cancelling' || job.status === 'cancelled') return job;
        throw new AppError(
          'conflict',
          `The job has already ${job.status === 'completed' ? 'completed' : 'failed'}.`,
        );
      });
      if (row?.status === 'cancelling') await cleanUpStoppedJobs(deps, id);
      return toJob(await getRow(id));
    },

    async logs(id: string, after: number, limit: number) {
      await getRow(id);
      const rows = await repo.findLogs(pool, id, after, limit);
      return {
        items: rows.map((r) => ({
          id: r.id,
          time: r.at.toISOString(),
          level: r.level as 'debug' | 'info' | 'warn' | 'error',
          stage: r.stage,
          message: r.message,
        })),
        nextCursor: rows.length > 0 ? rows[rows.length - 1]!.id : after > 0 ? after : null,
      };
    },

    async manifest(id: string): Promise<Manifest> {
      const row = await getRow(id);
      if (!row.manifest)
        throw new AppError('conflict', `The job is ${row.status}; a manifest exists once it completes.`);
      return row.manifest;
    },
  };
}
