import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createObjectStore, type ObjectStore } from '@synoptic/object-store';
import { createPool, type Pool, signingKeysSchema, signRequest } from '@synoptic/service-kit';
import { captureLogs, createTestDatabase } from '@synoptic/service-kit/testing';
import type PgBoss from 'pg-boss';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { pipelineEnvSchema, workerEnvSchema } from '../src/config.ts';
import { startQueue } from '../src/queue/queue.ts';
import { createInlineShardRunner, createThreadShardRunner } from '../src/worker/shard-runner.ts';
import { startSupervisor } from '../src/worker/supervisor.ts';
import { startWorker } from '../src/worker/worker.ts';

export const testSecret = 'test-signing-secret-0123456789abcdef';
export const oldSecret = 'old-signing-secret-0123456789abcdef!';
export const [testKey, oldKey] = signingKeysSchema.parse(`${testSecret},${oldSecret}`);

// Fast queue polling and stall detection for tests; production defaults are slower.
export const fastEnv = {
  PIPELINE_SIGNING_KEYS: `${testSecret},${oldSecret}`,
  PIPELINE_POLL_INTERVAL_SECONDS: '0.5',
  PIPELINE_STALL_TIMEOUT_SECONDS: '3',
  PIPELINE_STORE_RETRY_BASE_MS: '100',
  LOG_LEVEL: 'info',
};

type InjectOptions = {
  method?: 'GET' | 'POST';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
};

export type TestPipeline = Awaited<ReturnType<typeof buildApp>> & {
  pool: Pool;
  boss: PgBoss;
  store: ObjectStore;
  databaseUrl: string;
  objectsDir: string;
  env: Record<string, string>;
  logs: () => Array<Record<string, unknown>>;
  /** A request signed with the current key. */
  signed: (options: InjectOptions) => Promise<import('fastify').LightMyRequestResponse>;
  /** Runs a worker (and its housekeeping) in this process until `destroy`. */
  startWorker: (options?: {
    threads?: boolean;
    env?: Record<string, string>;
  }) => Promise<() => Promise<void>>;
  destroy: () => Promise<void>;
};

/** The real pipeline API on a fresh, migrated database and object-store folder of its own. */
export async function createTestPipeline(
  options: { env?: Record<string, string> } = {},
): Promise<TestPipeline> {
  const db = await createTestDatabase(inject('database'));
  const objectsDir = await mkdtemp(join(tmpdir(), 'synoptic-pipeline-objects-'));
  const env = { ...fastEnv, DATABASE_URL: db.url, OBJECT_STORE_DIR: objectsDir, ...options.env };
  const config = pipelineEnvSchema.parse(env);
  const pool = createPool(db.url, { max: 6 });
  const store = createObjectStore(config);
  const boss = await startQueue(db.url, { onError: () => {} });
  const logs = captureLogs();
  const app = await buildApp({ config, pool, boss, store, logStream: logs.stream });
  const stops: Array<() => Promise<void>> = [];
  const silent = { info: () => {}, warn: () => {}, error: () => {} };

  const signed = (request: InjectOptions) => {
    const method = request.method ?? (request.body === undefined ? 'GET' : 'POST');
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    const headers = {
      ...signRequest(testKey!, { method, path: request.url, body: payload ?? '' }),
      ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
    };
    return app.inject({ method, url: request.url, headers, ...(payload === undefined ? {} : { payload }) });
  };

  return Object.assign(app, {
    pool,
    boss,
    store,
    databaseUrl: db.url,
    objectsDir,
    env,
    logs: logs.lines,
    signed,
    startWorker: async (workerOptions: { threads?: boolean; env?: Record<string, string> } = {}) => {
      const workerConfig = workerEnvSchema.parse({
        PIPELINE_WORKER_CONCURRENCY: '2',
        ...env,
        ...workerOptions.env,
      });
      const workerBoss = await startQueue(db.url, { maintenance: false, onError: () => {} });
      const runner = workerOptions.threads
        ? createThreadShardRunner(workerConfig.PIPELINE_WORKER_CONCURRENCY)
        : createInlineShardRunner();
      const worker = await startWorker({
        config: workerConfig,
        pool,
        boss: workerBoss,
        store,
        runner,
        log: silent,
        tickMs: 100,
      });
      const supervisor = startSupervisor({
        config: workerConfig,
        pool,
        boss: workerBoss,
        store,
        log: silent,
        intervalMs: 200,
      });
      const stop = async () => {
        await worker.stop();
        await supervisor.stop();
        await workerBoss.stop({ graceful: false, wait: true, timeout: 2000 });
      };
      stops.push(stop);
      return stop;
    },
    destroy: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => {});
      await app.close();
      await boss.stop({ graceful: false, wait: true, timeout: 2000 });
      await pool.end();
      await db.drop();
      await rm(objectsDir, { recursive: true, force: true });
    },
  });
}

/** Waits until `check` returns a value other than undefined or false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
