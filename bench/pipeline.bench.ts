import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateShard, planJob, validateGeneratorConfig } from '@synoptic/generator';
import { createObjectStore } from '@synoptic/object-store';
import { createPool, migrate, signingKeysSchema, signRequest } from '@synoptic/service-kit';
import { startTestPostgres } from '@synoptic/service-kit/testing';
import { buildApp } from '../apps/pipeline/src/app.ts';
import { pipelineEnvSchema } from '../apps/pipeline/src/config.ts';
import { migrationsDir, schema } from '../apps/pipeline/src/db/migrations.ts';
import { startQueue } from '../apps/pipeline/src/queue/queue.ts';
import { spawnWorker, type WorkerProcess } from '../apps/pipeline/test/worker-process.ts';
import { referenceConfig } from './generator.config.ts';

// `npm run bench:pipeline`: a job of the reference schema end to end (submit → completed, parts in
// the local object store) with one worker and with two, against the engine's single-thread rate.
// BENCH_ROWS changes the size (default 10 million).
const rows = Number(process.env.BENCH_ROWS ?? 10_000_000);
const secret = 'bench-signing-secret-0123456789abcdef';
const key = signingKeysSchema.parse(secret)[0]!;
const log = (line: string) => console.log(line);

async function engineRate(): Promise<number> {
  const checked = validateGeneratorConfig(referenceConfig(1_048_576));
  if (!checked.ok) throw new Error('reference config invalid');
  const plan = planJob(checked.config, { seed: 1 });
  const shard = plan.tables[0]!.shards[0]!;
  const started = performance.now();
  for await (const _ of generateShard(checked.config, plan, shard, { format: 'csv' })) {
  }
  return shard.rows / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const pg = await startTestPostgres();
  const dir = await mkdtemp(join(tmpdir(), 'synoptic-bench-objects-'));
  const env = {
    DATABASE_URL: pg.adminUrl,
    LOG_LEVEL: 'warn',
    PIPELINE_SIGNING_KEYS: secret,
    OBJECT_STORE_DIR: dir,
    PIPELINE_POLL_INTERVAL_SECONDS: '0.5',
  };
  const config = pipelineEnvSchema.parse(env);
  const pool = createPool(pg.adminUrl, { max: 6 });
  await pool.query('drop schema if exists pipeline cascade; drop schema if exists pipeline_queue cascade');
  await migrate(pool, { schema, dir: migrationsDir });
  const store = createObjectStore(config);
  await store.createBucket('bench');
  const boss = await startQueue(pg.adminUrl, { onError: () => {} });
  const app = await buildApp({ config, pool, boss, store });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const res = await fetch(base + path, {
      method,
      headers: {
        ...signRequest(key, { method, path, body: payload ?? '' }),
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload ? { body: payload } : {}),
    });
    return (await res.json()) as Record<string, unknown> & { id: string; status: string };
  };
  const workers: WorkerProcess[] = [];
  try {
    const engine = await engineRate();
    log(`engine, one thread: ${Math.round(engine).toLocaleString('en-US')} rows/s`);

    // Submission latency over real HTTP (jobs cancelled before any worker exists).
    const latencies: number[] = [];
    for (let i = 0; i < 300; i++) {
      const started = performance.now();
      const job = await call('POST', '/v1/jobs', {
        config: referenceConfig(1000),
        output: { bucket: 'bench', format: 'csv' },
      });
      latencies.push(performance.now() - started);
      await call('POST', `/v1/jobs/${job.id}/cancel`);
    }
    latencies.sort((a, b) => a - b);
    const p50 = latencies[149]!;
    const p99 = latencies[296]!;
    log(`submission: p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);

    const results: Record<string, { rowsPerSecond: number; seconds: number; ratio: number }> = {};
    for (const count of [1, 2]) {
      while (workers.length < count)
        workers.push(spawnWorker({ ...env, PIPELINE_WORKER_CONCURRENCY: '1', LOG_LEVEL: 'info' }));
      // Time the job, not process start-up: wait until every worker says it is ready.
      while (!workers.every((w) => w.output().includes('worker ready')))
        await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 1000));
      const started = performance.now();
      const job = await call('POST', '/v1/jobs', {
        config: referenceConfig(rows),
        output: { bucket: 'bench', format: 'csv' },
        seed: 1,
      });
      let status = job.status;
      while (status !== 'completed') {
        await new Promise((r) => setTimeout(r, 100));
        const now = await call('GET', `/v1/jobs/${job.id}`);
        status = now.status;
        if (status === 'failed' || status === 'cancelled')
          throw new Error(`job ${status}: ${JSON.stringify(now.error)}`);
      }
      const seconds = (performance.now() - started) / 1000;
      const rate = rows / seconds;
      results[`workers${count}`] = {
        rowsPerSecond: Math.round(rate),
        seconds: Number(seconds.toFixed(2)),
        ratio: Number((rate / (engine * count)).toFixed(3)),
      };
      log(
        `${count} worker(s) × 1 thread: ${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString('en-US')} rows/s (${((rate / (engine * count)) * 100).toFixed(0)}% of engine × ${count} threads; target 80%)`,
      );
      await store.deletePrefix('bench', 'jobs/');
    }
    console.log(
      JSON.stringify({
        bench: 'pipeline',
        rows,
        engineRowsPerSecond: Math.round(engine),
        submitP50Ms: Number(p50.toFixed(2)),
        submitP99Ms: Number(p99.toFixed(2)),
        ...results,
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await app.close();
    await boss.stop({ graceful: false, wait: true, timeout: 2000 });
    await pool.end();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
