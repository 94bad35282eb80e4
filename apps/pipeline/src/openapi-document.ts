import { createFsObjectStore } from '@synoptic/object-store';
import { createPool } from '@synoptic/service-kit';
import PgBoss from 'pg-boss';
import { buildApp } from './app.ts';
import { pipelineEnvSchema } from './config.ts';

/** The OpenAPI document exactly as the running pipeline serves it, built without touching a database. */
export async function buildOpenApiDocument(): Promise<unknown> {
  const config = pipelineEnvSchema.parse({
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    LOG_LEVEL: 'silent',
    PIPELINE_SIGNING_KEYS: 'x'.repeat(32),
  });
  const pool = createPool(config.DATABASE_URL);
  // Neither is started: building the app does no I/O.
  const boss = new PgBoss({ connectionString: config.DATABASE_URL });
  const app = await buildApp({ config, pool, boss, store: createFsObjectStore('/nonexistent') });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await pool.end();
  }
}
