import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApi, signUp, type TestApi } from '../test/harness.ts';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  api.get('/api/test/boom', async () => {
    throw new Error('connection string postgres://admin:hunter2@db');
  });
  api.post('/api/test/log-headers', async (request) => {
    request.log.info({ headers: request.headers, body: request.body }, 'echo');
    return { ok: true };
  });
});

afterAll(() => api.destroy());

describe('errors', () => {
  test('an unknown route is a 404 in the one error shape', async () => {
    const res = await api.inject('/api/nothing-here?x=1');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/nothing-here.' } });
  });

  test('a server fault answers 500 without internals, and logs them with the request id', async () => {
    const res = await api.inject({ url: '/api/test/boom', headers: { 'x-request-id': 'req-123' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' },
    });
    expect(res.body).not.toContain('hunter2');
    const logged = api.logs().find((l) => l.msg === 'request failed');
    expect(logged?.reqId).toBe('req-123');
    expect(JSON.stringify(logged?.err)).toContain('hunter2');
  });

  test('a body that is not JSON is a 400 that says so', async () => {
    const res = await api.inject({
      method: 'POST',
      url: '/api/test/log-headers',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
    expect(res.json().error.message).toMatch(/JSON/);
  });
});

describe('requests', () => {
  test('each response carries a request id, and a caller-given one is kept', async () => {
    const mine = await api.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-42' } });
    expect(mine.headers['x-request-id']).toBe('abc-42');
    const generated = await api.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('secrets in headers and bodies never reach the log', async () => {
    const { cookies } = await signUp(api);
    const created = await api.inject({
      method: 'POST',
      url: '/api/me/tokens',
      cookies,
      payload: { name: 'log test' },
    });
    const token: string = created.json().token;
    const res = await api.inject({
      method: 'POST',
      url: '/api/test/log-headers',
      headers: {
        authorization: `Bearer ${token}`,
        cookie: 'synoptic_session=cookiesecret',
        'content-type': 'application/json',
      },
      payload: { password: 'pa55word-secret', token: 'tok-secret', name: 'visible' },
    });
    expect(res.statusCode).toBe(200);
    const text = JSON.stringify(api.logs());
    expect(text).toContain('visible');
    for (const secret of [
      token.slice(8),
      cookies.synoptic_session,
      'cookiesecret',
      'pa55word-secret',
      'tok-secret',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  test('responses carry security headers and no x-powered-by', async () => {
    const res = await api.inject('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('API documentation', () => {
  test('serves the OpenAPI document and interactive docs', async () => {
    const spec = await api.inject('/api/openapi.json');
    expect(spec.statusCode).toBe(200);
    expect(spec.json().openapi).toBe('3.1.0');
    expect(Object.keys(spec.json().paths)).toContain('/readyz');
    const docs = await api.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});
