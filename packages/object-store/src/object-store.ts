import type { Readable } from 'node:stream';

/** Bytes to store: any async iterable of chunks (a Node stream is one). */
export type Body = AsyncIterable<Uint8Array>;

export type PutResult = { bytes: number; sha256: string };

/** An inclusive byte range, as in HTTP `Range: bytes=start-end`; `end` defaults to the last byte. */
export type ByteRange = { start: number; end?: number };

export type ObjectInfo = { key: string; size: number };

/**
 * The one storage interface both services use: buckets of objects named by keys (`a/b/c.csv`).
 * Writes are streamed and atomic: a reader sees the whole object or none of it.
 */
export interface ObjectStore {
  /** Creates the bucket; creating one that exists is not an error. */
  createBucket(bucket: string): Promise<void>;
  /** Deletes the bucket with everything in it; a missing bucket is not an error. */
  deleteBucket(bucket: string): Promise<void>;
  /** Streams `body` into an object, replacing any object of that key. */
  put(bucket: string, key: string, body: Body, options?: { signal?: AbortSignal }): Promise<PutResult>;
  /** The object's bytes as a stream; throws `ObjectNotFoundError` when there is no such object. */
  get(bucket: string, key: string, options?: { range?: ByteRange }): Promise<Readable>;
  /** The object's size, or undefined when there is no such object. */
  head(bucket: string, key: string): Promise<{ size: number } | undefined>;
  /** Every object whose key starts with `prefix`, in key order. */
  list(bucket: string, prefix?: string): AsyncIterable<ObjectInfo>;
  /** Deletes one object; a missing object is not an error. */
  delete(bucket: string, key: string): Promise<void>;
  /** Deletes every object under `prefix`; returns how many were deleted. */
  deletePrefix(bucket: string, prefix: string): Promise<number>;
}

/** Base of every error the store throws; `transient` says whether trying again may succeed. */
export class ObjectStoreError extends Error {
  readonly transient: boolean;
  constructor(message: string, options: { transient?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ObjectStoreError';
    this.transient = options.transient ?? false;
  }
}

export class ObjectNotFoundError extends ObjectStoreError {
  constructor(bucket: string, key: string) {
    super(`object '${key}' not found in bucket '${bucket}'`);
    this.name = 'ObjectNotFoundError';
  }
}

export class BucketNotFoundError extends ObjectStoreError {
  constructor(bucket: string) {
    super(`bucket '${bucket}' does not exist`);
    this.name = 'BucketNotFoundError';
  }
}

export class InvalidKeyError extends ObjectStoreError {
  constructor(what: string, value: string, reason: string) {
    super(`invalid ${what} '${value.slice(0, 200)}': ${reason}`);
    this.name = 'InvalidKeyError';
  }
}

/** True when an operation that threw `err` may succeed if tried again. */
export function isTransientError(err: unknown): boolean {
  return err instanceof ObjectStoreError ? err.transient : false;
}
