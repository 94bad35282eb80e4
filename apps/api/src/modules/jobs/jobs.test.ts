import { twinConfig } from '@synoptic/contract';
import { signingKeyId, signRequest } from '@synoptic/service-kit';
import { freePort } from '@synoptic/service-kit/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import {
  addMember,
  createProject,
  createTestApi,
  signIn,
  signUp,
  type TestApi,
  testClock,
  testSigningSecret,
} from '../../../test/harness.ts';
import { type RunningPipeline, startPipeline } from '../../../test/pipeline-process.ts';
import { createPipelineClient } from '../../platform/pipeline-client.ts';

// Jobs run on real pipeline processes here; a slow machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const key = { id: signingKeyId(testSigningSecret), secret: testSigningSecret };
const clock = testClock(new Date());
let api: TestApi;
let pipeline: Promise<RunningPipeline> | undefined;
let pipelinePort: number;
let apiUrl: string;

beforeAll(async () => {
  pipelinePort = await freePort();
  const apiPort = await freePort();
  apiUrl = `http://127.0.0.1:${apiPort}`;
  api = await createTestApi({
    clock,
    backgroundTasks: true,
    pipeline: createPipelineClient(`http://127.0.0.1:${pipelinePort}`, key, 5000),
    env: { CALLBACK_BASE_URL: apiUrl, MAX_ACTIVE_JOBS_PER_PROJECT: '3' },
  });
  await api.listen({ host: '127.0.0.1', port: apiPort });
}, 60_000);

afterAll(async () => {
  await (await pipeline)?.stop();
  await api.destroy();
});

/** Starts the pipeline once, when the first test needs it; until then jobs find it down. */
const ensurePipeline = () => {
  pipeline ??= startPipeline({ port: pipelinePort, objectsDir: api.objectsDir });
  return pipeline;
};

const customersAndOrders = (customers: number) => ({
  tables: [
    {
      name: 'customers',
      rows: customers,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'name', type: 'full_name' },
        { name: 'email', type: 'email' },
      ],
    },
    {
      name: 'orders',
      parent: { table: 'customers', count: { distribution: 'poisson', mean: 2, max: 5 } },
      fields: [
        { name: 'customer_id', type: 'reference', table: 'customers', field: 'id' },
        { name: 'qty', type: 'integer', min: 1, max: 5 },
      ],
    },
  ],
});

async function owner() {
  const account = await signUp(api);
  const projectId = await createProject(api, account.cookies, 'Jobs');
  return { ...account, projectId };
}

const submit = (projectId: string, cookies: Record<string, string>, payload: Record<string, unknown>) =>
  api.inject({ method: 'POST', url: `/api/projects/${projectId}/jobs`, cookies, payload });

async function waitForStatus(
  projectId: string,
  jobId: string,
  cookies: Record<string, string>,
  statuses: string[],
) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = (await api.inject({ url: `/api/projects/${projectId}/jobs/${jobId}`, cookies })).json();
    if (statuses.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job stayed ${job.status} (${JSON.stringify(job.error)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('jobs without the pipeline', () => {
  test('a job waits, queued, while the pipeline is down, and runs exactly once when it returns', async () => {
    const { projectId, cookies } = await owner();
    const res = await submit(projectId, cookies, {
      name: 'Patient run',
      config: customersAndOrders(500),
      seed: 'abc',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'queued',
      waitingForPipeline: true,
      seed: 'abc',
      outputFormat: 'csv',
    });
    await new Promise((r) => setTimeout(r, 1500));
    const still = (
      await api.inject({ url: `/api/projects/${projectId}/jobs/${res.json().id}`, cookies })
    ).json();
    expect(still.status).toBe('queued');

    const running = await ensurePipeline();
    const done = await waitForStatus(projectId, res.json().id, cookies, ['completed', 'failed']);
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const client = new pg.Client(running.databaseUrl);
    await client.connect();
    const { rows } = await client.query(
      'select count(*)::int as n from pipeline.jobs where idempotency_key = $1',
      [res.json().id],
    );
    await client.end();
    expect(rows[0].n).toBe(1);
  });

  test('rejects a configuration with field-level paths, and keeps nothing', async () => {
    const { projectId, cookies } = await owner();
    const bad = {
      tables: [
        { name: 'people', rows: 10, fields: [{ name: 'age', type: 'integer', min: 10, max: 'lots' }] },
      ],
    };
    const res = await submit(projectId, cookies, { name: 'Broken', config: bad });
    expect(res.statusCode).toBe(400);
    expect(
      res.json().error.details.some((d: { path: string }) => d.path.startsWith('config.tables[0].fields[0]')),
    ).toBe(true);
    expect((await api.inject({ url: `/api/projects/${projectId}/jobs`, cookies })).json().jobs).toEqual([]);
  });
});

describe('jobs on the pipeline', () => {
  test('completes, lists its files, and downloads them whole, by range and as a zip', async () => {
    await ensurePipeline();
    const { projectId, cookies } = await owner();
    const created = await submit(projectId, cookies, {
      name: 'Customers and orders',
      config: customersAndOrders(2000),
    });
    const job = await waitForStatus(projectId, created.json().id, cookies, ['completed', 'failed']);
    expect(job.status, JSON.stringify(job.error)).toBe('completed');
    expect(job.files.map((f: { table: string }) => f.table).sort()).toEqual(['customers', 'orders']);
    expect(JSON.stringify(job)).not.toContain('jobs/');

    const customers = job.files.find((f: { table: string }) => f.table === 'customers');
    const orders = job.files.find((f: { table: string }) => f.table === 'orders');
    expect(customers.name).toBe('customers/part-00000.csv');
    const fileUrl = (name: string) =>
      `/api/projects/${projectId}/jobs/${job.id}/files/${encodeURIComponent(name)}`;
    const ordersFile = await api.inject({ url: fileUrl(orders.name), cookies });
    expect(ordersFile.body.split('\r\n')[0]).toBe('customer_id,qty');
    const file = await api.inject({ url: fileUrl(customers.name), cookies });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="Customers-and-orders-customers-part-00000.csv"',
    );
    const lines = file.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,email');
    expect(lines).toHaveLength(2001);

    const part = await api.inject({
      url: fileUrl(customers.name),
      headers: { range: 'bytes=0-9' },
      cookies,
    });
    expect(part.statusCode).toBe(206);
    expect(part.body).toBe(file.body.slice(0, 10));
    expect(part.headers['content-range']).toBe(`bytes 0-9/${customers.bytes}`);
    const outside = await api.inject({
      url: fileUrl(customers.name),
      headers: { range: `bytes=${customers.bytes + 10}-` },
      cookies,
    });
    expect(outside.statusCode).toBe(416);

    const zip = await api.inject({ url: `/api/projects/${projectId}/jobs/${job.id}/download.zip`, cookies });
    expect(zip.statusCode).toBe(200);
    expect(zip.rawPayload.subarray(0, 4).toString('hex')).toBe('504b0304');

    const project = (await api.inject({ url: `/api/projects/${projectId}`, cookies })).json();
    expect(project.storage.usedBytes).toBe(job.bytes);
    const logs = (
      await api.inject({ url: `/api/projects/${projectId}/jobs/${job.id}/logs`, cookies })
    ).json();
    expect(logs.items.length).toBeGreaterThan(0);
  });

  test('a viewer can see and download but cannot submit or cancel', async () => {
    await ensurePipeline();
    const { projectId, cookies } = await owner();
    const viewer = await signUp(api);
    await addMember(api, projectId, viewer.user.id, 'viewer');
    const created = await submit(projectId, cookies, { name: 'Shared', config: customersAndOrders(100) });
    const job = await waitForStatus(projectId, created.json().id, cookies, ['completed']);
    expect(
      (await submit(projectId, viewer.cookies, { name: 'Nope', config: customersAndOrders(10) })).statusCode,
    ).toBe(403);
    const cancel = await api.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/jobs/${job.id}/cancel`,
      cookies: viewer.cookies,
    });
    expect(cancel.statusCode).toBe(403);
    const file = await api.inject({
      url: `/api/projects/${projectId}/jobs/${job.id}/files/${encodeURIComponent(job.files[0].name)}`,
      cookies: viewer.cookies,
    });
    expect(file.statusCode).toBe(200);
    const finished = await api.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/jobs/${job.id}/cancel`,
      cookies,
    });
    expect(finished.statusCode).toBe(409);
  });

  test('cancels a running job and removes its partial output', async () => {
    await ensurePipeline();
    const { projectId, cookies } = await owner();
    const created = await submit(projectId, cookies, {
      name: 'Big',
      config: { tables: [{ name: 't', rows: 20_000_000, fields: [{ name: 'id', type: 'sequence' }] }] },
    });
    await waitForStatus(projectId, created.json().id, cookies, ['running']);
    const res = await api.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/jobs/${created.json().id}/cancel`,
      cookies,
    });
    expect(res.statusCode).toBe(200);
    const job = await waitForStatus(projectId, created.json().id, cookies, ['cancelled']);
    expect(job.files).toEqual([]);
  });

  test('streams live job changes to the browser, and resumes after a reconnect', async () => {
    await ensurePipeline();
    const { projectId, cookies } = await owner();
    const controller = new AbortController();
    const stream = await fetch(`${apiUrl}/api/projects/${projectId}/events`, {
      headers: { cookie: `synoptic_session=${cookies.synoptic_session}` },
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const created = (
      await submit(projectId, cookies, { name: 'Live', config: customersAndOrders(500) })
    ).json();
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    const statuses: string[] = [];
    let lastId = '';
    let buffer = '';
    while (!statuses.includes('completed')) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      for (const block of buffer.split('\n\n').slice(0, -1)) {
        const data = /^data: (.*)$/m.exec(block)?.[1];
        const id = /^id: (.*)$/m.exec(block)?.[1];
        if (data && JSON.parse(data).id === created.id) statuses.push(JSON.parse(data).status);
        if (id) lastId = id;
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    }
    controller.abort();
    expect(statuses[0]).toBe('queued');
    expect(statuses.at(-1)).toBe('completed');

    const resumed = new AbortController();
    const again = await fetch(`${apiUrl}/api/projects/${projectId}/events`, {
      headers: {
        cookie: `synoptic_session=${cookies.synoptic_session}`,
        'last-event-id': String(Number(lastId) - 1),
      },
      signal: resumed.signal,
    });
    const replay = again.body!.pipeThrough(new TextDecoderStream()).getReader();
    let replayed = '';
    while (!replayed.includes('data: ')) replayed += (await replay.read()).value ?? '';
    resumed.abort();
    expect(replayed).toContain('"status":"completed"');
  });

  test('learns from an uploaded sample, reports on it, and deletes the sample after fitting when asked', async () => {
    await ensurePipeline();
    const { projectId, cookies } = await owner();
    await api.inject({
      method: 'PATCH',
      url: `/api/projects/${projectId}`,
      cookies,
      payload: { deleteSamplesAfterFit: true },
    });
    // Spend grows with age, and pro customers spend more: a twin should keep both.
    let state = 7;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const lines = ['age,plan,monthly_spend,signup_date'];
    for (let i = 0; i < 2000; i++) {
      const age = 18 + Math.floor(next() * 60);
      const plan = next() < 0.7 ? 'free' : 'pro';
      const spend = age * 2 + (plan === 'pro' ? 50 : 0) + next() * 20;
      const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
      lines.push(
        `${age},${plan},${spend.toFixed(2)},2024-${month}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
      );
    }
    const uploaded = await api.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/samples?name=customers.csv`,
      headers: { 'content-type': 'text/csv' },
      payload: lines.join('\n'),
      cookies,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    await api.samples.settled();
    const sampleUrl = `/api/projects/${projectId}/samples/${uploaded.json().id}`;
    const sample = (await api.inject({ url: sampleUrl, cookies })).json();
    expect(sample.status, sample.error).toBe('ready');
    const config = twinConfig(sample.profile, { table: 'customers', sampleId: sample.id, rows: 3000 });

    const preview = await api.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/jobs/preview`,
      cookies,
      payload: { config, rows: 5 },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().tables[0].rows).toHaveLength(5);

    // "Learn as" another type than profiled (an integer as a decimal, a date as a category): the
    // preview model holds those too, so the preview shows them rather than refusing the table.
    const relearned = {
      tables: config.tables.map((t) => ({
        ...t,
        fields: t.fields.map((f) =>
          f.name === 'age'
            ? { ...f, as: 'decimal' as const }
            : f.name === 'signup_date'
              ? { ...f, as: 'category' as const }
              : f,
        ),
      })),
    };
    const asked = await api.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/jobs/preview`,
      cookies,
      payload: { config: relearned, rows: 50 },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const previewRows = asked.json().tables[0].rows as Array<Record<string, unknown>>;
    expect(previewRows.every((row) => typeof row.age === 'number')).toBe(true);
    expect(
      previewRows.every(
        (row) => row.signup_date === null || /^2024-\d\d-\d\d$/.test(String(row.signup_date)),
      ),
    ).toBe(true);

    // A type fitting would refuse is refused with fitting's own reason, as the job would be.
    const asInteger = await api.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/jobs/preview`,
      cookies,
      payload: {
        config: {
          tables: config.tables.map((t) => ({
            ...t,
            fields: t.fields.map((f) => (f.name === 'signup_date' ? { ...f, as: 'integer' as const } : f)),
          })),
        },
      },
    });
    expect(asInteger.statusCode).toBe(422);
    expect(asInteger.json().error.message).toBe(
      "table 'customers', field 'signup_date': column 'signup_date' holds date values, which cannot be learned as integer; choose another type for it",
    );

    // A learned column the sample lacks: the engine's refusal, in its words, is the user's 422.
    const [table] = config.tables;
    const wrong = {
      tables: [{ ...table!, fields: [...table!.fields, { name: 'salary', type: 'learned' }] }],
    };
    for (const path of ['jobs/preview', 'jobs']) {
      const refused = await api.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/${path}`,
        cookies,
        payload: { name: 'Salaries', config: wrong },
      });
      expect(refused.statusCode, `${path}: ${refused.body}`).toBe(422);
      expect(refused.json().error.message).toMatch(/salary/);
    }

    const created = await submit(projectId, cookies, { name: 'Twin', config, seed: 'twin' });
    expect(created.statusCode, created.body).toBe(201);
    const job = await waitForStatus(projectId, created.json().id, cookies, ['completed', 'failed']);
    expect(job.status, JSON.stringify(job.error)).toBe('completed');
    expect(job.report.privacyPassed).toBe(true);
    expect(job.report.quality).toBeGreaterThan(0.8);

    const report = await api.inject({ url: `/api/projects/${projectId}/jobs/${job.id}/report`, cookies });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().tables[0]).toMatchObject({ table: 'customers', source: 'sample' });
    expect(report.json().summary.quality).toBe(job.report.quality);
    const file = await api.inject({
      url: `/api/projects/${projectId}/jobs/${job.id}/files/${encodeURIComponent(job.files[0].name)}`,
      cookies,
    });
    expect(file.statusCode).toBe(200);
    expect(file.body.trimEnd().split('\r\n')).toHaveLength(3001);

    // The file goes just after the job is recorded as completed.
    const deadline = Date.now() + 10_000;
    let removed = (await api.inject({ url: sampleUrl, cookies })).json();
    while (removed.status === 'ready' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      removed = (await api.inject({ url: sampleUrl, cookies })).json();
    }
    expect(removed).toMatchObject({ status: 'removed', rows: 2000 });
    expect(removed.profile).not.toBeNull();
  });

  test('refuses a job that would exceed the storage quota, with a clear message', async () => {
    await ensurePipeline();
    const { projectId, cookies } = await owner();
    await api.inject({
      method: 'PATCH',
      url: `/api/projects/${projectId}`,
      cookies,
      payload: { storageQuotaBytes: 1024 ** 2 },
    });
    const res = await submit(projectId, cookies, {
      name: 'Too big',
      config: { tables: [{ name: 't', rows: 1_000_000, fields: [{ name: 'id', type: 'uuid' }] }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/storage quota/);
  });

  test('ignores forged and stale pipeline events', async () => {
    const { projectId, cookies } = await owner();
    const created = (
      await submit(projectId, cookies, { name: 'Events', config: customersAndOrders(10) })
    ).json();
    const path = `/api/internal/pipeline-events/${created.id}`;
    const event = (seq: number) =>
      JSON.stringify({
        jobId: 'p1',
        seq,
        type: 'job.status',
        job: {
          id: 'p1',
          status: 'failed',
          stage: 'failed',
          progress: { rowsDone: 0, rowsTotal: null, rowsPerSecond: null, etaSeconds: null, percent: 0 },
          error: { stage: 'generating', message: 'forged' },
          timings: {},
        },
      });
    const forged = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-synoptic-signature': 'v1=00' },
      body: event(99),
    });
    expect(forged.status).toBe(401);
    await api.pool.query('update app.jobs set pipeline_seq = 5 where id = $1', [created.id]);
    const body = event(3);
    const stale = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signRequest(key, { method: 'POST', path, body }) },
      body,
    });
    expect(stale.status).toBe(204);
    const job = (await api.inject({ url: `/api/projects/${projectId}/jobs/${created.id}`, cookies })).json();
    expect(job.error).toBeNull();
  });

  test('limits jobs running at once per project', async () => {
    const { projectId, cookies } = await owner();
    await api.pool.query(
      `insert into app.jobs (id, project_id, name, config, output_format, seed, status)
       select gen_random_uuid(), $1, 'busy', '{}', 'csv', '1', 'running' from generate_series(1, 3)`,
      [projectId],
    );
    const res = await submit(projectId, cookies, { name: 'One more', config: customersAndOrders(10) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/already has 3 jobs queued or running/);
  });

  test('retention deletes old outputs and keeps the job listed as expired', async () => {
    await ensurePipeline();
    const account = await owner();
    const { projectId, email, password } = account;
    let cookies = account.cookies;
    await api.inject({
      method: 'PATCH',
      url: `/api/projects/${projectId}`,
      cookies,
      payload: { retentionDays: 1 },
    });
    const created = await submit(projectId, cookies, { name: 'Old', config: customersAndOrders(100) });
    const job = await waitForStatus(projectId, created.json().id, cookies, ['completed']);
    expect(await api.jobs.sweepRetention()).toBe(0);
    clock.advance(2 * 86_400_000);
    expect(await api.jobs.sweepRetention()).toBeGreaterThanOrEqual(1);
    // Two idle days also ended the session.
    cookies = (await signIn(api, email, password)).cookies;
    const expired = (await api.inject({ url: `/api/projects/${projectId}/jobs/${job.id}`, cookies })).json();
    expect(expired).toMatchObject({ status: 'expired', files: [] });
    const download = await api.inject({
      url: `/api/projects/${projectId}/jobs/${job.id}/files/${encodeURIComponent(job.files[0].name)}`,
      cookies,
    });
    expect(download.statusCode).toBe(409);
    expect((await api.inject({ url: `/api/projects/${projectId}`, cookies })).json().storage.usedBytes).toBe(
      0,
    );
  });
});
