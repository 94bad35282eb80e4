import { createHash } from 'node:crypto';
import { createObjectStore, type ObjectStore, objectStoreEnvSchema } from '@synoptic/object-store';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestPipeline, type TestPipeline, waitFor } from '../../test/harness.ts';
import { type PartWrite, s3Env, startFaultProxy, startS3 } from '../../test/s3.ts';

// Jobs on an S3 store (s3rver) reached through a proxy that injects faults into the writes of
// part objects. The pipeline and its worker only know the proxy; the test reads s3rver directly.
let s3: Awaited<ReturnType<typeof startS3>>;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
let pipeline: TestPipeline;
let direct: ObjectStore;
const bucket = 'proj-faults';

// Two people parts of ~9.6 MB (multipart uploads: UploadPart) and one small notes part (PutObject).
const config = {
  tables: [
    {
      name: 'people',
      rows: 400_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'name', type: 'full_name' },
        { name: 'email', type: 'email' },
        { name: 'age', type: 'age' },
      ],
    },
    {
      name: 'notes',
      rows: 10_000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'age', type: 'age' },
      ],
    },
  ],
};

beforeAll(async () => {
  s3 = await startS3();
  proxy = await startFaultProxy(s3.endpoint);
  pipeline = await createTestPipeline({
    env: { ...s3Env(proxy.endpoint), PIPELINE_SHARD_ROWS: '200000', PIPELINE_STORE_RETRY_BASE_MS: '50' },
  });
  direct = createObjectStore(objectStoreEnvSchema.parse(s3Env(s3.endpoint)));
  await direct.createBucket(bucket);
  // One shard at a time, so the order of writes (and so which part a fault hits) is the order of shards run.
  await pipeline.startWorker({ threads: true, env: { PIPELINE_WORKER_CONCURRENCY: '1' } });
});

afterAll(async () => {
  await pipeline?.destroy();
  await proxy?.stop();
  await s3?.stop();
});

/** Submits `config` with its output under `prefix`, so a fault rule can be in place before the job starts. */
async function submit(seed: number, prefix: string): Promise<{ id: string; output: { prefix: string } }> {
  const res = await pipeline.signed({
    url: '/v1/jobs',
    body: { config, seed, output: { bucket, format: 'csv', prefix } },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const getJob = async (id: string) => (await pipeline.signed({ url: `/v1/jobs/${id}` })).json();
const logsOf = async (id: string) =>
  (await pipeline.signed({ url: `/v1/jobs/${id}/logs?limit=1000` })).json().items as Array<{
    level: string;
    stage: string;
    message: string;
  }>;

async function untilFinished(id: string, timeoutMs: number) {
  try {
    return await waitFor(
      `job ${id} to finish`,
      async () => {
        const job = await getJob(id);
        return ['completed', 'failed', 'cancelled'].includes(job.status) ? job : undefined;
      },
      timeoutMs,
    );
  } catch (err) {
    const lines = (await logsOf(id)).map((l) => `${l.level} ${l.stage}: ${l.message}`);
    throw new Error(`${(err as Error).message}\nlog:\n${lines.join('\n')}`);
  }
}

/** What the object store really holds under a prefix: key (relative to the prefix) → bytes and sha256. */
async function storedObjects(prefix: string): Promise<Record<string, { bytes: number; sha256: string }>> {
  const objects: Record<string, { bytes: number; sha256: string }> = {};
  for await (const { key } of direct.list(bucket, prefix)) {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of await direct.get(bucket, key)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    objects[key.slice(prefix.length)] = { bytes, sha256: hash.digest('hex') };
  }
  return objects;
}

const partsOf = (
  manifest: { files: Array<{ key: string; bytes: number; sha256: string }> },
  prefix: string,
) =>
  Object.fromEntries(
    manifest.files.map((f) => [f.key.slice(prefix.length), { bytes: f.bytes, sha256: f.sha256 }]),
  );

test('a transient store fault is retried with backoff: the job completes with the bytes of a healthy run', async () => {
  proxy.setRule(() => 'pass');
  const healthy = await submit(42, 'runs/healthy/');
  expect((await untilFinished(healthy.id, 20_000)).status).toBe('completed');
  const healthyManifest = (await pipeline.signed({ url: `/v1/jobs/${healthy.id}/manifest` })).json();

  // The store fails every try the SDK makes of the first write of each part: it resets the
  // connection, and answers the SDK's last try with 503 SlowDown. Only the pipeline's retry, a new
  // write of the part, gets through.
  const firstInvocation = new Map<string, string>();
  proxy.setRule((write) => {
    if (!write.key.startsWith('runs/faulty/')) return 'pass';
    if (!firstInvocation.has(write.key)) firstInvocation.set(write.key, write.invocation);
    if (firstInvocation.get(write.key) !== write.invocation) return 'pass';
    return write.sdkAttempt < write.sdkMaxAttempts ? 'reset' : 'slowdown';
  });
  const faulty = await submit(42, 'runs/faulty/');
  const done = await untilFinished(faulty.id, 20_000);
  expect(done.status).toBe('completed');

  const writes = proxy.writes.filter((w) => w.key.startsWith(faulty.output.prefix));
  const faulted = (outcome: PartWrite['outcome']) => writes.filter((w) => w.outcome === outcome).length;
  expect(faulted('slowdown')).toBe(3);
  expect(faulted('reset')).toBeGreaterThanOrEqual(3);
  expect(new Set(writes.map((w) => w.kind))).toEqual(new Set(['PutObject', 'UploadPart']));

  // Same bytes as the healthy run, in the manifest and in the store.
  const manifest = (await pipeline.signed({ url: `/v1/jobs/${faulty.id}/manifest` })).json();
  expect(partsOf(manifest, faulty.output.prefix)).toEqual(partsOf(healthyManifest, healthy.output.prefix));
  const stored = await storedObjects(faulty.output.prefix);
  delete stored['manifest.json'];
  // report.json names its job and time, so it differs from the healthy run's by design.
  expect(stored['report.json']).toBeDefined();
  delete stored['report.json'];
  expect(stored).toEqual(partsOf(healthyManifest, healthy.output.prefix));

  // One warning per part, naming the part, the store's answer and the attempt.
  const retries = (await logsOf(faulty.id)).filter((l) => l.level === 'warn');
  expect(retries.map((l) => l.message).sort()).toEqual(
    ['notes/part-00000.csv', 'people/part-00000.csv', 'people/part-00001.csv'].map((part) =>
      expect.stringMatching(
        new RegExp(
          `^Could not write part ${part} to the object store: .*\\(503 SlowDown\\)\\. Trying again in \\d+ ms \\(retry 1 of 5\\)\\.$`,
        ),
      ),
    ),
  );
  expect(retries.every((l) => l.stage === 'generating')).toBe(true);
});

test('a permanent store fault fails the job within seconds, naming the part and the reason, and removes what was written', async () => {
  // A bucket policy that lets the job write one part and denies every other.
  let allowed: string | undefined;
  proxy.setRule((write) => {
    if (!write.key.startsWith('runs/denied/')) return 'pass';
    allowed ??= write.key;
    return write.key === allowed ? 'pass' : 'deny';
  });
  const started = Date.now();
  const job = await submit(7, 'runs/denied/');
  const failed = await untilFinished(job.id, 10_000);
  expect(failed.status).toBe('failed');
  expect(Date.now() - started).toBeLessThan(10_000);

  const writes = proxy.writes.filter((w) => w.key.startsWith(job.output.prefix));
  const denied = writes.filter((w) => w.outcome === 'denied');
  // Not retried, by the SDK (one request per operation) or the pipeline (one try of the object).
  expect(denied.length).toBeGreaterThan(0);
  expect(new Set(denied.map((w) => w.invocation)).size).toBe(denied.length);
  expect(new Set(denied.map((w) => w.upload)).size).toBe(1);
  const part = denied[0]!.key.slice(job.output.prefix.length);
  expect(failed.error).toEqual({
    stage: 'generating',
    message: `Could not write part ${part} to the object store: access denied (403 AccessDenied). Check that the pipeline's credentials may write to bucket '${bucket}'.`,
  });
  const log = await logsOf(job.id);
  expect(log.filter((l) => l.level === 'warn')).toEqual([]);
  expect(log.find((l) => l.level === 'error')?.message).toBe(
    `Failed while generating: ${failed.error.message}`,
  );

  // The part written before the fault was really stored, and is removed.
  expect(writes.some((w) => w.key === allowed && w.outcome === 200)).toBe(true);
  await waitFor(
    'partial output removed',
    async () => Object.keys(await storedObjects(job.output.prefix)).length === 0,
  );
  await waitFor('the clean-up logged', async () =>
    (await logsOf(job.id)).some((l) => l.message === 'Partial output removed.'),
  );
});

test('a missing bucket fails the job at once with a clear message', async () => {
  proxy.setRule(() => 'pass');
  const res = await pipeline.signed({
    url: '/v1/jobs',
    body: { config, output: { bucket: 'no-such-bucket', format: 'csv' } },
  });
  const failed = await untilFinished(res.json().id, 10_000);
  expect(failed.error).toEqual({
    stage: 'generating',
    message: expect.stringMatching(
      /^Could not write part (people|notes)\/part-0000\d\.csv to the object store: bucket 'no-such-bucket' does not exist\.$/,
    ),
  });
});

test('a store that stays unreachable fails the job once the retries are spent, saying so', async () => {
  proxy.setRule((write) => (write.key.startsWith('runs/down/') ? 'reset' : 'pass'));
  const job = await submit(3, 'runs/down/');
  const failed = await untilFinished(job.id, 15_000);
  expect(failed.status).toBe('failed');
  const tries = new Set(proxy.writes.filter((w) => w.key.startsWith(job.output.prefix)).map((w) => w.upload));
  // The first try and five retries (PIPELINE_STORE_RETRIES).
  expect(tries.size).toBe(6);
  expect(failed.error.message).toMatch(
    /^Could not write part (people|notes)\/part-0000\d\.csv to the object store: the connection to the store failed \((ECONNRESET|EPIPE): .*\)\. It failed 6 times in a row over \d+ s; the store may be down or overloaded\. Try the job again later\.$/,
  );
  const warnings = (await logsOf(job.id)).filter((l) => l.level === 'warn').map((l) => l.message);
  expect(warnings).toHaveLength(5);
  expect(warnings[4]).toMatch(/\(retry 5 of 5\)\.$/);
});
