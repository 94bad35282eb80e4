import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateShard, planJob, validateGeneratorConfig } from '@synoptic/generator';
import { createFsObjectStore, objectStoreEnvSchema } from '@synoptic/object-store';
import { createPool, migrate, signingKeysSchema, signRequest } from '@synoptic/service-kit';
import { freePort, startTestPostgres } from '@synoptic/service-kit/testing';
import { migrationsDir, schema } from '../apps/pipeline/src/db/migrations.ts';
import { createThreadShardRunner } from '../apps/pipeline/src/worker/shard-runner.ts';
import { spawnApi, spawnWorker, type WorkerProcess } from '../apps/pipeline/test/worker-process.ts';
import { referenceConfig } from './generator.config.ts';

// `npm run bench:pipeline`: a job of the reference schema end to end (submit → completed, parts in
// the local object store) with one worker and with two, against the engine's single-thread rate
// measured first in this process; and how fast `POST /v1/jobs` answers. The pipeline API runs in a
// process of its own, as in production, and is reached over HTTP. BENCH_ROWS changes the job size
// (default 10 million). The last line printed is one line of JSON with the figures.
const rows = Number(process.env.BENCH_ROWS ?? 10_000_000);
const engineRows = 1_048_576; // one shard, as a worker thread runs it
const submissions = 200;
const concurrentClients = 4;
const threadsPerWorker = 1;
const secret = 'bench-signing-secret-0123456789abcdef';
const key = signingKeysSchema.parse(secret)[0]!;
const log = (line: string) => console.log(line);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The engine alone on this thread: one warm-up shard, then the median of three. */
async function engineRate(): Promise<{ rowsPerSecond: number; runs: number[] }> {
  const checked = validateGeneratorConfig(referenceConfig(engineRows));
  if (!checked.ok) throw new Error('reference config invalid');
  const plan = planJob(checked.config, { seed: 1, shardRows: engineRows });
  const shard = plan.tables[0]!.shards[0]!;
  const once = async () => {
    const started = performance.now();
    let bytes = 0;
    for await (const chunk of generateShard(checked.config, plan, shard, { format: 'csv' }))
      bytes += chunk.length;
    if (bytes === 0) throw new Error('no output');
    return shard.rows / ((performance.now() - started) / 1000);
  };
  await once();
  const runs = [await once(), await once(), await once()];
  return { rowsPerSecond: [...runs].sort((a, b) => a - b)[1]!, runs };
}

type JobTimings = { createdAt: string; generatingAt: string; finishedAt: string };

/**
 * What `threads` worker threads do with nothing around them: the pipeline's own shard code (the
 * engine, sha256 of every byte, the write into the local object store) on two shards per thread
 * at once, after one shard each to warm up; no queue, database, API or callbacks. On a machine
 * with as many cores as threads, the ceiling of the pipeline's rate.
 */
async function shardWorkRate(threads: number, dir: string): Promise<number> {
  const checked = validateGeneratorConfig(referenceConfig(engineRows * threads * 3));
  if (!checked.ok) throw new Error('reference config invalid');
  const plan = planJob(checked.config, { seed: 1, shardRows: engineRows });
  const store = objectStoreEnvSchema.parse({ OBJECT_STORE: 'fs', OBJECT_STORE_DIR: dir });
  const runner = createThreadShardRunner(threads);
  const hooks = { signal: new AbortController().signal, onRows: () => {}, onRetry: () => {} };
  const runShards = (first: number, perThread: number) =>
    Promise.all(
      Array.from({ length: threads }, async (_, t) => {
        for (let k = 0; k < perThread; k++) {
          const shard = plan.tables[0]!.shards[first + t * perThread + k]!;
          await runner.run(
            {
              config: checked.config,
              plan,
              shard,
              output: { format: 'csv' },
              store,
              bucket: 'bench',
              key: `ceiling/part-${shard.index}.csv`,
              part: `part-${shard.index}.csv`,
              table: 'customers',
              retries: 0,
              retryBaseMs: 100,
            },
            hooks,
          );
        }
      }),
    );
  try {
    await runShards(0, 1);
    const started = performance.now();
    await runShards(threads, 2);
    return (engineRows * threads * 2) / ((performance.now() - started) / 1000);
  } finally {
    await runner.close();
  }
}

/** Nearest-rank percentile. */
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function main(): Promise<void> {
  log(
    `machine: ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(2)} (figures are noisy on a shared machine)`,
  );
  const engine = await engineRate();
  log(
    `engine, one thread: ${fmt(engine.rowsPerSecond)} rows/s (median of 3 × ${fmt(engineRows)} rows after a warm-up shard; runs ${engine.runs.map(fmt).join(', ')})`,
  );

  const pg = await startTestPostgres();
  const dir = await mkdtemp(join(tmpdir(), 'synoptic-bench-objects-'));
  const port = await freePort();
  const env = {
    DATABASE_URL: pg.adminUrl,
    LOG_LEVEL: 'warn',
    PIPELINE_SIGNING_KEYS: secret,
    OBJECT_STORE_DIR: dir,
    PIPELINE_POLL_INTERVAL_SECONDS: '0.5',
    PIPELINE_PORT: String(port),
  };
  const pool = createPool(pg.adminUrl, { max: 2 });
  await pool.query('drop schema if exists pipeline cascade; drop schema if exists pipeline_queue cascade');
  await migrate(pool, { schema, dir: migrationsDir });
  const store = createFsObjectStore(dir);
  await store.createBucket('bench');
  const shardWork = new Map<number, number>();
  for (const count of [1, 2]) shardWork.set(count, await shardWorkRate(count * threadsPerWorker, dir));
  await store.deletePrefix('bench', 'ceiling/');
  log(
    `shard work alone (engine + sha256 + write to the local store, no queue or database): ${[...shardWork]
      .map(
        ([count, rate]) =>
          `${count * threadsPerWorker} thread(s) ${fmt(rate)} rows/s (${((rate / (engine.rowsPerSecond * count * threadsPerWorker)) * 100).toFixed(0)}% of engine × threads)`,
      )
      .join('; ')}`,
  );
  // Receives the jobs' callbacks, as the api does.
  const sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const callbackUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/hooks`;

  const api = spawnApi(env);
  const workers: WorkerProcess[] = [];
  const base = `http://127.0.0.1:${port}`;
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const res = await fetch(base + path, {
      method,
      headers: {
        ...signRequest(key, { method, path, body: payload ?? '' }),
        ...(payload ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(payload ? { body: payload } : {}),
    });
    const json = (await res.json()) as Record<string, unknown> & { id: string; status: string };
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  /**
   * Where a job's time went, by its own clock: waiting for a worker and planning, generating the
   * shards, the report (which regenerates a sample of rows and checks them), the manifest.
   */
  const stageSeconds = async (jobId: string, timings: JobTimings) => {
    const logs = (await call('GET', `/v1/jobs/${jobId}/logs?limit=1000`)) as unknown as {
      items: { time: string; stage: string }[];
    };
    const startOf = (stage: string) => Date.parse(logs.items.find((l) => l.stage === stage)?.time ?? '');
    const between = (from: number, to: number) => Number(((to - from) / 1000).toFixed(2));
    const [generating, reporting, finalizing] = [
      Date.parse(timings.generatingAt),
      startOf('reporting'),
      startOf('finalizing'),
    ];
    return {
      startSeconds: between(Date.parse(timings.createdAt), generating),
      generatingSeconds: between(generating, reporting),
      reportingSeconds: between(reporting, finalizing),
      finalizingSeconds: between(finalizing, Date.parse(timings.finishedAt)),
    };
  };
  try {
    for (const deadline = Date.now() + 30_000; ; await sleep(100)) {
      const ready = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`pipeline API did not start:\n${api.output()}`);
    }

    // Submission latency over HTTP, as the api submits: a callback URL and an idempotency key.
    // No worker runs yet; the jobs are cancelled afterwards.
    const submitted: string[] = [];
    const submit = async () => {
      const started = performance.now();
      const job = await call(
        'POST',
        '/v1/jobs',
        { config: referenceConfig(1000), output: { bucket: 'bench', format: 'csv' }, callbackUrl },
        { 'idempotency-key': randomUUID() },
      );
      submitted.push(job.id);
      return performance.now() - started;
    };
    for (let i = 0; i < 30; i++) await submit(); // warm-up: connections, JIT
    const sequential: number[] = [];
    for (let i = 0; i < submissions; i++) sequential.push(await submit());
    const concurrent: number[] = [];
    await Promise.all(
      Array.from({ length: concurrentClients }, async () => {
        for (let i = 0; i < submissions / concurrentClients; i++) concurrent.push(await submit());
      }),
    );
    const submit50 = percentile(sequential, 50);
    const submit99 = percentile(sequential, 99);
    const concurrent50 = percentile(concurrent, 50);
    const concurrent99 = percentile(concurrent, 99);
    log(
      `submission (POST /v1/jobs over HTTP): ${submissions} one after another p50 ${submit50.toFixed(1)} ms, p99 ${submit99.toFixed(1)} ms; ${submissions} from ${concurrentClients} clients at once p50 ${concurrent50.toFixed(1)} ms, p99 ${concurrent99.toFixed(1)} ms (target p99 < 50 ms)`,
    );
    for (let i = 0; i < submitted.length; i += concurrentClients)
      await Promise.all(
        submitted.slice(i, i + concurrentClients).map((id) => call('POST', `/v1/jobs/${id}/cancel`)),
      );
    // Let their callbacks go out, so they do not run beside the jobs timed next.
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
      const { rows: left } = await pool.query<{ n: number }>(
        'select count(*)::int as n from pipeline.job_events where delivered_at is null',
      );
      if (left[0]!.n === 0) break;
    }

    const results: Record<string, Record<string, number>> = {};
    for (const count of [1, 2]) {
      while (workers.length < count)
        workers.push(
          spawnWorker({ ...env, PIPELINE_WORKER_CONCURRENCY: String(threadsPerWorker), LOG_LEVEL: 'info' }),
        );
      // Time the job, not process start-up or the cancelled jobs' leftover plan tasks.
      while (!workers.every((w) => w.output().includes('worker ready'))) await sleep(50);
      for (;;) {
        const { rows: queued } = await pool.query<{ n: number }>(
          `select count(*)::int as n from pipeline_queue.job where state in ('created', 'retry', 'active')`,
        );
        if (queued[0]!.n === 0) break;
        await sleep(100);
      }
      await sleep(1000);
      const started = performance.now();
      const job = await call('POST', '/v1/jobs', {
        config: referenceConfig(rows),
        output: { bucket: 'bench', format: 'csv' },
        seed: 1,
        callbackUrl,
      });
      let now = job;
      while (now.status !== 'completed') {
        await sleep(100);
        now = await call('GET', `/v1/jobs/${job.id}`);
        if (now.status === 'failed' || now.status === 'cancelled')
          throw new Error(`job ${now.status}: ${JSON.stringify(now.error)}`);
      }
      const seconds = (performance.now() - started) / 1000;
      const stages = await stageSeconds(job.id, now.timings as JobTimings);
      const rate = rows / seconds;
      const threads = count * threadsPerWorker;
      const target = 0.8 * engine.rowsPerSecond * threads;
      const ratio = rate / (engine.rowsPerSecond * threads);
      const ceiling = shardWork.get(count)!;
      results[`workers${count}`] = {
        threads,
        rowsPerSecond: Math.round(rate),
        seconds: Number(seconds.toFixed(2)),
        ...stages,
        targetRowsPerSecond: Math.round(target),
        ratio: Number(ratio.toFixed(3)),
        shardWorkRowsPerSecond: Math.round(ceiling),
        ratioToShardWork: Number((rate / ceiling).toFixed(3)),
      };
      log(
        `${count} worker(s) × ${threadsPerWorker} thread: ${fmt(rows)} rows in ${seconds.toFixed(1)} s = ${fmt(rate)} rows/s (${stages.startSeconds} s to start, ${stages.generatingSeconds} s generating, ${stages.reportingSeconds} s reporting, ${stages.finalizingSeconds} s finalizing); target ${fmt(target)} rows/s (80% of engine × ${threads} thread(s)); ratio to engine × threads ${(ratio * 100).toFixed(0)}% (${rate >= target ? 'meets' : 'misses'} the target); ${((rate / ceiling) * 100).toFixed(0)}% of the shard work alone`,
      );
      await store.deletePrefix('bench', 'jobs/');
    }
    console.log(
      JSON.stringify({
        bench: 'pipeline',
        rows,
        cores: availableParallelism(),
        engineRowsPerSecond: Math.round(engine.rowsPerSecond),
        engineRunsRowsPerSecond: engine.runs.map(Math.round),
        submitP50Ms: Number(submit50.toFixed(2)),
        submitP99Ms: Number(submit99.toFixed(2)),
        submitConcurrentClients: concurrentClients,
        submitConcurrentP50Ms: Number(concurrent50.toFixed(2)),
        submitConcurrentP99Ms: Number(concurrent99.toFixed(2)),
        ...results,
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await api.stop();
    sink.close();
    await pool.end();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
