import helmet from '@fastify/helmet';
import { createServer, isMigrated, type Pool, registerHealthRoutes } from '@synoptic/service-kit';
import type { ApiConfig } from './config.ts';
import { migrationsDir, schema } from './db/migrations.ts';
import { registerOpenApi } from './openapi.ts';
import type { PipelineClient } from './platform/pipeline-client.ts';
import { registerWebApp } from './web-app.ts';

export type ApiDeps = {
  config: ApiConfig;
  pool: Pool;
  pipeline: PipelineClient;
  logStream?: NodeJS.WritableStream;
};

/** Assembles the api from its dependencies; does no I/O of its own, so tests build it on any database. */
export async function buildApp(deps: ApiDeps) {
  const { config, pool, pipeline } = deps;
  const app = createServer({
    service: 'api',
    logLevel: config.LOG_LEVEL,
    trustProxy: config.TRUST_PROXY,
    ...(deps.logStream ? { logStream: deps.logStream } : {}),
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.PUBLIC_URL.startsWith('https:') ? [] : null,
      },
    },
    strictTransportSecurity: config.PUBLIC_URL.startsWith('https:'),
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
    pipeline: () => pipeline.checkReady(),
  });
  if (config.WEB_DIST_DIR) await registerWebApp(app, config.WEB_DIST_DIR);
  return app;
}
