import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectStore } from '@synoptic/object-store';
import { createPool, type Pool } from '@synoptic/service-kit';
import { captureLogs, createTestDatabase } from '@synoptic/service-kit/testing';
import { expect, inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { apiEnvSchema } from '../src/config.ts';
import type { Clock } from '../src/platform/clock.ts';
import { createPipelineClient, type PipelineClient, signingKeyOf } from '../src/platform/pipeline-client.ts';
import { startMailCatcher } from './mail-catcher.ts';

export type TestApi = Awaited<ReturnType<typeof buildApp>> & {
  pool: Pool;
  mail: Awaited<ReturnType<typeof startMailCatcher>>;
  /** Root of the file-system object store this api writes project buckets to. */
  objectsDir: string;
  viewerCacheDir: string;
  /** Every log line the app wrote, parsed. */
  logs: () => Array<Record<string, unknown>>;
  /** Closes the app, its pool and mail server, and drops the test database. */
  destroy: () => Promise<void>;
};

/** The secret the api and a test pipeline share for signing. */
export const testSigningSecret = 'test-signing-secret-0123456789abcdefghijklmnop';

/** A clock tests can move forward. */
export function testClock(start = new Date('2026-06-01T12:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  } satisfies Clock & { advance: (ms: number) => void };
}

/**
 * The real api on a fresh, migrated database of its own, mailing through a real SMTP server.
 * Extra routes may be added before the first request (the app is not ready yet).
 */
export async function createTestApi(
  options: {
    env?: Record<string, string>;
    pipeline?: PipelineClient;
    clock?: Clock;
    databaseUrl?: string;
    objectStore?: ObjectStore;
    backgroundTasks?: boolean;
  } = {},
): Promise<TestApi> {
  const db = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => {} }
    : await createTestDatabase(inject('database'));
  const mail = await startMailCatcher();
  const objects = await mkdtemp(join(tmpdir(), 'synoptic-objects-'));
  const viewerCache = await mkdtemp(join(tmpdir(), 'synoptic-viewer-'));
  const config = apiEnvSchema.parse({
    DATABASE_URL: db.url,
    OBJECT_STORE_DIR: objects,
    VIEWER_CACHE_DIR: viewerCache,
    LOG_LEVEL: 'info',
    SECRETS_ENCRYPTION_KEY: 'test-only-key-0123456789abcdefghijklmnop',
    SMTP_URL: mail.url,
    PIPELINE_SIGNING_KEYS: testSigningSecret,
    ...options.env,
  });
  const pool = createPool(db.url, { max: 4 });
  const logs = captureLogs();
  const app = await buildApp({
    config,
    pool,
    logStream: logs.stream,
    // No pipeline unless a test starts one: jobs then wait, as they would with the pipeline down.
    pipeline: options.pipeline ?? createPipelineClient('http://127.0.0.1:9', signingKeyOf(config)),
    backgroundTasks: options.backgroundTasks ?? false,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.objectStore ? { objectStore: options.objectStore } : {}),
  });
  return Object.assign(app, {
    pool,
    mail,
    objectsDir: config.OBJECT_STORE_DIR,
    viewerCacheDir: viewerCache,
    logs: logs.lines,
    destroy: async () => {
      await app.close();
      await pool.end();
      await mail.close();
      await db.drop();
      await rm(objects, { recursive: true, force: true });
      await rm(viewerCache, { recursive: true, force: true });
    },
  });
}

let counter = 0;

/**
 * A documentation-range address per call: tests make many accounts from one process, which the
 * per-address limits would otherwise (rightly) stop.
 */
export function testIp(): string {
  counter++;
  return `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
}

/** A unique address for a test user. */
export function newEmail(label = 'user'): string {
  return `${label}.${Date.now().toString(36)}${(counter++).toString(36)}@example.com`;
}

export const goodPassword = 'correct horse battery staple';

/** Registers a user through the API and signs in; returns the session cookie to send. */
export async function signUp(
  api: TestApi,
  overrides: { email?: string; password?: string; name?: string } = {},
) {
  const email = overrides.email ?? newEmail();
  const password = overrides.password ?? goodPassword;
  const registered = await api.inject({
    method: 'POST',
    url: '/api/auth/register',
    remoteAddress: testIp(),
    payload: { name: overrides.name ?? 'Ada Lovelace', email, password, company: 'Analytical Engines' },
  });
  expect(registered.statusCode).toBe(202);
  return { email, password, ...(await signIn(api, email, password)) };
}

export async function signIn(api: TestApi, email: string, password: string) {
  const res = await api.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: testIp(),
    payload: { email, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'synoptic_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookies: { synoptic_session: cookie.value }, user: res.json().user };
}

/** Creates a project through the API as the given user; returns its id. */
export async function createProject(api: TestApi, cookies: Record<string, string>, name = 'Demo project') {
  const res = await api.inject({ method: 'POST', url: '/api/projects', cookies, payload: { name } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Puts a user straight into a project with a role: test set-up, not the behaviour under test. */
export async function addMember(api: TestApi, projectId: string, userId: string, role: string) {
  await api.pool.query('insert into app.project_members (project_id, user_id, role) values ($1, $2, $3)', [
    projectId,
    userId,
    role,
  ]);
}

/**
 * How long `a` takes against `b`: the ratio of their median durations over `runs` calls each, taken
 * in turns, so a slow call or a burst of load from tests running beside this one sways neither.
 */
export async function durationRatio(
  runs: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<number> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, work] of [a, b].entries()) {
      const started = performance.now();
      await work();
      times[k]!.push(performance.now() - started);
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
  return median(times[0]) / median(times[1]);
}
