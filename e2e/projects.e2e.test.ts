import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { newUser, registerThroughApi, signInThroughUi, withoutExpected401 } from './support/accounts.ts';
import { pagesClosedAfterEachTest, screenshot } from './support/browser.ts';
import { waitForMailLink } from './support/mail.ts';

const open = pagesClosedAfterEachTest();

/** Creates a project through the dialog on the project list and waits for its overview. */
async function createProject(page: Page, name: string, description: string, shot?: string): Promise<string> {
  await page.goto('/projects');
  await page.getByRole('heading', { name: 'Projects', exact: true }).waitFor();
  // The first project is created from the empty state, later ones from the header.
  await page.getByRole('button', { name: /^(New project|Create a project)$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Create a project' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel(/Description/).fill(description);
  await dialog.getByLabel('Keep outputs for').fill('14');
  await dialog.getByLabel('Default format').selectOption('parquet');
  if (shot) await screenshot(page, shot);
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await page.waitForURL((url) => /^\/projects\/[0-9a-f-]{36}$/.test(url.pathname));
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

/** The role badge in a project's header: "Your role: Viewer". */
async function headerRole(page: Page): Promise<string> {
  const header = page.getByText('Your role:').locator('..');
  return ((await header.textContent()) ?? '').replace('Your role:', '').trim();
}

test('an owner invites a teammate who registers from the mail, is promoted, then leaves', async () => {
  const owner = newUser('owner');
  const teammate = newUser('teammate');
  teammate.name = 'Grace Teammate';
  await registerThroughApi(owner);

  // The owner signs in, sees the empty list, and creates a project through the dialog.
  const first = await open();
  await signInThroughUi(first.page, owner);
  await first.page.goto('/projects');
  await first.page.getByRole('heading', { name: 'Create your first project' }).waitFor();
  await screenshot(first.page, 'projects-empty-light');
  const projectName = `Checkout data ${teammate.email.slice(9, 17)}`;
  const projectId = await createProject(
    first.page,
    projectName,
    'Synthetic orders and customers for the checkout test suite.',
    'project-create-dialog-light',
  );
  await first.page.getByText('No jobs yet').waitFor();
  await first.page.getByText('0 B of 10 GiB used').first().waitFor();
  await screenshot(first.page, 'project-overview-light');

  // The list shows it with role, storage and members.
  await first.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
  const card = first.page.getByRole('list', { name: 'Your projects' }).getByRole('listitem');
  await card.getByRole('link', { name: projectName }).waitFor();
  await card.getByText('Owner').waitFor();
  await card.getByText('1 member').waitFor();
  await screenshot(first.page, 'projects-list-light');

  // The search is debounced into the address, so it survives a reload.
  await first.page.getByLabel('Search projects').fill('no such project');
  await first.page.waitForURL((url) => url.searchParams.get('q') === 'no such project');
  await first.page.reload();
  await first.page.getByText('No project matches “no such project”').waitFor();
  await first.page.getByRole('button', { name: 'Clear the search' }).click();
  await first.page.waitForURL((url) => !url.searchParams.has('q'));

  // Invite the teammate as a viewer from the team page.
  await card.getByRole('link', { name: projectName }).click();
  await first.page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Team' }).click();
  const invite = first.page.getByRole('form', { name: 'Invite someone' });
  await invite.getByLabel('Email address').fill(teammate.email);
  await invite.getByLabel('Role').selectOption('viewer');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await first.page.getByText('Invitation sent', { exact: true }).waitFor();
  await first.page.getByRole('list', { name: 'Pending invitations' }).getByText(teammate.email).waitFor();

  // The teammate opens the mailed link signed out, is sent to sign in, and registers from there.
  const link = await waitForMailLink(teammate.email, /invited you to/);
  expect(link).toMatch(/^\/invitations\/accept\?token=/);
  const second = await open();
  await second.page.goto(link);
  await second.page.waitForURL((url) => url.pathname === '/login');
  await second.page.getByText('Sign in to answer your invitation.').waitFor();
  await second.page.getByRole('link', { name: 'Create an account' }).click();
  await second.page.waitForURL((url) => url.pathname === '/register');
  await second.page.getByLabel('Name').fill(teammate.name);
  await second.page.getByLabel('Work email').fill(teammate.email);
  await second.page.getByLabel('Password', { exact: true }).fill(teammate.password);
  await second.page.getByRole('button', { name: 'Create account' }).click();

  // Back on the invitation: who, what and which role, then accept.
  await second.page.waitForURL((url) => url.pathname === '/invitations/accept');
  await second.page.getByRole('heading', { name: `Join “${projectName}”` }).waitFor();
  await second.page.getByText(owner.name).waitFor();
  await screenshot(second.page, 'invitation-accept-light');
  await second.page.getByRole('button', { name: 'Accept invitation' }).click();
  await second.page.waitForURL((url) => url.pathname === `/projects/${projectId}`);
  await second.page.getByRole('heading', { name: projectName, level: 1 }).waitFor();
  await expect(headerRole(second.page)).resolves.toBe('Viewer');
  // Accepting through the mailed link confirmed the address: no banner asks for it.
  await expect(second.page.getByRole('region', { name: 'Email confirmation' }).count()).resolves.toBe(0);

  // As a viewer: settings are read-only and there is no invite form.
  const projectNav = second.page.getByRole('navigation', { name: 'Project' });
  await projectNav.getByRole('link', { name: 'Settings' }).click();
  await second.page.getByText('settings are read-only').waitFor();
  await expect(second.page.getByLabel('Name').getAttribute('readonly')).resolves.not.toBeNull();
  await expect(second.page.getByRole('button', { name: 'Save changes' }).count()).resolves.toBe(0);
  await expect(second.page.getByRole('button', { name: 'Delete project' }).count()).resolves.toBe(0);
  await expect(second.page.getByRole('heading', { name: 'Activity' }).count()).resolves.toBe(0);
  await projectNav.getByRole('link', { name: 'Team' }).click();
  await second.page.getByRole('table').getByText(owner.email).waitFor();
  await expect(second.page.getByRole('form', { name: 'Invite someone' }).count()).resolves.toBe(0);
  await expect(second.page.getByRole('combobox', { name: /^Role of/ }).count()).resolves.toBe(0);

  // The owner promotes the teammate to member on the team page.
  await first.page.reload();
  const roleSelect = first.page.getByRole('combobox', { name: `Role of ${teammate.name}` });
  await expect(roleSelect.inputValue()).resolves.toBe('viewer');
  await roleSelect.selectOption('member');
  await first.page.getByText('Role changed', { exact: true }).waitFor();
  await expect(roleSelect.inputValue()).resolves.toBe('member');
  await first.page.getByText('No invitations are waiting for an answer.').waitFor();
  await screenshot(first.page, 'project-team-light');

  // The teammate sees the new role after a reload.
  await second.page.reload();
  await second.page.getByRole('heading', { name: projectName, level: 1 }).waitFor();
  await expect.poll(() => headerRole(second.page)).toBe('Member');

  // The teammate leaves, and the project is gone from their list.
  await second.page.getByRole('button', { name: 'Leave project' }).click();
  const leave = second.page.getByRole('alertdialog', { name: `Leave “${projectName}”?` });
  await leave.getByRole('button', { name: 'Leave project' }).click();
  await second.page.waitForURL((url) => url.pathname === '/projects');
  await second.page.getByText(`You left “${projectName}”`, { exact: true }).waitFor();
  await second.page.getByRole('heading', { name: 'Create your first project' }).waitFor();
  await expect(second.page.getByRole('link', { name: projectName }).count()).resolves.toBe(0);

  // The owner's audit log tells the story in words, newest first.
  await first.page
    .getByRole('navigation', { name: 'Project' })
    .getByRole('link', { name: 'Settings' })
    .click();
  const activity = first.page.getByRole('list', { name: 'Activity' });
  await activity.getByText(`${teammate.name} left the project`).waitFor();
  await activity.getByText(`changed ${teammate.name}’s role from viewer to member`).waitFor();
  await activity.getByText(`invited ${teammate.email} as viewer`).waitFor();

  expect(first.consoleErrors).toEqual([]);
  expect(withoutExpected401(second.consoleErrors)).toEqual([]);
});

test('the owner edits settings, sees them in the audit log, and deletes the project by typing its name', async () => {
  const owner = newUser('deleter');
  await registerThroughApi(owner);
  const { page, consoleErrors } = await open('dark');
  await signInThroughUi(page, owner);
  const projectName = `Disposable ${owner.email.slice(8, 16)}`;
  const projectId = await createProject(page, projectName, 'Made to be deleted.');

  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Settings' }).click();
  const data = page.getByRole('form', { name: 'Data settings' });
  await data.getByLabel('Keep outputs for').fill('7');
  await data.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Project saved', { exact: true }).waitFor();
  await page
    .getByRole('list', { name: 'Activity' })
    .getByText(`${owner.name} changed retention to 7 days`)
    .waitFor();
  await screenshot(page, 'project-settings-dark');

  // A wrong name keeps the button off; the exact name deletes and returns to the list.
  await page.getByRole('button', { name: 'Delete project' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Delete “${projectName}”?` });
  const confirm = dialog.getByRole('button', { name: 'Delete project' });
  await dialog.getByLabel(/to confirm/).fill(projectName.toUpperCase());
  await expect(confirm.isDisabled()).resolves.toBe(true);
  await dialog.getByLabel(/to confirm/).fill(projectName);
  await expect(confirm.isEnabled()).resolves.toBe(true);
  await screenshot(page, 'project-delete-dialog-dark');
  await confirm.click();
  await page.waitForURL((url) => url.pathname === '/projects');
  await page.getByText('Project deleted', { exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Create your first project' }).waitFor();
  await expect(page.getByRole('link', { name: projectName }).count()).resolves.toBe(0);
  expect(projectId).not.toBe('');
  expect(consoleErrors).toEqual([]);
});
