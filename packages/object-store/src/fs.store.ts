import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hashing } from './hashing.ts';
import { validateBucket, validateKey, validatePrefix } from './keys.ts';
import {
  BucketNotFoundError,
  type ObjectInfo,
  ObjectNotFoundError,
  type ObjectStore,
  ObjectStoreError,
} from './object-store.ts';

// Errors of the machine rather than of the request: worth another try.
const transientCodes = new Set(['EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY', 'EIO', 'ETIMEDOUT']);

function wrap(err: unknown, what: string): never {
  if (err instanceof ObjectStoreError) throw err;
  const code = (err as NodeJS.ErrnoException).code ?? '';
  throw new ObjectStoreError(`${what}: ${(err as Error).message}`, {
    transient: transientCodes.has(code),
    cause: err,
  });
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Objects as files: one folder per bucket under `root`. A write goes to a temporary file in
 * `root/.tmp` (same file system) and is renamed into place, so readers never see a partial object.
 * Bucket names cannot start with a dot, so `.tmp` is never a bucket.
 */
export function createFsObjectStore(root: string): ObjectStore {
  const tmpDir = join(root, '.tmp');
  const bucketDir = (bucket: string) => {
    validateBucket(bucket);
    return join(root, bucket);
  };
  const objectPath = (bucket: string, key: string) => {
    validateKey(key);
    return join(bucketDir(bucket), ...key.split('/'));
  };
  const requireBucket = async (bucket: string) => {
    const info = await stat(bucketDir(bucket)).catch((err: unknown) => {
      if (isMissing(err)) throw new BucketNotFoundError(bucket);
      wrap(err, `bucket '${bucket}'`);
    });
    if (!info.isDirectory()) throw new BucketNotFoundError(bucket);
  };

  async function* walk(dir: string, keyPrefix: string): AsyncGenerator<ObjectInfo> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (isMissing(err) || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return;
      wrap(err, 'list');
    }
    // Key order: a folder `a` sorts as `a/`, as its keys do.
    const named = entries.map((e) => ({ entry: e, sortKey: e.isDirectory() ? `${e.name}/` : e.name }));
    named.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    for (const { entry } of named) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) yield* walk(path, `${keyPrefix}${entry.name}/`);
      else if (entry.isFile()) {
        const info = await stat(path).catch(() => undefined);
        if (info) yield { key: `${keyPrefix}${entry.name}`, size: info.size };
      }
    }
  }

  // Removes folders left empty by a delete, up to the bucket's folder.
  async function pruneEmptyDirs(from: string, bucketRoot: string): Promise<void> {
    let dir = from;
    while (dir.startsWith(bucketRoot + sep) && dir !== bucketRoot) {
      try {
        await rmdir(dir);
      } catch {
        return;
      }
      dir = dirname(dir);
    }
  }

  const store: ObjectStore = {
    async createBucket(bucket) {
      await mkdir(bucketDir(bucket), { recursive: true }).catch((err: unknown) => wrap(err, 'create bucket'));
    },

    async deleteBucket(bucket) {
      await rm(bucketDir(bucket), { recursive: true, force: true }).catch((err: unknown) =>
        wrap(err, 'delete bucket'),
      );
    },

    async put(bucket, key, body, options = {}) {
      const target = objectPath(bucket, key);
      await requireBucket(bucket);
      await mkdir(tmpDir, { recursive: true });
      const tmp = join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
      const { chunks, result, bodyError } = hashing(body);
      try {
        await pipeline(chunks, createWriteStream(tmp), options.signal ? { signal: options.signal } : {});
        await mkdir(dirname(target), { recursive: true });
        await rename(tmp, target);
        return result();
      } catch (err) {
        await unlink(tmp).catch(() => {});
        if (options.signal?.aborted) throw options.signal.reason ?? err;
        if (bodyError() !== undefined) throw bodyError();
        if ((err as Error).name === 'AbortError') throw err;
        wrap(err, `put '${key}'`);
      }
    },

    async get(bucket, key, options = {}) {
      const path = objectPath(bucket, key);
      const handle = await open(path, 'r').catch((err: unknown) => {
        if (isMissing(err) || (err as NodeJS.ErrnoException).code === 'EISDIR')
          throw new ObjectNotFoundError(bucket, key);
        wrap(err, `get '${key}'`);
      });
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        throw new ObjectNotFoundError(bucket, key);
      }
      const range = options.range;
      return createReadStream('', {
        fd: handle,
        ...(range ? { start: range.start, ...(range.end !== undefined ? { end: range.end } : {}) } : {}),
      }) as Readable;
    },

    async head(bucket, key) {
      const info = await stat(objectPath(bucket, key)).catch((err: unknown) => {
        if (isMissing(err) || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
        wrap(err, `head '${key}'`);
      });
      return info?.isFile() ? { size: info.size } : undefined;
    },

    async *list(bucket, prefix = '') {
      validatePrefix(prefix);
      const root = bucketDir(bucket);
      // Walk only the deepest folder the prefix names, then filter by the rest.
      const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
      for await (const info of walk(join(root, ...folder.split('/').filter(Boolean)), folder)) {
        if (info.key.startsWith(prefix)) yield info;
      }
    },

    async delete(bucket, key) {
      const path = objectPath(bucket, key);
      await unlink(path).catch((err: unknown) => {
        if (!isMissing(err) && (err as NodeJS.ErrnoException).code !== 'EISDIR') wrap(err, `delete '${key}'`);
      });
      await pruneEmptyDirs(dirname(path), bucketDir(bucket));
    },

    async deletePrefix(bucket, prefix) {
      validatePrefix(prefix);
      let count = 0;
      for await (const { key } of store.list(bucket, prefix)) {
        await store.delete(bucket, key);
        count++;
      }
      return count;
    },
  };
  return store;
}
