import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createFsObjectStore, createS3ObjectStore } from '@synoptic/object-store';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addMember,
  createProject,
  createTestApi,
  goodPassword,
  signUp,
  type TestApi,
} from '../../../test/harness.ts';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.destroy());

const bucketOf = async (projectId: string) =>
  (await api.pool.query('select bucket from app.projects where id = $1', [projectId])).rows[0]
    ?.bucket as string;

describe('creating a project', () => {
  test('makes me owner, applies default settings and provisions its own bucket', async () => {
    const { cookies } = await signUp(api);
    const res = await api.inject({
      method: 'POST',
      url: '/api/projects',
      cookies,
      payload: { name: '  Churn model  ', description: 'Training data for churn' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Churn model',
      description: 'Training data for churn',
      role: 'owner',
      archived: false,
      settings: {
        retentionDays: 30,
        storageQuotaBytes: 10 * 1024 ** 3,
        defaultOutputFormat: 'csv',
        deleteSamplesAfterFit: false,
      },
      storage: { usedBytes: 0, quotaBytes: 10 * 1024 ** 3 },
      memberCount: 1,
      members: { owner: 1, admin: 0, member: 0, viewer: 0 },
    });
    expect(existsSync(join(api.objectsDir, await bucketOf(res.json().id)))).toBe(true);
    expect(res.body).not.toContain('bucket');
  });

  test('reports every invalid setting by field', async () => {
    const { cookies } = await signUp(api);
    const res = await api.inject({
      method: 'POST',
      url: '/api/projects',
      cookies,
      payload: {
        name: '',
        description: 'x'.repeat(2001),
        retentionDays: 0,
        storageQuotaBytes: 10,
        defaultOutputFormat: 'xlsx',
      },
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .error.details.map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual([
      'defaultOutputFormat',
      'description',
      'name',
      'retentionDays',
      'storageQuotaBytes',
    ]);
  });

  test('leaves nothing behind when the storage cannot be provisioned', async () => {
    const broken = await createTestApi({
      objectStore: createS3ObjectStore({
        endpoint: 'http://127.0.0.1:9',
        region: 'us-east-1',
        forcePathStyle: true,
        accessKeyId: 'x',
        secretAccessKey: 'y',
        bucketPrefix: '',
      }),
    });
    try {
      const { cookies } = await signUp(broken);
      const res = await broken.inject({
        method: 'POST',
        url: '/api/projects',
        cookies,
        payload: { name: 'Doomed' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toMatch(/Nothing was saved/);
      const { rows } = await broken.pool.query('select count(*)::int as n from app.projects');
      expect(rows[0].n).toBe(0);
    } finally {
      await broken.destroy();
    }
  });

  test('removes the new bucket again when the database refuses the project', async () => {
    const store = createFsObjectStore(api.objectsDir);
    const failing = await createTestApi({ objectStore: store });
    try {
      await failing.pool.query(`create function app.refuse() returns trigger language plpgsql as $$
        begin raise exception 'disk full'; end $$`);
      await failing.pool.query(
        'create trigger refuse before insert on app.project_members for each row execute function app.refuse()',
      );
      const { cookies } = await signUp(failing);
      const before = await readdir(api.objectsDir);
      const res = await failing.inject({
        method: 'POST',
        url: '/api/projects',
        cookies,
        payload: { name: 'Doomed' },
      });
      expect(res.statusCode).toBe(500);
      expect(await readdir(api.objectsDir)).toEqual(before);
      const { rows } = await failing.pool.query('select count(*)::int as n from app.projects');
      expect(rows[0].n).toBe(0);
    } finally {
      await failing.destroy();
    }
  });
});

describe('listing projects', () => {
  test('shows only mine, with my role, paged by cursor and searchable', async () => {
    const me = await signUp(api);
    const other = await signUp(api);
    for (const name of ['Alpha 100%', 'Beta', 'Gamma', 'Delta', 'Epsilon'])
      await createProject(api, me.cookies, name);
    const theirs = await createProject(api, other.cookies, 'Not mine');
    await addMember(api, theirs, me.user.id, 'viewer');
    await createProject(api, other.cookies, 'Hidden');

    const first = await api.inject({ url: '/api/projects?sort=name&limit=4', cookies: me.cookies });
    expect(first.statusCode).toBe(200);
    expect(first.json().projects.map((p: { name: string }) => p.name)).toEqual([
      'Alpha 100%',
      'Beta',
      'Delta',
      'Epsilon',
    ]);
    const second = await api.inject({
      url: `/api/projects?sort=name&limit=4&cursor=${first.json().nextCursor}`,
      cookies: me.cookies,
    });
    expect(second.json().projects.map((p: { name: string; role: string }) => [p.name, p.role])).toEqual([
      ['Gamma', 'owner'],
      ['Not mine', 'viewer'],
    ]);
    expect(second.json().nextCursor).toBeNull();

    const search = await api.inject({ url: '/api/projects?search=100%25', cookies: me.cookies });
    expect(search.json().projects.map((p: { name: string }) => p.name)).toEqual(['Alpha 100%']);
    const recent = await api.inject({ url: '/api/projects?sort=activity&limit=1', cookies: me.cookies });
    expect(recent.json().projects[0].name).toBe('Not mine');
  });

  test('rejects a forged cursor with a clear message', async () => {
    const { cookies } = await signUp(api);
    const res = await api.inject({ url: '/api/projects?cursor=garbage', cookies });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('cursor');
  });
});

describe('changing a project', () => {
  test('updates settings (admin and up) and records who changed what', async () => {
    const owner = await signUp(api);
    const admin = await signUp(api);
    const id = await createProject(api, owner.cookies, 'Settings');
    await addMember(api, id, admin.user.id, 'admin');
    const res = await api.inject({
      method: 'PATCH',
      url: `/api/projects/${id}`,
      cookies: admin.cookies,
      payload: { retentionDays: 7, defaultOutputFormat: 'parquet' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().settings).toEqual({
      retentionDays: 7,
      storageQuotaBytes: 10 * 1024 ** 3,
      defaultOutputFormat: 'parquet',
      deleteSamplesAfterFit: false,
    });
    const audit = await api.inject({ url: `/api/projects/${id}/audit`, cookies: owner.cookies });
    expect(audit.json().events[0]).toMatchObject({
      actor: { email: admin.email },
      action: 'project.updated',
      details: { retentionDays: 7, defaultOutputFormat: 'parquet' },
    });
  });

  test('turns on deleting samples after fitting, and records it', async () => {
    const owner = await signUp(api);
    const id = await createProject(api, owner.cookies, 'Samples setting');
    const res = await api.inject({
      method: 'PATCH',
      url: `/api/projects/${id}`,
      cookies: owner.cookies,
      payload: { deleteSamplesAfterFit: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings.deleteSamplesAfterFit).toBe(true);
    const again = await api.inject({ url: `/api/projects/${id}`, cookies: owner.cookies });
    expect(again.json().settings.deleteSamplesAfterFit).toBe(true);
    const audit = await api.inject({ url: `/api/projects/${id}/audit`, cookies: owner.cookies });
    expect(audit.json().events[0]).toMatchObject({
      action: 'project.updated',
      details: { deleteSamplesAfterFit: true },
    });
    const bad = await api.inject({
      method: 'PATCH',
      url: `/api/projects/${id}`,
      cookies: owner.cookies,
      payload: { deleteSamplesAfterFit: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('deleteSamplesAfterFit');
  });

  test('bad input changes nothing', async () => {
    const owner = await signUp(api);
    const id = await createProject(api, owner.cookies, 'Stable');
    const res = await api.inject({
      method: 'PATCH',
      url: `/api/projects/${id}`,
      cookies: owner.cookies,
      payload: { name: 'Renamed', retentionDays: 99999 },
    });
    expect(res.statusCode).toBe(400);
    expect((await api.inject({ url: `/api/projects/${id}`, cookies: owner.cookies })).json().name).toBe(
      'Stable',
    );
  });

  test('an archived project is read-only until unarchived', async () => {
    const owner = await signUp(api);
    const id = await createProject(api, owner.cookies, 'Old');
    expect(
      (
        await api.inject({ method: 'POST', url: `/api/projects/${id}/archive`, cookies: owner.cookies })
      ).json().archived,
    ).toBe(true);
    const edit = await api.inject({
      method: 'PATCH',
      url: `/api/projects/${id}`,
      cookies: owner.cookies,
      payload: { name: 'New' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toMatch(/archived and read-only/);
    expect((await api.inject({ url: `/api/projects/${id}`, cookies: owner.cookies })).statusCode).toBe(200);
    await api.inject({ method: 'POST', url: `/api/projects/${id}/unarchive`, cookies: owner.cookies });
    const again = await api.inject({
      method: 'PATCH',
      url: `/api/projects/${id}`,
      cookies: owner.cookies,
      payload: { name: 'New' },
    });
    expect(again.statusCode).toBe(200);
  });
});

describe('deleting a project', () => {
  test('needs the name typed exactly, then removes the project and every stored object', async () => {
    const owner = await signUp(api);
    const id = await createProject(api, owner.cookies, 'Doomed data');
    const bucket = await bucketOf(id);
    const store = createFsObjectStore(api.objectsDir);
    await store.put(bucket, 'jobs/j1/part-0000.csv', Readable.from([Buffer.from('id\n1\n')]));

    const wrong = await api.inject({
      method: 'DELETE',
      url: `/api/projects/${id}`,
      cookies: owner.cookies,
      payload: { confirmName: 'doomed data' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0]).toEqual({
      path: 'confirmName',
      message: 'Type “Doomed data” to confirm.',
    });
    expect(await store.head(bucket, 'jobs/j1/part-0000.csv')).toEqual({ size: 5 });

    const res = await api.inject({
      method: 'DELETE',
      url: `/api/projects/${id}`,
      cookies: owner.cookies,
      payload: { confirmName: 'Doomed data' },
    });
    expect(res.statusCode).toBe(204);
    expect(existsSync(join(api.objectsDir, bucket))).toBe(false);
    expect((await api.inject({ url: `/api/projects/${id}`, cookies: owner.cookies })).statusCode).toBe(404);
  });

  test('deleting my account deletes the projects only I own, and keeps shared ones', async () => {
    const me = await signUp(api);
    const partner = await signUp(api);
    const mine = await createProject(api, me.cookies, 'Only mine');
    const shared = await createProject(api, me.cookies, 'Shared');
    await addMember(api, shared, partner.user.id, 'owner');
    const impact = await api.inject({ url: '/api/me/deletion-impact', cookies: me.cookies });
    expect(impact.json()).toEqual({ projectsDeleted: [{ id: mine, name: 'Only mine' }] });
    const res = await api.inject({
      method: 'DELETE',
      url: '/api/me',
      cookies: me.cookies,
      payload: { password: goodPassword },
    });
    expect(res.json()).toEqual({ projectsDeleted: [{ id: mine, name: 'Only mine' }] });
    expect(
      (await api.inject({ url: `/api/projects/${shared}`, cookies: partner.cookies })).json().memberCount,
    ).toBe(1);
    const { rows } = await api.pool.query('select id from app.projects where id = $1', [mine]);
    expect(rows).toEqual([]);
  });
});
