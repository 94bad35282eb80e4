import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { peopleSampleCsv } from '../apps/pipeline/test/samples.ts';
import { newUser, registerThroughApi, signInThroughUi } from './support/accounts.ts';
import { type ApiSession, signInThroughApi } from './support/api-session.ts';
import { pagesClosedAfterEachTest, screenshot } from './support/browser.ts';

const open = pagesClosedAfterEachTest();

type Job = {
  status: string;
  stage: string;
  report: { quality: number | null; privacyPassed: boolean | null; conformancePassed: boolean | null } | null;
};

async function waitForJob(api: ApiSession, path: string, status: string, timeoutMs = 120_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await api.json<Job>('GET', path);
    if (job.status === status) return job;
    if (['failed', 'cancelled', 'expired'].includes(job.status) && job.status !== status)
      throw new Error(`the job ended ${job.status}: ${JSON.stringify(job)}`);
    if (Date.now() > deadline)
      throw new Error(`the job did not become ${status}; last ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function waitForSample(api: ApiSession, path: string): Promise<void> {
  await expect
    .poll(async () => (await api.json<{ status: string }>('GET', path)).status, { timeout: 60_000 })
    .toBe('ready');
}

test('a member uploads a real table, reviews its profile and gets a synthetic twin with a passing report', async () => {
  const owner = newUser('twin-owner');
  await registerThroughApi(owner);
  const api = await signInThroughApi(owner);
  const project = await api.json<{ id: string }>('POST', '/api/projects', {
    name: `Twins ${owner.email.slice(13, 21)}`,
  });
  const dir = await mkdtemp(join(tmpdir(), 'synoptic-twin-'));
  const file = join(dir, 'customers.csv');
  await writeFile(file, peopleSampleCsv(2000));

  const { page, consoleErrors } = await open();
  await signInThroughUi(page, owner);
  await page.goto(`/projects/${project.id}/samples`);
  await page.locator('input[type="file"]').setInputFiles(file);
  const samples = page.getByRole('table', { name: 'Samples' });
  await samples.getByText('Ready', { exact: true }).waitFor({ timeout: 60_000 });
  await samples.getByText('2,000 rows × 7 columns').waitFor();
  await screenshot(page, 'samples-ready-light');

  // The profile: types and the personal data it found, with the field each column will become.
  await samples.getByRole('link', { name: 'customers.csv' }).click();
  const profile = page.getByRole('table', { name: 'Columns of the sample' });
  const emailRow = profile.getByRole('row').filter({ hasText: 'email' });
  await emailRow.getByText(/Personal data/).waitFor();
  await screenshot(page, 'sample-profile-light');

  // The twin: the builder starts from the profile; the job fits, generates and reports.
  await page.getByRole('link', { name: 'Create synthetic twin' }).click();
  await page.getByLabel('Quality', { exact: true }).waitFor();
  await expect(page.getByLabel('Quality', { exact: true }).inputValue()).resolves.toBe('balanced');
  await screenshot(page, 'twin-builder-light');
  await page.getByRole('button', { name: 'Submit job' }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  const jobPath = `/api${new URL(page.url()).pathname}`;
  const done = await waitForJob(api, jobPath, 'completed');
  expect(done.report).toMatchObject({ privacyPassed: true });
  expect(done.report!.quality).toBeGreaterThan(0.85);
  await page.getByRole('link', { name: 'Open report' }).waitFor({ timeout: 30_000 });
  await page
    .getByRole('list', { name: 'Stages' })
    .getByText(/^Fitting/)
    .waitFor();
  await screenshot(page, 'twin-job-completed-light');

  await page.getByRole('link', { name: 'Open report' }).click();
  await page.getByRole('heading', { name: 'Quality' }).first().waitFor({ timeout: 30_000 });
  await page.getByRole('heading', { name: 'Privacy' }).first().waitFor();
  // Scores read as whole percentages, rounded down.
  await page
    .getByText(`${Math.floor(done.report!.quality! * 100)}%`)
    .first()
    .waitFor();
  await screenshot(page, 'twin-report-light');
  expect(consoleErrors).toEqual([]);
});

test('a twin that copies personal data is flagged, and its download asks first', async () => {
  const owner = newUser('twin-flag');
  await registerThroughApi(owner);
  const api = await signInThroughApi(owner);
  const project = await api.json<{ id: string }>('POST', '/api/projects', {
    name: `Flagged ${owner.email.slice(13, 21)}`,
  });
  // A contact column of a few people's emails: the profile suggests generating it, this user
  // insists on learning it, so the twin repeats the sample's emails.
  const contacts = ['ana.ruiz@corp-mail.test', 'li.wei@corp-mail.test', 'tom.berg@corp-mail.test'];
  const lines = ['plan,contact,spend'];
  for (let i = 0; i < 900; i++)
    lines.push(`${['free', 'pro'][i % 2]},${contacts[i % 3]},${(10 + (i % 97) * 1.37).toFixed(2)}`);
  const uploaded = await api.upload(
    `/api/projects/${project.id}/samples?name=contacts.csv`,
    `${lines.join('\n')}\n`,
    'text/csv',
  );
  expect(uploaded.status).toBe(201);
  const sample = (await uploaded.json()) as { id: string };
  await waitForSample(api, `/api/projects/${project.id}/samples/${sample.id}`);
  const job = await api.json<{ id: string }>('POST', `/api/projects/${project.id}/jobs`, {
    name: 'Contacts twin',
    outputFormat: 'csv',
    config: {
      tables: [
        {
          name: 'contacts',
          sample: { id: sample.id, quality: 'balanced' },
          fields: [
            { name: 'plan', type: 'learned' },
            { name: 'contact', type: 'learned', as: 'category' },
            { name: 'spend', type: 'learned' },
          ],
        },
      ],
    },
  });
  const jobPath = `/api/projects/${project.id}/jobs/${job.id}`;
  const done = await waitForJob(api, jobPath, 'completed');
  expect(done.report).toMatchObject({ privacyPassed: false });
  const refused = await api.request('GET', `${jobPath}/download.zip`);
  expect(refused.status).toBe(409);

  const { page } = await open();
  await signInThroughUi(page, owner);
  await page.goto(`/projects/${project.id}/jobs/${job.id}`);
  await page.getByText('Failed privacy checks').first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: /Download all/ }).click();
  const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await dialog
    .getByText(/personal/i)
    .first()
    .waitFor();
  await screenshot(page, 'twin-privacy-confirm-light');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download anyway' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);

  // The viewer's CSV of a view is a download too: flagged in the header, and it asks first.
  await page.goto(`/projects/${project.id}/jobs/${job.id}/viewer`);
  await page.getByTitle(/^Failed privacy checks/).waitFor();
  await page.getByRole('button', { name: 'Download this view as CSV' }).click({ timeout: 30_000 });
  const viewDialog = page.getByRole('alertdialog');
  await viewDialog.getByText('This dataset failed its privacy checks').waitFor();
  await screenshot(page, 'viewer-privacy-confirm-light');
  const [viewDownload] = await Promise.all([
    page.waitForEvent('download'),
    viewDialog.getByRole('button', { name: 'Download anyway' }).click(),
  ]);
  expect(viewDownload.suggestedFilename()).toBe('Contacts-twin-contacts-view.csv');
});

test('an upload after the session ended sends the user to sign in, like any other request', async () => {
  const owner = newUser('twin-expired');
  await registerThroughApi(owner);
  const api = await signInThroughApi(owner);
  const project = await api.json<{ id: string }>('POST', '/api/projects', { name: 'Expired upload' });
  const dir = await mkdtemp(join(tmpdir(), 'synoptic-twin-'));
  const file = join(dir, 'late.csv');
  await writeFile(file, peopleSampleCsv(50));

  const { page } = await open();
  await signInThroughUi(page, owner);
  await page.goto(`/projects/${project.id}/samples`);
  await page.locator('input[type="file"]').waitFor({ state: 'attached' });
  await page.context().clearCookies();
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByText('Your session ended. Please sign in again.').waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');
});
