import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

const start = (count: number, env: Record<string, string> = {}) => {
  for (let i = 0; i < count; i++)
    workers.push(
      spawnWorker({ ...pipeline.env, PIPELINE_WORKER_CONCURRENCY: '1', LOG_LEVEL: 'warn', ...env }),
    );
};

async function run(seed: number, extra: { rows?: number; callbackUrl?: string } = {}) {
  const res = await pipeline.signed({
    url: '/v1/jobs',
    body: {
      config: peopleConfig(extra.rows ?? rows),
      output: { bucket, format: 'csv' },
      seed,
      ...(extra.callbackUrl ? { callbackUrl: extra.callbackUrl } : {}),
    },
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
  // Shards long enough (several progress ticks each) to be caught with rows written.
  const longShards = { PIPELINE_SHARD_ROWS: '300000' };
  const job = { rows: 1_200_000 };
  start(1, longShards);
  const reference = await run(5, job);
  await completed(reference);
  await Promise.all(workers.map((w) => w.stop()));
  workers = [];

  start(2, longShards);
  const id = await run(5, job);
  // Kill the worker running a shard as soon as it has written rows of it.
  const victim = await waitFor(
    'a shard in progress',
    async () => {
      const { rows: running } = await pipeline.pool.query<{ worker_id: string }>(
        `select worker_id from pipeline.shards where job_id = $1 and status = 'running' and rows_done > 0 limit 1`,
        [id],
      );
      return running[0]?.worker_id;
    },
    30_000,
    20,
  );
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

test('a worker killed with SIGKILL while writing the report: another worker takes the report over at once', async () => {
  start(2);
  const id = await run(11);
  // The worker holding the report task (written while the shards run), as soon as it holds it.
  const victim = await waitFor(
    'the report task held',
    async () => {
      const { rows: held } = await pipeline.pool.query<{ task_worker: string | null }>(
        `select task_worker from pipeline.jobs where id = $1 and task_stage = 'reporting'`,
        [id],
      );
      return held[0]?.task_worker ?? undefined;
    },
    30_000,
    10,
  );
  const pid = Number(victim.split('-').at(-2));
  const killed = workers.find((w) => w.child.pid === pid)!;
  expect(killed).toBeDefined();
  killed.child.kill('SIGKILL');
  // Within the stall timeout (2 s here) and a report's time, not pg-boss's 15-minute expiry.
  const done = await completed(id, 20_000);
  expect(done.progress.rowsDone).toBe(rows);
  const manifest = await manifestOf(id);
  expect(manifest.report.summary.conformancePassed).toBe(true);
  const { rows: warned } = await pipeline.pool.query(
    `select message from pipeline.job_logs where job_id = $1 and level = 'warn'`,
    [id],
  );
  // The same worker may have been running a shard too, which is retried as well; and it may have
  // finished the report and begun the manifest in the instant before the kill, also handed over.
  expect(warned.map((r) => r.message)).toContainEqual(
    expect.stringMatching(
      /^The worker writing the (report|manifest) stopped responding for 2 s; another worker takes over \(attempt 2\)\.$/,
    ),
  );
});

test('progress is updated at least once a second, and progress callbacks go out at most once a second', async () => {
  type Snapshot = {
    stage: string;
    progress: { rowsDone: number; rowsPerSecond: number | null; etaSeconds: number | null };
    timings: { updatedAt: string };
  };
  const events: Array<{ type: string; job: Snapshot }> = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      events.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    start(1); // a real worker process, with the production tick
    const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const id = await run(3, { rows: 3_000_000, callbackUrl });
    const seen: Snapshot[] = [];
    await waitFor(
      `job ${id} to complete`,
      async () => {
        const job = (await pipeline.signed({ url: `/v1/jobs/${id}` })).json();
        if (job.stage === 'generating') seen.push(job);
        return job.status === 'completed' || job.status === 'failed';
      },
      60_000,
      100,
    );
    // What a poller sees while rows are generated: a new figure, with rate and ETA, every ≤ 1 s.
    const updates = [...new Set(seen.map((j) => j.timings.updatedAt))].map((t) => Date.parse(t));
    const first = seen.findIndex((j) => j.progress.rowsDone > 0);
    expect(seen.length).toBeGreaterThan(10);
    expect(
      seen.slice(first).every((j) => j.progress.rowsPerSecond !== null && j.progress.etaSeconds !== null),
    ).toBe(true);
    const gaps = updates.slice(1).map((t, i) => t - updates[i]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1000);

    // Progress callbacks: spaced by at least a second (by the job's own clock), yet regular.
    await waitFor('the completed event', async () =>
      events.some((e) => e.type === 'job.status' && e.job.stage === 'completed'),
    );
    const progress = events
      .filter((e) => e.type === 'job.progress')
      .map((e) => Date.parse(e.job.timings.updatedAt))
      .sort((a, b) => a - b);
    const spacing = progress.slice(1).map((t, i) => t - progress[i]!);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...spacing)).toBeGreaterThanOrEqual(1000);
    // Regular too: a tick can land just after the one-second mark, or late on a busy machine.
    expect(Math.max(...spacing)).toBeLessThanOrEqual(2500);
  } finally {
    receiver.close();
  }
});
