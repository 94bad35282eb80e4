import { afterAll, beforeAll, expect, test } from 'vitest';
import { peopleConfig } from '../../test/configs.ts';
import { createTestPipeline, type TestPipeline } from '../../test/harness.ts';
import { jobClient } from '../../test/job-client.ts';
import { queues } from '../queue/queue.ts';

// A worker that takes a task from the queue and dies before it starts it (the instant between
// pg-boss handing the task over and the claim) stands in here as a queue client that takes one and
// never answers.
let pipeline: TestPipeline;
let jobs: ReturnType<typeof jobClient>;
const bucket = 'proj-lost';

beforeAll(async () => {
  pipeline = await createTestPipeline({ env: { PIPELINE_SHARD_ROWS: '5000' } });
  await pipeline.store.createBucket(bucket);
  jobs = jobClient(pipeline, bucket);
});

afterAll(() => pipeline.destroy());

test('a task taken by a worker that died before starting it runs elsewhere after the stall timeout', async () => {
  const job = await jobs.submit({ config: peopleConfig(20_000) });
  const [taken] = await pipeline.boss.fetch<{ jobId: string }>(queues.plan);
  expect(taken?.data.jobId).toBe(job.id);
  await pipeline.startWorker();
  // The stall timeout is 3 s here; pg-boss alone would wait for the plan queue's 5-minute expiry.
  const done = await jobs.until(job.id, 'completed', 15_000);
  expect(done.progress.rowsDone).toBe(20_000);
  const lost = await pipeline.boss.getJobById(queues.plan, taken!.id);
  expect(lost?.state).toBe('cancelled');
});
