import { createServer, isMigrated, type Pool, registerHealthRoutes } from '@synoptic/service-kit';
import type { PipelineConfig } from './config.ts';
import { migrationsDir, schema } from './db/migrations.ts';
import { registerOpenApi } from './openapi.ts';

export type PipelineDeps = {
  config: PipelineConfig;
  pool: Pool;
  logStream?: NodeJS.WritableStream;
};

/** Assembles the pipeline API from its dependencies; no I/O of its own. */
export async function buildApp(deps: PipelineDeps) {
  const { config, pool } = deps;
  const app = createServer({
    service: 'pipeline',
    logLevel: config.LOG_LEVEL,
    ...(deps.logStream ? { logStream: deps.logStream } : {}),
  });
  await registerOpenApi(app);
  registerHealthRoutes(app, {
    database: async () => {
      await pool.query('select 1');
    },
    migrations: async () => {
      if (!(await isMigrated(pool, { schema, dir: migrationsDir })))
        throw new Error('migrations not applied');
    },
  });
  return app;
}
