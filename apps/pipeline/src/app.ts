import type { ObjectStore } from '@synoptic/object-store';
import {
  createDatabaseReplayGuard,
  createServer,
  isMigrated,
  type Pool,
  registerHealthRoutes,
  requireSignedRequests,
} from '@synoptic/service-kit';
import type PgBoss from 'pg-boss';
import type { PipelineConfig } from './config.ts';
import { migrationsDir, schema } from './db/migrations.ts';
import { registerJobRoutes } from './jobs/jobs.routes.ts';
import { createJobsService } from './jobs/jobs.service.ts';
import { registerPreviewRoutes } from './jobs/preview.routes.ts';
import { registerOpenApi } from './openapi.ts';

export type PipelineDeps = {
  config: PipelineConfig;
  pool: Pool;
  boss: PgBoss;
  store: ObjectStore;
  logStream?: NodeJS.WritableStream;
};

/** Assembles the pipeline API from its dependencies; no I/O of its own. */
export async function buildApp(deps: PipelineDeps) {
  const { config, pool } = deps;
  const app = createServer({
    service: 'pipeline',
    logLevel: config.LOG_LEVEL,
    bodyLimit: 4 * 1024 * 1024,
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
  const jobs = createJobsService({
    pool,
    boss: deps.boss,
    store: deps.store,
    stallSeconds: config.PIPELINE_STALL_TIMEOUT_SECONDS,
  });
  // Everything under /v1 but the document itself is for the api alone: signed requests only.
  await app.register((scope, _options, done) => {
    requireSignedRequests(
      scope,
      config.PIPELINE_SIGNING_KEYS,
      createDatabaseReplayGuard(pool, 'pipeline.request_nonces'),
    );
    registerJobRoutes(scope, jobs);
    registerPreviewRoutes(scope);
    done();
  });
  return app;
}
