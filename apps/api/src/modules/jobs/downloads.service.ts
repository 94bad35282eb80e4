import type { Readable } from 'node:stream';
import type { ObjectStore } from '@synoptic/object-store';
import { AppError, type Pool } from '@synoptic/service-kit';
import { ZipFile } from 'yazl';
import { getCompletedJob } from './completed-job.ts';
import { fileNameOf } from './jobs.presenter.ts';
import { type Download, passPrivacyGate } from './privacy-gate.ts';

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
  sql: 'application/sql; charset=utf-8',
} as const;

/** A file name safe in a Content-Disposition header and on every file system. */
export const safeName = (name: string) =>
  name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'job';

export type ByteRange = { start: number; end: number };

/** Parses a single `bytes=` range against a size; undefined for none, 416 for one outside the file. */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [start, end] =
    match[1] === ''
      ? [Math.max(0, size - Number(match[2])), size - 1]
      : [Number(match[1]), match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)];
  if (start > end || start >= size) {
    throw new AppError(
      'range_not_satisfiable',
      `The file has ${size} bytes; the range ${header} is outside it.`,
    );
  }
  return { start, end };
}

/**
 * Streams a completed job's outputs from the project's bucket, authorised per request by the
 * route's policy. Clients see file names only, never the store's layout.
 */
export function createDownloadsService(pool: Pool, store: ObjectStore) {
  const openOutputs = async (request: Download, what: string) => {
    const completed = await getCompletedJob(pool, request.access, request.jobId);
    await passPrivacyGate(pool, request, completed.job, what);
    return completed;
  };

  return {
    async file(request: Download, fileName: string, rangeHeader: string | undefined) {
      const { access } = request;
      const { job, files } = await openOutputs(request, fileName);
      const file = files.find((f) => fileNameOf(f.key) === fileName);
      if (!file) throw new AppError('not_found', `The job has no file named ${fileName}.`);
      const range = parseRange(rangeHeader, file.bytes);
      const stream: Readable = await store.get(access.project.bucket, file.key, range ? { range } : {});
      return {
        stream,
        range,
        size: file.bytes,
        sha256: file.sha256,
        contentType: contentTypes[job.output_format],
        downloadName: `${safeName(job.name)}-${safeName(fileName)}`,
      };
    },

    /** Every output of the job in one zip, streamed as it is read from the store. */
    async zip(request: Download) {
      const { access } = request;
      const { job, files } = await openOutputs(request, 'download.zip');
      const zip = new ZipFile();
      for (const file of files) {
        zip.addReadStreamLazy(
          fileNameOf(file.key),
          { compress: job.output_format !== 'parquet' },
          (callback) => {
            store.get(access.project.bucket, file.key).then(
              (stream) => callback(null, stream),
              (err: unknown) => callback(err, undefined as never),
            );
          },
        );
      }
      zip.end();
      return { stream: zip.outputStream, downloadName: `${safeName(job.name)}.zip` };
    },
  };
}

export type DownloadsService = ReturnType<typeof createDownloadsService>;
