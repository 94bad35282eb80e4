import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'dataset-query', include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
