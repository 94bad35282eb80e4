import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createTestApi,
  durationRatio,
  goodPassword,
  newEmail,
  signIn,
  signUp,
  type TestApi,
  testClock,
  testIp,
} from '../../../test/harness.ts';
import { createPasswordHasher } from '../../platform/password-hasher.ts';

let api: TestApi;
const clock = testClock();

beforeAll(async () => {
  api = await createTestApi({
    clock,
    env: { SESSION_IDLE_TIMEOUT_MINUTES: '60', SESSION_MAX_AGE_DAYS: '2' },
  });
});
afterAll(() => api.destroy());

const login = (email: string, password: string) =>
  api.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: testIp(),
  });

describe('signing in', () => {
  test('sets an httpOnly, SameSite=Lax session cookie whose secret is stored only as a hash', async () => {
    const { email } = await signUp(api);
    const res = await login(email, goodPassword);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'signed_in', user: { email } });
    const cookie = res.cookies.find((c) => c.name === 'synoptic_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value.length).toBeGreaterThanOrEqual(43);
    const { rows } = await api.pool.query('select token_hash from app.sessions');
    for (const row of rows) expect(row.token_hash.toString('base64url')).not.toBe(cookie?.value);
  });

  test('gives a wrong email and a wrong password the same answer in about the same time', async () => {
    const { email } = await signUp(api);
    const unknown = newEmail('nobody');
    const wrongPassword = await login(email, 'not the right password');
    const wrongEmail = await login(unknown, 'not the right password');
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongEmail.statusCode).toBe(401);
    expect(wrongEmail.body).toBe(wrongPassword.body);
    expect(wrongEmail.json().error.message).toBe('Wrong email or password.');
    // Both paths run one argon2 verification (about 50 ms); neither answers early.
    const ratio = await durationRatio(
      7,
      () => login(unknown, 'not the right password'),
      () => login(email, 'not the right password'),
    );
    // Answering early for an unknown address would be ~50× faster (no argon2); a wide band still shows that.
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });

  test('accepts the address in any case and with spaces', async () => {
    const { email } = await signUp(api);
    expect((await login(`  ${email.toUpperCase()}  `, goodPassword)).statusCode).toBe(200);
  });

  test('rehashes a password stored with older argon2 parameters', async () => {
    const { email, user } = await signUp(api);
    const weak = await createPasswordHasher({ memoryCost: 8192, timeCost: 1, parallelism: 1 }).hash(
      goodPassword,
    );
    await api.pool.query('update app.users set password_hash = $2 where id = $1', [user.id, weak]);
    expect((await login(email, goodPassword)).statusCode).toBe(200);
    const { rows } = await api.pool.query('select password_hash from app.users where id = $1', [user.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('sessions', () => {
  test('logging out ends the session on the server at once', async () => {
    const { cookies } = await signUp(api);
    expect((await api.inject({ url: '/api/me', cookies })).statusCode).toBe(200);
    const out = await api.inject({ method: 'POST', url: '/api/auth/logout', cookies });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'synoptic_session')?.value).toBe('');
    const after = await api.inject({ url: '/api/me', cookies });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toBe('Please sign in to continue.');
  });

  test('expire after the idle timeout, and after the absolute lifetime however active', async () => {
    const { cookies } = await signUp(api);
    clock.advance(59 * 60_000);
    expect((await api.inject({ url: '/api/me', cookies })).statusCode).toBe(200);
    clock.advance(61 * 60_000);
    expect((await api.inject({ url: '/api/me', cookies })).statusCode).toBe(401);

    const active = await signUp(api);
    for (let step = 0; step < 60; step++) {
      clock.advance(50 * 60_000);
      if ((await api.inject({ url: '/api/me', cookies: active.cookies })).statusCode !== 200) break;
    }
    expect((await api.inject({ url: '/api/me', cookies: active.cookies })).statusCode).toBe(401);
  });

  test('lists my sessions with their devices, and ends one or all the others', async () => {
    const { email, cookies } = await signUp(api);
    const other = await api.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: goodPassword },
      headers: { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Gecko/20100101 Firefox/131.0' },
    });
    const otherCookies = { synoptic_session: other.cookies[0]?.value ?? '' };
    const third = await signIn(api, email, goodPassword);
    const list = await api.inject({ url: '/api/me/sessions', cookies });
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions;
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(sessions.map((s: { device: string }) => s.device)).toContain('Firefox on macOS');

    const firefox = sessions.find((s: { device: string }) => s.device === 'Firefox on macOS');
    const revoked = await api.inject({ method: 'DELETE', url: `/api/me/sessions/${firefox.id}`, cookies });
    expect(revoked.statusCode).toBe(204);
    expect((await api.inject({ url: '/api/me', cookies: otherCookies })).statusCode).toBe(401);

    const rest = await api.inject({ method: 'POST', url: '/api/me/sessions/revoke-others', cookies });
    expect(rest.json()).toEqual({ ended: 1 });
    expect((await api.inject({ url: '/api/me', cookies: third.cookies })).statusCode).toBe(401);
    expect((await api.inject({ url: '/api/me', cookies })).statusCode).toBe(200);
  });

  test("cannot end someone else's session, and says only that there is no such session", async () => {
    const alice = await signUp(api);
    const bob = await signUp(api);
    const bobs = (await api.inject({ url: '/api/me/sessions', cookies: bob.cookies })).json().sessions;
    const res = await api.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${bobs[0].id}`,
      cookies: alice.cookies,
    });
    expect(res.statusCode).toBe(404);
    expect((await api.inject({ url: '/api/me', cookies: bob.cookies })).statusCode).toBe(200);
    const bad = await api.inject({
      method: 'DELETE',
      url: '/api/me/sessions/not-a-uuid',
      cookies: alice.cookies,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('sessionId');
  });

  test('marks cookies Secure when the platform is served over https', async () => {
    const secure = await createTestApi({ env: { PUBLIC_URL: 'https://synoptic.example.com' } });
    try {
      const { email } = await signUp(secure);
      const res = await secure.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: goodPassword },
      });
      expect(res.cookies[0]?.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toBeDefined();
    } finally {
      await secure.destroy();
    }
  });
});
