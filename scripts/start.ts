import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, type EmbeddedDatabase, startEmbeddedPostgres } from '@synoptic/service-kit';
import { loadOneBoxConfig } from './onebox/config.ts';
import { type Service, startService, stopService, waitForOk } from './onebox/processes.ts';
import { loadOrCreateSecrets } from './onebox/secrets.ts';
import { ensureWebBuild, webDistDir } from './onebox/web-build.ts';

// `npm start`: the whole platform on one machine, on embedded defaults unless told otherwise.
const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const log = (line: string) => console.log(`${bold('synoptic')} ${line}`);
const root = new URL('../', import.meta.url).pathname;

async function startDatabase(
  databaseUrl: string | undefined,
  dataDir: string,
  port: number,
  password: string,
) {
  if (databaseUrl) {
    log('using the PostgreSQL server in DATABASE_URL');
    return { url: databaseUrl, stop: async () => {} } satisfies EmbeddedDatabase;
  }
  const started = Date.now();
  const db = await startEmbeddedPostgres({ dir: join(dataDir, 'pg'), port, password, database: 'synoptic' });
  log(
    `embedded PostgreSQL ready on 127.0.0.1:${port} (${Date.now() - started} ms, data in ${join(dataDir, 'pg')})`,
  );
  return db;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadOneBoxConfig();
  await mkdir(config.dataDir, { recursive: true });
  const secrets = await loadOrCreateSecrets(config.dataDir);
  const [database] = await Promise.all([
    startDatabase(config.DATABASE_URL, config.dataDir, config.EMBEDDED_PG_PORT, secrets.EMBEDDED_PG_PASSWORD),
    ensureWebBuild(log),
  ]);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    API_PORT: String(config.API_PORT),
    PIPELINE_PORT: String(config.PIPELINE_PORT),
    PIPELINE_URL: process.env.PIPELINE_URL ?? `http://127.0.0.1:${config.PIPELINE_PORT}`,
    PIPELINE_SIGNING_KEYS: secrets.PIPELINE_SIGNING_KEYS,
    OBJECT_STORE_DIR: process.env.OBJECT_STORE_DIR ?? join(config.dataDir, 'objects'),
    WEB_DIST_DIR: webDistDir,
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${config.API_PORT}`,
    CALLBACK_BASE_URL: process.env.CALLBACK_BASE_URL ?? `http://127.0.0.1:${config.API_PORT}`,
    SECRETS_ENCRYPTION_KEY: secrets.SECRETS_ENCRYPTION_KEY,
    MAIL_OUTBOX_DIR: process.env.MAIL_OUTBOX_DIR ?? join(config.dataDir, 'outbox'),
    VIEWER_CACHE_DIR: process.env.VIEWER_CACHE_DIR ?? join(config.dataDir, 'viewer-cache'),
    // Each running DuckDB query of the viewer holds one of libuv's threads (4 by default).
    UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? '16',
  };
  const services: Service[] = [
    startService('pipeline', join(root, 'apps/pipeline/src/main.ts'), env, config.logFormat),
    ...Array.from({ length: config.WORKERS }, (_, i) =>
      startService(
        config.WORKERS > 1 ? `worker-${i + 1}` : 'worker',
        join(root, 'apps/pipeline/src/worker/main.ts'),
        env,
        config.logFormat,
      ),
    ),
    startService('api', join(root, 'apps/api/src/main.ts'), env, config.logFormat),
  ];

  let stopping = false;
  let signalled = false;
  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(services.map((s) => stopService(s)));
    // A terminal's Ctrl-C reaches the database too; stopping one already stopped is fine.
    await database.stop().catch(() => {});
    log('stopped');
    process.exit(signalled ? 0 : exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      signalled = true;
      if (!stopping) log(`${signal}: stopping every service…`);
      void stopAll(0);
    });
  }
  for (const service of services) {
    void service.exited.then((code) => {
      if (stopping) return;
      // The same Ctrl-C may reach a child before it reaches us; give our own handler a moment.
      setTimeout(() => {
        if (stopping) return;
        log(`${service.name} exited unexpectedly (code ${code}); stopping the rest`);
        void stopAll(1);
      }, 300);
    });
  }

  const url = `http://localhost:${config.API_PORT}`;
  try {
    await waitForOk(`http://127.0.0.1:${config.API_PORT}/readyz`, 60_000);
  } catch (err) {
    log((err as Error).message);
    await stopAll(1);
  }
  log(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  log(`Synoptic is running at ${bold(url)}  (API docs: ${url}/api/docs; Ctrl-C stops it)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
