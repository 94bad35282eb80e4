import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createTestApi,
  goodPassword,
  newEmail,
  signIn,
  signUp,
  type TestApi,
  testIp,
} from '../../../test/harness.ts';
import { tokenFromMail } from '../../../test/mail-catcher.ts';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.destroy());

describe('my profile', () => {
  test('shows me without any secret', async () => {
    const { cookies, email } = await signUp(api);
    const res = await api.inject({ url: '/api/me', cookies });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(
      ['company', 'createdAt', 'email', 'emailVerified', 'id', 'name', 'twoFactorEnabled'].sort(),
    );
    expect(res.json().email).toBe(email);
    expect(res.body).not.toMatch(/argon2|password/i);
  });

  test('updates name and company, and rejects an empty name without changing anything', async () => {
    const { cookies } = await signUp(api, { name: 'Before' });
    const ok = await api.inject({
      method: 'PATCH',
      url: '/api/me',
      cookies,
      payload: { name: ' After ', company: 'New Co' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'After', company: 'New Co' });
    const bad = await api.inject({
      method: 'PATCH',
      url: '/api/me',
      cookies,
      payload: { name: '', company: 'Lost Co' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'name', message: 'Enter your name.' }]);
    expect((await api.inject({ url: '/api/me', cookies })).json()).toMatchObject({
      name: 'After',
      company: 'New Co',
    });
  });
});

describe('changing the password', () => {
  test('needs the current password and keeps the stored one when it is wrong', async () => {
    const { cookies, email } = await signUp(api);
    const res = await api.inject({
      method: 'POST',
      url: '/api/me/password',
      cookies,
      payload: { currentPassword: 'wrong one entirely', newPassword: 'a brand new passphrase' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'currentPassword', message: 'The password is not right.' },
    ]);
    await signIn(api, email, goodPassword);
  });

  test('ends every other session, keeps this one, and tells the owner by mail', async () => {
    const { cookies, email } = await signUp(api);
    const elsewhere = await signIn(api, email, goodPassword);
    const res = await api.inject({
      method: 'POST',
      url: '/api/me/password',
      cookies,
      payload: { currentPassword: goodPassword, newPassword: 'a brand new passphrase' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ otherSessionsEnded: 1 });
    expect((await api.inject({ url: '/api/me', cookies: elsewhere.cookies })).statusCode).toBe(401);
    expect((await api.inject({ url: '/api/me', cookies })).statusCode).toBe(200);
    await signIn(api, email, 'a brand new passphrase');
    await api.mail.waitFor(email, /password was changed/);
  });

  test('applies the password rules to the new password', async () => {
    const { cookies } = await signUp(api);
    const res = await api.inject({
      method: 'POST',
      url: '/api/me/password',
      cookies,
      payload: { currentPassword: goodPassword, newPassword: '1qaz2wsx3edc' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({
      path: 'newPassword',
      message: expect.stringMatching(/common/),
    });
  });
});

describe('password reset', () => {
  const request = (email: string) =>
    api.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email },
      remoteAddress: testIp(),
    });

  test('answers the same for unknown addresses, and mails nothing to them', async () => {
    const { email } = await signUp(api);
    const known = await request(email);
    const unknown = await request(newEmail('ghost'));
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    await api.mail.waitFor(email, /Reset your Synoptic password/);
    expect(api.mail.messages.some((m) => m.to.startsWith('ghost.'))).toBe(false);
  });

  test('sets a new password with the mailed link once, and ends every session', async () => {
    const { email, cookies } = await signUp(api);
    await request(email);
    const token = tokenFromMail(await api.mail.waitFor(email, /Reset your Synoptic password/));
    const confirm = (password: string) =>
      api.inject({
        method: 'POST',
        url: '/api/auth/password-reset/confirm',
        payload: { token, password },
        remoteAddress: testIp(),
      });

    const weak = await confirm('qazwsxedcrfv');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe('password');
    // A rejected password does not use up the link.
    expect((await confirm('the reset passphrase')).statusCode).toBe(200);
    expect((await api.inject({ url: '/api/me', cookies })).statusCode).toBe(401);
    await signIn(api, email, 'the reset passphrase');
    expect((await confirm('yet another passphrase')).statusCode).toBe(422);
  });
});

describe('deleting my account', () => {
  test('needs the password, then removes the account and signs out', async () => {
    const { cookies, email } = await signUp(api);
    const wrong = await api.inject({
      method: 'DELETE',
      url: '/api/me',
      cookies,
      payload: { password: 'nope nope nope' },
    });
    expect(wrong.statusCode).toBe(400);
    expect((await api.inject({ url: '/api/me', cookies })).statusCode).toBe(200);

    const res = await api.inject({
      method: 'DELETE',
      url: '/api/me',
      cookies,
      payload: { password: goodPassword },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ projectsDeleted: [] });
    expect((await api.inject({ url: '/api/me', cookies })).statusCode).toBe(401);
    const login = await api.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: goodPassword },
      remoteAddress: testIp(),
    });
    expect(login.statusCode).toBe(401);
  });
});
