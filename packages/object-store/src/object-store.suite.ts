import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  BucketNotFoundError,
  InvalidKeyError,
  ObjectNotFoundError,
  type ObjectStore,
} from './object-store.ts';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function* chunked(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function keys(store: ObjectStore, bucket: string, prefix?: string): Promise<string[]> {
  const out: string[] = [];
  for await (const info of store.list(bucket, prefix)) out.push(info.key);
  return out;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const text = (value: string) => chunked(Buffer.from(value), 4);

/** The behaviour every ObjectStore implementation must have; run by each adapter's test file. */
export function describeObjectStore(
  name: string,
  setup: () => Promise<{ store: ObjectStore; teardown: () => Promise<void> }>,
): void {
  describe(name, () => {
    let store: ObjectStore;
    let teardown: () => Promise<void>;
    let n = 0;
    const newBucket = async () => {
      const bucket = `test-${process.pid}-${n++}`;
      await store.createBucket(bucket);
      return bucket;
    };

    beforeAll(async () => {
      ({ store, teardown } = await setup());
    });
    afterAll(() => teardown());

    test('puts a stream and reads it back with its size and sha256', async () => {
      const bucket = await newBucket();
      const data = randomBytes(300_000);
      const result = await store.put(bucket, 'jobs/a/part-0.csv', chunked(data, 65_536));
      expect(result).toEqual({ bytes: data.length, sha256: sha256(data) });
      expect(await readAll(await store.get(bucket, 'jobs/a/part-0.csv'))).toEqual(data);
      expect(await store.head(bucket, 'jobs/a/part-0.csv')).toEqual({ size: data.length });
    });

    test('reads an inclusive byte range', async () => {
      const bucket = await newBucket();
      await store.put(bucket, 'r.txt', text('0123456789'));
      expect(
        (await readAll(await store.get(bucket, 'r.txt', { range: { start: 2, end: 5 } }))).toString(),
      ).toBe('2345');
      expect((await readAll(await store.get(bucket, 'r.txt', { range: { start: 7 } }))).toString()).toBe(
        '789',
      );
    });

    test('replaces an object written twice and stores an empty one', async () => {
      const bucket = await newBucket();
      await store.put(bucket, 'x', text('first version'));
      await store.put(bucket, 'x', text('second'));
      expect((await readAll(await store.get(bucket, 'x'))).toString()).toBe('second');
      expect(await store.put(bucket, 'empty', chunked(new Uint8Array(0), 1))).toEqual({
        bytes: 0,
        sha256: sha256(new Uint8Array(0)),
      });
      expect(await store.head(bucket, 'empty')).toEqual({ size: 0 });
    });

    test('answers a missing object with undefined from head and ObjectNotFoundError from get', async () => {
      const bucket = await newBucket();
      expect(await store.head(bucket, 'nope')).toBeUndefined();
      await expect(store.get(bucket, 'nope')).rejects.toBeInstanceOf(ObjectNotFoundError);
    });

    test('lists by prefix in key order and deletes a prefix', async () => {
      const bucket = await newBucket();
      for (const key of ['jobs/b/2.csv', 'jobs/a/1.csv', 'jobs/a/0.csv', 'jobs/ab.txt', 'other/z'])
        await store.put(bucket, key, text(key));
      expect(await keys(store, bucket)).toEqual([
        'jobs/a/0.csv',
        'jobs/a/1.csv',
        'jobs/ab.txt',
        'jobs/b/2.csv',
        'other/z',
      ]);
      expect(await keys(store, bucket, 'jobs/a')).toEqual(['jobs/a/0.csv', 'jobs/a/1.csv', 'jobs/ab.txt']);
      expect(await keys(store, bucket, 'jobs/a/')).toEqual(['jobs/a/0.csv', 'jobs/a/1.csv']);
      const sizes: number[] = [];
      for await (const info of store.list(bucket, 'other/')) sizes.push(info.size);
      expect(sizes).toEqual([7]);
      expect(await store.deletePrefix(bucket, 'jobs/a/')).toBe(2);
      expect(await keys(store, bucket)).toEqual(['jobs/ab.txt', 'jobs/b/2.csv', 'other/z']);
      await store.delete(bucket, 'other/z');
      await store.delete(bucket, 'other/z');
      expect(await keys(store, bucket)).toEqual(['jobs/ab.txt', 'jobs/b/2.csv']);
    });

    test('deletes a bucket with everything in it', async () => {
      const bucket = await newBucket();
      await store.put(bucket, 'a/b/c', text('abc'));
      await store.deleteBucket(bucket);
      await store.deleteBucket(bucket);
      await expect(store.put(bucket, 'a', text('a'))).rejects.toBeInstanceOf(BucketNotFoundError);
      await store.createBucket(bucket);
      await store.createBucket(bucket);
      expect(await keys(store, bucket)).toEqual([]);
    });

    test('rejects keys and bucket names that could escape or are invalid', async () => {
      const bucket = await newBucket();
      for (const key of ['../x', 'a/../../x', '/abs', 'a//b', 'a\\b', '', 'a/./b', 'nul\u0000'])
        await expect(store.put(bucket, key, text('x')), key).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(store.get(bucket, '../../etc/passwd')).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(keys(store, bucket, '../')).rejects.toBeInstanceOf(InvalidKeyError);
      for (const b of ['..', 'Upper', 'a', '.tmp', 'a/b'])
        await expect(store.createBucket(b), b).rejects.toBeInstanceOf(InvalidKeyError);
    });

    test('an aborted put leaves no object behind', async () => {
      const bucket = await newBucket();
      const controller = new AbortController();
      async function* endless() {
        for (let i = 0; ; i++) {
          if (i === 5) controller.abort(new Error('stop'));
          yield randomBytes(64 * 1024);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      await expect(store.put(bucket, 'partial', endless(), { signal: controller.signal })).rejects.toThrow();
      expect(await store.head(bucket, 'partial')).toBeUndefined();
      expect(await keys(store, bucket)).toEqual([]);
    });

    test('a failing body stores nothing and passes its own error on, unwrapped', async () => {
      const bucket = await newBucket();
      const broke = new Error('engine broke');
      async function* failing() {
        yield Buffer.from('some bytes');
        throw broke;
      }
      await expect(store.put(bucket, 'broken', failing())).rejects.toBe(broke);
      expect(await store.head(bucket, 'broken')).toBeUndefined();
    });

    test('streams a 12 MB object in pieces', async () => {
      const bucket = await newBucket();
      const piece = randomBytes(1024 * 1024);
      const hash = createHash('sha256');
      async function* twelve() {
        for (let i = 0; i < 12; i++) {
          hash.update(piece);
          yield piece;
        }
      }
      const result = await store.put(bucket, 'big.bin', twelve());
      expect(result).toEqual({ bytes: 12 * piece.length, sha256: hash.digest('hex') });
      const back = createHash('sha256');
      let size = 0;
      for await (const chunk of await store.get(bucket, 'big.bin')) {
        back.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      expect({ size, sha256: back.digest('hex') }).toEqual({ size: result.bytes, sha256: result.sha256 });
    });
  });
}
