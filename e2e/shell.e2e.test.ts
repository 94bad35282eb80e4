import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { newUser, registerThroughApi, signInThroughUi } from './support/accounts.ts';
import { openPage, screenshot } from './support/browser.ts';

let session: Awaited<ReturnType<typeof openPage>>;

// The app lives behind sign-in: one account for this file, signed in afresh in each browser context.
const user = newUser('shell');

beforeAll(async () => {
  await registerThroughApi(user);
});

beforeEach(async () => {
  session = await openPage();
});

afterEach(async () => {
  await session.close();
});

test('the shell loads with navigation and reports every service ready', async () => {
  const { page, consoleErrors } = session;
  await signInThroughUi(page, user);
  await page.goto('/');
  await expect(page.title()).resolves.toBe('Synoptic');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).waitFor();
  await page.getByText('All systems ready').waitFor();
  const checks = page.getByRole('list', { name: 'Service checks' }).getByRole('listitem');
  await expect(checks.count()).resolves.toBe(3);
  await expect(page.getByText('Ready', { exact: true }).count()).resolves.toBe(3);
  await screenshot(page, 'shell-light');
  expect(consoleErrors).toEqual([]);
});

test('the theme toggle switches to dark and the choice survives a reload', async () => {
  const { page, consoleErrors } = session;
  await page.emulateMedia({ colorScheme: 'light' });
  await signInThroughUi(page, user);
  await page.goto('/');
  const isDark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
  await expect(isDark()).resolves.toBe(false);
  await page.getByRole('button', { name: 'Change theme' }).click();
  await page.getByRole('menuitem', { name: 'Dark' }).click();
  await expect(isDark()).resolves.toBe(true);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await page.getByText('All systems ready').waitFor();
  await expect(isDark()).resolves.toBe(true);
  await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe(
    background,
  );
  await screenshot(page, 'shell-dark');
  await page.getByRole('button', { name: 'Change theme' }).click();
  await page.getByRole('menuitem', { name: 'Light' }).click();
  await expect(isDark()).resolves.toBe(false);
  expect(consoleErrors).toEqual([]);
});

test('an unknown address shows a page that leads back', async () => {
  const { page, consoleErrors } = session;
  await signInThroughUi(page, user);
  await page.goto('/no/such/page');
  await page.getByRole('heading', { name: 'This page does not exist' }).waitFor();
  await page.getByRole('link', { name: 'Back to the overview' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  expect(consoleErrors).toEqual([]);
});

test('the interactive API reference renders', async () => {
  const { page } = session;
  await page.goto('/api/docs');
  await page.getByText('Synoptic API').first().waitFor();
  await page.getByText('/readyz').first().waitFor();
});
