import { createObjectStore } from '@synoptic/object-store';
import { createPool, migrate, runProcess } from '@synoptic/service-kit';
import { buildApp } from './app.ts';
import { loadPipelineConfig } from './config.ts';
import { migrationsDir, schema } from './db/migrations.ts';
import { startQueue } from './queue/queue.ts';
import { startSupervisor } from './worker/supervisor.ts';

runProcess(async () => {
  const config = loadPipelineConfig();
  const pool = createPool(config.DATABASE_URL, { applicationName: 'synoptic-pipeline' });
  await migrate(pool, { schema, dir: migrationsDir });
  const store = createObjectStore(config);
  const boss = await startQueue(config.DATABASE_URL);
  const app = await buildApp({ config, pool, boss, store });
  // The API process does housekeeping too, so cancels and callbacks go on with no worker running.
  const supervisor = startSupervisor({ config, pool, boss, store, log: app.log });
  await app.listen({ host: config.PIPELINE_HOST, port: config.PIPELINE_PORT });
  return {
    stop: async () => {
      await app.close();
      await supervisor.stop();
      await boss.stop({ graceful: true, wait: true });
      await pool.end();
    },
  };
});
