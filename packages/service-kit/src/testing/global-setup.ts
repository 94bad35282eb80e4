import type { TestProject } from 'vitest/node';
import type { Pool } from '../db.ts';
import { createTemplateDatabase, startTestPostgres, type TestDatabaseContext } from './test-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    database: TestDatabaseContext;
  }
}

/**
 * A Vitest global setup: one PostgreSQL per test project and one migrated template database,
 * which each test file clones (`createTestDatabase`) so files run in parallel in isolation.
 */
export function databaseGlobalSetup(prefix: string, prepare: (pool: Pool) => Promise<void>) {
  return async (project: TestProject) => {
    const server = await startTestPostgres();
    const { template, drop } = await createTemplateDatabase(server.adminUrl, prefix, prepare);
    project.provide('database', { adminUrl: server.adminUrl, template });
    return async () => {
      await drop();
      await server.stop();
    };
  };
}
