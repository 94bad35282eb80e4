import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, createPool, migrate, startEmbeddedPostgres } from '@synoptic/service-kit';
import { migrationsDir as apiMigrations, schema as apiSchema } from '../apps/api/src/db/migrations.ts';
import {
  migrationsDir as pipelineMigrations,
  schema as pipelineSchema,
} from '../apps/pipeline/src/db/migrations.ts';
import { loadOneBoxConfig } from './onebox/config.ts';
import { loadOrCreateSecrets } from './onebox/secrets.ts';

// `npm run migrate`: applies both services' migrations to DATABASE_URL, or to the embedded database.
try {
  const config = loadOneBoxConfig();
  let url = config.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    await mkdir(config.dataDir, { recursive: true });
    const secrets = await loadOrCreateSecrets(config.dataDir);
    const db = await startEmbeddedPostgres({
      dir: join(config.dataDir, 'pg'),
      port: config.EMBEDDED_PG_PORT,
      password: secrets.EMBEDDED_PG_PASSWORD,
      database: 'synoptic',
    });
    url = db.url;
    stop = db.stop;
  }
  const pool = createPool(url, { max: 1 });
  try {
    for (const [schema, dir] of [
      [apiSchema, apiMigrations],
      [pipelineSchema, pipelineMigrations],
    ] as const) {
      const applied = await migrate(pool, { schema, dir });
      console.log(`${schema}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
    }
  } finally {
    await pool.end();
    await stop();
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
