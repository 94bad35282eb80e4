import { afterEach, beforeEach, expect, test } from 'vitest';
import {
  getMeWithToken,
  newUser,
  registerThroughApi,
  signInThroughUi,
  withoutExpected401,
} from './support/accounts.ts';
import { openPage, screenshot } from './support/browser.ts';
import { waitForMailLink } from './support/mail.ts';

let session: Awaited<ReturnType<typeof openPage>>;

beforeEach(async () => {
  session = await openPage();
  await session.page.emulateMedia({ colorScheme: 'light' });
});

afterEach(async () => {
  await session.close();
});

test('a new user registers, confirms the address, signs in again and uses an API token until it is revoked', async () => {
  const { page, consoleErrors } = session;
  const user = newUser('journey');

  // Register: the api does not sign in, the app does, and the banner asks to confirm the address.
  await page.goto('/register');
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Work email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByLabel(/Company/).fill(user.company);
  await page.getByText('12 to 128 characters').waitFor();
  await screenshot(page, 'register-light');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  const banner = page.getByRole('region', { name: 'Email confirmation' });
  await banner.getByText('Confirm your email address.').waitFor();
  await banner.getByText(user.email).waitFor();

  // The link from the outbox confirms the address; the banner is gone.
  const link = await waitForMailLink(user.email, /confirm your email/i);
  expect(link).toMatch(/^\/verify-email\?token=/);
  await page.goto(link);
  await page.getByRole('heading', { name: 'Your email address is confirmed' }).waitFor();
  await page.getByRole('link', { name: 'Continue to Synoptic' }).click();
  await page.getByRole('heading', { name: 'Welcome to Synoptic' }).waitFor();
  await expect(banner.count()).resolves.toBe(0);

  // Sign out from the user menu, and in again.
  await page.getByRole('button', { name: `Account menu for ${user.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByText('You are signed out.').waitFor();
  await screenshot(page, 'login-light');
  await signInThroughUi(page, user);
  await page.getByRole('heading', { name: 'Welcome to Synoptic' }).waitFor();
  await expect(banner.count()).resolves.toBe(0);

  // Settings: profile.
  await page.getByRole('button', { name: `Account menu for ${user.name}` }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.waitForURL((url) => url.pathname === '/settings/profile');
  await expect(page.getByLabel('Email').inputValue()).resolves.toBe(user.email);
  await expect(page.getByLabel('Name').inputValue()).resolves.toBe(user.name);
  await page.getByText('Confirmed', { exact: true }).waitFor();
  await screenshot(page, 'settings-profile-light');

  // Two-factor setup up to the QR code (finishing it needs an authenticator).
  const settingsNav = page.getByRole('navigation', { name: 'Settings' });
  await settingsNav.getByRole('link', { name: 'Two-factor' }).click();
  await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Continue' }).click();
  const qr = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
  await qr.waitFor();
  await expect(qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(
    true,
  );
  await page.getByText('Setup key:').waitFor();
  await screenshot(page, 'settings-two-factor-setup-light');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // API tokens: create one, see the secret once, use it, revoke it.
  await settingsNav.getByRole('link', { name: 'API tokens' }).click();
  await page.getByText('No API tokens yet').waitFor();
  await page.getByRole('button', { name: 'Create token' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('e2e script');
  await dialog.getByLabel('Expires after').selectOption('30');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const secretBox = dialog.getByLabel('Your new token');
  await secretBox.waitFor();
  const secret = await secretBox.inputValue();
  expect(secret).toMatch(/^syn_pat_/);
  await dialog.getByText('This is the only time you can see it').waitFor();
  await screenshot(page, 'settings-tokens-secret-light');

  const withToken = await getMeWithToken(secret);
  expect(withToken.status).toBe(200);
  await expect(withToken.json()).resolves.toMatchObject({ email: user.email });

  await dialog.getByRole('button', { name: 'I have copied it' }).click();
  await dialog.waitFor({ state: 'detached' });
  const row = page.getByRole('row', { name: /e2e script/ });
  await row.waitFor();
  await screenshot(page, 'settings-tokens-light');
  await row.getByRole('button', { name: 'Revoke e2e script' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke token' }).click();
  await row.waitFor({ state: 'detached' });
  await page.getByText('No API tokens yet').waitFor();
  await expect(getMeWithToken(secret).then((response) => response.status)).resolves.toBe(401);

  // One page in the dark theme.
  await page.getByRole('button', { name: 'Change theme' }).click();
  await page.getByRole('menuitem', { name: 'Dark' }).click();
  await settingsNav.getByRole('link', { name: 'Profile' }).click();
  await page.getByLabel('Name').waitFor();
  await screenshot(page, 'settings-profile-dark');
  await page.getByRole('button', { name: 'Change theme' }).click();
  await page.getByRole('menuitem', { name: 'Light' }).click();

  expect(consoleErrors).toEqual([]);
});

test('a wrong password shows the error and keeps the user on the sign-in page', async () => {
  const { page, consoleErrors } = session;
  const user = newUser('wrong-password');
  await registerThroughApi(user);
  await page.goto('/login');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password-at-all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').getByText('Wrong email or password.').waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');
  await screenshot(page, 'login-wrong-password-light');
  expect(withoutExpected401(consoleErrors)).toEqual([]);
});

test('a signed-out visit to the tokens page goes to sign in and comes back after', async () => {
  const { page, consoleErrors } = session;
  const user = newUser('next');
  await registerThroughApi(user);
  await page.goto('/settings/tokens');
  await page.waitForURL((url) => url.pathname === '/login');
  expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/tokens');
  await signInThroughUi(page, user);
  await page.waitForURL((url) => url.pathname === '/settings/tokens');
  await page.getByRole('heading', { name: 'API tokens' }).waitFor();
  expect(withoutExpected401(consoleErrors)).toEqual([]);
});

test('a session ended from another device sends the user to sign in with a message', async () => {
  const user = newUser('sessions');
  await registerThroughApi(user);
  const first = session;
  await signInThroughUi(first.page, user);
  const second = await openPage();
  try {
    await second.page.emulateMedia({ colorScheme: 'light' });
    await signInThroughUi(second.page, user);
    await second.page.goto('/settings/sessions');
    const sessions = second.page.getByRole('list', { name: 'Signed-in sessions' }).getByRole('listitem');
    await expect.poll(() => sessions.count()).toBe(2);
    await second.page.getByText('This device').waitFor();
    await screenshot(second.page, 'settings-sessions-light');
    await second.page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await second.page
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Sign out other sessions' })
      .click();
    await expect.poll(() => sessions.count()).toBe(1);
    expect(second.consoleErrors).toEqual([]);
  } finally {
    await second.close();
  }

  // The first browser learns on its next api call, and is sent to sign in, then back.
  await first.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await first.page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: 'Sessions' })
    .click();
  await first.page.getByText('Your session ended. Please sign in again.').waitFor();
  expect(new URL(first.page.url()).searchParams.get('next')).toBe('/settings/sessions');
  await signInThroughUi(first.page, user);
  await first.page.waitForURL((url) => url.pathname === '/settings/sessions');
  expect(withoutExpected401(first.consoleErrors)).toEqual([]);
});
