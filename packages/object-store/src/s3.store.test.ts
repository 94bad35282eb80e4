import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { expect, test } from 'vitest';
import { createObjectStore, objectStoreEnvSchema } from './config.ts';
import { describeObjectStore } from './object-store.suite.ts';
import { isTransientError } from './object-store.ts';

/** A local S3-compatible server for the tests (s3rver keeps objects in a temp folder). */
async function startS3(): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'synoptic-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

const s3Env = (endpoint: string) =>
  objectStoreEnvSchema.parse({
    OBJECT_STORE: 's3',
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
    S3_BUCKET_PREFIX: 'syn-',
  });

describeObjectStore('S3 store (s3rver)', async () => {
  const s3 = await startS3();
  return { store: createObjectStore(s3Env(s3.endpoint)), teardown: s3.stop };
});

test('an unreachable endpoint is a transient error', async () => {
  const store = createObjectStore(s3Env('http://127.0.0.1:9'));
  const err = await store.head('some-bucket', 'k').catch((e: unknown) => e);
  expect(isTransientError(err)).toBe(true);
});
