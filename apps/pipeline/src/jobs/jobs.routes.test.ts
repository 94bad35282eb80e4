import { signatureHeaders, signRequest } from '@synoptic/service-kit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { peopleConfig } from '../../test/configs.ts';
import { createTestPipeline, oldKey, type TestPipeline, testKey } from '../../test/harness.ts';

let pipeline: TestPipeline;

beforeAll(async () => {
  pipeline = await createTestPipeline();
  await pipeline.store.createBucket('proj-routes');
});

afterAll(() => pipeline.destroy());

const jobBody = (rows = 1000) => ({
  config: peopleConfig(rows),
  output: { bucket: 'proj-routes', format: 'csv' as const },
  seed: 42,
});

describe('POST /v1/jobs', () => {
  test('queues a job and answers with its status, stage and output location', async () => {
    const res = await pipeline.signed({ url: '/v1/jobs', body: jobBody() });
    expect(res.statusCode).toBe(201);
    const job = res.json();
    expect(job).toMatchObject({
      status: 'queued',
      stage: 'queued',
      seed: '42',
      output: { bucket: 'proj-routes', format: 'csv', prefix: `jobs/${job.id}/` },
      progress: { rowsDone: 0, rowsTotal: null, percent: 0 },
      error: null,
      callbackUrl: null,
    });
    const again = await pipeline.signed({ url: `/v1/jobs/${job.id}` });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(job.id);
    const logs = await pipeline.signed({ url: `/v1/jobs/${job.id}/logs` });
    expect(logs.json().items).toEqual([
      expect.objectContaining({ level: 'info', stage: 'queued', message: 'Job queued.' }),
    ]);
  });

  test('the same idempotency key returns the same job; a different body with it is a 409', async () => {
    const headers = { 'idempotency-key': 'api-job-123' };
    const first = await pipeline.signed({ url: '/v1/jobs', body: jobBody(), headers });
    const second = await pipeline.signed({ url: '/v1/jobs', body: jobBody(), headers });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json().id).toBe(first.json().id);
    const other = await pipeline.signed({ url: '/v1/jobs', body: jobBody(2000), headers });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('conflict');
  });

  test('concurrent submissions with one key create one job', async () => {
    const headers = { 'idempotency-key': 'api-job-race' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => pipeline.signed({ url: '/v1/jobs', body: jobBody(), headers })),
    );
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
  });

  test('rejects a bad body with field-level details', async () => {
    const res = await pipeline.signed({
      url: '/v1/jobs',
      body: { config: { tables: [] }, output: { bucket: 'Bad_Bucket', format: 'xls', prefix: '../x/' } },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    const paths = body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['config.tables', 'output.bucket', 'output.format', 'output.prefix']),
    );
  });

  test('submission answers quickly (p99 under 50 ms over 100 jobs)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      const res = await pipeline.signed({ url: '/v1/jobs', body: jobBody(10) });
      times.push(performance.now() - started);
      expect(res.statusCode).toBe(201);
    }
    times.sort((a, b) => a - b);
    expect(times[98]).toBeLessThan(50);
  });
});

describe('other job routes', () => {
  test('an unknown job is a 404 on every route', async () => {
    for (const url of ['/v1/jobs/nope', '/v1/jobs/nope/logs', '/v1/jobs/nope/manifest']) {
      const res = await pipeline.signed({ url });
      expect(res.statusCode, url).toBe(404);
    }
    expect((await pipeline.signed({ method: 'POST', url: '/v1/jobs/nope/cancel' })).statusCode).toBe(404);
  });

  test('cancelling a queued job cancels it at once; cancelling again is harmless', async () => {
    const job = (await pipeline.signed({ url: '/v1/jobs', body: jobBody() })).json();
    const res = await pipeline.signed({ method: 'POST', url: `/v1/jobs/${job.id}/cancel` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', stage: 'cancelled' });
    expect(res.json().timings.finishedAt).not.toBeNull();
    const again = await pipeline.signed({ method: 'POST', url: `/v1/jobs/${job.id}/cancel` });
    expect(again.json().status).toBe('cancelled');
  });

  test('the manifest of an unfinished job is a 409', async () => {
    const job = (await pipeline.signed({ url: '/v1/jobs', body: jobBody() })).json();
    const res = await pipeline.signed({ url: `/v1/jobs/${job.id}/manifest` });
    expect(res.statusCode).toBe(409);
  });

  test('logs page with a cursor and reject a bad limit', async () => {
    const job = (await pipeline.signed({ url: '/v1/jobs', body: jobBody() })).json();
    await pipeline.signed({ method: 'POST', url: `/v1/jobs/${job.id}/cancel` });
    const first = (await pipeline.signed({ url: `/v1/jobs/${job.id}/logs?limit=1` })).json();
    expect(first.items).toHaveLength(1);
    const rest = (await pipeline.signed({ url: `/v1/jobs/${job.id}/logs?after=${first.nextCursor}` })).json();
    expect(rest.items.map((l: { message: string }) => l.message)).toEqual(['Cancelled before it started.']);
    const bad = await pipeline.signed({ url: `/v1/jobs/${job.id}/logs?limit=0` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('limit');
  });
});

describe('POST /v1/preview', () => {
  test('shows the first rows of each table and a size estimate', async () => {
    const res = await pipeline.signed({ url: '/v1/preview', body: { config: peopleConfig(5000), rows: 3 } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.tables[0].name).toBe('people');
    expect(body.tables[0].columns.map((c: { name: string }) => c.name)).toEqual([
      'id',
      'name',
      'email',
      'age',
    ]);
    expect(body.tables[0].rows).toHaveLength(3);
    expect(body.tables[0].rows[0].id).toBe(1);
    expect(body.estimate.rows).toBe(5000);
    expect(body.estimate.bytes).toBeGreaterThan(5000 * 10);
  });

  test('names the field of a configuration that does not hold together', async () => {
    const config = {
      tables: [
        { name: 'a', rows: 10, fields: [{ name: 'x', type: 'reference', table: 'missing', field: 'id' }] },
      ],
    };
    const res = await pipeline.signed({ url: '/v1/preview', body: { config } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toMatch(/^config\.tables\[0\]\.fields\[0\]/);
  });

  test('rejects a malformed body with field-level details', async () => {
    const res = await pipeline.signed({ url: '/v1/preview', body: { config: peopleConfig(1), rows: 1000 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'rows' })]);
  });
});

describe('service authentication', () => {
  const routes = [
    { method: 'POST' as const, url: '/v1/jobs', body: jobBody() },
    { method: 'GET' as const, url: '/v1/jobs/x' },
    { method: 'POST' as const, url: '/v1/jobs/x/cancel' },
    { method: 'GET' as const, url: '/v1/jobs/x/logs' },
    { method: 'GET' as const, url: '/v1/jobs/x/manifest' },
    { method: 'POST' as const, url: '/v1/preview', body: { config: peopleConfig(1) } },
  ];
  const send = (route: (typeof routes)[number], headers: Record<string, string>, payload?: string) =>
    pipeline.inject({
      method: route.method,
      url: route.url,
      headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(payload === undefined ? {} : { payload }),
    });
  const bodyOf = (route: (typeof routes)[number]) =>
    'body' in route ? JSON.stringify(route.body) : undefined;

  test('every route answers 401 to an unsigned request, and the rejection is logged', async () => {
    for (const route of routes) {
      const res = await send(route, {}, bodyOf(route));
      expect(res.statusCode, route.url).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    expect(pipeline.logs().filter((l) => l.reason === 'unsigned request').length).toBeGreaterThanOrEqual(
      routes.length,
    );
  });

  test('every route answers 401 to a bad signature, an old timestamp, an unknown key or a replay', async () => {
    for (const route of routes) {
      const payload = bodyOf(route);
      const good = signRequest(testKey!, { method: route.method, path: route.url, body: payload ?? '' });
      const cases: Array<[string, Record<string, string>]> = [
        ['tampered', { ...good, [signatureHeaders.signature]: `v1=${'0'.repeat(64)}` }],
        [
          'old',
          signRequest(testKey!, {
            method: route.method,
            path: route.url,
            body: payload ?? '',
            now: Date.now() - 6 * 60_000,
          }),
        ],
        [
          'other key',
          signRequest(
            { id: 'ffffffffffffffff', secret: 'x'.repeat(40) },
            { method: route.method, path: route.url, body: payload ?? '' },
          ),
        ],
        [
          'signed for another path',
          signRequest(testKey!, { method: route.method, path: '/v1/other', body: payload ?? '' }),
        ],
      ];
      for (const [name, headers] of cases) {
        const res = await send(route, headers, payload);
        expect(res.statusCode, `${route.url} ${name}`).toBe(401);
      }
      if (payload !== undefined) {
        const res = await send(route, good, payload.replace('}', ',"extra":1}'));
        expect(res.statusCode, `${route.url} changed body`).toBe(401);
      }
      const first = await send(route, good, payload);
      expect(first.statusCode, `${route.url} first use`).not.toBe(401);
      const replay = await send(route, good, payload);
      expect(replay.statusCode, `${route.url} replay`).toBe(401);
    }
    const reasons = new Set(pipeline.logs().map((l) => l.reason));
    for (const reason of ['signature mismatch', 'signature expired', 'unknown key id', 'replayed request'])
      expect(reasons).toContain(reason);
  });

  test('accepts the key being rotated out as well as the current one', async () => {
    const path = '/v1/jobs/x';
    for (const key of [testKey!, oldKey!]) {
      const res = await pipeline.inject({
        method: 'GET',
        url: path,
        headers: signRequest(key, { method: 'GET', path }),
      });
      expect(res.statusCode).toBe(404);
    }
  });

  test('health probes need no signature', async () => {
    expect((await pipeline.inject('/healthz')).statusCode).toBe(200);
  });
});
