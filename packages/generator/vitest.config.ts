import { defineConfig } from 'vitest/config';

export default defineConfig({
  // large-run tests generate a few hundred thousand rows; leave room on a busy 2-core machine
  test: { name: 'generator', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 30_000 },
});
