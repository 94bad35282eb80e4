import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { newUser, registerThroughApi, signInThroughUi } from './support/accounts.ts';
import { signInThroughApi } from './support/api-session.ts';
import { pagesClosedAfterEachTest, screenshot } from './support/browser.ts';
import { waitForMail } from './support/mail.ts';

const open = pagesClosedAfterEachTest();

/** The field at `position` (1-based) of a table in the builder. */
function fieldRow(table: Locator, position: number): Locator {
  return table.getByRole('listitem', { name: new RegExp(`^Field ${position}:`) });
}

/** Picks a type through the searchable picker: search, then Enter takes the best match. */
async function chooseType(page: Page, field: Locator, search: string, label: string): Promise<void> {
  await field.getByRole('button', { name: /^Type of / }).click();
  await page.getByLabel('Search field types').fill(search);
  await page.getByText(`Enter picks ${label}`).waitFor();
  await page.getByLabel('Search field types').press('Enter');
  await field.getByRole('button', { name: new RegExp(`^Type of .*: ${label}$`) }).waitFor();
}

async function addField(
  page: Page,
  table: Locator,
  tableName: string,
  name: string,
  search: string,
  label: string,
) {
  const count = await table.getByRole('listitem').count();
  await table.getByRole('button', { name: `Add field to ${tableName}` }).click();
  const field = fieldRow(table, count + 1);
  await field.getByLabel('Name').fill(name);
  await chooseType(page, table.getByRole('listitem', { name: `Field ${count + 1}: ${name}` }), search, label);
  return table.getByRole('listitem', { name: `Field ${count + 1}: ${name}` });
}

// A million rows on two cores shared with the whole platform: more than the default minute.
test('a member builds a two-table schema, runs a million rows live and downloads them; a viewer only reads', async () => {
  const owner = newUser('jobs-owner');
  const viewer = newUser('jobs-viewer');
  viewer.name = 'Vera Viewer';
  await Promise.all([registerThroughApi(owner), registerThroughApi(viewer)]);

  // Set-up through the api: a project, and the viewer invited and accepted.
  const ownerApi = await signInThroughApi(owner);
  const project = await ownerApi.json<{ id: string; name: string }>('POST', '/api/projects', {
    name: `Shop data ${owner.email.slice(11, 19)}`,
    description: 'Customers and orders for the load tests.',
    defaultOutputFormat: 'csv',
  });
  await ownerApi.json('POST', `/api/projects/${project.id}/invitations`, {
    email: viewer.email,
    role: 'viewer',
  });
  const invitation = await waitForMail(viewer.email, { subject: /invited you to/ });
  const viewerApi = await signInThroughApi(viewer);
  await viewerApi.json('POST', '/api/invitations/accept', {
    token: invitation.link.searchParams.get('token'),
  });

  const { page, consoleErrors } = await open();
  await signInThroughUi(page, owner);
  await page.goto(`/projects/${project.id}`);
  await page.getByText('No jobs yet').waitFor();
  await page.getByRole('link', { name: 'New job' }).click();
  await page.waitForURL((url) => url.pathname === `/projects/${project.id}/jobs/new`);
  await page.getByRole('heading', { name: 'New job' }).waitFor();

  // From scratch: one table with an id and a name. Make it the customers.
  const customers = page.getByRole('region', { name: /^Table 1:/ });
  await customers.getByLabel('Table name').fill('customers');
  await addField(page, customers, 'customers', 'email', 'email', 'Email');
  await customers.getByRole('listitem', { name: 'Field 3: email' }).getByText('Unique').click();
  await addField(page, customers, 'customers', 'city', 'city', 'City');
  const signedUp = await addField(page, customers, 'customers', 'signed_up', 'date', 'Date');
  await signedUp.getByLabel('min').fill('2020-01-01');
  await signedUp.getByLabel('max').fill('2024-12-31');

  // Orders: a child table of customers, one for every fifth customer on average, referencing the customer.
  await page.getByRole('button', { name: 'Add table' }).click();
  const orders = page.getByRole('region', { name: /^Table 2:/ });
  await orders.getByLabel('Table name').fill('orders');
  await orders.getByLabel('Size').selectOption('customers');
  await orders.getByLabel('Rows per customers').selectOption('poisson');
  await orders.getByLabel('Mean').fill('0.2');
  await orders.getByLabel('Max').fill('2');
  const reference = await addField(page, orders, 'orders', 'customer_id', 'reference', 'Reference');
  await expect(reference.getByLabel('References table').inputValue()).resolves.toBe('customers');
  await expect(reference.getByLabel('Key field').inputValue()).resolves.toBe('id');
  const total = await addField(page, orders, 'orders', 'total', 'price', 'Price');
  await total.getByLabel('min').fill('5');
  await total.getByLabel('max').fill('400');

  // The preview follows the edits: ten rows of each table, with the new columns.
  const customersPreview = page.getByRole('table', { name: 'Preview of customers' });
  const ordersPreview = page.getByRole('table', { name: 'Preview of orders' });
  await ordersPreview.getByRole('columnheader', { name: /^total/ }).waitFor();
  await customersPreview.getByRole('columnheader', { name: /^signed_up/ }).waitFor();
  await expect.poll(() => customersPreview.locator('tbody tr').count()).toBe(10);
  await expect.poll(() => ordersPreview.locator('tbody tr').count()).toBe(10);

  // A million customers; the estimate follows.
  await customers.getByLabel('Rows', { exact: true }).fill('1,000,000');
  await page.getByText(/Estimated output: 1,\d{3},\d{3} rows/).waitFor();
  await page.getByLabel('Job name').fill('A million customers');
  await page.getByLabel('Output format').selectOption('csv');
  await page.getByRole('heading', { name: 'Preview' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'job-new-builder-light');

  // The JSON view shows the same configuration; a typo is reported at its path.
  await page.getByRole('tab', { name: 'JSON' }).click();
  const json = page.getByLabel('Configuration (JSON)');
  const original = await json.inputValue();
  expect(JSON.parse(original).tables[1].parent.table).toBe('customers');
  await json.fill(original.replace('"type": "email"', '"type": "emial"'));
  await page
    .getByRole('list', { name: 'Configuration problems' })
    .getByText("unknown field type 'emial' (did you mean 'email'?)")
    .waitFor();
  await screenshot(page, 'job-new-json-error-light');
  // Fixing the typo and renaming a column in the JSON shows in the builder and the preview.
  await json.fill(original.replace('"name": "total"', '"name": "order_total"'));
  await page.getByRole('tab', { name: 'Builder' }).click();
  await customers.getByRole('listitem', { name: 'Field 3: email' }).waitFor();
  await orders.getByRole('listitem', { name: 'Field 3: order_total' }).waitFor();
  await ordersPreview.getByRole('columnheader', { name: /^order_total/ }).waitFor();

  // A second tab on the overview sees the job appear and run, live.
  const overview = await open();
  await signInThroughUi(overview.page, owner);
  await overview.page.goto(`/projects/${project.id}`);
  await overview.page.getByText('No jobs yet').waitFor();

  const started = Date.now();
  await page.getByRole('button', { name: 'Submit job' }).click();
  await page.waitForURL((url) => /\/jobs\/[0-9a-f-]{36}$/.test(url.pathname));
  const jobId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
  await page.getByText('Job submitted', { exact: true }).waitFor();

  const listRow = overview.page.getByRole('row', { name: /A million customers/ });
  const runningShot = listRow
    .locator('[data-status="running"]')
    .waitFor({ timeout: 30_000 })
    .then(() => screenshot(overview.page, 'jobs-list-running-light'));

  // Progress moves without a reload: record the bar until the job completes.
  const bar = page.getByRole('progressbar', { name: 'Progress' });
  const status = page.locator('h2 + [data-status]');
  const seen: number[] = [];
  let shotRunning = false;
  for (;;) {
    const state = await status.getAttribute('data-status');
    if (state === 'completed') break;
    if (state === 'failed' || state === 'cancelled') throw new Error(`the job ended ${state}`);
    const percent = Number(await bar.getAttribute('aria-valuenow'));
    if (state === 'running') seen.push(percent);
    const rose = seen.some((value, index) => index > 0 && value > (seen[index - 1] ?? 0));
    if (rose && !shotRunning && percent < 100) {
      shotRunning = true;
      await screenshot(page, 'job-running-light');
    }
    if (Date.now() - started > 45_000) throw new Error(`the job did not complete; saw ${seen.join(',')}`);
    await page.waitForTimeout(50);
  }
  expect(seen.some((value, index) => index > 0 && value > (seen[index - 1] ?? 0))).toBe(true);
  await runningShot;
  await overview.page
    .getByRole('row', { name: /A million customers/ })
    .locator('[data-status="completed"]')
    .waitFor();

  // Completed: metrics, files, and the customers CSV through the page's link.
  const files = page.getByRole('table', { name: 'Files' });
  const customersRow = files
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'customers', exact: true }) });
  await customersRow.getByRole('cell', { name: '1,000,000', exact: true }).waitFor();
  await page.getByRole('link', { name: 'Download all (.zip)' }).waitFor();
  await screenshot(page, 'job-completed-light');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    customersRow.getByRole('link', { name: /^Download / }).click(),
  ]);
  // The browser runs as a server, so the file is copied out of it.
  const path = join(await mkdtemp(join(tmpdir(), 'synoptic-jobs-')), download.suggestedFilename());
  await download.saveAs(path);
  const csv = await readFile(path, 'utf8');
  await rm(dirname(path), { recursive: true, force: true });
  const firstLineEnd = csv.indexOf('\r\n');
  expect(csv.slice(0, firstLineEnd)).toBe('id,name,email,city,signed_up');
  let lines = 0;
  for (let at = csv.indexOf('\r\n'); at !== -1; at = csv.indexOf('\r\n', at + 2)) lines++;
  expect(lines - 1).toBe(1_000_000);
  expect(csv.endsWith('\r\n')).toBe(true);

  // The viewer sees the job and may download, but has no controls to run or change jobs.
  const viewerSession = await open('dark');
  await signInThroughUi(viewerSession.page, viewer);
  await viewerSession.page.goto(`/projects/${project.id}`);
  await viewerSession.page
    .getByRole('row', { name: /A million customers/ })
    .locator('[data-status="completed"]')
    .waitFor();
  await expect(viewerSession.page.getByRole('button', { name: 'New job' }).isDisabled()).resolves.toBe(true);
  await viewerSession.page.getByRole('link', { name: 'A million customers' }).click();
  await viewerSession.page.waitForURL((url) => url.pathname.endsWith(jobId));
  const viewerFiles = viewerSession.page.getByRole('table', { name: 'Files' });
  const fileLink = viewerFiles.getByRole('link', { name: /^Download / }).first();
  const href = (await fileLink.getAttribute('href')) ?? '';
  const partial = await viewerSession.page.request.get(href, { headers: { range: 'bytes=0-1' } });
  expect(partial.status()).toBe(206);
  await viewerSession.page.getByRole('link', { name: 'Download all (.zip)' }).waitFor();
  for (const name of ['Cancel job', 'Re-run', 'Delete']) {
    await expect(viewerSession.page.getByRole('button', { name }).count()).resolves.toBe(0);
  }
  await screenshot(viewerSession.page, 'job-completed-viewer-dark');
  await viewerSession.page.goto(`/projects/${project.id}/jobs/new`);
  await viewerSession.page.getByText('You cannot start a job here').waitFor();
  await expect(viewerSession.page.getByRole('button', { name: 'Submit job' }).count()).resolves.toBe(0);

  expect(consoleErrors).toEqual([]);
  expect(overview.consoleErrors).toEqual([]);
  expect(viewerSession.consoleErrors).toEqual([]);
}, 120_000);
