import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addMember,
  createProject,
  createTestApi,
  newEmail,
  signIn,
  signUp,
  type TestApi,
  testClock,
} from '../../../test/harness.ts';
import { tokenFromMail } from '../../../test/mail-catcher.ts';

let api: TestApi;
const clock = testClock();

beforeAll(async () => {
  api = await createTestApi({ clock });
});
afterAll(() => api.destroy());

const invite = (projectId: string, cookies: Record<string, string>, email: string, role: string) =>
  api.inject({
    method: 'POST',
    url: `/api/projects/${projectId}/invitations`,
    cookies,
    payload: { email, role },
  });

describe('invitations', () => {
  test('a person without an account registers with the invited address and joins through the link', async () => {
    const owner = await signUp(api, { name: 'Olivia' });
    const id = await createProject(api, owner.cookies, 'Shared data');
    const email = newEmail('newcomer');
    const sent = await invite(id, owner.cookies, email, 'viewer');
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      email,
      role: 'viewer',
      invitedBy: 'Olivia',
      project: { id, name: 'Shared data' },
    });
    const mail = await api.mail.waitFor(email, /Olivia invited you to Shared data/);
    const token = tokenFromMail(mail);
    expect(mail.text).toContain('/invitations/accept?token=');

    const pending = await api.inject({ url: `/api/projects/${id}/invitations`, cookies: owner.cookies });
    expect(pending.json().invitations).toHaveLength(1);

    const newcomer = await signUp(api, { email });
    const preview = await api.inject({
      method: 'POST',
      url: '/api/invitations/preview',
      cookies: newcomer.cookies,
      payload: { token },
    });
    expect(preview.json()).toMatchObject({ role: 'viewer', project: { name: 'Shared data' } });
    const accepted = await api.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      cookies: newcomer.cookies,
      payload: { token },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ project: { id, name: 'Shared data' }, accepted: true });

    const project = await api.inject({ url: `/api/projects/${id}`, cookies: newcomer.cookies });
    expect(project.json().role).toBe('viewer');
    // The link proved the address.
    expect((await api.inject({ url: '/api/me', cookies: newcomer.cookies })).json().emailVerified).toBe(true);
    const reused = await api.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      cookies: newcomer.cookies,
      payload: { token },
    });
    expect(reused.statusCode).toBe(404);
    expect(
      (await api.inject({ url: `/api/projects/${id}/invitations`, cookies: owner.cookies })).json()
        .invitations,
    ).toEqual([]);
  });

  test('only the invited address can answer', async () => {
    const owner = await signUp(api);
    const id = await createProject(api, owner.cookies);
    const email = newEmail('invitee');
    await invite(id, owner.cookies, email, 'member');
    const token = tokenFromMail(await api.mail.waitFor(email, /invited you/));
    const someoneElse = await signUp(api);
    const res = await api.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      cookies: someoneElse.cookies,
      payload: { token },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/sent to another email address/);
    expect((await api.inject({ url: `/api/projects/${id}`, cookies: someoneElse.cookies })).statusCode).toBe(
      404,
    );
  });

  test('declining, revoking and expiry all close the invitation', async () => {
    const owner = await signUp(api);
    const id = await createProject(api, owner.cookies);
    const decliner = await signUp(api);
    await invite(id, owner.cookies, decliner.email, 'member');
    const mine = (await api.inject({ url: '/api/invitations', cookies: decliner.cookies })).json()
      .invitations;
    expect(mine).toHaveLength(1);
    const declined = await api.inject({
      method: 'POST',
      url: `/api/invitations/${mine[0].id}/decline`,
      cookies: decliner.cookies,
    });
    expect(declined.json().accepted).toBe(false);
    expect((await api.inject({ url: `/api/projects/${id}`, cookies: decliner.cookies })).statusCode).toBe(
      404,
    );

    const revokedEmail = newEmail('revoked');
    const revoked = (await invite(id, owner.cookies, revokedEmail, 'viewer')).json();
    const revokedToken = tokenFromMail(await api.mail.waitFor(revokedEmail, /invited you/));
    expect(
      (
        await api.inject({
          method: 'DELETE',
          url: `/api/projects/${id}/invitations/${revoked.id}`,
          cookies: owner.cookies,
        })
      ).statusCode,
    ).toBe(204);
    const late = await signUp(api, { email: revokedEmail });
    const afterRevoke = await api.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      cookies: late.cookies,
      payload: { token: revokedToken },
    });
    expect(afterRevoke.statusCode).toBe(404);

    const slow = await signUp(api);
    await invite(id, owner.cookies, slow.email, 'viewer');
    const slowToken = tokenFromMail(await api.mail.waitFor(slow.email, /invited you/));
    clock.advance(7 * 86_400_000 + 1000);
    const session = await signIn(api, slow.email, slow.password);
    const expired = await api.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      cookies: session.cookies,
      payload: { token: slowToken },
    });
    expect(expired.statusCode).toBe(404);
    expect(expired.json().error.message).toMatch(/expired/);
  });

  test('accepting from the in-app list needs a confirmed address', async () => {
    const owner = await signUp(api);
    const id = await createProject(api, owner.cookies);
    const invitee = await signUp(api);
    await invite(id, owner.cookies, invitee.email, 'member');
    const [invitation] = (await api.inject({ url: '/api/invitations', cookies: invitee.cookies })).json()
      .invitations;
    const unverified = await api.inject({
      method: 'POST',
      url: `/api/invitations/${invitation.id}/accept`,
      cookies: invitee.cookies,
    });
    expect(unverified.statusCode).toBe(403);
    expect(unverified.json().error.message).toMatch(/Confirm your email address first/);
    await api.pool.query('update app.users set email_verified_at = now() where id = $1', [invitee.user.id]);
    const session = await signIn(api, invitee.email, invitee.password);
    const ok = await api.inject({
      method: 'POST',
      url: `/api/invitations/${invitation.id}/accept`,
      cookies: session.cookies,
    });
    expect(ok.statusCode).toBe(200);
    expect((await api.inject({ url: `/api/projects/${id}`, cookies: session.cookies })).json().role).toBe(
      'member',
    );
  });

  test('admins invite only below admin; members cannot invite; members are not invited twice', async () => {
    const owner = await signUp(api);
    const admin = await signUp(api);
    const member = await signUp(api);
    const id = await createProject(api, owner.cookies);
    await addMember(api, id, admin.user.id, 'admin');
    await addMember(api, id, member.user.id, 'member');
    expect((await invite(id, admin.cookies, newEmail(), 'admin')).statusCode).toBe(403);
    expect((await invite(id, admin.cookies, newEmail(), 'member')).statusCode).toBe(201);
    expect((await invite(id, member.cookies, newEmail(), 'viewer')).statusCode).toBe(403);
    const twice = await invite(id, owner.cookies, member.email.toUpperCase(), 'viewer');
    expect(twice.statusCode).toBe(409);
    expect((await invite(id, owner.cookies, 'not an address', 'viewer')).json().error.details[0].path).toBe(
      'email',
    );
  });
});
