import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createTestApi,
  durationRatio,
  goodPassword,
  newEmail,
  signIn,
  type TestApi,
  testIp,
} from '../../../test/harness.ts';
import { tokenFromMail } from '../../../test/mail-catcher.ts';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.destroy());

const register = (payload: Record<string, unknown>) =>
  api.inject({ method: 'POST', url: '/api/auth/register', payload, remoteAddress: testIp() });

describe('registration', () => {
  test('creates an unverified account and mails a confirmation link', async () => {
    const email = newEmail('ada');
    const res = await register({ name: 'Ada', email, password: goodPassword, company: 'Engines Ltd' });
    expect(res.statusCode).toBe(202);
    expect(res.json().message).toMatch(/Check your inbox/);
    expect(res.cookies).toEqual([]);
    const mail = await api.mail.waitFor(email, /Confirm your email/);
    expect(mail.text).toContain('http://localhost:8080/verify-email?token=');
    const { cookies } = await signIn(api, email, goodPassword);
    const me = await api.inject({ url: '/api/me', cookies });
    expect(me.json()).toMatchObject({ email, name: 'Ada', company: 'Engines Ltd', emailVerified: false });
  });

  test('answers a taken address exactly like a new one, and tells the owner by mail instead', async () => {
    const email = newEmail('taken');
    const first = await register({ name: 'Owner', email, password: goodPassword });
    await api.mail.waitFor(email, /Confirm your email/);
    const again = await register({
      name: 'Intruder',
      email: `  ${email.toUpperCase()} `,
      password: 'another long passphrase',
    });
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.body).toBe(first.body);
    expect(again.headers['set-cookie']).toBeUndefined();
    const notice = await api.mail.waitFor(email, /Someone tried to register/);
    expect(notice.text).toContain('Hello Owner');
    // The original account and its password are untouched.
    await signIn(api, email, goodPassword);
    const { rows } = await api.pool.query(
      'select count(*)::int as n from app.users where email_normalized = $1',
      [email],
    );
    expect(rows[0].n).toBe(1);
  });

  test('takes about as long for a taken address as for a new one', async () => {
    const taken = newEmail('timing');
    await register({ name: 'T', email: taken, password: goodPassword });
    const ratio = await durationRatio(
      7,
      () => register({ name: 'T', email: taken, password: goodPassword }),
      () => register({ name: 'T', email: newEmail('timing-new'), password: goodPassword }),
    );
    // Without the decoy hash a taken address answers ~50× faster (no argon2); a wide band still shows that.
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });

  test.each([
    ['too short', 'short pass', /at least 12 characters/],
    ['too long', 'x'.repeat(129), /at most 128 characters/],
    ['a common password', 'qwerty123456', /too common/],
    ['built from the address', 'grace.hopper-2026!', /must not contain your email/],
  ])('rejects a password that is %s, naming the field', async (_, password, message) => {
    const res = await register({ name: 'Grace', email: 'grace.hopper@example.com', password });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.details).toEqual([{ path: 'password', message: expect.stringMatching(message) }]);
  });

  test('lists every invalid field at once', async () => {
    const res = await register({ name: '', email: 'not-an-address', password: goodPassword, company: 7 });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(['company', 'email', 'name']);
  });

  test('confirms the address through the mailed link, once', async () => {
    const email = newEmail('verify');
    await register({ name: 'V', email, password: goodPassword });
    const token = tokenFromMail(await api.mail.waitFor(email, /Confirm your email/));
    const ok = await api.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(ok.statusCode).toBe(200);
    const { cookies } = await signIn(api, email, goodPassword);
    expect((await api.inject({ url: '/api/me', cookies })).json().emailVerified).toBe(true);
    const reused = await api.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.message).toMatch(/invalid, used or expired/);
  });

  test('never writes the password to the log', async () => {
    const password = 'a very secret passphrase 77';
    const email = newEmail('log');
    await register({ name: 'L', email, password });
    await signIn(api, email, password);
    expect(JSON.stringify(api.logs())).not.toContain('very secret passphrase');
  });
});
