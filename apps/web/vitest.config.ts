import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure logic (no DOM); the screens are tested in e2e/ through Chromium.
export default defineConfig({
  test: { name: 'web', include: ['src/**/*.test.ts'], environment: 'node' },
});
