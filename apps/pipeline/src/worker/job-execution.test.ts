import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryReplayGuard, verifyRequest } from '@synoptic/service-kit';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { failingConfig, peopleConfig } from '../../test/configs.ts';
import { createTestPipeline, type TestPipeline, testKey, waitFor } from '../../test/harness.ts';
import { jobClient } from '../../test/job-client.ts';

let pipeline: TestPipeline;
let jobs: ReturnType<typeof jobClient>;
const bucket = 'proj-exec';

beforeAll(async () => {
  pipeline = await createTestPipeline({ env: { PIPELINE_SHARD_ROWS: '20000' } });
  await pipeline.store.createBucket(bucket);
  await pipeline.startWorker({ threads: true });
  jobs = jobClient(pipeline, bucket);
});

afterAll(() => pipeline.destroy());

describe('running jobs', () => {
  test('runs a job through every stage and writes parts and a manifest with true checksums', async () => {
    const job = await jobs.submit({ config: peopleConfig(50_000), seed: 7 });
    const done = await jobs.until(job.id, 'completed');
    expect(done).toMatchObject({
      stage: 'completed',
      progress: { rowsDone: 50_000, rowsTotal: 50_000, percent: 100 },
      engineVersion: expect.any(String),
      error: null,
    });
    expect(done.progress.rowsPerSecond).toBeGreaterThan(0);
    const manifest = (await pipeline.signed({ url: `/v1/jobs/${job.id}/manifest` })).json();
    expect(manifest).toMatchObject({ jobId: job.id, seed: '7', format: 'csv', rows: 50_000 });
    expect(manifest.files).toHaveLength(3);
    expect(manifest.tables[0].columns.map((c: { name: string }) => c.name)).toEqual([
      'id',
      'name',
      'email',
      'age',
    ]);
    expect(await jobs.keys(job.output.prefix)).toEqual(
      [
        ...manifest.files.map((f: { key: string }) => f.key),
        `${job.output.prefix}manifest.json`,
        `${job.output.prefix}report.json`,
      ].sort(),
    );
    for (const file of manifest.files) {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of await pipeline.store.get(bucket, file.key)) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      expect({ bytes, sha256: hash.digest('hex') }).toEqual({ bytes: file.bytes, sha256: file.sha256 });
    }
    expect(JSON.parse(await jobs.text(`${job.output.prefix}manifest.json`))).toEqual(manifest);
    const stages = (await jobs.logs(job.id)).map((l) => l.stage);
    expect([...new Set(stages)]).toEqual([
      'queued',
      'validating',
      'generating',
      'reporting',
      'finalizing',
      'completed',
    ]);
    // Rule-based tables get a conformance report; its summary travels in the manifest.
    expect(manifest.report).toEqual({
      key: `${job.output.prefix}report.json`,
      summary: { quality: null, privacyPassed: null, conformancePassed: true },
    });
  });

  test('a failing expression fails the job naming the stage, field and row, and removes its parts', async () => {
    const job = await jobs.submit({ config: failingConfig, seed: 1 });
    const failed = await jobs.until(job.id, 'failed');
    expect(failed.error.stage).toBe('generating');
    expect(failed.error.message).toMatch(/field 'bad', row 5001: the expression gave "oops"/);
    await waitFor('parts removed', async () => (await jobs.keys(job.output.prefix)).length === 0);
    const errors = (await jobs.logs(job.id)).filter((l) => l.level === 'error');
    expect(errors[0]?.message).toMatch(/^Failed while generating: table 'people', shard 0/);
  });

  test('a configuration that does not hold together fails while validating, naming the field', async () => {
    const config = {
      tables: [
        { name: 'a', rows: 10, fields: [{ name: 'x', type: 'reference', table: 'missing', field: 'id' }] },
      ],
    };
    const failed = await jobs.until((await jobs.submit({ config })).id, 'failed');
    expect(failed.error.stage).toBe('validating');
    expect(failed.error.message).toMatch(/^tables\[0\]\.fields\[0\]/);
  });

  test('a missing bucket is a permanent store error: failed with a clear message', async () => {
    const res = await pipeline.signed({
      url: '/v1/jobs',
      body: { config: peopleConfig(100), output: { bucket: 'no-such-bucket', format: 'jsonl' } },
    });
    const failed = await jobs.until(res.json().id, 'failed');
    expect(failed.error).toEqual({
      stage: 'generating',
      message: expect.stringMatching(/bucket 'no-such-bucket' does not exist/),
    });
  });

  test('cancels a running job within 2 seconds and removes its parts', async () => {
    const job = await jobs.submit({ config: peopleConfig(3_000_000) });
    await waitFor('rows to be generated', async () => (await jobs.get(job.id)).progress.rowsDone > 0);
    const started = Date.now();
    const res = await pipeline.signed({ method: 'POST', url: `/v1/jobs/${job.id}/cancel` });
    expect(['cancelling', 'cancelled']).toContain(res.json().status);
    await jobs.until(job.id, 'cancelled', 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await jobs.keys(job.output.prefix)).toEqual([]);
  });
});

describe('callbacks', () => {
  test('POSTs signed events with rising sequence numbers on every status and stage change', async () => {
    const events: Array<{ seq: number; type: string; job: { status: string; stage: string } }> = [];
    const guard = createMemoryReplayGuard();
    let rejected = 0;
    let failNext = 1; // the first delivery fails, to prove it is retried
    const server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        const check = verifyRequest([testKey!], {
          method: req.method!,
          path: req.url!,
          headers: req.headers,
          body,
        });
        void (async () => {
          if (!check.ok || !(await guard.firstSeen(check.keyId, check.nonce))) {
            rejected++;
            res.writeHead(401).end();
            return;
          }
          if (failNext-- > 0) {
            res.writeHead(503).end();
            return;
          }
          events.push(JSON.parse(body));
          res.writeHead(204).end();
        })();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const job = await jobs.submit({
        config: peopleConfig(100_000),
        callbackUrl: `http://127.0.0.1:${port}/hooks/pipeline?x=1`,
      });
      await jobs.until(job.id, 'completed');
      // Events are delivered concurrently, so the refused one may be any of them; its retry
      // comes after a backoff, possibly after the completed event.
      await waitFor(
        'every status event, including the retried one',
        async () => events.filter((e) => e.type === 'job.status').length >= 6,
        15_000,
      );
      expect(rejected).toBe(0);
      const statusEvents = events.filter((e) => e.type === 'job.status').sort((a, b) => a.seq - b.seq);
      expect(statusEvents.map((e) => e.job.stage)).toEqual([
        'queued',
        'validating',
        'generating',
        'reporting',
        'finalizing',
        'completed',
      ]);
      // The first event is the job exactly as the submission answered it.
      expect(statusEvents[0]!.job).toEqual(job);
      const seqs = events.map((e) => e.seq).sort((a, b) => a - b);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs[seqs.length - 1]).toBe(events.find((e) => e.job.status === 'completed')!.seq);
    } finally {
      server.close();
    }
  });
});
