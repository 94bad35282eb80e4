import { jobReportSchema } from '@synoptic/contract';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestPipeline, type TestPipeline, waitFor } from '../../test/harness.ts';
import { jobClient } from '../../test/job-client.ts';
import { peopleSampleCsv, putSample, twinConfig } from '../../test/samples.ts';

let pipeline: TestPipeline;
let jobs: ReturnType<typeof jobClient>;
const bucket = 'proj-samples';
const sampleCsv = peopleSampleCsv(3000);

beforeAll(async () => {
  pipeline = await createTestPipeline({ env: { PIPELINE_SHARD_ROWS: '20000' } });
  await pipeline.store.createBucket(bucket);
  await pipeline.startWorker({ threads: true });
  jobs = jobClient(pipeline, bucket);
});

afterAll(() => pipeline.destroy());

const rowsOf = (csv: string) => csv.trim().split('\n').slice(1);

async function outputRows(prefix: string): Promise<string[]> {
  const parts = (await jobs.keys(`${prefix}people/`)).sort();
  const rows: string[] = [];
  for (const key of parts) rows.push(...rowsOf(await jobs.text(key)));
  return rows;
}

describe('jobs that learn from a sample', () => {
  test('fit, generate and report: a synthetic twin with the sample’s shape, none of its people, and report.json', async () => {
    const sample = await putSample(pipeline.store, bucket, sampleCsv);
    const job = await jobs.submit({
      config: twinConfig(sample.id, { rows: 30_000 }),
      samples: [sample],
      seed: 11,
    });
    const done = await jobs.until(job.id, 'completed', 90_000);
    expect(done.progress.rowsDone).toBe(30_000);

    const stages = [...new Set((await jobs.logs(job.id)).map((l) => l.stage))];
    expect(stages).toEqual([
      'queued',
      'validating',
      'fitting',
      'generating',
      'reporting',
      'finalizing',
      'completed',
    ]);
    const fitLine = (await jobs.logs(job.id)).find((l) => l.message.startsWith("Fitted table 'people'"));
    expect(fitLine?.message).toMatch(/on 2,400 sample rows \(600 held out/);

    const manifest = (await pipeline.signed({ url: `/v1/jobs/${job.id}/manifest` })).json();
    expect(manifest.files).toHaveLength(2);
    const report = jobReportSchema.parse(JSON.parse(await jobs.text(`${job.output.prefix}report.json`)));
    expect(manifest.report).toEqual({ key: `${job.output.prefix}report.json`, summary: report.summary });
    const people = report.tables[0]!;
    expect(people).toMatchObject({
      table: 'people',
      source: 'sample',
      fit: { quality: 'balanced', trainingRows: 2400, holdoutRows: 600 },
    });
    expect(people.quality!.score).toBeGreaterThan(0.85);
    expect(people.quality!.columns.map((c) => c.column).sort()).toEqual(
      ['age', 'city', 'income', 'member', 'plan', 'signup_date'].sort(),
    );
    expect(people.privacy!.passed).toBe(true);
    expect(people.privacy!.personalDataLeaks.count).toBe(0);
    expect(report.summary).toMatchObject({ privacyPassed: true });

    // The output holds the learned columns' values, with the sample's header order, and no sample email.
    const rows = await outputRows(job.output.prefix);
    expect(rows).toHaveLength(30_000);
    const emails = new Set(rowsOf(sampleCsv).map((r) => r.split(',')[6]));
    expect(rows.filter((r) => emails.has(r.split(',')[6])).length).toBe(0);
    const ages = rows.map((r) => Number(r.split(',')[0]));
    expect(ages.every((a) => Number.isInteger(a) && a >= 18 && a <= 90)).toBe(true);
  }, 120_000);

  test('the same sample, config and seed write the same bytes', async () => {
    const sample = await putSample(pipeline.store, bucket, sampleCsv);
    const body = {
      config: twinConfig(sample.id, { rows: 25_000, quality: 'high' }),
      samples: [sample],
      seed: 5,
    };
    const first = await jobs.submit(body);
    const second = await jobs.submit(body);
    await jobs.until(first.id, 'completed', 90_000);
    await jobs.until(second.id, 'completed', 90_000);
    const checksums = async (id: string) =>
      (await pipeline.signed({ url: `/v1/jobs/${id}/manifest` }))
        .json()
        .files.map((f: { sha256: string }) => f.sha256);
    expect(await checksums(second.id)).toEqual(await checksums(first.id));
    // Rows default to the sample's when the table sets none.
    const third = await jobs.submit({ config: twinConfig(sample.id), samples: [sample], seed: 5 });
    expect((await jobs.until(third.id, 'completed', 60_000)).progress.rowsDone).toBe(3000);
  }, 180_000);

  test('a learned column the sample lacks fails while fitting, naming it', async () => {
    const sample = await putSample(pipeline.store, bucket, sampleCsv);
    const config = twinConfig(sample.id, { rows: 100 });
    config.tables[0]!.fields.push({ name: 'salary', type: 'learned' });
    const job = await jobs.submit({ config, samples: [sample], seed: 1 });
    const failed = await jobs.until(job.id, 'failed');
    expect(failed.error.stage).toBe('fitting');
    expect(failed.error.message).toMatch(/salary/);
    expect(await jobs.keys(job.output.prefix)).toEqual([]);
  });

  test('a sample gone from the store fails while fitting with a message that says so', async () => {
    const sample = await putSample(pipeline.store, bucket, sampleCsv);
    await pipeline.store.delete(bucket, sample.key);
    const job = await jobs.submit({
      config: twinConfig(sample.id, { rows: 100 }),
      samples: [sample],
      seed: 1,
    });
    const failed = await jobs.until(job.id, 'failed');
    expect(failed.error).toEqual({
      stage: 'fitting',
      message: expect.stringMatching(/no longer in the object store/),
    });
  });

  test('a job cancelled while fitting stops within 2 seconds and never generates', async () => {
    const sample = await putSample(pipeline.store, bucket, peopleSampleCsv(400_000, 3));
    const job = await jobs.submit({ config: twinConfig(sample.id), samples: [sample], seed: 1 });
    await waitFor('fitting', async () => (await jobs.get(job.id)).stage === 'fitting', 30_000, 20);
    const asked = Date.now();
    const res = await pipeline.signed({ url: `/v1/jobs/${job.id}/cancel`, body: {} });
    expect(res.statusCode).toBe(200);
    const cancelled = await jobs.until(job.id, 'cancelled', 5000);
    expect(Date.now() - asked).toBeLessThan(2000);
    expect(cancelled.progress.rowsDone).toBe(0);
    expect((await jobs.logs(job.id)).some((l) => l.stage === 'generating')).toBe(false);
  });

  test('a table whose sample has no location is refused at submission', async () => {
    const res = await pipeline.signed({
      url: '/v1/jobs',
      body: { output: { bucket, format: 'csv' }, config: twinConfig('0190f5a4-6d2e-7c1a-9b3e-2f4a5b6c7d8e') },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'config.tables[0].sample.id', message: 'no entry in `samples` says where this sample is' },
    ]);
  });
});
