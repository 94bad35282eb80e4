import PgBoss from 'pg-boss';
import { queueSchema } from '../db/migrations.ts';

/** The pipeline's queue: pg-boss in its own schema of the pipeline's database. */
export async function startQueue(databaseUrl: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: queueSchema,
    application_name: 'synoptic-queue',
  });
  boss.on('error', (err) => console.error('queue error', err));
  await boss.start();
  return boss;
}
