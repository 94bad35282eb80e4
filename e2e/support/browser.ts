import { mkdir } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterEach, inject } from 'vitest';

export const artifactsDir = new URL('../artifacts/', import.meta.url).pathname;

/** A fresh browser context (own cookies and storage) on the shared browser, recording console errors. */
export async function openPage(): Promise<{
  page: Page;
  consoleErrors: string[];
  close: () => Promise<void>;
}> {
  const browser: Browser = await chromium.connect(inject('browserEndpoint'));
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    page,
    consoleErrors,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: `${artifactsDir}${name}.png`, fullPage: true });
}

export type Session = Awaited<ReturnType<typeof openPage>>;

/**
 * Opens pages for the tests of one file and closes every one of them after each test, so a
 * failing test never leaves a browser context behind. Call once at the top of a test file.
 */
export function pagesClosedAfterEachTest(): (colorScheme?: 'light' | 'dark') => Promise<Session> {
  const sessions: Session[] = [];
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((session) => session.close()));
  });
  return async (colorScheme = 'light') => {
    const session = await openPage();
    sessions.push(session);
    await session.page.emulateMedia({ colorScheme });
    return session;
  };
}
