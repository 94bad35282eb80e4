import { afterAll, beforeAll, expect, test } from 'vitest';
import { addMember, createProject, createTestApi, signUp, type TestApi } from '../../../test/harness.ts';
import type { RouteRef } from '../../app.ts';
import { actions, can, type Role, roles } from './policy.ts';

let api: TestApi;
type Account = Awaited<ReturnType<typeof signUp>>;
const people = {} as Record<Role | 'stranger', Account>;

let baseUrl: string;

beforeAll(async () => {
  api = await createTestApi();
  baseUrl = await api.listen({ host: '127.0.0.1', port: 0 });
  for (const who of [...roles, 'stranger'] as const) people[who] = await signUp(api, { name: who });
});
afterAll(() => api.destroy());

/** A fresh project with one person in each role, so no call can disturb another. */
async function freshProject(): Promise<string> {
  const id = await createProject(api, people.owner.cookies, 'Matrix');
  for (const role of ['admin', 'member', 'viewer'] as const)
    await addMember(api, id, people[role].user.id, role);
  return id;
}

/** The status and body a live event stream starts with, over real HTTP; the stream is then dropped. */
async function openStream(url: string, cookies?: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${url}`, {
    headers: cookies ? { cookie: `synoptic_session=${cookies.synoptic_session}` } : {},
    signal: controller.signal,
  });
  const body = response.headers.get('content-type')?.startsWith('text/event-stream')
    ? ''
    : await response.text();
  controller.abort();
  return { statusCode: response.status, body, json: () => JSON.parse(body) };
}

function call(route: RouteRef, projectId: string, cookies?: Record<string, string>) {
  const url = route.url
    .replace(':projectId', projectId)
    .replace(':userId', people.viewer.user.id)
    .replace(/:(\w+)/g, '00000000-0000-7000-8000-000000000000');
  if (url.endsWith('/events')) return openStream(url, cookies);
  return api.inject({
    method: route.method as 'GET',
    url,
    ...(cookies ? { cookies } : {}),
    ...(route.method === 'GET' ? {} : { payload: {} }),
  });
}

test('every project route answers each role, a stranger and no session as the policy says', {
  timeout: 120_000,
}, async () => {
  const routes = api.authenticatedRoutes.filter((r) => r.projectAction);
  expect(routes.length).toBeGreaterThanOrEqual(14);
  const missing = await api.inject({
    url: '/api/projects/00000000-0000-7000-8000-000000000000',
    cookies: people.stranger.cookies,
  });
  expect(missing.statusCode).toBe(404);

  for (const route of routes) {
    const action = route.projectAction ?? 'project.read';
    const projectId = await freshProject();
    const label = `${route.method} ${route.url}`;

    const anonymous = await call(route, projectId);
    expect(anonymous.statusCode, `${label} without a session`).toBe(401);

    // A stranger learns nothing: the answer is byte for byte the one for a project that does not exist.
    const stranger = await call(route, projectId, people.stranger.cookies);
    expect(stranger.statusCode, `${label} as a stranger`).toBe(404);
    expect(stranger.body, `${label} as a stranger`).toBe(missing.body);

    for (const role of roles) {
      // Each role acts on a project of its own: an allowed removal must not change what the next role sees.
      const res = await call(route, await freshProject(), people[role].cookies);
      if (can(role, action)) {
        // Allowed through; the route may still answer 400/404/409 about its own input.
        expect([401, 403], `${label} as ${role} (${action}): ${res.body}`).not.toContain(res.statusCode);
        expect(res.body, `${label} as ${role}`).not.toBe(missing.body);
      } else {
        expect(res.statusCode, `${label} as ${role} (${action})`).toBe(403);
        expect(res.json().error.message).toContain(`needs ${actions[action].least} or higher`);
        expect(res.body).not.toContain('Matrix');
      }
    }
  }
});
