import { setTimeout as delay } from 'node:timers/promises';
import type { Queryable } from '@synoptic/service-kit';
import PgBoss from 'pg-boss';
import { queueSchema } from '../db/migrations.ts';
import type { JobTaskKind } from '../jobs/jobs.repository.ts';
import { announceTask } from './task-wakeups.ts';

/** The kinds of task, one queue each: plan a job, fit its samples, run one shard, report, finalize. */
export const queues = {
  plan: 'pipeline-plan',
  fit: 'pipeline-fit',
  shard: 'pipeline-shard',
  report: 'pipeline-report',
  finalize: 'pipeline-finalize',
} as const;

/** The queue of each of a job's tasks besides its shards. */
export const jobTaskQueues = {
  validating: queues.plan,
  fitting: queues.fit,
  reporting: queues.report,
  finalizing: queues.finalize,
} as const satisfies Record<JobTaskKind, string>;

export type PlanTask = { jobId: string };
export type FitTask = { jobId: string };
export type ShardTask = { jobId: string; shardNo: number };
export type ReportTask = { jobId: string };
export type FinalizeTask = { jobId: string };

/**
 * The pipeline's queue: pg-boss in its own schema of the pipeline's database. Shard tasks are not
 * retried by pg-boss: a crashed worker's shard is found by stall detection (heartbeats) and queued
 * again, long before a pg-boss expiry would notice. Plan and finalize tasks are short and idempotent,
 * so pg-boss retries them after an expiry; so are fit and report tasks, given longer to run (fitting a
 * million-row sample takes up to a minute, copying a 1 GB sample from the store longer).
 */
export async function startQueue(
  databaseUrl: string,
  options: { maintenance?: boolean; onError?: (err: Error) => void } = {},
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: queueSchema,
    application_name: 'synoptic-queue',
    max: 4,
    supervise: options.maintenance ?? true,
    schedule: false,
  });
  boss.on('error', options.onError ?? ((err) => console.error('queue error', err)));
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  const create = async (name: string, settings: PgBoss.Queue) => {
    if (existing.has(name)) return;
    // Processes starting at once (the pipeline API and its workers) all try; PostgreSQL may end
    // one of them with a deadlock before the other has committed. Try again until the queue is there.
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(name, settings);
        return;
      } catch (err) {
        if (await boss.getQueue(name)) return;
        if (attempt === 5) throw err;
        await delay(100 * attempt + Math.random() * 100);
      }
    }
  };
  await create(queues.plan, { name: queues.plan, retryLimit: 3, retryDelay: 1, expireInSeconds: 300 });
  await create(queues.shard, { name: queues.shard, retryLimit: 0, expireInSeconds: 6 * 3600 });
  for (const name of [queues.fit, queues.report])
    await create(name, { name, retryLimit: 3, retryDelay: 5, expireInSeconds: 900 });
  await create(queues.finalize, {
    name: queues.finalize,
    retryLimit: 3,
    retryDelay: 1,
    expireInSeconds: 300,
  });
  return boss;
}

/** Lets pg-boss send inside our own transaction, so a job and its first task commit together. */
export function inTransaction(client: {
  query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
}): { db: PgBoss.Db } {
  return {
    db: {
      executeSql: async (text: string, values: unknown[]) => client.query(text, values) as never,
    },
  };
}

/**
 * Queues tasks within the caller's transaction (or at once, given the pool) and announces them,
 * so idle workers everywhere fetch them without waiting for their next poll.
 */
export async function queueTasks(boss: PgBoss, db: Queryable, queue: string, tasks: object[]): Promise<void> {
  await boss.insert(
    tasks.map((data) => ({ name: queue, data })),
    inTransaction(db),
  );
  await announceTask(db, queue);
}
