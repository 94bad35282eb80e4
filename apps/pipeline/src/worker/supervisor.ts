import type { ObjectStore } from '@synoptic/object-store';
import { type Pool, withTransaction } from '@synoptic/service-kit';
import type PgBoss from 'pg-boss';
import { callbackRetryWindowMs, deliverDueCallbacks } from '../callbacks/callback-dispatcher.ts';
import type { CommonConfig } from '../config.ts';
import { cleanUpStoppedJobs, failJob } from '../jobs/job-control.ts';
import { type JobTaskKind, jobTaskStages, jobsRepository as repo } from '../jobs/jobs.repository.ts';
import { jobTaskQueues, queues, queueTasks, type ShardTask } from '../queue/queue.ts';
import type { Logger } from './worker.ts';

/** Attempts a shard, or one of a job's other tasks, gets before its job fails. */
export const maxAttempts = 3;

/** What each of a job's tasks does, in words for its log. */
const taskDoing: Record<JobTaskKind, string> = {
  validating: 'validating the configuration',
  fitting: 'fitting the sample',
  reporting: 'writing the report',
  finalizing: 'writing the manifest',
};

/**
 * The housekeeping every pipeline process does, each step safe to run concurrently anywhere:
 * re-queues shards whose worker stopped sending heartbeats (stall detection), removes the output of
 * failed and cancelled jobs, delivers callbacks, and forgets old request nonces.
 */
export function startSupervisor(deps: {
  config: CommonConfig;
  pool: Pool;
  boss: PgBoss;
  store: ObjectStore;
  log: Logger;
  intervalMs?: number;
}): { stop: () => Promise<void>; tick: () => Promise<void> } {
  const { config, pool, boss, store, log } = deps;
  const stallSeconds = config.PIPELINE_STALL_TIMEOUT_SECONDS;
  let ticks = 0;
  let current: Promise<void> | undefined;

  async function requeueStalledShards(): Promise<void> {
    for (const shard of await repo.releaseStalledShards(pool, stallSeconds)) {
      const where = `table '${shard.table_name}', shard ${shard.shard_no}`;
      await withTransaction(pool, async (client) => {
        const job = await repo.find(client, shard.job_id, { lock: true });
        if (job?.status !== 'running') return;
        if (shard.attempt >= maxAttempts) {
          await failJob(
            client,
            shard.job_id,
            'generating',
            `${where}: its worker stopped responding ${shard.attempt} times; check the workers' logs and memory.`,
          );
          return;
        }
        await repo.insertLog(client, shard.job_id, {
          level: 'warn',
          stage: job.stage,
          message: `${where}: its worker stopped responding for ${stallSeconds} s; running it again (attempt ${shard.attempt + 1}).`,
        });
      });
      await queueTasks(boss, pool, queues.shard, [
        { jobId: shard.job_id, shardNo: shard.shard_no } satisfies ShardTask,
      ]);
    }
  }

  async function requeueStalledTasks(): Promise<void> {
    for (const task of await repo.releaseStalledTasks(pool, stallSeconds)) {
      const doing = taskDoing[task.task];
      await withTransaction(pool, async (client) => {
        const job = await repo.find(client, task.id, { lock: true });
        if (!(job?.status === 'queued' || job?.status === 'running')) return;
        if (!jobTaskStages[task.task].includes(job.stage)) return;
        if (task.task_attempts >= maxAttempts) {
          await failJob(
            client,
            task.id,
            task.task,
            `its worker stopped responding ${task.task_attempts} times while ${doing}; check the workers' logs and memory.`,
          );
          return;
        }
        await repo.insertLog(client, task.id, {
          level: 'warn',
          stage: job.stage,
          message: `The worker ${doing} stopped responding for ${stallSeconds} s; another worker takes over (attempt ${task.task_attempts + 1}).`,
        });
        await queueTasks(boss, client, jobTaskQueues[task.task], [{ jobId: task.id }]);
      });
    }
  }

  async function requeueLostTasks(): Promise<void> {
    for (const task of await repo.findLostTasks(pool, stallSeconds)) {
      // Cancelled first, so exactly one copy of the task stays in the queue.
      await boss.cancel(task.name, task.id);
      if (!task.needed) continue;
      await queueTasks(boss, pool, task.name, [task.data]);
      log.warn(
        { queue: task.name, task: task.data },
        'a worker took a task and stopped before starting it; queued again',
      );
    }
  }

  async function step(): Promise<void> {
    ticks++;
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['stall detection', requeueStalledShards],
      ['stall detection of job tasks', requeueStalledTasks],
      ['tasks lost between queue and claim', requeueLostTasks],
      ['clean-up', () => cleanUpStoppedJobs({ pool, store, stallSeconds })],
      [
        'callbacks',
        () =>
          deliverDueCallbacks({
            pool,
            key: config.PIPELINE_SIGNING_KEYS[0]!,
            onFailure: (event, message) =>
              log.info(
                { jobId: event.job_id, seq: event.seq, attempts: event.attempts, err: message },
                'callback failed; will retry',
              ),
            onGiveUp: (event, message) =>
              log.warn(
                {
                  jobId: event.job_id,
                  seq: event.seq,
                  attempts: event.attempts,
                  to: new URL(event.callback_url).origin,
                  err: message,
                },
                `callback given up after ${event.attempts} attempts over ${Math.round(callbackRetryWindowMs / 60_000)} minutes`,
              ),
          }),
      ],
    ];
    if (ticks % 120 === 1) steps.push(['nonces', () => repo.deleteOldNonces(pool)]);
    for (const [name, run] of steps) {
      try {
        await run();
      } catch (err) {
        log.warn({ err: (err as Error).message }, `${name} failed`);
      }
    }
  }

  const tick = () => {
    current ??= step().finally(() => {
      current = undefined;
    });
    return current;
  };
  const timer = setInterval(() => void tick(), deps.intervalMs ?? 500);
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}
