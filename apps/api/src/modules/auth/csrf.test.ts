import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApi, signUp, type TestApi } from '../../../test/harness.ts';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.destroy());

const rename = (headers: Record<string, string>, auth: { cookies?: Record<string, string> }) =>
  api.inject({ method: 'PATCH', url: '/api/me', payload: { name: 'Changed' }, headers, ...auth });

test('refuses a cookie-authenticated write from another site, and changes nothing', async () => {
  const { cookies } = await signUp(api, { name: 'Original' });
  const attempts: Array<Record<string, string>> = [
    { origin: 'https://evil.example' },
    { 'sec-fetch-site': 'cross-site' },
    { origin: 'null' },
  ];
  for (const headers of attempts) {
    const res = await rename(headers, { cookies });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('This request came from another site and was refused.');
  }
  expect((await api.inject({ url: '/api/me', cookies })).json().name).toBe('Original');
});

test('accepts a write from the app itself', async () => {
  const { cookies } = await signUp(api);
  expect(
    (await rename({ origin: 'http://localhost:8080', 'sec-fetch-site': 'same-origin' }, { cookies }))
      .statusCode,
  ).toBe(200);
});

test('accepts a write from the address the app was opened at, such as 127.0.0.1 instead of localhost', async () => {
  const { cookies } = await signUp(api);
  const res = await api.inject({
    method: 'PATCH',
    url: '/api/me',
    payload: { name: 'Via IP' },
    headers: { origin: 'http://127.0.0.1:8080', host: '127.0.0.1:8080', 'sec-fetch-site': 'same-origin' },
    cookies,
  });
  expect(res.statusCode).toBe(200);
  const spoofed = await api.inject({
    method: 'PATCH',
    url: '/api/me',
    payload: { name: 'Evil' },
    headers: { origin: 'https://evil.example', host: '127.0.0.1:8080' },
    cookies,
  });
  expect(spoofed.statusCode).toBe(403);
});

test('exempts bearer-token requests, which ride on no ambient credential', async () => {
  const { cookies } = await signUp(api);
  const { token } = (
    await api.inject({ method: 'POST', url: '/api/me/tokens', cookies, payload: { name: 'ci' } })
  ).json();
  const res = await rename({ origin: 'https://elsewhere.example', authorization: `Bearer ${token}` }, {});
  expect(res.statusCode).toBe(200);
});

test('protects sign-in from cross-site forms too (login CSRF)', async () => {
  const res = await api.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: 'https://evil.example' },
    payload: { email: 'a@example.com', password: 'whatever whatever' },
  });
  expect(res.statusCode).toBe(403);
});
