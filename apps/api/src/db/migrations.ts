import { fileURLToPath } from 'node:url';

/** The api's tables live in their own schema; the pipeline owns another. */
export const schema = 'app';
export const migrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));
