import { createPool } from '@synoptic/service-kit';
import { buildApp } from './app.ts';
import { apiEnvSchema } from './config.ts';
import { createPipelineClient, signingKeyOf } from './platform/pipeline-client.ts';

/** The OpenAPI document exactly as the running api serves it, built without touching a database. */
export async function buildOpenApiDocument(): Promise<unknown> {
  const config = apiEnvSchema.parse({
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    SECRETS_ENCRYPTION_KEY: 'unused-for-documentation-only-0123456789',
    PIPELINE_SIGNING_KEYS: 'unused-for-documentation-only-0123456789',
    LOG_LEVEL: 'silent',
  });
  const pool = createPool(config.DATABASE_URL);
  const app = await buildApp({
    config,
    pool,
    pipeline: createPipelineClient('http://127.0.0.1:1', signingKeyOf(config)),
    backgroundTasks: false,
  });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await pool.end();
  }
}
