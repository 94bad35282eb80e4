import { createObjectStore } from '@synoptic/object-store';
import { createPool, migrate, runProcess } from '@synoptic/service-kit';
import { pino } from 'pino';
import { loadWorkerConfig } from '../config.ts';
import { migrationsDir, schema } from '../db/migrations.ts';
import { startQueue } from '../queue/queue.ts';
import { createThreadShardRunner } from './shard-runner.ts';
import { startSupervisor } from './supervisor.ts';
import { startWorker } from './worker.ts';

// `npm run worker -w apps/pipeline`: any number of these, on any machine that reaches the
// database and the object store.
runProcess(async () => {
  const config = loadWorkerConfig();
  const log = pino({ level: config.LOG_LEVEL, base: { service: 'pipeline-worker' } });
  const pool = createPool(config.DATABASE_URL, { applicationName: 'synoptic-worker', max: 6 });
  await migrate(pool, { schema, dir: migrationsDir });
  const store = createObjectStore(config);
  const boss = await startQueue(config.DATABASE_URL, { onError: (err) => log.error({ err }, 'queue error') });
  const runner = createThreadShardRunner(config.PIPELINE_WORKER_CONCURRENCY);
  const worker = await startWorker({ config, pool, boss, store, runner, log });
  const supervisor = startSupervisor({ config, pool, boss, store, log });
  log.info({ workerId: worker.workerId, concurrency: config.PIPELINE_WORKER_CONCURRENCY }, 'worker ready');
  return {
    stop: async () => {
      await worker.stop();
      await supervisor.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await pool.end();
    },
  };
});
