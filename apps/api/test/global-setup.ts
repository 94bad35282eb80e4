import { migrate } from '@synoptic/service-kit';
import { databaseGlobalSetup } from '@synoptic/service-kit/testing';
import { migrationsDir, schema } from '../src/db/migrations.ts';

export default databaseGlobalSetup('api', async (pool) => {
  await migrate(pool, { schema, dir: migrationsDir });
});
