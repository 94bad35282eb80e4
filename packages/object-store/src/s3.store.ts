import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { hashing } from './hashing.ts';
import { validateBucket, validateKey, validatePrefix } from './keys.ts';
import {
  BucketNotFoundError,
  ObjectNotFoundError,
  type ObjectStore,
  ObjectStoreError,
} from './object-store.ts';

export type S3StoreOptions = {
  /** e.g. `https://storage.googleapis.com` for GCS interoperability, `http://127.0.0.1:9000` for MinIO. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** Prepended to every bucket name, so one account can host several deployments. */
  bucketPrefix: string;
  /** Size of multipart upload pieces (S3 allows 5 MiB to 5 GiB, at most 10,000 pieces). */
  partSize?: number;
};

const status = (err: unknown) =>
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const errorName = (err: unknown) => (err as { name?: string }).name ?? '';

function wrap(err: unknown, what: string): never {
  if (err instanceof ObjectStoreError) throw err;
  const code = status(err);
  const name = errorName(err);
  // Throttling, server faults and network failures may pass; anything else the request got wrong.
  const transient =
    code === undefined
      ? !(err instanceof S3ServiceException)
      : code >= 500 || code === 429 || /SlowDown|Throttl|RequestTimeout/.test(name);
  throw new ObjectStoreError(`${what}: ${name ? `${name}: ` : ''}${(err as Error).message}`, {
    transient,
    cause: err,
  });
}

/** Objects in an S3-compatible service (AWS S3, GCS interoperability, MinIO …). */
export function createS3ObjectStore(options: S3StoreOptions): ObjectStore {
  const client = new S3Client({
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.accessKeyId && options.secretAccessKey
      ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
      : {}),
    // GCS's interoperability API rejects the newer default checksum headers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const name = (bucket: string) => {
    validateBucket(bucket);
    const full = `${options.bucketPrefix}${bucket}`;
    if (full.length > 63) throw new ObjectStoreError(`bucket name '${full}' is longer than 63 characters`);
    return full;
  };
  const notFoundBucket = (err: unknown) => errorName(err) === 'NoSuchBucket';

  async function deleteKeys(bucket: string, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      const result = await client.send(
        new DeleteObjectsCommand({
          Bucket: name(bucket),
          Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = result.Errors?.[0];
      if (failed) throw new ObjectStoreError(`delete '${failed.Key}': ${failed.Code} ${failed.Message}`);
    } catch (err) {
      if (notFoundBucket(err)) return;
      wrap(err, 'delete objects');
    }
  }

  const store: ObjectStore = {
    async createBucket(bucket) {
      try {
        await client.send(new CreateBucketCommand({ Bucket: name(bucket) }));
      } catch (err) {
        if (/BucketAlreadyOwnedByYou|BucketAlreadyExists/.test(errorName(err))) return;
        wrap(err, `create bucket '${bucket}'`);
      }
    },

    async deleteBucket(bucket) {
      await store.deletePrefix(bucket, '');
      try {
        await client.send(new DeleteBucketCommand({ Bucket: name(bucket) }));
      } catch (err) {
        if (notFoundBucket(err)) return;
        wrap(err, `delete bucket '${bucket}'`);
      }
    },

    async put(bucket, key, body, putOptions = {}) {
      validateKey(key);
      const { chunks, result, bodyError } = hashing(body);
      const upload = new Upload({
        client,
        params: { Bucket: name(bucket), Key: key, Body: Readable.from(chunks) },
        partSize: options.partSize ?? 8 * 1024 * 1024,
        queueSize: 4,
        // We abort a failed multipart upload ourselves: lib-storage's own abort throws its failure
        // (e.g. 403 without s3:AbortMultipartUpload) in place of the upload's, turning a transient
        // error into a permanent one.
        leavePartsOnError: true,
      });
      const signal = putOptions.signal;
      const onAbort = () => void upload.abort().catch(() => {});
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        signal?.throwIfAborted();
        await upload.done();
        return result();
      } catch (err) {
        if (upload.uploadId)
          await client
            .send(
              new AbortMultipartUploadCommand({ Bucket: name(bucket), Key: key, UploadId: upload.uploadId }),
            )
            .catch(() => {});
        if (signal?.aborted) throw signal.reason ?? err;
        if (bodyError() !== undefined) throw bodyError();
        if (notFoundBucket(err)) throw new BucketNotFoundError(bucket);
        wrap(err, `put '${key}'`);
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },

    async get(bucket, key, getOptions = {}) {
      validateKey(key);
      const range = getOptions.range;
      try {
        const response = await client.send(
          new GetObjectCommand({
            Bucket: name(bucket),
            Key: key,
            ...(range ? { Range: `bytes=${range.start}-${range.end ?? ''}` } : {}),
          }),
        );
        return response.Body as Readable;
      } catch (err) {
        if (errorName(err) === 'NoSuchKey' || notFoundBucket(err)) throw new ObjectNotFoundError(bucket, key);
        wrap(err, `get '${key}'`);
      }
    },

    async head(bucket, key) {
      validateKey(key);
      try {
        const response = await client.send(new HeadObjectCommand({ Bucket: name(bucket), Key: key }));
        return { size: response.ContentLength ?? 0 };
      } catch (err) {
        if (status(err) === 404 || errorName(err) === 'NotFound') return undefined;
        wrap(err, `head '${key}'`);
      }
    },

    async *list(bucket, prefix = '') {
      validatePrefix(prefix);
      let token: string | undefined;
      do {
        let page: ListObjectsV2CommandOutput;
        try {
          page = await client.send(
            new ListObjectsV2Command({
              Bucket: name(bucket),
              ...(prefix ? { Prefix: prefix } : {}),
              ...(token ? { ContinuationToken: token } : {}),
            }),
          );
        } catch (err) {
          if (notFoundBucket(err)) return;
          wrap(err, 'list');
        }
        for (const item of page.Contents ?? []) {
          if (item.Key !== undefined) yield { key: item.Key, size: item.Size ?? 0 };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },

    async delete(bucket, key) {
      validateKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket: name(bucket), Key: key }));
      } catch (err) {
        if (notFoundBucket(err) || errorName(err) === 'NoSuchKey') return;
        wrap(err, `delete '${key}'`);
      }
    },

    async deletePrefix(bucket, prefix) {
      validatePrefix(prefix);
      let batch: string[] = [];
      let count = 0;
      for await (const { key } of store.list(bucket, prefix)) {
        batch.push(key);
        if (batch.length === 1000) {
          await deleteKeys(bucket, batch);
          count += batch.length;
          batch = [];
        }
      }
      await deleteKeys(bucket, batch);
      return count + batch.length;
    },
  };
  return store;
}
