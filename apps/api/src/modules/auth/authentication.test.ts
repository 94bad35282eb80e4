import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApi, type TestApi } from '../../../test/harness.ts';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await api.ready();
});
afterAll(() => api.destroy());

test('every authenticated route answers 401 without credentials, before looking at the input', async () => {
  expect(api.authenticatedRoutes.length).toBeGreaterThanOrEqual(14);
  for (const route of api.authenticatedRoutes) {
    const url = route.url.replace(/:(\w+)/g, '00000000-0000-7000-8000-000000000000');
    const res = await api.inject({
      method: route.method as 'GET',
      url,
      payload: route.method === 'GET' ? undefined : {},
    });
    expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    expect(res.json(), `${route.method} ${route.url}`).toEqual({
      error: { code: 'unauthenticated', message: 'Please sign in to continue.' },
    });
  }
});

test('an unknown or forged session cookie is treated as signed out', async () => {
  const res = await api.inject({ url: '/api/me', cookies: { synoptic_session: 'forged-value' } });
  expect(res.statusCode).toBe(401);
});
