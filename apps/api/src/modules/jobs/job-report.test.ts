import type { GeneratorConfig } from '@synoptic/generator';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createCompletedJob } from '../../../test/completed-job.ts';
import { addMember, createProject, createTestApi, signUp, type TestApi } from '../../../test/harness.ts';
import { twinJobReport } from '../../../test/job-report.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const config: GeneratorConfig = {
  tables: [
    {
      name: 'customers',
      rows: 300,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'age', type: 'age' },
      ],
    },
  ],
};

let api: TestApi;
let owner: Awaited<ReturnType<typeof signUp>>;
let viewer: Awaited<ReturnType<typeof signUp>>;
let stranger: Awaited<ReturnType<typeof signUp>>;
let projectId: string;
/** A job whose report passed its privacy checks, one whose report failed them, and one without a report. */
let passed: string;
let failed: string;
let older: string;

const reportUrl = (jobId: string) => `/api/projects/${projectId}/jobs/${jobId}/report`;
const fileUrl = (jobId: string, query = '') =>
  `/api/projects/${projectId}/jobs/${jobId}/files/${encodeURIComponent('customers/part-00000.csv')}${query}`;
const zipUrl = (jobId: string, query = '') => `/api/projects/${projectId}/jobs/${jobId}/download.zip${query}`;
const viewUrl = (jobId: string, query = '') =>
  `/api/projects/${projectId}/jobs/${jobId}/dataset/tables/customers/export.csv${query}`;

beforeAll(async () => {
  api = await createTestApi();
  owner = await signUp(api);
  viewer = await signUp(api, { name: 'Vera Viewer' });
  stranger = await signUp(api);
  projectId = await createProject(api, owner.cookies, 'Reports');
  await addMember(api, projectId, viewer.user.id, 'viewer');
  const userId = owner.user.id;
  passed = await createCompletedJob(api, {
    projectId,
    userId,
    config,
    name: 'Private twin',
    report: (id) => twinJobReport(id, { privacyPassed: true }),
  });
  failed = await createCompletedJob(api, {
    projectId,
    userId,
    config,
    name: 'Leaky twin',
    report: (id) => twinJobReport(id, { privacyPassed: false }),
  });
  older = await createCompletedJob(api, { projectId, userId, config, name: 'Before reports' });
});
afterAll(() => api.destroy());

describe('job report', () => {
  test('serves report.json to a viewer, and the job carries its summary', async () => {
    const res = await api.inject({ url: reportUrl(passed), cookies: viewer.cookies });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(twinJobReport(passed, { privacyPassed: true }));
    const job = (
      await api.inject({ url: `/api/projects/${projectId}/jobs/${failed}`, cookies: viewer.cookies })
    ).json();
    expect(job.report).toEqual({ quality: 0.91, privacyPassed: false, conformancePassed: true });
    const list = (
      await api.inject({ url: `/api/projects/${projectId}/jobs`, cookies: viewer.cookies })
    ).json();
    expect(list.jobs.find((j: { id: string }) => j.id === older).report).toBeNull();
  });

  test('answers report_not_found for a job without a report, and for one not yet completed', async () => {
    const none = await api.inject({ url: reportUrl(older), cookies: owner.cookies });
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe('report_not_found');
    await api.pool.query(`update app.jobs set status = 'running', stage = 'reporting' where id = $1`, [
      older,
    ]);
    const running = await api.inject({ url: reportUrl(older), cookies: owner.cookies });
    await api.pool.query(`update app.jobs set status = 'completed', stage = 'completed' where id = $1`, [
      older,
    ]);
    expect(running.statusCode).toBe(404);
    expect(running.json().error).toMatchObject({
      code: 'report_not_found',
      message: 'The report is written when the job completes.',
    });
  });

  test('refuses a bad job id, no session, and strangers', async () => {
    const bad = await api.inject({ url: reportUrl('not-a-job'), cookies: owner.cookies });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('jobId');
    expect((await api.inject({ url: reportUrl(passed) })).statusCode).toBe(401);
    const foreign = await api.inject({ url: reportUrl(passed), cookies: stranger.cookies });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('not_found');
  });
});

describe('downloads of a job that failed its privacy checks', () => {
  test('ask for the review to be acknowledged, then download and record who did', async () => {
    for (const url of [fileUrl(failed), zipUrl(failed), viewUrl(failed)]) {
      const refused = await api.inject({ url, cookies: viewer.cookies });
      expect(refused.statusCode, url).toBe(409);
      expect(refused.json().error).toEqual({
        code: 'privacy_review_required',
        message:
          'This dataset failed its privacy checks; review the report, then download with acknowledgePrivacy=true',
      });
    }
    const file = await api.inject({
      url: fileUrl(failed, '?acknowledgePrivacy=true'),
      cookies: viewer.cookies,
    });
    expect(file.statusCode).toBe(200);
    expect(file.body.split('\r\n')[0]).toBe('id,age');
    const zip = await api.inject({
      url: zipUrl(failed, '?acknowledgePrivacy=true'),
      cookies: viewer.cookies,
    });
    expect(zip.statusCode).toBe(200);
    expect(zip.rawPayload.subarray(0, 4).toString('hex')).toBe('504b0304');
    const view = await api.inject({
      url: viewUrl(failed, '?acknowledgePrivacy=true'),
      cookies: viewer.cookies,
    });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.body.split('\n')).toHaveLength(302);

    const audit = (
      await api.inject({ url: `/api/projects/${projectId}/audit`, cookies: owner.cookies })
    ).json();
    const acknowledged = audit.events.filter(
      (e: { action: string }) => e.action === 'job.privacy_acknowledged',
    );
    expect(acknowledged.map((e: { details: { download: string } }) => e.details.download).sort()).toEqual([
      'customers (view as CSV)',
      'customers/part-00000.csv',
      'download.zip',
    ]);
    expect(acknowledged[0]).toMatchObject({ actor: { email: viewer.email }, target: 'Leaky twin' });
  });

  test('jobs that passed, or have no report, download as before', async () => {
    for (const jobId of [passed, older]) {
      expect((await api.inject({ url: fileUrl(jobId), cookies: viewer.cookies })).statusCode).toBe(200);
      expect((await api.inject({ url: zipUrl(jobId), cookies: viewer.cookies })).statusCode).toBe(200);
      expect((await api.inject({ url: viewUrl(jobId), cookies: viewer.cookies })).statusCode).toBe(200);
    }
  });

  test('reject an acknowledgement that is not true or false', async () => {
    const res = await api.inject({ url: fileUrl(failed, '?acknowledgePrivacy=yes'), cookies: owner.cookies });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('acknowledgePrivacy');
  });

  test('strangers and callers without a session learn nothing', async () => {
    const query = '?acknowledgePrivacy=true';
    expect((await api.inject({ url: fileUrl(failed, query) })).statusCode).toBe(401);
    expect((await api.inject({ url: fileUrl(failed, query), cookies: stranger.cookies })).statusCode).toBe(
      404,
    );
    expect((await api.inject({ url: zipUrl(failed, query), cookies: stranger.cookies })).statusCode).toBe(
      404,
    );
    expect((await api.inject({ url: viewUrl(failed, query), cookies: stranger.cookies })).statusCode).toBe(
      404,
    );
  });
});
