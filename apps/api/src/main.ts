import { createPool, migrate, runProcess } from '@synoptic/service-kit';
import { buildApp } from './app.ts';
import { loadApiConfig } from './config.ts';
import { migrationsDir, schema } from './db/migrations.ts';
import { createPipelineClient, signingKeyOf } from './platform/pipeline-client.ts';

runProcess(async () => {
  const config = loadApiConfig();
  const pool = createPool(config.DATABASE_URL, { applicationName: 'synoptic-api' });
  await migrate(pool, { schema, dir: migrationsDir });
  const app = await buildApp({
    config,
    pool,
    pipeline: createPipelineClient(config.PIPELINE_URL, signingKeyOf(config)),
  });
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  return {
    stop: async () => {
      await app.close();
      await pool.end();
    },
  };
});
