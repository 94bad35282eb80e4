import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { createObjectStore, objectStoreEnvSchema } from './config.ts';
import { createFsObjectStore } from './fs.store.ts';
import { describeObjectStore } from './object-store.suite.ts';

describeObjectStore('file-system store', async () => {
  const root = await mkdtemp(join(tmpdir(), 'synoptic-objects-'));
  return {
    store: createFsObjectStore(root),
    teardown: () => rm(root, { recursive: true, force: true }),
  };
});

test('keeps objects inside their bucket folder and temp files out of listings', async () => {
  const root = await mkdtemp(join(tmpdir(), 'synoptic-objects-'));
  try {
    const store = createFsObjectStore(root);
    await store.createBucket('proj-1');
    await store.put(
      'proj-1',
      'jobs/j1/part-00000.csv',
      (async function* () {
        yield Buffer.from('a,b\n');
      })(),
    );
    expect((await readdir(root)).sort()).toEqual(['.tmp', 'proj-1']);
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
    expect(await readdir(join(root, 'proj-1', 'jobs', 'j1'))).toEqual(['part-00000.csv']);
    await store.deletePrefix('proj-1', 'jobs/');
    expect(await readdir(join(root, 'proj-1'))).toEqual([]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('configuration defaults to the file system and names a bad variable', () => {
  const config = objectStoreEnvSchema.parse({});
  expect(config).toMatchObject({
    OBJECT_STORE: 'fs',
    OBJECT_STORE_DIR: './data/objects',
    S3_FORCE_PATH_STYLE: false,
  });
  expect(typeof createObjectStore(config).put).toBe('function');
  const bad = objectStoreEnvSchema.safeParse({ OBJECT_STORE: 'ftp', S3_FORCE_PATH_STYLE: 'yes' });
  expect(bad.success).toBe(false);
  expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['OBJECT_STORE', 'S3_FORCE_PATH_STYLE']);
});
