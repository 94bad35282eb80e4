import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'chat-engine', include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
