import { defineConfig } from 'vitest/config';

// Each workspace folder with a vitest.config.ts is one project; they run in parallel.
export default defineConfig({
  test: {
    // Many files mostly wait (on PostgreSQL, pipeline processes, the object store), so one more file
    // than cores runs at once: 152 s → 92 s on 2 cores. Four at once was slower and upset timing tests.
    maxWorkers: 3,
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'scripts/vitest.config.ts'],
  },
});
