import type { ObjectStore } from '@synoptic/object-store';
import { type Pool, type Queryable, withTransaction } from '@synoptic/service-kit';
import type { JobStage, JobStatus } from './job.schemas.ts';
import { type JobRow, jobsRepository as repo, toJob } from './jobs.repository.ts';

export type LogLine = { level: 'debug' | 'info' | 'warn' | 'error'; message: string };

export type EventType = 'job.status' | 'job.progress';

/** What a callback POSTs: the job as it is now. `seq` is set where the event is stored. */
export const eventPayload = (row: JobRow, type: EventType) => ({
  jobId: row.id,
  seq: 0,
  type,
  job: toJob(row),
});

/** Numbers and stores a callback event with the job as it is now (when the job has a callback URL). */
export async function recordEvent(db: Queryable, row: JobRow, type: EventType): Promise<void> {
  if (!row.callback_url) return;
  await repo.insertEvent(db, row.id, type, eventPayload(row, type));
}

/**
 * The one way a job changes status or stage: the transition (checked against job-state.ts), its
 * log line and its callback event, all in the caller's transaction. Undefined when refused.
 */
export async function changeJob(
  db: Queryable,
  jobId: string,
  change: Parameters<typeof repo.transition>[2],
  log?: LogLine,
): Promise<JobRow | undefined> {
  const row = await repo.transition(db, jobId, change);
  if (!row) return undefined;
  if (log) await repo.insertLog(db, jobId, { ...log, stage: change.stage });
  await recordEvent(db, row, 'job.status');
  return row;
}

export async function failJob(db: Queryable, jobId: string, stage: JobStage, message: string) {
  return changeJob(
    db,
    jobId,
    { status: 'failed', stage: 'failed', error: { stage, message } },
    { level: 'error', message: `Failed while ${stageVerb[stage] ?? stage}: ${message}` },
  );
}

const stageVerb: Partial<Record<JobStage, string>> = {
  queued: 'queued',
  validating: 'validating the configuration',
  fitting: 'fitting the sample',
  generating: 'generating',
  reporting: 'writing the report',
  finalizing: 'finalizing',
};

/**
 * Removes the partial output of failed and cancelled jobs once no shard is writing any more, and
 * completes a cancel (`cancelling → cancelled`). Safe to run from any number of processes.
 */
export async function cleanUpStoppedJobs(
  deps: { pool: Pool; store: ObjectStore; stallSeconds: number },
  jobId?: string,
): Promise<void> {
  const jobs = await repo.findJobsToClean(deps.pool, deps.stallSeconds, jobId);
  for (const job of jobs) {
    await deps.store.deletePrefix(job.output.bucket, job.output.prefix);
    await withTransaction(deps.pool, async (client) => {
      const locked = await repo.find(client, job.id, { lock: true });
      if (!locked || locked.output_cleaned) return;
      await repo.markCleaned(client, job.id);
      if (locked.status === 'cancelling') {
        await changeJob(
          client,
          job.id,
          { status: 'cancelled', stage: 'cancelled' },
          { level: 'info', message: 'Cancelled; partial output removed.' },
        );
      } else {
        await repo.insertLog(client, job.id, {
          level: 'info',
          stage: locked.stage,
          message: 'Partial output removed.',
        });
      }
    });
  }
}

export const unfinished: JobStatus[] = ['queued', 'running', 'cancelling'];
