import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApi, signUp, type TestApi, testClock } from '../../../test/harness.ts';

let api: TestApi;
const clock = testClock();

beforeAll(async () => {
  api = await createTestApi({ clock });
});
afterAll(() => api.destroy());

const create = (cookies: Record<string, string>, payload: Record<string, unknown>) =>
  api.inject({ method: 'POST', url: '/api/me/tokens', cookies, payload });

test('a new token is shown once, works as a bearer token and records when it was used', async () => {
  const { cookies, email } = await signUp(api);
  const res = await create(cookies, { name: 'laptop CLI' });
  expect(res.statusCode).toBe(201);
  const { token, id, prefix } = res.json();
  expect(token).toMatch(/^syn_pat_[A-Za-z0-9_-]{43}$/);
  expect(token.startsWith(prefix)).toBe(true);

  const me = await api.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
  expect(me.statusCode).toBe(200);
  expect(me.json().email).toBe(email);

  const list = await api.inject({ url: '/api/me/tokens', cookies });
  expect(list.json().tokens).toEqual([
    expect.objectContaining({
      id,
      name: 'laptop CLI',
      prefix,
      lastUsedAt: clock.now().toISOString(),
      expiresAt: null,
    }),
  ]);
  expect(list.body).not.toContain(token);
  const { rows } = await api.pool.query('select token_hash::text as h from app.personal_access_tokens');
  expect(JSON.stringify(rows)).not.toContain(token.slice(8));
});

test('a revoked or expired token is refused at once', async () => {
  const { cookies } = await signUp(api);
  const revoked = (await create(cookies, { name: 'to revoke' })).json();
  const expiring = (await create(cookies, { name: 'short', expiresInDays: 1 })).json();
  expect(
    (await api.inject({ method: 'DELETE', url: `/api/me/tokens/${revoked.id}`, cookies })).statusCode,
  ).toBe(204);
  const afterRevoke = await api.inject({
    url: '/api/me',
    headers: { authorization: `Bearer ${revoked.token}` },
  });
  expect(afterRevoke.statusCode).toBe(401);
  expect(afterRevoke.json().error.message).toBe('This token is unknown, expired or revoked.');

  expect(
    (await api.inject({ url: '/api/me', headers: { authorization: `Bearer ${expiring.token}` } })).statusCode,
  ).toBe(200);
  clock.advance(86_400_000 + 1000);
  expect(
    (await api.inject({ url: '/api/me', headers: { authorization: `Bearer ${expiring.token}` } })).statusCode,
  ).toBe(401);
});

test('a malformed Authorization header is a 401 that says what is expected', async () => {
  const res = await api.inject({ url: '/api/me', headers: { authorization: 'Token abc' } });
  expect(res.statusCode).toBe(401);
  expect(res.json().error.message).toMatch(/Bearer <token>/);
});

test("a user cannot revoke someone else's token", async () => {
  const alice = await signUp(api);
  const bob = await signUp(api);
  const bobs = (await create(bob.cookies, { name: 'bob' })).json();
  const res = await api.inject({
    method: 'DELETE',
    url: `/api/me/tokens/${bobs.id}`,
    cookies: alice.cookies,
  });
  expect(res.statusCode).toBe(404);
  expect(
    (await api.inject({ url: '/api/me', headers: { authorization: `Bearer ${bobs.token}` } })).statusCode,
  ).toBe(200);
});

test('rejects a token without a name or with an impossible lifetime', async () => {
  const { cookies } = await signUp(api);
  const res = await create(cookies, { name: ' ', expiresInDays: 0 });
  expect(res.statusCode).toBe(400);
  expect(
    res
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .sort(),
  ).toEqual(['expiresInDays', 'name']);
});
