import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { peopleConfig } from '../../test/configs.ts';
import { createTestPipeline, type TestPipeline, waitFor } from '../../test/harness.ts';
import { jobClient } from '../../test/job-client.ts';

// Workers that poll the queue once a minute: only the notifications can run these jobs in seconds.
let pipeline: TestPipeline;
let jobs: ReturnType<typeof jobClient>;
const bucket = 'proj-wakeups';

const listeners = async () =>
  (
    await pipeline.pool.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where application_name = 'synoptic-task-listener' and datname = current_database()`,
    )
  ).rows.map((r) => r.pid);

beforeAll(async () => {
  pipeline = await createTestPipeline({
    env: { PIPELINE_POLL_INTERVAL_SECONDS: '60', PIPELINE_SHARD_ROWS: '5000' },
  });
  await pipeline.store.createBucket(bucket);
  await pipeline.startWorker();
  await pipeline.startWorker();
  jobs = jobClient(pipeline, bucket);
  // Each worker's first poll comes as it starts; the jobs below are queued after it.
  await sleep(300);
});

afterAll(() => pipeline.destroy());

test('a job queued between polls is planned, generated, reported and finalized at once', async () => {
  const job = await jobs.submit({ config: peopleConfig(20_000) });
  const done = await jobs.until(job.id, 'completed', 8_000);
  expect(done.progress.rowsDone).toBe(20_000);
});

test('a worker that loses its notifications connection listens again and still wakes', async () => {
  const before = await listeners();
  expect(before).toHaveLength(2);
  await pipeline.pool.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [before]);
  await waitFor('both workers to listen again', async () => {
    const now = await listeners();
    return now.length === 2 && now.every((pid) => !before.includes(pid));
  });
  const job = await jobs.submit({ config: peopleConfig(20_000) });
  await jobs.until(job.id, 'completed', 8_000);
});
