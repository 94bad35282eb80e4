import { createPool, type Pool } from '@synoptic/service-kit';
import { captureLogs, createTestDatabase } from '@synoptic/service-kit/testing';
import { inject } from 'vitest';
import { buildApp } from '../src/app.ts';
import { pipelineEnvSchema } from '../src/config.ts';

export type TestPipeline = Awaited<ReturnType<typeof buildApp>> & {
  pool: Pool;
  databaseUrl: string;
  logs: () => Array<Record<string, unknown>>;
  destroy: () => Promise<void>;
};

/** The real pipeline API on a fresh, migrated database of its own. */
export async function createTestPipeline(
  options: { env?: Record<string, string> } = {},
): Promise<TestPipeline> {
  const db = await createTestDatabase(inject('database'));
  const config = pipelineEnvSchema.parse({ DATABASE_URL: db.url, LOG_LEVEL: 'info', ...options.env });
  const pool = createPool(db.url, { max: 4 });
  const logs = captureLogs();
  const app = await buildApp({ config, pool, logStream: logs.stream });
  return Object.assign(app, {
    pool,
    databaseUrl: db.url,
    logs: logs.lines,
    destroy: async () => {
      await app.close();
      await pool.end();
      await db.drop();
    },
  });
}
