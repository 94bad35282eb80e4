import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, freePort } from '@synoptic/service-kit/testing';
import { inject } from 'vitest';
import { testSigningSecret } from './harness.ts';

const pipelineMain = fileURLToPath(new URL('../../pipeline/src/main.ts', import.meta.url));
const workerMain = fileURLToPath(new URL('../../pipeline/src/worker/main.ts', import.meta.url));

export type RunningPipeline = { url: string; databaseUrl: string; stop: () => Promise<void> };

function spawnTs(
  entry: string,
  env: Record<string, string>,
): { child: ChildProcess; stop: () => Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The real generation pipeline, as separate processes (API and one worker) on a database of its
 * own, writing to the same object store folder as the api under test: the api reaches it over
 * HTTP only, as in production.
 */
export async function startPipeline(options: {
  port?: number;
  objectsDir: string;
}): Promise<RunningPipeline> {
  const db = await createTestDatabase({ adminUrl: inject('database').adminUrl, template: 'template1' });
  const port = options.port ?? (await freePort());
  const env = {
    DATABASE_URL: db.url,
    PIPELINE_HOST: '127.0.0.1',
    PIPELINE_PORT: String(port),
    PIPELINE_SIGNING_KEYS: testSigningSecret,
    PIPELINE_POLL_INTERVAL_SECONDS: '0.5',
    PIPELINE_WORKER_CONCURRENCY: '1',
    OBJECT_STORE: 'fs',
    OBJECT_STORE_DIR: options.objectsDir,
    LOG_LEVEL: 'warn',
  };
  const api = spawnTs(pipelineMain, env);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline || api.child.exitCode !== null) {
      await api.stop();
      throw new Error('the pipeline did not become ready');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // The worker starts once the API has migrated the pipeline's schema.
  const worker = spawnTs(workerMain, env);
  return {
    url,
    databaseUrl: db.url,
    stop: async () => {
      await Promise.all([worker.stop(), api.stop()]);
      await db.drop();
    },
  };
}
