import { createPool, type Pool } from '@synoptic/service-kit';
import { captureLogs, createTestDatabase } from '@synoptic/service-kit/testing';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { apiEnvSchema } from '../src/config.ts';
import type { PipelineClient } from '../src/platform/pipeline-client.ts';

export type TestApi = Awaited<ReturnType<typeof buildApp>> & {
  pool: Pool;
  /** Every log line the app wrote, parsed. */
  logs: () => Array<Record<string, unknown>>;
  /** Closes the app and its pool and drops the test database. */
  destroy: () => Promise<void>;
};

/**
 * The real api on a fresh, migrated database of its own. Extra routes may be added before the
 * first request (the app is not ready yet).
 */
export async function createTestApi(
  options: { env?: Record<string, string>; pipeline?: PipelineClient } = {},
): Promise<TestApi> {
  const db = await createTestDatabase(inject('database'));
  const config = apiEnvSchema.parse({ DATABASE_URL: db.url, LOG_LEVEL: 'info', ...options.env });
  const pool = createPool(db.url, { max: 4 });
  const logs = captureLogs();
  const app = await buildApp({
    config,
    pool,
    logStream: logs.stream,
    pipeline: options.pipeline ?? { checkReady: async () => {} },
  });
  return Object.assign(app, {
    pool,
    logs: logs.lines,
    destroy: async () => {
      await app.close();
      await pool.end();
      await db.drop();
    },
  });
}
