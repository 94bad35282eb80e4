import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type GeneratorConfig, generateShard, planJob } from '@synoptic/generator';
import { createFsObjectStore } from '@synoptic/object-store';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { addMember, createProject, createTestApi, signUp, type TestApi } from '../../../test/harness.ts';
import type { PipelineJob } from '../../platform/pipeline-client.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** Small enough that a test can pass it, large enough for every sample below. */
const maxBytes = 300_000;

type Customer = {
  id: number;
  email: string;
  age: number;
  plan: string;
  monthly_spend: number;
  signup_date: string;
  active: boolean;
};

/** 1,500 customers from a seeded generator: older customers spend more, most are on the free plan. */
function customers(count = 1500): Customer[] {
  let state = 42;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const plans = ['free', 'free', 'free', 'pro', 'pro', 'team'];
  return Array.from({ length: count }, (_, i) => {
    const age = 18 + Math.floor(next() * 60);
    const day = 1 + Math.floor(next() * 28);
    return {
      id: i + 1,
      email: `customer${i + 1}.${Math.floor(next() * 1e6)}@example.com`,
      age,
      plan: plans[Math.floor(next() * plans.length)] as string,
      monthly_spend: Math.round((age * 1.5 + next() * 40) * 100) / 100,
      signup_date: `2024-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      active: next() < 0.8,
    };
  });
}

const csvOf = (rows: Customer[]) =>
  [
    'id,email,age,plan,monthly_spend,signup_date,active',
    ...rows.map((r) => [r.id, r.email, r.age, r.plan, r.monthly_spend, r.signup_date, r.active].join(',')),
  ].join('\n');

const jsonlOf = (rows: Customer[]) => rows.map((r) => JSON.stringify(r)).join('\n');

/** Orders written as Parquet by the engine's own writer. */
async function ordersParquet(): Promise<Buffer> {
  const config: GeneratorConfig = {
    tables: [
      {
        name: 'orders',
        rows: 800,
        fields: [
          { name: 'qty', type: 'integer', min: 1, max: 5 },
          { name: 'price', type: 'decimal', min: 1, max: 100, precision: 2 },
          { name: 'status', type: 'categorical', values: ['new', 'paid', 'shipped'] },
          { name: 'ordered_on', type: 'date', min: '2024-01-01', max: '2024-12-31' },
        ],
      },
    ],
  };
  const plan = planJob(config, { seed: 'orders' });
  const chunks: Buffer[] = [];
  const shard = plan.tables[0]?.shards[0];
  if (!shard) throw new Error('no shard');
  for await (const chunk of generateShard(config, plan, shard, { format: 'parquet' }))
    chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

let api: TestApi;
let owner: Awaited<ReturnType<typeof signUp>>;
let member: Awaited<ReturnType<typeof signUp>>;
let viewer: Awaited<ReturnType<typeof signUp>>;
let stranger: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  api = await createTestApi({ env: { SAMPLE_MAX_BYTES: String(maxBytes) } });
  owner = await signUp(api);
  member = await signUp(api, { name: 'Mo Member' });
  viewer = await signUp(api);
  stranger = await signUp(api);
});
afterAll(() => api.destroy());

async function project(name = 'Samples') {
  const id = await createProject(api, owner.cookies, name);
  await addMember(api, id, member.user.id, 'member');
  await addMember(api, id, viewer.user.id, 'viewer');
  return id;
}

const samplesUrl = (projectId: string) => `/api/projects/${projectId}/samples`;

function upload(
  projectId: string,
  name: string | undefined,
  body: string | Buffer | Readable,
  options: { cookies?: Record<string, string>; contentType?: string; headers?: Record<string, string> } = {},
) {
  return api.inject({
    method: 'POST',
    url: `${samplesUrl(projectId)}${name === undefined ? '' : `?name=${encodeURIComponent(name)}`}`,
    headers: { 'content-type': options.contentType ?? 'text/csv', ...options.headers },
    payload: body,
    cookies: options.cookies ?? owner.cookies,
  });
}

/** The sample once profiling has finished with it. */
async function profiled(projectId: string, sampleId: string) {
  await api.samples.settled();
  const res = await api.inject({ url: `${samplesUrl(projectId)}/${sampleId}`, cookies: owner.cookies });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const bucketOf = async (projectId: string) =>
  (await api.pool.query<{ bucket: string }>('select bucket from app.projects where id = $1', [projectId]))
    .rows[0]?.bucket as string;

async function storedKeys(projectId: string) {
  const keys: string[] = [];
  for await (const object of createFsObjectStore(api.objectsDir).list(await bucketOf(projectId), 'samples/'))
    keys.push(object.key);
  return keys;
}

const usedBytes = async (projectId: string) =>
  (await api.inject({ url: `/api/projects/${projectId}`, cookies: owner.cookies })).json().storage.usedBytes;

const localCopies = () => readdir(join(api.viewerCacheDir, 'samples')).catch(() => []);

const typesOf = (profile: { columns: Array<{ name: string; type: string }> }) =>
  Object.fromEntries(profile.columns.map((c) => [c.name, c.type]));

describe('uploading a sample', () => {
  test('streams a CSV to the bucket, profiles it in the background and keeps a preview model', async () => {
    const projectId = await project();
    const csv = csvOf(customers());
    const res = await upload(projectId, 'Customers 2024.csv', csv);
    expect(res.statusCode, res.body).toBe(201);
    const sample = res.json();
    expect(sample).toMatchObject({
      name: 'Customers 2024.csv',
      format: 'csv',
      bytes: Buffer.byteLength(csv),
      status: 'profiling',
      rows: null,
      createdBy: { id: owner.user.id },
    });
    expect(await storedKeys(projectId)).toEqual([`samples/${sample.id}/Customers-2024.csv`]);
    expect(await usedBytes(projectId)).toBe(Buffer.byteLength(csv));

    const ready = await profiled(projectId, sample.id);
    expect(ready).toMatchObject({ status: 'ready', rows: 1500, columns: 7, error: null });
    expect(typesOf(ready.profile)).toMatchObject({
      age: 'integer',
      plan: 'category',
      monthly_spend: 'decimal',
      signup_date: 'date',
      active: 'boolean',
    });
    const email = ready.profile.columns.find((c: { name: string }) => c.name === 'email');
    expect(email.personalData).toBe('email');
    expect(email.suggested.type).toBe('email');
    for (const example of email.examples) expect(csv).not.toContain(example);
    expect(ready.profile.columns.find((c: { name: string }) => c.name === 'age').suggested.type).toBe(
      'learned',
    );

    const { rows } = await api.pool.query('select preview_model from app.samples where id = $1', [sample.id]);
    expect(rows[0].preview_model).not.toBeNull();
    expect(await localCopies()).toEqual([]);

    const audit = (
      await api.inject({ url: `/api/projects/${projectId}/audit`, cookies: owner.cookies })
    ).json();
    expect(audit.events[0]).toMatchObject({
      action: 'sample.uploaded',
      target: 'Customers 2024.csv',
      details: { bytes: Buffer.byteLength(csv), format: 'csv' },
    });
  });

  test('reads JSONL and Parquet too', async () => {
    const projectId = await project();
    const jsonl = await upload(projectId, 'customers.jsonl', jsonlOf(customers(600)), {
      contentType: 'application/x-ndjson',
    });
    expect(jsonl.statusCode, jsonl.body).toBe(201);
    const parquet = await upload(projectId, 'orders.parquet', await ordersParquet(), {
      contentType: 'application/vnd.apache.parquet',
    });
    expect(parquet.statusCode, parquet.body).toBe(201);

    const fromJsonl = await profiled(projectId, jsonl.json().id);
    expect(fromJsonl).toMatchObject({ status: 'ready', format: 'jsonl', rows: 600, columns: 7 });
    expect(typesOf(fromJsonl.profile)).toMatchObject({ age: 'integer', plan: 'category', active: 'boolean' });
    const fromParquet = await profiled(projectId, parquet.json().id);
    expect(fromParquet).toMatchObject({ status: 'ready', format: 'parquet', rows: 800, columns: 4 });
    expect(typesOf(fromParquet.profile)).toEqual({
      qty: 'integer',
      price: 'decimal',
      status: 'category',
      ordered_on: 'date',
    });

    const list = (await api.inject({ url: samplesUrl(projectId), cookies: viewer.cookies })).json();
    expect(list.samples.map((s: { name: string }) => s.name)).toEqual(['orders.parquet', 'customers.jsonl']);
  });

  test('fails a file that cannot be read, with the reader’s reason, and keeps nothing locally', async () => {
    const projectId = await project();
    const res = await upload(projectId, 'broken.parquet', 'this is not parquet at all', {
      contentType: 'application/octet-stream',
    });
    expect(res.statusCode, res.body).toBe(201);
    const failed = await profiled(projectId, res.json().id);
    expect(failed).toMatchObject({ status: 'failed', profile: null });
    expect(failed.error).toMatch(/parquet/i);
    expect(await localCopies()).toEqual([]);
  });

  test('rejects a name without a known extension, a missing name and a body that is not a file', async () => {
    const projectId = await project();
    const xlsx = await upload(projectId, 'customers.xlsx', 'a,b\n1,2');
    expect(xlsx.statusCode).toBe(400);
    expect(xlsx.json().error.details).toEqual([
      { path: 'name', message: 'Use a file ending in .csv, .tsv, .jsonl, .ndjson or .parquet.' },
    ]);
    const unnamed = await upload(projectId, undefined, 'a,b\n1,2');
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.details[0].path).toBe('name');
    const json = await upload(projectId, 'customers.csv', JSON.stringify({ a: 1 }), {
      contentType: 'application/json',
    });
    expect(json.statusCode).toBe(415);
    const empty = await upload(projectId, 'empty.csv', '');
    expect(empty.statusCode).toBe(400);
    expect((await api.inject({ url: samplesUrl(projectId), cookies: owner.cookies })).json().samples).toEqual(
      [],
    );
    expect(await storedKeys(projectId)).toEqual([]);
  });

  test('refuses a file over the limit, from its length or while streaming, leaving nothing behind', async () => {
    const projectId = await project();
    const big = 'x,y\n'.repeat(maxBytes / 4 + 1000);
    const declared = await upload(projectId, 'big.csv', big);
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.message).toBe(
      'This file is larger than 300.0 KB, the most a sample may be. Upload an extract of it.',
    );
    // Without a length the limit is found mid-stream: the part already stored must go.
    const streamed = await upload(
      projectId,
      'big.csv',
      Readable.from(Array.from({ length: 40 }, () => Buffer.from('x,y\n'.repeat(2500)))),
    );
    expect(streamed.statusCode).toBe(413);
    expect(streamed.headers.connection).toBe('close');
    expect(await storedKeys(projectId)).toEqual([]);
    expect(await localCopies()).toEqual([]);
    const { rows } = await api.pool.query(
      'select count(*)::int as n from app.samples where project_id = $1',
      [projectId],
    );
    expect(rows[0].n).toBe(0);
    expect(await usedBytes(projectId)).toBe(0);
  });

  test('over HTTP, a client streaming far too much gets the refusal and can stop sending', async () => {
    const projectId = await project();
    const base = await api.listen({ host: '127.0.0.1', port: 0 });
    const chunk = new TextEncoder().encode('x,y\n'.repeat(16_384));
    let sent = 0;
    const body = new ReadableStream({
      pull(controller) {
        if (sent >= 50_000_000) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${base}${samplesUrl(projectId)}?name=huge.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', cookie: `synoptic_session=${owner.cookies.synoptic_session}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(sent).toBeLessThan(50_000_000);
    expect(await storedKeys(projectId)).toEqual([]);
    expect(await localCopies()).toEqual([]);
  });

  test('counts samples against the storage quota', async () => {
    const projectId = await project();
    const quota = 1024 ** 2;
    await api.inject({
      method: 'PATCH',
      url: `/api/projects/${projectId}`,
      cookies: owner.cookies,
      payload: { storageQuotaBytes: quota },
    });
    await api.pool.query('update app.projects set storage_used_bytes = $2 where id = $1', [
      projectId,
      quota - 20_000,
    ]);
    const csv = csvOf(customers());
    const declared = await upload(projectId, 'customers.csv', csv);
    expect(declared.statusCode).toBe(422);
    expect(declared.json().error.message).toMatch(
      /^This sample is \d+\.\d KB, but the project has 20\.0 KB left/,
    );
    const streamed = await upload(projectId, 'customers.csv', Readable.from([Buffer.from(csv)]));
    expect(streamed.statusCode).toBe(422);
    expect(streamed.json().error.message).toMatch(/storage quota/);
    expect(await storedKeys(projectId)).toEqual([]);
    expect(await usedBytes(projectId)).toBe(quota - 20_000);
  });
});

describe('deleting a sample', () => {
  test('removes its file and gives the storage back', async () => {
    const projectId = await project();
    const created = (
      await upload(projectId, 'customers.csv', csvOf(customers(200)), { cookies: member.cookies })
    ).json();
    await profiled(projectId, created.id);
    const res = await api.inject({
      method: 'DELETE',
      url: `${samplesUrl(projectId)}/${created.id}`,
      cookies: member.cookies,
    });
    expect(res.statusCode).toBe(204);
    expect(await storedKeys(projectId)).toEqual([]);
    expect(await usedBytes(projectId)).toBe(0);
    const gone = await api.inject({ url: `${samplesUrl(projectId)}/${created.id}`, cookies: owner.cookies });
    expect(gone.statusCode).toBe(404);
    const audit = (
      await api.inject({ url: `/api/projects/${projectId}/audit`, cookies: owner.cookies })
    ).json();
    expect(audit.events[0]).toMatchObject({
      action: 'sample.deleted',
      target: 'customers.csv',
      actor: { email: member.email },
    });
  });

  test('is refused while a queued job learns from it, and allowed once that job is cancelled', async () => {
    const projectId = await project();
    const sample = (await upload(projectId, 'customers.csv', csvOf(customers(400)))).json();
    const { profile } = await profiled(projectId, sample.id);
    // No pipeline runs in this file: the job stays queued.
    const job = await api.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/jobs`,
      cookies: owner.cookies,
      payload: {
        name: 'Twin',
        config: {
          tables: [
            {
              name: 'customers',
              rows: 100,
              sample: { id: sample.id },
              fields: profile.columns.map((c: { suggested: unknown }) => c.suggested),
            },
          ],
        },
      },
    });
    expect(job.statusCode, job.body).toBe(201);
    const del = () =>
      api.inject({ method: 'DELETE', url: `${samplesUrl(projectId)}/${sample.id}`, cookies: owner.cookies });
    const refused = await del();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({
      code: 'sample_in_use',
      message:
        'A queued or running job learns from this sample. Wait for it to finish, or cancel it, then delete the sample.',
    });
    await api.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/jobs/${job.json().id}/cancel`,
      cookies: owner.cookies,
    });
    expect((await del()).statusCode).toBe(204);
  });
});

describe('who may do what', () => {
  test('viewers read, members and up upload and delete, strangers see nothing, and a session is needed', async () => {
    const projectId = await project();
    const sample = (await upload(projectId, 'customers.csv', csvOf(customers(100)))).json();
    await profiled(projectId, sample.id);
    const one = `${samplesUrl(projectId)}/${sample.id}`;

    expect((await api.inject({ url: samplesUrl(projectId), cookies: viewer.cookies })).statusCode).toBe(200);
    expect((await api.inject({ url: one, cookies: viewer.cookies })).statusCode).toBe(200);
    const viewerUpload = await upload(projectId, 'more.csv', 'a\n1', { cookies: viewer.cookies });
    expect(viewerUpload.statusCode).toBe(403);
    expect(viewerUpload.json().error.message).toContain('needs member or higher');
    expect((await api.inject({ method: 'DELETE', url: one, cookies: viewer.cookies })).statusCode).toBe(403);

    for (const request of [
      { url: samplesUrl(projectId) },
      { url: one },
      { method: 'DELETE' as const, url: one },
    ]) {
      expect((await api.inject({ ...request, cookies: stranger.cookies })).statusCode, request.url).toBe(404);
      expect((await api.inject(request)).statusCode, request.url).toBe(401);
    }
    expect((await upload(projectId, 'more.csv', 'a\n1', { cookies: stranger.cookies })).statusCode).toBe(404);
    expect((await upload(projectId, 'more.csv', 'a\n1', { cookies: {} })).statusCode).toBe(401);

    for (const method of ['GET', 'DELETE'] as const) {
      const badId = await api.inject({
        method,
        url: `${samplesUrl(projectId)}/nope`,
        cookies: owner.cookies,
      });
      expect(badId.statusCode, method).toBe(400);
      expect(badId.json().error.details[0].path).toBe('sampleId');
    }
    expect(
      (
        await api.inject({
          url: `${samplesUrl(projectId)}/00000000-0000-7000-8000-000000000000`,
          cookies: owner.cookies,
        })
      ).statusCode,
    ).toBe(404);
  });

  test('refuses an upload a page of another site sends with the session cookie', async () => {
    const projectId = await project();
    const res = await upload(projectId, 'customers.csv', 'a\n1', {
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect(await storedKeys(projectId)).toEqual([]);
  });
});

describe('profiling after a restart', () => {
  test('a sample left profiling by a stopped process is profiled again from its stored file', async () => {
    const projectId = await project();
    const sample = (await upload(projectId, 'customers.csv', csvOf(customers(300)))).json();
    await profiled(projectId, sample.id);
    await api.pool.query(
      `update app.samples set status = 'profiling', profile = null, rows = null, columns = null,
         profiling_until = now() - interval '1 minute' where id = $1`,
      [sample.id],
    );
    expect(await api.samples.resumeProfiling()).toBe(1);
    expect(await profiled(projectId, sample.id)).toMatchObject({ status: 'ready', rows: 300 });
    expect(await api.samples.resumeProfiling()).toBe(0);
  });

  test('fails one whose file is gone', async () => {
    const projectId = await project();
    const sample = (await upload(projectId, 'customers.csv', csvOf(customers(50)))).json();
    await profiled(projectId, sample.id);
    await createFsObjectStore(api.objectsDir).deletePrefix(await bucketOf(projectId), 'samples/');
    await api.pool.query(
      `update app.samples set status = 'profiling', profiling_until = now() - interval '1 minute' where id = $1`,
      [sample.id],
    );
    await api.samples.resumeProfiling();
    expect(await profiled(projectId, sample.id)).toMatchObject({
      status: 'failed',
      error:
        'The uploaded file is gone, so the sample cannot be profiled. Delete it and upload the file again.',
    });
  });
});

describe('profiling across a graceful restart', () => {
  test('a sample uploaded while the api shuts down is profiled by the next one at once', async () => {
    const first = await createTestApi({ env: { SAMPLE_MAX_BYTES: String(maxBytes) } });
    let second: TestApi | undefined;
    try {
      const user = await signUp(first);
      const projectId = await createProject(first, user.cookies, 'Restart');
      // Shutting down: the upload in flight is stored, its profiling left to the next process.
      await first.samples.close();
      const res = await first.inject({
        method: 'POST',
        url: `${samplesUrl(projectId)}?name=customers.csv`,
        headers: { 'content-type': 'text/csv' },
        payload: csvOf(customers(200)),
        cookies: user.cookies,
      });
      expect(res.statusCode, res.body).toBe(201);
      await first.samples.settled();
      second = await createTestApi({
        databaseUrl: first.pool.options.connectionString as string,
        objectStore: createFsObjectStore(first.objectsDir),
      });
      expect(await second.samples.resumeProfiling()).toBe(1);
      await second.samples.settled();
      const sample = await second.inject({
        url: `${samplesUrl(projectId)}/${res.json().id}`,
        cookies: user.cookies,
      });
      expect(sample.json()).toMatchObject({ status: 'ready', rows: 200 });
    } finally {
      await second?.destroy();
      await first.destroy();
    }
  });
});

describe('deleting samples after fitting', () => {
  /** What the pipeline reports for a job that stopped at `stage` (a callback, applied as it would be). */
  const stopped = (status: 'failed' | 'cancelled', stage: string): PipelineJob =>
    ({
      id: `p-${stage}`,
      status,
      stage: status,
      progress: { rowsDone: 0, rowsTotal: null, rowsPerSecond: null, etaSeconds: null, percent: 0 },
      error: status === 'failed' ? { stage, message: 'the worker stopped' } : null,
      timings: {},
    }) as unknown as PipelineJob;

  async function twinJob(projectId: string, sampleId: string, fields: unknown[]) {
    const res = await api.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/jobs`,
      cookies: owner.cookies,
      payload: {
        name: 'Twin',
        config: { tables: [{ name: 't', rows: 50, sample: { id: sampleId }, fields }] },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  test('when the project asks for it, the file goes once every job that learned from it has finished', async () => {
    const projectId = await project();
    await api.inject({
      method: 'PATCH',
      url: `/api/projects/${projectId}`,
      cookies: owner.cookies,
      payload: { deleteSamplesAfterFit: true },
    });
    const sample = (await upload(projectId, 'customers.csv', csvOf(customers(300)))).json();
    const { profile } = await profiled(projectId, sample.id);
    const fields = profile.columns.map((c: { suggested: unknown }) => c.suggested);
    const first = await twinJob(projectId, sample.id, fields);
    const second = await twinJob(projectId, sample.id, fields);
    const third = await twinJob(projectId, sample.id, fields);
    const fourth = await twinJob(projectId, sample.id, fields);
    const status = async () => (await profiled(projectId, sample.id)).status;
    const runningAt = (jobId: string, stage: string) =>
      api.pool.query(`update app.jobs set status = 'running', stage = $2 where id = $1`, [jobId, stage]);

    // Failing before its model was fitted, a job learned nothing: the sample stays.
    await api.jobs.apply(first, stopped('failed', 'fitting'));
    expect(await status()).toBe('ready');
    // This one learned from it, but two others still need the file.
    await api.jobs.apply(second, stopped('failed', 'generating'));
    expect(await status()).toBe('ready');
    // Cancelled while it was fitting, as it last reported: it learned nothing either.
    await runningAt(third, 'fitting');
    await api.jobs.apply(third, stopped('cancelled', 'fitting'));
    expect(await status()).toBe('ready');
    // Cancelled while writing its report, the last job that needed the file.
    await runningAt(fourth, 'reporting');
    await api.jobs.apply(fourth, stopped('cancelled', 'reporting'));

    const removed = await profiled(projectId, sample.id);
    expect(removed).toMatchObject({ status: 'removed', rows: 300 });
    expect(removed.removedAt).not.toBeNull();
    expect(removed.profile.columns).toHaveLength(7);
    expect(await storedKeys(projectId)).toEqual([]);
    expect(await usedBytes(projectId)).toBe(0);

    const again = await api.inject({
      method: 'POST',
      url: `/api/projects/${projectId}/jobs`,
      cookies: owner.cookies,
      payload: {
        name: 'Again',
        config: { tables: [{ name: 't', rows: 5, sample: { id: sample.id }, fields }] },
      },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details).toEqual([
      { path: 'config.tables[0].sample.id', message: 'sample was removed' },
    ]);
  });

  test('keeps the file when the project does not ask for it', async () => {
    const projectId = await project();
    const sample = (await upload(projectId, 'customers.csv', csvOf(customers(100)))).json();
    const { profile } = await profiled(projectId, sample.id);
    const job = await twinJob(
      projectId,
      sample.id,
      profile.columns.map((c: { suggested: unknown }) => c.suggested),
    );
    await api.jobs.apply(job, stopped('failed', 'generating'));
    expect((await profiled(projectId, sample.id)).status).toBe('ready');
  });
});

describe('jobs that learn from samples', () => {
  test('name the table whose sample cannot be used', async () => {
    const projectId = await project();
    const elsewhere = await project('Elsewhere');
    const theirs = (await upload(elsewhere, 'customers.csv', csvOf(customers(100)))).json();
    const { profile } = await profiled(elsewhere, theirs.id);
    const fields = profile.columns.map((c: { suggested: unknown }) => c.suggested);
    const mine = (await upload(projectId, 'customers.csv', csvOf(customers(100)))).json();
    await profiled(projectId, mine.id);
    await api.pool.query(`update app.samples set status = 'profiling' where id = $1`, [mine.id]);

    const config = {
      tables: [
        { name: 'a', rows: 5, sample: { id: theirs.id }, fields },
        { name: 'b', rows: 5, sample: { id: mine.id }, fields },
      ],
    };
    for (const path of ['jobs', 'jobs/preview']) {
      const res = await api.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/${path}`,
        cookies: owner.cookies,
        payload: { name: 'Borrowed', config },
      });
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.details).toEqual([
        { path: 'config.tables[0].sample.id', message: 'no such sample in this project' },
        { path: 'config.tables[1].sample.id', message: 'sample is still being profiled' },
      ]);
    }
    expect(
      (await api.inject({ url: `/api/projects/${projectId}/jobs`, cookies: owner.cookies })).json().jobs,
    ).toEqual([]);
  });
});
