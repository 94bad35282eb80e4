import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'pipeline',
    include: ['src/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
