import { createPool, migrate, runProcess } from '@synoptic/service-kit';
import { buildApp } from './app.ts';
import { loadPipelineConfig } from './config.ts';
import { migrationsDir, schema } from './db/migrations.ts';

runProcess(async () => {
  const config = loadPipelineConfig();
  const pool = createPool(config.DATABASE_URL, { applicationName: 'synoptic-pipeline' });
  await migrate(pool, { schema, dir: migrationsDir });
  const app = await buildApp({ config, pool });
  await app.listen({ host: config.PIPELINE_HOST, port: config.PIPELINE_PORT });
  return {
    stop: async () => {
      await app.close();
      await pool.end();
    },
  };
});
