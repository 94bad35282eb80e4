import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { newUser, registerThroughApi, signInThroughUi } from './support/accounts.ts';
import { type ApiSession, signInThroughApi } from './support/api-session.ts';
import { artifactsDir, pagesClosedAfterEachTest, screenshot } from './support/browser.ts';

const open = pagesClosedAfterEachTest();

const count = new Intl.NumberFormat('en-US');

type Filter = Record<string, unknown>;
type RowsPage = { columns: { name: string }[]; rows: unknown[][]; total: number };

/** The api's own answer for a view: what the screens must agree with. */
async function rowsThroughApi(
  api: ApiSession,
  base: string,
  body: { filters?: Filter[]; sort?: { column: string; direction: 'asc' | 'desc' }[]; limit?: number },
): Promise<RowsPage> {
  return api.json<RowsPage>('POST', `${base}/dataset/tables/customers/rows`, { limit: 1, ...body });
}

async function waitForCompleted(api: ApiSession, path: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await api.json<{ status: string }>('GET', path);
    if (job.status === 'completed') return;
    if (['failed', 'cancelled', 'expired'].includes(job.status))
      throw new Error(`the job ended ${job.status}`);
    if (Date.now() > deadline) throw new Error(`the job did not complete; last status ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until the element's whole text (spans and all) matches. */
async function waitForText(locator: Locator, pattern: RegExp, timeout = 15_000): Promise<void> {
  await expect.poll(() => locator.textContent(), { timeout }).toMatch(pattern);
}

/** The grid cell of the row at `row` (1-based, in the view) and the column at `column` (0-based). */
function gridCell(page: Page, row: number, column: number) {
  return page
    .getByTestId('data-grid')
    .locator(`tr[aria-rowindex="${row + 1}"] td[aria-colindex="${column + 2}"]`);
}

/**
 * Scrolls the grid by `step` pixels every animation frame for `ms` and counts the frames the
 * browser managed: rendering that cannot keep up shows as fewer frames and long gaps.
 */
async function scrollFrames(page: Page, step: number, ms: number) {
  return page.evaluate(
    ({ step, ms }) =>
      new Promise<{ frames: number; elapsed: number; worst: number; scrolled: number }>((resolve) => {
        const grid = document.querySelector<HTMLElement>('[data-testid="data-grid"]');
        if (!grid) throw new Error('no grid');
        const from = grid.scrollTop;
        let frames = 0;
        let worst = 0;
        let start = 0;
        let last = 0;
        const frame = (now: number) => {
          if (start === 0) {
            start = now;
            last = now;
          } else {
            frames++;
            worst = Math.max(worst, now - last);
            last = now;
          }
          if (now - start < ms) {
            grid.scrollTop += step;
            requestAnimationFrame(frame);
          } else {
            resolve({ frames, elapsed: now - start, worst, scrolled: grid.scrollTop - from });
          }
        };
        requestAnimationFrame(frame);
      }),
    { step, ms },
  );
}

test('a member explores 20,000 customers in the viewer and asks questions about them', async () => {
  const owner = newUser('viewer-owner');
  await registerThroughApi(owner);
  const api = await signInThroughApi(owner);
  const project = await api.json<{ id: string }>('POST', '/api/projects', {
    name: `Customer insights ${owner.email.slice(13, 21)}`,
    defaultOutputFormat: 'csv',
  });
  const job = await api.json<{ id: string }>('POST', `/api/projects/${project.id}/jobs`, {
    name: 'Customers to explore',
    outputFormat: 'csv',
    seed: 'viewer-e2e',
    config: {
      tables: [
        {
          name: 'customers',
          rows: 20_000,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'name', type: 'full_name' },
            { name: 'age', type: 'integer', min: 18, max: 90 },
            { name: 'city', type: 'city' },
            { name: 'tier', type: 'categorical', values: ['bronze', 'silver', 'gold'], weights: [6, 3, 1] },
            { name: 'signup_date', type: 'date', min: '2020-01-01', max: '2024-12-31' },
            { name: 'spend', type: 'amount', min: 0, max: 5000, nullPercent: 10 },
          ],
        },
      ],
    },
  });
  const jobPath = `/api/projects/${project.id}/jobs/${job.id}`;
  await waitForCompleted(api, jobPath);

  const { page, consoleErrors } = await open();
  await signInThroughUi(page, owner);
  await page.goto(`/projects/${project.id}/jobs/${job.id}`);
  await page.getByRole('link', { name: 'Ask about this data' }).waitFor();
  await screenshot(page, 'job-completed-explore-light');
  await page.getByRole('link', { name: 'Open in viewer' }).click();
  await page.waitForURL((url) => url.pathname.endsWith(`/jobs/${job.id}/viewer`));

  // The first open imports the output; then the grid shows the total.
  const position = page.getByTestId('grid-position');
  await waitForText(position, /^Rows 1–\d+ of 20,000$/, 30_000);
  await waitForText(page.getByTestId('view-summary'), /^20,000 rows · 7 columns$/);
  await gridCell(page, 1, 0).getByText('1', { exact: true }).waitFor();
  await screenshot(page, 'viewer-grid-light');

  // Sort by age, descending: two clicks on the header.
  const ageHeader = page.getByRole('columnheader', { name: /Sort by age/ });
  await page.getByRole('button', { name: 'Sort by age' }).click();
  await expect.poll(() => ageHeader.getAttribute('aria-sort')).toBe('ascending');
  await page.getByRole('button', { name: 'Sort by age' }).click();
  await expect.poll(() => ageHeader.getAttribute('aria-sort')).toBe('descending');
  const oldest = await rowsThroughApi(api, jobPath, { sort: [{ column: 'age', direction: 'desc' }] });
  expect(oldest.columns[2]?.name).toBe('age');
  await gridCell(page, 1, 2).getByText(String(oldest.rows[0]?.[2]), { exact: true }).waitFor();
  expect(page.url()).toContain('view=');

  // A filter on the tier: the total is the api's for the same filter.
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  const editor = page.getByRole('dialog');
  await editor.getByLabel('Column').selectOption('tier');
  await editor.getByLabel('Condition').selectOption('eq');
  await editor.getByLabel('Value').fill('gold');
  await editor.getByRole('button', { name: 'Add filter' }).click();
  const gold = await rowsThroughApi(api, jobPath, { filters: [{ column: 'tier', op: 'eq', value: 'gold' }] });
  expect(gold.total).toBeGreaterThan(1000);
  expect(gold.total).toBeLessThan(3000);
  await waitForText(position, new RegExp(`of ${count.format(gold.total)}$`));
  await waitForText(
    page.getByTestId('view-summary'),
    new RegExp(`^${count.format(gold.total)} of 20,000 rows match the filter`),
  );
  await page
    .getByRole('list', { name: 'Filters' })
    .getByRole('button', { name: 'Edit filter: tier is “gold”' })
    .waitFor();
  await gridCell(page, 1, 4).getByText('gold', { exact: true }).waitFor();
  await screenshot(page, 'viewer-filtered-light');

  // The column panel: figures and a histogram of age over the filtered rows.
  await page.getByRole('button', { name: 'Statistics of age' }).click();
  const panel = page.getByRole('dialog', { name: 'Columns' });
  // Equal-width bins over 18–90 may end a little past 90.
  await panel.getByRole('img', { name: /^Histogram of age: \d+ bins from 18 to 9\d/ }).waitFor();
  await panel.getByText(count.format(gold.total), { exact: true }).first().waitFor();
  await screenshot(page, 'viewer-column-panel-light');
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });

  // Row detail: every column of the second row.
  await gridCell(page, 2, 1).click();
  const detail = page.getByRole('dialog', { name: 'Row 2' });
  const values = detail.getByRole('definition');
  await expect.poll(() => values.count()).toBe(7);
  await expect(values.nth(4).textContent()).resolves.toBe('gold');
  await screenshot(page, 'viewer-row-detail-light');
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'detached' });
  // The keyboard does the same: the grid is one tab stop, arrows move its row, Enter opens it.
  await page.getByRole('grid').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Row 3' }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('dialog', { name: 'Row 4' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });

  // The view as CSV: the header and one line per matching row, oldest first.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download this view as CSV' }).click(),
  ]);
  const path = join(await mkdtemp(join(tmpdir(), 'synoptic-viewer-')), download.suggestedFilename());
  await download.saveAs(path);
  const csv = await readFile(path, 'utf8');
  await rm(dirname(path), { recursive: true, force: true });
  const lines = csv.split(/\r?\n/).filter((line) => line !== '');
  expect(lines[0]).toBe('id,name,age,city,tier,signup_date,spend');
  expect(lines.length - 1).toBe(gold.total);
  expect(lines.slice(1).every((line) => line.includes(',gold,'))).toBe(true);

  // The same filter as an in-list, picked from the column's most frequent values.
  await page.getByRole('button', { name: 'Edit filter: tier is “gold”' }).click();
  const inList = page.getByRole('dialog');
  await inList.getByLabel('Condition').selectOption('in');
  await inList.getByRole('checkbox', { name: /^gold/ }).check();
  await inList.getByRole('checkbox', { name: /^silver/ }).check();
  await screenshot(page, 'viewer-in-list-light');
  await inList.getByRole('button', { name: 'Apply' }).click();
  const goldOrSilver = await rowsThroughApi(api, jobPath, {
    filters: [{ column: 'tier', op: 'in', values: ['gold', 'silver'] }],
  });
  await waitForText(position, new RegExp(`of ${count.format(goldOrSilver.total)}$`));
  await page.getByRole('button', { name: 'Edit filter: tier is one of “gold”, “silver”' }).waitFor();

  // An invalid filter in a shared link: the api's message shows on that filter's chip.
  const badView = JSON.stringify({ filters: [{ column: 'age', op: 'gt', value: 'old' }], sort: [] });
  await page.goto(`/projects/${project.id}/jobs/${job.id}/viewer?view=${encodeURIComponent(badView)}`);
  const badChip = page.getByRole('list', { name: 'Filters' }).getByRole('listitem').first();
  await badChip.getByRole('alert').waitFor();
  await page.getByText('This filter cannot be applied').waitFor();
  await screenshot(page, 'viewer-invalid-filter-light');
  await badChip.getByRole('button', { name: /^Remove filter/ }).click();
  await waitForText(position, /of 20,000$/);

  // Scroll fast through the rows and count the frames the browser draws.
  await gridCell(page, 1, 0).getByText('1', { exact: true }).waitFor();
  // 400 px a frame is 24,000 px (750 rows) a second: a fling. The machine is shared with the
  // platform and other work, so the best of three one-second runs is held to the floor.
  const runs: { rate: number; scrolled: number; worst: number }[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId('data-grid').evaluate((grid) => {
      grid.scrollTop = 0;
    });
    await gridCell(page, 1, 0).getByText('1', { exact: true }).waitFor();
    const run = await scrollFrames(page, 400, 1000);
    runs.push({ rate: (run.frames / run.elapsed) * 1000, scrolled: run.scrolled, worst: run.worst });
    if ((runs.at(-1)?.rate ?? 0) >= 55) break;
  }
  const best = runs.reduce((a, b) => (b.rate > a.rate ? b : a));
  console.log(
    `viewer scroll at 400 px/frame: ${runs.map((run) => `${run.rate.toFixed(1)} fps (worst frame ${run.worst.toFixed(0)} ms, ${Math.round(run.scrolled / 32)} rows)`).join('; ')}`,
  );
  expect(best.scrolled).toBeGreaterThan(10_000);
  expect(best.rate).toBeGreaterThanOrEqual(30);
  // The rows scrolled into view arrive: no placeholder stays.
  const firstShown = await page
    .getByTestId('data-grid')
    .evaluate((grid) => Math.floor(grid.scrollTop / 32) + 1);
  await gridCell(page, firstShown + 2, 0)
    .getByText(String(firstShown + 2), { exact: true })
    .waitFor();
  // Sideways, the row numbers stay.
  await page.getByTestId('data-grid').evaluate((grid) => {
    grid.scrollLeft = 400;
  });
  await gridCell(page, firstShown + 2, 6).waitFor();
  await screenshot(page, 'viewer-scrolled-light');

  // The chat: a suggestion, then questions typed in.
  await page.getByRole('navigation', { name: 'Dataset' }).getByRole('link', { name: 'Ask' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/chat'));
  await page.getByRole('heading', { name: 'Ask about this data' }).waitFor({ timeout: 30_000 });
  const suggestions = page.getByRole('list', { name: 'Suggested questions' }).getByRole('button');
  await expect.poll(() => suggestions.count()).toBeGreaterThan(0);
  await screenshot(page, 'chat-empty-light');
  const suggestion = (await suggestions.first().textContent()) ?? '';
  await suggestions.first().click();
  const answers = page.getByRole('list', { name: 'Messages' }).locator('[data-outcome]');
  await answers.first().waitFor({ timeout: 30_000 });
  await page
    .getByRole('list', { name: 'Messages' })
    .getByRole('listitem', { name: 'Question' })
    .getByText(suggestion, { exact: true })
    .waitFor();
  await expect(answers.first().getAttribute('data-outcome')).resolves.toBe('answered');
  await answers.first().getByRole('button', { name: 'Show SQL' }).click();
  await expect(answers.first().locator('pre code').textContent()).resolves.toMatch(/select/i);
  await answers.first().getByRole('button', { name: 'Copy SQL' }).waitFor();
  await page.waitForURL((url) => url.searchParams.has('c'));
  await screenshot(page, 'chat-suggestion-light');

  const question = page.getByRole('textbox', { name: 'Your question' });
  await question.fill('how many customers are older than 60');
  await question.press('Enter');
  await expect.poll(() => answers.count(), { timeout: 30_000 }).toBe(2);
  const older = await rowsThroughApi(api, jobPath, { filters: [{ column: 'age', op: 'gt', value: 60 }] });
  const olderText = (await answers.nth(1).getByTestId('answer-text').textContent()) ?? '';
  expect(olderText.replace(/,/g, '')).toContain(String(older.total));
  await expect(answers.nth(1).getAttribute('data-outcome')).resolves.toBe('answered');

  await question.fill('what is the meaning of life');
  await question.press('Enter');
  await expect.poll(() => answers.count(), { timeout: 30_000 }).toBe(3);
  await expect(answers.nth(2).getAttribute('data-outcome')).resolves.toBe('unanswerable');
  await expect(
    answers.nth(2).getByRole('list', { name: 'Try instead' }).getByRole('button').count(),
  ).resolves.toBe(3);
  // A tall window shows the whole conversation in one picture.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await screenshot(page, 'chat-conversation-light');

  // The conversation is kept: listed beside, and there after a reload, in the dark theme too.
  await page
    .getByRole('list', { name: 'Your conversations' })
    .getByRole('button', { name: new RegExp(`^${suggestion.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .waitFor();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect.poll(() => answers.count(), { timeout: 30_000 }).toBe(3);
  await screenshot(page, 'chat-conversation-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // A second conversation: charts drawn from the answers' rows.
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.getByRole('heading', { name: 'Ask about this data' }).waitFor();
  for (const [asked, type] of [
    ['customers per month', 'line'],
    ['distribution of age', 'histogram'],
    ['correlation between age and spend', 'scatter'],
    ['average spend by tier', 'bar'],
  ] as const) {
    const before = await answers.count();
    await question.fill(asked);
    await question.press('Enter');
    await expect.poll(() => answers.count(), { timeout: 30_000 }).toBe(before + 1);
    const answer = answers.nth(before);
    await expect(answer.getAttribute('data-outcome')).resolves.toBe('answered');
    await expect(answer.getByTestId('answer-chart').getAttribute('data-chart-type')).resolves.toBe(type);
    await expect(answer.getByRole('img', { name: new RegExp(`^${type} chart: `) }).count()).resolves.toBe(1);
    await answer.screenshot({ path: `${artifactsDir}chat-chart-${type}-light.png` });
  }
  await expect
    .poll(() => page.getByRole('list', { name: 'Your conversations' }).getByRole('listitem').count())
    .toBe(2);

  // Deleting a conversation asks first, then it is gone from the list.
  await page.getByRole('button', { name: 'Delete conversation “customers per month”' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete conversation' }).click();
  await expect
    .poll(() => page.getByRole('list', { name: 'Your conversations' }).getByRole('listitem').count())
    .toBe(1);
  await page.getByRole('heading', { name: 'Ask about this data' }).waitFor();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`/projects/${project.id}/jobs/${job.id}/viewer`);
  await waitForText(position, /of 20,000$/);
  await screenshot(page, 'viewer-grid-dark');

  // Chromium logs the invalid filter's 400 answer; nothing else may go wrong.
  expect(consoleErrors.filter((line) => !/Failed to load resource: .*status of 400/.test(line))).toEqual([]);
}, 180_000);
