import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { peopleConfig } from '../../test/configs.ts';
import { createTestPipeline, type TestPipeline, waitFor } from '../../test/harness.ts';
import { spawnWorker, type WorkerProcess } from '../../test/worker-process.ts';

// Real worker processes on the test database: what `npm run worker -w apps/pipeline` runs.
let pipeline: TestPipeline;
let workers: WorkerProcess[] = [];
const bucket = 'proj-procs';
const rows = 300_000;

beforeAll(async () => {
  pipeline = await createTestPipeline({
    env: { PIPELINE_SHARD_ROWS: '40000', PIPELINE_STALL_TIMEOUT_SECONDS: '2' },
  });
  await pipeline.store.createBucket(bucket);
});

afterEach(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  workers = [];
});

afterAll(() => pipeline.destroy());

const start = (count: number) => {
  for (let i = 0; i < count; i++)
    workers.push(spawnWorker({ ...pipeline.env, PIPELINE_WORKER_CONCURRENCY: '1', LOG_LEVEL: 'warn' }));
};

async function run(seed: number) {
  const res = await pipeline.signed({
    url: '/v1/jobs',
    body: { config: peopleConfig(rows), output: { bucket, format: 'csv' }, seed },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const completed = (id: string, timeoutMs = 60_000) =>
  waitFor(
    `job ${id} to complete`,
    async () => {
      const job = (await pipeline.signed({ url: `/v1/jobs/${id}` })).json();
      if (job.status === 'failed') throw new Error(`job failed: ${job.error.message}`);
      return job.status === 'completed' ? job : undefined;
    },
    timeoutMs,
    100,
  );

const manifestOf = async (id: string) => (await pipeline.signed({ url: `/v1/jobs/${id}/manifest` })).json();
const checksums = (manifest: { files: Array<{ key: string; sha256: string; bytes: number }> }) =>
  manifest.files.map((f) => ({
    part: f.key.split('/').slice(-2).join('/'),
    sha256: f.sha256,
    bytes: f.bytes,
  }));

test('a job with two workers writes exactly the same bytes as with one', async () => {
  start(1);
  const one = await run(99);
  await completed(one);
  start(1);
  const two = await run(99);
  await completed(two);
  const [a, b] = [await manifestOf(one), await manifestOf(two)];
  expect(a.files).toHaveLength(8);
  expect(checksums(b)).toEqual(checksums(a));
  expect(b.rows).toBe(rows);
  const workersOfTwo = await pipeline.pool.query(
    `select count(distinct message) as n from pipeline.job_logs where job_id = $1 and message like 'Validating%'`,
    [two],
  );
  expect(workersOfTwo.rows[0].n).toBe(1);
});

test('a worker killed with SIGKILL mid-shard: another worker retries the shard and the job completes correctly', async () => {
  start(1);
  const reference = await run(5);
  await completed(reference);
  await Promise.all(workers.map((w) => w.stop()));
  workers = [];

  start(2);
  const id = await run(5);
  // Kill the worker running a shard as soon as it has written rows of it.
  const victim = await waitFor('a shard in progress', async () => {
    const { rows: running } = await pipeline.pool.query<{ worker_id: string }>(
      `select worker_id from pipeline.shards where job_id = $1 and status = 'running' and rows_done > 0 limit 1`,
      [id],
    );
    return running[0]?.worker_id;
  });
  const pid = Number(victim.split('-').at(-2));
  const killed = workers.find((w) => w.child.pid === pid)!;
  expect(killed).toBeDefined();
  killed.child.kill('SIGKILL');
  await completed(id);
  expect(checksums(await manifestOf(id))).toEqual(checksums(await manifestOf(reference)));
  const { rows: retried } = await pipeline.pool.query(
    `select message from pipeline.job_logs where job_id = $1 and message like '%stopped responding%'`,
    [id],
  );
  expect(retried.length).toBeGreaterThanOrEqual(1);
});
