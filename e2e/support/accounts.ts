import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';

export type TestUser = { name: string; email: string; password: string; company: string };

/** A user no other test uses, with a password the api's policy accepts. */
export function newUser(label: string): TestUser {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Ada ${label}`,
    email: `${label}-${id}@example.test`,
    password: `quiet-lantern-${id}-harbour`,
    company: 'Analytical Engines Ltd',
  };
}

/** Creates an account through the api, as a script would (no browser, so no CSRF headers). */
export async function registerThroughApi(user: TestUser): Promise<void> {
  const response = await fetch(new URL('/api/auth/register', inject('baseUrl')), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (response.status !== 202)
    throw new Error(`register answered ${response.status}: ${await response.text()}`);
}

/** Signs in on the login page the browser is on (or opens it) and waits to leave it. */
export async function signInThroughUi(page: Page, user: TestUser): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/login')) await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Calls the api as a script with a personal access token. */
export async function getMeWithToken(token: string): Promise<Response> {
  return fetch(new URL('/api/me', inject('baseUrl')), { headers: { authorization: `Bearer ${token}` } });
}

/**
 * Console errors the app did not cause: Chromium logs every 401 answer as "Failed to load
 * resource". A test that expects one (a wrong password, a signed-out visit) drops those lines.
 */
export function withoutExpected401(consoleErrors: string[]): string[] {
  return consoleErrors.filter((line) => !/Failed to load resource: .*status of 401/.test(line));
}
