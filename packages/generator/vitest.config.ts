import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'generator', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
