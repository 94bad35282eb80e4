import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { GeneratorConfig } from '@synoptic/generator';
import { createFsObjectStore, type ObjectStore } from '@synoptic/object-store';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createCompletedJob } from '../../../test/completed-job.ts';
import { addMember, createProject, createTestApi, signUp, type TestApi } from '../../../test/harness.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const config: GeneratorConfig = {
  tables: [
    {
      name: 'customers',
      rows: 3000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'age', type: 'age' },
        { name: 'income', type: 'decimal', min: 0, max: 200000 },
        { name: 'signup_date', type: 'date', min: '2020-01-01', max: '2024-12-31' },
        { name: 'city', type: 'city' },
        { name: 'tier', type: 'categorical', values: ['bronze', 'silver', 'gold'], nullPercent: 10 },
      ],
    },
  ],
};

type Customer = { id: number; age: number; income: number; signup_date: string; city: string; tier: string };

/** The file-system store, but every read starts `ms` late: a distant object store. */
function slowStore(dir: string, ms: number): ObjectStore {
  const store = createFsObjectStore(dir);
  return {
    ...store,
    get: async (...args) => {
      await delay(ms);
      return store.get(...args);
    },
  };
}

let api: TestApi;
let owner: Awaited<ReturnType<typeof signUp>>;
let viewer: Awaited<ReturnType<typeof signUp>>;
let stranger: Awaited<ReturnType<typeof signUp>>;
let projectId: string;
let jobId: string;
/** The generated rows, read from the file download: what every figure is checked against. */
let customers: Customer[];

const base = () => `/api/projects/${projectId}/jobs/${jobId}/dataset`;
const rows = (payload: Record<string, unknown>, cookies = owner.cookies, table = 'customers') =>
  api.inject({ method: 'POST', url: `${base()}/tables/${table}/rows`, cookies, payload });

beforeAll(async () => {
  api = await createTestApi();
  owner = await signUp(api);
  viewer = await signUp(api);
  stranger = await signUp(api);
  projectId = await createProject(api, owner.cookies, 'Viewer');
  await addMember(api, projectId, viewer.user.id, 'viewer');
  jobId = await createCompletedJob(api, { projectId, userId: owner.user.id, config, name: 'Customers' });
  const job = (
    await api.inject({ url: `/api/projects/${projectId}/jobs/${jobId}`, cookies: owner.cookies })
  ).json();
  const lines: string[] = [];
  for (const file of job.files) {
    const res = await api.inject({
      url: `/api/projects/${projectId}/jobs/${jobId}/files/${encodeURIComponent(file.name)}`,
      cookies: owner.cookies,
    });
    lines.push(...res.body.trimEnd().split('\r\n').slice(1));
  }
  customers = lines.map((line) => {
    const [id, age, income, signup_date, city, tier] = line.split(',');
    return { id: Number(id), age: Number(age), income: Number(income), signup_date, city, tier } as Customer;
  });
});
afterAll(() => api.destroy());

describe('dataset viewer', () => {
  test('describes the tables with each column’s kind, for a viewer too', async () => {
    const res = await api.inject({ url: base(), cookies: viewer.cookies });
    expect(res.statusCode, res.body).toBe(200);
    const [table] = res.json().tables;
    expect(table.name).toBe('customers');
    expect(table.rows).toBe(3000);
    expect(
      Object.fromEntries(table.columns.map((c: { name: string; kind: string }) => [c.name, c.kind])),
    ).toEqual({
      id: 'integer',
      age: 'integer',
      income: 'decimal',
      signup_date: 'date',
      city: 'text',
      tier: 'text',
    });
  });

  test('pages, sorts and filters, with the total of the filtered rows', async () => {
    const page = (await rows({ offset: 100, limit: 50 })).json();
    expect(page.total).toBe(3000);
    expect(page.rows).toHaveLength(50);
    expect(page.rows[0][0]).toBe(customers[100]!.id);

    const oldest = (await rows({ sort: [{ column: 'age', direction: 'desc' }], limit: 5 })).json();
    expect(oldest.rows.map((r: unknown[]) => r[1])).toEqual(
      customers
        .map((c) => c.age)
        .sort((a, b) => b - a)
        .slice(0, 5),
    );

    const city = customers[0]!.city;
    const filtered = (
      await rows({
        filters: [
          { column: 'city', op: 'eq', value: city },
          { column: 'age', op: 'between', min: 30, max: 60 },
        ],
        limit: 500,
      })
    ).json();
    const expected = customers.filter((c) => c.city === city && c.age >= 30 && c.age <= 60);
    expect(filtered.total).toBe(expected.length);
    expect(filtered.rows.map((r: unknown[]) => r[0])).toEqual(expected.map((c) => c.id));

    const nulls = (await rows({ filters: [{ column: 'tier', op: 'is_null' }] })).json();
    expect(nulls.total).toBe(customers.filter((c) => c.tier === '').length);
    const recent = (
      await rows({
        filters: [
          { column: 'signup_date', op: 'gte', value: '2024-01-01' },
          { column: 'tier', op: 'in', values: ['gold'] },
        ],
      })
    ).json();
    expect(recent.total).toBe(
      customers.filter((c) => c.signup_date >= '2024-01-01' && c.tier === 'gold').length,
    );
  });

  test('column statistics match the data', async () => {
    const res = await api.inject({
      method: 'POST',
      url: `${base()}/tables/customers/columns/age/stats`,
      cookies: viewer.cookies,
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    const ages = customers.map((c) => c.age);
    expect(stats.min).toBe(Math.min(...ages));
    expect(stats.max).toBe(Math.max(...ages));
    expect(stats.mean).toBeCloseTo(ages.reduce((a, b) => a + b, 0) / ages.length, 6);
    expect(stats.distinct).toBeGreaterThan(10);
    expect(stats.histogram.reduce((sum: number, bin: { count: number }) => sum + bin.count, 0)).toBe(3000);

    const tiers = (
      await api.inject({
        method: 'POST',
        url: `${base()}/tables/customers/columns/tier/stats`,
        cookies: owner.cookies,
        payload: { filters: [{ column: 'age', op: 'gt', value: 50 }] },
      })
    ).json();
    expect(tiers.count).toBe(customers.filter((c) => c.age > 50).length);
    expect(tiers.nulls).toBe(customers.filter((c) => c.age > 50 && c.tier === '').length);
    expect(tiers.top.map((t: { value: string }) => t.value).sort()).toEqual(['bronze', 'gold', 'silver']);
  });

  test('exports the filtered, sorted view as CSV', async () => {
    const view = JSON.stringify({
      filters: [{ column: 'tier', op: 'eq', value: 'silver' }],
      sort: [{ column: 'income', direction: 'desc' }],
    });
    const res = await api.inject({
      url: `${base()}/tables/customers/export.csv?view=${encodeURIComponent(view)}`,
      cookies: viewer.cookies,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Customers-customers-view.csv"');
    const lines = res.body.trimEnd().split(/\r?\n/);
    expect(lines[0]).toBe('id,age,income,signup_date,city,tier');
    const silver = customers.filter((c) => c.tier === 'silver').sort((a, b) => b.income - a.income);
    expect(lines).toHaveLength(silver.length + 1);
    expect(Number(lines[1]!.split(',')[0])).toBe(silver[0]!.id);

    const bad = await api.inject({
      url: `${base()}/tables/customers/export.csv?view=${encodeURIComponent('{"filters":[{"column":"age","op":"near"}]}')}`,
      cookies: viewer.cookies,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toMatch(/^view\.filters\[0\]/);
  });

  test('bad input gets a 400 naming the field, and stored data is untouched', async () => {
    const unknown = await rows({ filters: [{ column: 'salary', op: 'gt', value: 1 }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toMatch(/filters.*0.*column/);
    expect(unknown.json().error.message).toContain('salary');

    const wrongType = await rows({ filters: [{ column: 'age', op: 'gt', value: 'old' }] });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.details[0].path).toMatch(/filters.*0/);

    const tooMany = await rows({ limit: 501 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details[0].path).toBe('limit');

    const badOp = await rows({ filters: [{ column: 'age', op: 'like', value: 1 }] });
    expect(badOp.statusCode).toBe(400);

    const badSort = await rows({ sort: [{ column: 'nope' }] });
    expect(badSort.statusCode).toBe(400);

    const noTable = await rows({}, owner.cookies, 'orders');
    expect(noTable.statusCode).toBe(404);

    expect((await rows({})).json().total).toBe(3000);
  });

  test('a column that does not exist is a 404 for its statistics', async () => {
    const res = await api.inject({
      method: 'POST',
      url: `${base()}/tables/customers/columns/salary/stats`,
      cookies: owner.cookies,
      payload: {},
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('salary');
  });

  test('strangers learn nothing, anonymous callers are refused', async () => {
    const asStranger = await api.inject({ url: base(), cookies: stranger.cookies });
    expect(asStranger.statusCode).toBe(404);
    expect(asStranger.body).not.toContain('customers');
    const anonymous = await api.inject({ url: base() });
    expect(anonymous.statusCode).toBe(401);
    const strangerRows = await rows({}, stranger.cookies);
    expect(strangerRows.statusCode).toBe(404);
  });

  test('a job with no viewable output answers 409 with the reason', async () => {
    const sqlJob = await createCompletedJob(api, { projectId, userId: owner.user.id, config, format: 'sql' });
    const res = await api.inject({
      url: `/api/projects/${projectId}/jobs/${sqlJob}/dataset`,
      cookies: owner.cookies,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('SQL');
    await api.pool.query(`update app.jobs set status = 'running' where id = $1`, [sqlJob]);
    const running = await api.inject({
      url: `/api/projects/${projectId}/jobs/${sqlJob}/dataset`,
      cookies: owner.cookies,
    });
    expect(running.statusCode).toBe(409);
    expect(running.json().error.message).toContain('until it completes');
  });

  test('reads JSONL, Parquet and CSV with another delimiter alike', async () => {
    for (const options of [
      { format: 'jsonl' },
      { format: 'parquet' },
      { format: 'csv', csv: { delimiter: ';' } },
    ] as const) {
      const id = await createCompletedJob(api, { projectId, userId: owner.user.id, config, ...options });
      const res = await api.inject({
        method: 'POST',
        url: `/api/projects/${projectId}/jobs/${id}/dataset/tables/customers/rows`,
        cookies: owner.cookies,
        payload: { sort: [{ column: 'id', direction: 'asc' }], limit: 3 },
      });
      expect(res.statusCode, `${options.format}: ${res.body}`).toBe(200);
      expect(res.json().total).toBe(3000);
      expect(res.json().rows[0].slice(0, 2)).toEqual([customers[0]!.id, customers[0]!.age]);
    }
  });

  test('a slow first open answers 202 "preparing" at once, then 200 when the import is done', async () => {
    const objects = await mkdtemp(join(tmpdir(), 'synoptic-slow-objects-'));
    const other = await createTestApi({
      objectStore: slowStore(objects, 3000),
      env: { OBJECT_STORE_DIR: objects },
    });
    try {
      const someone = await signUp(other);
      const project = await createProject(other, someone.cookies, 'Slow');
      const id = await createCompletedJob(other, { projectId: project, userId: someone.user.id, config });
      const url = `/api/projects/${project}/jobs/${id}/dataset`;
      const started = Date.now();
      const first = await other.inject({ url, cookies: someone.cookies });
      expect(first.statusCode, first.body).toBe(202);
      expect(first.json()).toEqual({ jobId: id, status: 'preparing', tables: [] });
      expect(Date.now() - started).toBeLessThan(2900);
      let ready = first;
      for (const deadline = Date.now() + 30_000; ready.statusCode === 202 && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        ready = await other.inject({ url, cookies: someone.cookies });
      }
      expect(ready.statusCode).toBe(200);
      expect(ready.json().tables[0].rows).toBe(3000);
    } finally {
      await other.destroy();
      await rm(objects, { recursive: true, force: true });
    }
  });

  test('deleting a job removes the viewer’s copy of its output', async () => {
    const id = await createCompletedJob(api, { projectId, userId: owner.user.id, config });
    expect(
      (await api.inject({ url: `/api/projects/${projectId}/jobs/${id}/dataset`, cookies: owner.cookies }))
        .statusCode,
    ).toBe(200);
    const cacheDir = api.viewerCacheDir;
    expect(await readdir(cacheDir)).toContain(id);
    const deleted = await api.inject({
      method: 'DELETE',
      url: `/api/projects/${projectId}/jobs/${id}`,
      cookies: owner.cookies,
    });
    expect(deleted.statusCode).toBe(204);
    expect(await readdir(cacheDir)).not.toContain(id);
    const gone = await api.inject({
      url: `/api/projects/${projectId}/jobs/${id}/dataset`,
      cookies: owner.cookies,
    });
    expect(gone.statusCode).toBe(404);
  });

  test('deleting a project removes the viewer’s copies of its jobs’ outputs', async () => {
    const project = await createProject(api, owner.cookies, 'Short-lived');
    const id = await createCompletedJob(api, { projectId: project, userId: owner.user.id, config });
    const opened = await api.inject({
      url: `/api/projects/${project}/jobs/${id}/dataset`,
      cookies: owner.cookies,
    });
    expect(opened.statusCode).toBe(200);
    expect(await readdir(api.viewerCacheDir)).toContain(id);
    const deleted = await api.inject({
      method: 'DELETE',
      url: `/api/projects/${project}`,
      cookies: owner.cookies,
      payload: { confirmName: 'Short-lived' },
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await readdir(api.viewerCacheDir)).not.toContain(id);
  });
});
