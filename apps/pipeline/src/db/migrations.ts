import { fileURLToPath } from 'node:url';

/** The pipeline's own tables; its queue (pg-boss) keeps to `queueSchema`. Neither is the api's. */
export const schema = 'pipeline';
export const queueSchema = 'pipeline_queue';
export const migrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));
