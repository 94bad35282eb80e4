import { inject } from 'vitest';
import type { TestUser } from './accounts.ts';

/** A signed-in api client for a test user, as a script would be: the session cookie, no browser. */
export type ApiSession = {
  request: (method: string, path: string, body?: unknown) => Promise<Response>;
  json: <T>(method: string, path: string, body?: unknown) => Promise<T>;
  /** Sends a file's bytes as the body, as the web app's upload does (same-origin, so CSRF checks pass). */
  upload: (path: string, body: string, contentType: string) => Promise<Response>;
};

export async function signInThroughApi(user: TestUser): Promise<ApiSession> {
  const base = inject('baseUrl');
  const login = await fetch(new URL('/api/auth/login', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  if (!login.ok) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const request = (method: string, path: string, body?: unknown) =>
    fetch(new URL(path, base), {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    request,
    upload: (path, body, contentType) =>
      fetch(new URL(path, base), {
        method: 'POST',
        headers: { cookie, origin: new URL(base).origin, 'content-type': contentType },
        body,
      }),
    json: async <T>(method: string, path: string, body?: unknown) => {
      const response = await request(method, path, body);
      if (!response.ok)
        throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}
