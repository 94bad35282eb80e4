import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addMember, createProject, createTestApi, signUp, type TestApi } from '../../../test/harness.ts';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.destroy());

async function team() {
  const owner = await signUp(api, { name: 'Olivia Owner' });
  const admin = await signUp(api, { name: 'Adam Admin' });
  const member = await signUp(api, { name: 'Mia Member' });
  const viewer = await signUp(api, { name: 'Vic Viewer' });
  const id = await createProject(api, owner.cookies, 'Team');
  await addMember(api, id, admin.user.id, 'admin');
  await addMember(api, id, member.user.id, 'member');
  await addMember(api, id, viewer.user.id, 'viewer');
  return { id, owner, admin, member, viewer };
}

const setRole = (id: string, cookies: Record<string, string>, userId: string, role: string) =>
  api.inject({ method: 'PATCH', url: `/api/projects/${id}/members/${userId}`, cookies, payload: { role } });

describe('members and roles', () => {
  test('lists everyone by role, and any member may see the list', async () => {
    const t = await team();
    const res = await api.inject({ url: `/api/projects/${t.id}/members`, cookies: t.viewer.cookies });
    expect(res.statusCode).toBe(200);
    expect(res.json().members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ['Olivia Owner', 'owner'],
      ['Adam Admin', 'admin'],
      ['Mia Member', 'member'],
      ['Vic Viewer', 'viewer'],
    ]);
  });

  test('admins manage members below admin, but cannot grant admin or touch other admins', async () => {
    const t = await team();
    expect((await setRole(t.id, t.admin.cookies, t.viewer.user.id, 'member')).json().role).toBe('member');
    const grant = await setRole(t.id, t.admin.cookies, t.member.user.id, 'admin');
    expect(grant.statusCode).toBe(403);
    expect(grant.json().error.message).toBe('As admin you cannot make someone admin.');
    const other = await signUp(api);
    await addMember(api, t.id, other.user.id, 'admin');
    expect((await setRole(t.id, t.admin.cookies, other.user.id, 'viewer')).statusCode).toBe(403);
    expect((await setRole(t.id, t.admin.cookies, t.owner.user.id, 'viewer')).statusCode).toBe(403);
  });

  test('owners grant any role; the last owner cannot step down or leave', async () => {
    const t = await team();
    expect((await setRole(t.id, t.owner.cookies, t.admin.user.id, 'owner')).json().role).toBe('owner');
    expect((await setRole(t.id, t.owner.cookies, t.owner.user.id, 'admin')).statusCode).toBe(200);
    // Now Adam is the only owner.
    const stepDown = await setRole(t.id, t.admin.cookies, t.admin.user.id, 'admin');
    expect(stepDown.statusCode).toBe(409);
    expect(stepDown.json().error.message).toMatch(/at least one owner/);
    const leave = await api.inject({
      method: 'POST',
      url: `/api/projects/${t.id}/leave`,
      cookies: t.admin.cookies,
    });
    expect(leave.statusCode).toBe(409);
  });

  test('rejects an unknown role without changing anything', async () => {
    const t = await team();
    const res = await setRole(t.id, t.owner.cookies, t.viewer.user.id, 'superuser');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('role');
    const list = await api.inject({ url: `/api/projects/${t.id}/members`, cookies: t.owner.cookies });
    expect(list.json().members.find((m: { userId: string }) => m.userId === t.viewer.user.id).role).toBe(
      'viewer',
    );
  });

  test('members can leave; admins remove those below them; removed people lose access at once', async () => {
    const t = await team();
    expect(
      (await api.inject({ method: 'POST', url: `/api/projects/${t.id}/leave`, cookies: t.member.cookies }))
        .statusCode,
    ).toBe(204);
    expect((await api.inject({ url: `/api/projects/${t.id}`, cookies: t.member.cookies })).statusCode).toBe(
      404,
    );
    const removed = await api.inject({
      method: 'DELETE',
      url: `/api/projects/${t.id}/members/${t.viewer.user.id}`,
      cookies: t.admin.cookies,
    });
    expect(removed.statusCode).toBe(204);
    expect((await api.inject({ url: `/api/projects/${t.id}`, cookies: t.viewer.cookies })).statusCode).toBe(
      404,
    );
    const audit = (await api.inject({ url: `/api/projects/${t.id}/audit`, cookies: t.owner.cookies })).json();
    expect(audit.events.slice(0, 2).map((e: { action: string }) => e.action)).toEqual([
      'member.removed',
      'member.left',
    ]);
  });

  test('ownership can be handed over; the old owner stays as admin', async () => {
    const t = await team();
    const res = await api.inject({
      method: 'POST',
      url: `/api/projects/${t.id}/transfer`,
      cookies: t.owner.cookies,
      payload: { userId: t.member.user.id },
    });
    expect(res.statusCode).toBe(204);
    expect((await api.inject({ url: `/api/projects/${t.id}`, cookies: t.member.cookies })).json().role).toBe(
      'owner',
    );
    expect((await api.inject({ url: `/api/projects/${t.id}`, cookies: t.owner.cookies })).json().role).toBe(
      'admin',
    );
  });
});

describe('audit log', () => {
  test('pages newest first', async () => {
    const t = await team();
    for (const name of ['One', 'Two', 'Three']) {
      await api.inject({
        method: 'PATCH',
        url: `/api/projects/${t.id}`,
        cookies: t.owner.cookies,
        payload: { name },
      });
    }
    const first = (
      await api.inject({ url: `/api/projects/${t.id}/audit?limit=2`, cookies: t.admin.cookies })
    ).json();
    expect(first.events.map((e: { target: string }) => e.target)).toEqual(['Three', 'Two']);
    const second = (
      await api.inject({
        url: `/api/projects/${t.id}/audit?limit=2&cursor=${first.nextCursor}`,
        cookies: t.admin.cookies,
      })
    ).json();
    expect(second.events.map((e: { action: string; target: string }) => [e.action, e.target])).toEqual([
      ['project.updated', 'One'],
      ['project.created', 'Team'],
    ]);
    expect(second.nextCursor).toBeNull();
  });
});
