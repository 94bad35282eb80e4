import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApi, type TestApi } from '../test/harness.ts';

let api: TestApi;

beforeAll(async () => {
  const dist = await mkdtemp(join(tmpdir(), 'web-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(dist, 'assets', 'main-abc123.js'), 'console.log(1)');
  api = await createTestApi({ env: { WEB_DIST_DIR: dist } });
});

afterAll(() => api.destroy());

test('serves the web app at / and at any client-side route', async () => {
  for (const url of ['/', '/projects/123/jobs']) {
    const res = await api.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<div id="root">');
  }
});

test('serves fingerprinted assets with a long cache lifetime', async () => {
  const res = await api.inject('/assets/main-abc123.js');
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toContain('immutable');
});

test('unknown API paths stay JSON 404s, not the web app', async () => {
  const res = await api.inject('/api/unknown');
  expect(res.statusCode).toBe(404);
  expect(res.json().error.code).toBe('not_found');
});
