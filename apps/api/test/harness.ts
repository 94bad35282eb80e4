import { createPool, type Pool } from '@synoptic/service-kit';
import { captureLogs, createTestDatabase } from '@synoptic/service-kit/testing';
import { expect, inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { apiEnvSchema } from '../src/config.ts';
import type { Clock } from '../src/platform/clock.ts';
import type { PipelineClient } from '../src/platform/pipeline-client.ts';
import { startMailCatcher } from './mail-catcher.ts';

export type TestApi = Awaited<ReturnType<typeof buildApp>> & {
  pool: Pool;
  mail: Awaited<ReturnType<typeof startMailCatcher>>;
  /** Every log line the app wrote, parsed. */
  logs: () => Array<Record<string, unknown>>;
  /** Closes the app, its pool and mail server, and drops the test database. */
  destroy: () => Promise<void>;
};

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
  } = {},
): Promise<TestApi> {
  const db = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => {} }
    : await createTestDatabase(inject('database'));
  const mail = await startMailCatcher();
  const config = apiEnvSchema.parse({
    DATABASE_URL: db.url,
    LOG_LEVEL: 'info',
    SECRETS_ENCRYPTION_KEY: 'test-only-key-0123456789abcdefghijklmnop',
    SMTP_URL: mail.url,
    ...options.env,
  });
  const pool = createPool(db.url, { max: 4 });
  const logs = captureLogs();
  const app = await buildApp({
    config,
    pool,
    logStream: logs.stream,
    pipeline: options.pipeline ?? { checkReady: async () => {} },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return Object.assign(app, {
    pool,
    mail,
    logs: logs.lines,
    destroy: async () => {
      await app.close();
      await pool.end();
      await mail.close();
      await db.drop();
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
