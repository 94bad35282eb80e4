import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestPipeline, type TestPipeline } from '../test/harness.ts';

let pipeline: TestPipeline;

beforeAll(async () => {
  pipeline = await createTestPipeline();
});

afterAll(() => pipeline.destroy());

test('answers /healthz and is ready on a migrated database', async () => {
  expect((await pipeline.inject('/healthz')).json()).toEqual({ status: 'ok' });
  const ready = await pipeline.inject('/readyz');
  expect(ready.statusCode).toBe(200);
  expect(ready.json()).toEqual({
    status: 'ready',
    checks: { database: { ok: true }, migrations: { ok: true } },
  });
});

test('unknown routes are 404s in the one error shape', async () => {
  const res = await pipeline.inject({ method: 'POST', url: '/v1/nothing' });
  expect(res.statusCode).toBe(404);
  expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No route POST /v1/nothing.' } });
});

test('serves its OpenAPI document', async () => {
  const res = await pipeline.inject('/v1/openapi.json');
  expect(res.json().info.title).toBe('Synoptic generation pipeline API');
});
