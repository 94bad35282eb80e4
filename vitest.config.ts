import { defineConfig } from 'vitest/config';

// Each workspace folder with a vitest.config.ts is one project; they run in parallel.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'scripts/vitest.config.ts'],
  },
});
