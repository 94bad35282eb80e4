import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createTestApi,
  goodPassword,
  signUp,
  type TestApi,
  testClock,
  testIp,
} from '../../../test/harness.ts';

let api: TestApi;
const clock = testClock();

beforeAll(async () => {
  api = await createTestApi({ clock });
});
afterAll(() => api.destroy());

const codeFor = (secret: string) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({
    timestamp: clock.now().getTime(),
  });

/** A signed-up user with two-factor sign-in on; returns its secret and recovery codes. */
async function enrolled() {
  const account = await signUp(api);
  const setup = await api.inject({
    method: 'POST',
    url: '/api/me/two-factor/setup',
    cookies: account.cookies,
    payload: { password: goodPassword },
  });
  expect(setup.statusCode).toBe(200);
  const { secret, otpauthUri } = setup.json();
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Synoptic:.*secret=/);
  const enable = await api.inject({
    method: 'POST',
    url: '/api/me/two-factor/enable',
    cookies: account.cookies,
    payload: { code: codeFor(secret) },
  });
  expect(enable.statusCode).toBe(200);
  clock.advance(30_000);
  return { ...account, secret, recoveryCodes: enable.json().recoveryCodes as string[] };
}

const login = (email: string) =>
  api.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: goodPassword },
    remoteAddress: testIp(),
  });
const second = (challengeToken: string, code: string) =>
  api.inject({
    method: 'POST',
    url: '/api/auth/login/two-factor',
    payload: { challengeToken, code },
    remoteAddress: testIp(),
  });

describe('two-factor sign-in', () => {
  test('enrolment needs the password and a right code, and gives ten recovery codes', async () => {
    const { cookies } = await signUp(api);
    const noPassword = await api.inject({
      method: 'POST',
      url: '/api/me/two-factor/setup',
      cookies,
      payload: { password: 'not my password' },
    });
    expect(noPassword.statusCode).toBe(400);
    const { secret } = (
      await api.inject({
        method: 'POST',
        url: '/api/me/two-factor/setup',
        cookies,
        payload: { password: goodPassword },
      })
    ).json();
    const wrong = await api.inject({
      method: 'POST',
      url: '/api/me/two-factor/enable',
      cookies,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('code');
    const ok = await api.inject({
      method: 'POST',
      url: '/api/me/two-factor/enable',
      cookies,
      payload: { code: codeFor(secret) },
    });
    expect(ok.json().recoveryCodes).toHaveLength(10);
    expect(new Set(ok.json().recoveryCodes).size).toBe(10);
    const status = await api.inject({ url: '/api/me/two-factor', cookies });
    expect(status.json()).toEqual({ enabled: true, recoveryCodesRemaining: 10 });
    const { rows } = await api.pool.query(
      'select totp_secret_sealed from app.users where totp_secret_sealed is not null',
    );
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  test('once on, the password alone does not sign in; a fresh code does, and only once', async () => {
    const { email, secret } = await enrolled();
    const first = await login(email);
    expect(first.statusCode).toBe(200);
    expect(first.json().status).toBe('two_factor_required');
    expect(first.cookies).toEqual([]);
    const code = codeFor(secret);
    const done = await second(first.json().challengeToken, code);
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('signed_in');
    expect(done.cookies[0]?.name).toBe('synoptic_session');

    const again = await login(email);
    const replay = await second(again.json().challengeToken, code);
    expect(replay.statusCode).toBe(401);
  });

  test('a recovery code works once', async () => {
    const { email, recoveryCodes } = await enrolled();
    const code = recoveryCodes[0] ?? '';
    const ok = await second((await login(email)).json().challengeToken, code.toUpperCase());
    expect(ok.statusCode).toBe(200);
    const reused = await second((await login(email)).json().challengeToken, code);
    expect(reused.statusCode).toBe(401);
  });

  test('a challenge expires and allows only a few wrong codes', async () => {
    const { email, secret } = await enrolled();
    const { challengeToken } = (await login(email)).json();
    for (let i = 0; i < 5; i++) expect((await second(challengeToken, '111111')).statusCode).toBe(401);
    expect((await second(challengeToken, codeFor(secret))).json().error.message).toMatch(/expired/);

    const late = (await login(email)).json().challengeToken;
    clock.advance(6 * 60_000);
    expect((await second(late, codeFor(secret))).statusCode).toBe(401);
  });

  test('turning it off needs the password and a code', async () => {
    const { email, cookies, secret } = await enrolled();
    const disable = (password: string, code: string) =>
      api.inject({ method: 'POST', url: '/api/me/two-factor/disable', cookies, payload: { password, code } });
    expect((await disable(goodPassword, '123456')).statusCode).toBe(400);
    expect((await disable('wrong password!!', codeFor(secret))).statusCode).toBe(400);
    expect((await disable(goodPassword, codeFor(secret))).statusCode).toBe(204);
    expect((await login(email)).json().status).toBe('signed_in');
  });
});
