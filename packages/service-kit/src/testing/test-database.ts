import { randomBytes, randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPool, type Pool } from '../db.ts';
import { startEmbeddedPostgres } from '../embedded-postgres.ts';

/** What a test project's global setup hands its test files. */
export type TestDatabaseContext = { adminUrl: string; template: string };

/** A port nothing listens on, for a service a test starts later and must know the address of first. */
export async function freePort(): Promise<number> {
  // Below Linux's ephemeral range (32768–60999): a port the OS hands out for `listen(0)` or an
  // outgoing connection can never take it between this check and the service binding it later.
  for (;;) {
    const port = 20_000 + randomInt(12_000);
    if (await isFree(port)) return port;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * The server tests run against: the one `DATABASE_URL` names (CI sets it to the machine's
 * PostgreSQL), or else a throwaway embedded PostgreSQL.
 */
export async function startTestPostgres(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, stop: async () => {} };
  const dir = join(tmpdir(), `synoptic-test-pg-${randomBytes(6).toString('hex')}`);
  const db = await startEmbeddedPostgres({ dir, port: await freePort(), password: 'test' });
  return {
    adminUrl: db.url,
    stop: async () => {
      await db.stop();
      const { rm } = await import('node:fs/promises');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a database, migrates it once with `prepare`, and keeps it as the template for test files. */
export async function createTemplateDatabase(
  adminUrl: string,
  prefix: string,
  prepare: (pool: Pool) => Promise<void>,
): Promise<{ template: string; drop: () => Promise<void> }> {
  const template = `${prefix}_tmpl_${randomBytes(5).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`create database ${template}`));
  const pool = createPool(withDatabase(adminUrl, template), { max: 2 });
  try {
    await prepare(pool);
  } finally {
    await pool.end();
  }
  return { template, drop: () => dropDatabase(adminUrl, template) };
}

/** A fresh database cloned from the migrated template, for one test file. */
export async function createTestDatabase(
  context: TestDatabaseContext,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${context.template.replace(/_tmpl_.*/, '')}_t_${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(context.adminUrl, (c) => c.query(`create database ${name} template ${context.template}`));
      break;
    } catch (err) {
      // Two clones of one template at the same instant can collide ("being accessed by other users").
      if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
  return { url: withDatabase(context.adminUrl, name), drop: () => dropDatabase(context.adminUrl, name) };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
}
