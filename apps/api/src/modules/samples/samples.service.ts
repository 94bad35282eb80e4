import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { SampleFormat } from '@synoptic/contract';
import { GenerationError } from '@synoptic/generator';
import { SampleReadError, sampleFormatOf } from '@synoptic/generator/sample';
import { ObjectNotFoundError, type ObjectStore } from '@synoptic/object-store';
import { AppError, type Pool, uuidv7, withTransaction } from '@synoptic/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { UserRow } from '../accounts/users.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { safeName } from '../jobs/downloads.service.ts';
import type { ProjectAccess } from '../projects/project-access.ts';
import { addStorageUsed, findStorageUse } from '../projects/projects.repository.ts';
import { actorOf } from '../projects/projects.service.ts';
import { bytesText, quotaRefusal } from '../projects/storage-quota.ts';
import { profileUpload } from './sample-profiler.ts';
import { presentSample, presentSampleDetail } from './samples.presenter.ts';
import {
  claimStaleProfiling,
  countActiveJobsUsing,
  deleteSampleRow,
  extendProfiling,
  findSample,
  findSampleForUpdate,
  findSamplesOfProject,
  findSamplesToRelease,
  insertSample,
  markProfiled,
  markProfilingFailed,
  markRemoved,
} from './samples.repository.ts';
import { sampleContentTypes } from './samples.schemas.ts';
import { copyWhilePassing } from './upload-copy.ts';

/** How long a process holds a sample it profiles; past it, another process takes the work over. */
const PROFILING_LEASE_MS = 15 * 60_000;
/** A local copy this old that no profiling in this process waits for was left by a stopped process. */
const ORPHAN_COPY_MS = 60 * 60_000;

export type NewSample = {
  name: string;
  contentType: string | undefined;
  contentLength: number | undefined;
  body: unknown;
};

const isByteStream = (body: unknown): body is AsyncIterable<Uint8Array> =>
  typeof body === 'object' && body !== null && Symbol.asyncIterator in body;

/**
 * Uploaded samples: streamed to the project's bucket and to a local copy at once, then profiled in
 * the background (one at a time per process), with a preview model fitted for live previews.
 */
export function createSamplesService(deps: {
  pool: Pool;
  store: ObjectStore;
  clock: Clock;
  log: FastifyBaseLogger;
  /** Local copies being profiled live in `samples/` under it. */
  cacheDir: string;
  maxBytes: number;
}) {
  const { pool, store, clock, log, maxBytes } = deps;
  const copiesDir = join(deps.cacheDir, 'samples');
  const copyOf = (sampleId: string, format: SampleFormat) => join(copiesDir, `${sampleId}.${format}`);
  /** Local copies an upload or a profiling run of this process still needs. */
  const inUse = new Set<string>();
  let profiling: Promise<void> = Promise.resolve();
  let closing = false;

  const leaseEnd = () => new Date(clock.now().getTime() + PROFILING_LEASE_MS);

  const getRow = async (projectId: string, sampleId: string) => {
    const row = await findSample(pool, projectId, sampleId);
    if (!row) throw new AppError('not_found', 'No such sample in this project.');
    return row;
  };

  const profile = async (sampleId: string, path: string, format: SampleFormat) => {
    try {
      // Left for the next process to start, which takes it over at once.
      if (closing) return void (await extendProfiling(pool, sampleId, clock.now()));
      // Deleted while it waited: nothing to do.
      if (!(await extendProfiling(pool, sampleId, leaseEnd()))) return;
      const result = await profileUpload(path, format, sampleId);
      await markProfiled(pool, sampleId, result);
    } catch (err) {
      const readable = err instanceof SampleReadError || err instanceof GenerationError;
      if (!readable) log.error({ err, sampleId }, 'sample profiling failed');
      const message = readable
        ? (err as Error).message
        : 'The sample could not be profiled because of a problem on our side. Delete it and upload it again.';
      await markProfilingFailed(pool, sampleId, message).catch((cause: unknown) =>
        log.error({ err: cause, sampleId }, 'sample left profiling; a later run takes it over'),
      );
    } finally {
      await rm(path, { force: true });
      inUse.delete(path);
    }
  };

  /** Queues a sample's profiling behind the others of this process. */
  const schedule = (sampleId: string, path: string, format: SampleFormat) => {
    inUse.add(path);
    profiling = profiling.then(() => profile(sampleId, path, format));
  };

  /** Removes local copies left behind by a process that stopped mid-upload or mid-profiling. */
  const removeOrphanCopies = async () => {
    const names = await readdir(copiesDir).catch(() => [] as string[]);
    const cutoff = clock.now().getTime() - ORPHAN_COPY_MS;
    for (const name of names) {
      const path = join(copiesDir, name);
      if (inUse.has(path)) continue;
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) await rm(path, { force: true });
    }
  };

  return {
    /**
     * Stores an upload: the body goes to the bucket and to a local copy as it arrives, stopped the
     * moment it passes the size limit or the project's free storage, with nothing left behind.
     */
    async upload(access: ProjectAccess, user: UserRow, input: NewSample) {
      const format = sampleFormatOf(input.name);
      if (!format) {
        throw new AppError('validation_failed', 'A sample must be a CSV, JSONL or Parquet file.', {
          details: [
            { path: 'name', message: 'Use a file ending in .csv, .tsv, .jsonl, .ndjson or .parquet.' },
          ],
        });
      }
      const mediaType = input.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!isByteStream(input.body) || !(sampleContentTypes as readonly string[]).includes(mediaType)) {
        throw new AppError(
          'unsupported_media_type',
          `Send the file itself as the request body, with Content-Type ${sampleContentTypes.join(', ')}.`,
        );
      }
      const tooLarge = () =>
        new AppError(
          'payload_too_large',
          `This file is larger than ${bytesText(maxBytes)}, the most a sample may be. Upload an extract of it.`,
        );
      const { project } = access;
      const use = await findStorageUse(pool, project.id);
      if (!use) throw new AppError('not_found', 'No such project, or you are not a member of it.');
      if (input.contentLength !== undefined) {
        if (input.contentLength > maxBytes) throw tooLarge();
        const refusal = quotaRefusal(use, input.contentLength, 'This sample is');
        if (refusal) throw new AppError('unprocessable', refusal);
      }

      const id = uuidv7();
      const key = `samples/${id}/${safeName(input.name)}`;
      const copy = copyOf(id, format);
      inUse.add(copy);
      try {
        await mkdir(copiesDir, { recursive: true });
        const stored = await store.put(
          project.bucket,
          key,
          copyWhilePassing(input.body, copy, (bytes) => {
            if (bytes > maxBytes) throw tooLarge();
            const refusal = quotaRefusal(use, bytes, 'This sample is more than');
            if (refusal) throw new AppError('unprocessable', refusal);
          }),
        );
        if (stored.bytes === 0) {
          throw new AppError('validation_failed', 'The file is empty.', {
            details: [{ path: 'body', message: 'The file has no bytes.' }],
          });
        }
        await withTransaction(pool, async (tx) => {
          // Checked again under the project's lock: uploads and jobs running at once share one quota.
          const current = await findStorageUse(tx, project.id, { forUpdate: true });
          const refusal = current && quotaRefusal(current, stored.bytes, 'This sample is');
          if (refusal) throw new AppError('unprocessable', refusal);
          await insertSample(tx, {
            id,
            projectId: project.id,
            createdBy: user.id,
            name: input.name,
            format,
            key,
            bytes: stored.bytes,
            profilingUntil: leaseEnd(),
          });
          await addStorageUsed(tx, project.id, stored.bytes);
          await recordAudit(tx, {
            projectId: project.id,
            actor: actorOf(user),
            action: 'sample.uploaded',
            target: input.name,
            details: { bytes: stored.bytes, format },
          });
        });
      } catch (err) {
        inUse.delete(copy);
        await rm(copy, { force: true });
        await store
          .delete(project.bucket, key)
          .catch((cause: unknown) => log.error({ err: cause, key }, 'partial sample not removed'));
        throw err;
      }
      schedule(id, copy, format);
      return presentSample(await getRow(project.id, id));
    },

    async list(access: ProjectAccess) {
      return { samples: (await findSamplesOfProject(pool, access.project.id)).map(presentSample) };
    },

    async get(access: ProjectAccess, sampleId: string) {
      return presentSampleDetail(await getRow(access.project.id, sampleId));
    },

    /** Deletes a sample and its file, unless a queued or running job still learns from it. */
    async delete(access: ProjectAccess, user: UserRow, sampleId: string) {
      const { project } = access;
      await withTransaction(pool, async (tx) => {
        const sample = await findSampleForUpdate(tx, project.id, sampleId);
        if (!sample) throw new AppError('not_found', 'No such sample in this project.');
        const using = await countActiveJobsUsing(tx, sampleId);
        if (using > 0) {
          throw new AppError(
            'sample_in_use',
            `${using === 1 ? 'A queued or running job learns' : `${using} queued or running jobs learn`} from this sample. Wait for ${using === 1 ? 'it' : 'them'} to finish, or cancel ${using === 1 ? 'it' : 'them'}, then delete the sample.`,
          );
        }
        await deleteSampleRow(tx, sampleId);
        if (sample.status !== 'removed') await addStorageUsed(tx, project.id, -sample.bytes);
        await recordAudit(tx, {
          projectId: project.id,
          actor: actorOf(user),
          action: 'sample.deleted',
          target: sample.name,
        });
        // Last, under the row's lock: if the store fails, the sample stays as it was.
        if (sample.status !== 'removed') await store.delete(project.bucket, sample.key);
      });
    },

    /**
     * Deletes the files of the samples a finished job learned from, when its project asks for that
     * and no other queued or running job still needs them. Their profiles stay.
     */
    async releaseAfterFit(jobId: string) {
      for (const candidate of await findSamplesToRelease(pool, jobId)) {
        const released = await withTransaction(pool, async (tx) => {
          const sample = await findSampleForUpdate(tx, candidate.project_id, candidate.id);
          if (sample?.status !== 'ready' || (await countActiveJobsUsing(tx, sample.id)) > 0) return false;
          await markRemoved(tx, sample.id, clock.now());
          await addStorageUsed(tx, sample.project_id, -sample.bytes);
          await store.delete(candidate.bucket, sample.key);
          return true;
        });
        if (released) log.info({ sampleId: candidate.id, jobId }, 'sample file deleted after fitting');
      }
    },

    /**
     * Profiles again the samples whose profiling a stopped process left unfinished, from their
     * stored files; a sample whose file is gone fails. Also clears local copies such a process left.
     */
    async resumeProfiling(): Promise<number> {
      await removeOrphanCopies();
      const stale = await claimStaleProfiling(pool, clock.now(), leaseEnd(), 10);
      for (const sample of stale) {
        const copy = copyOf(sample.id, sample.format);
        inUse.add(copy);
        try {
          await mkdir(copiesDir, { recursive: true });
          await pipeline(await store.get(sample.bucket, sample.key), createWriteStream(copy));
        } catch (err) {
          inUse.delete(copy);
          await rm(copy, { force: true });
          if (err instanceof ObjectNotFoundError) {
            await markProfilingFailed(
              pool,
              sample.id,
              'The uploaded file is gone, so the sample cannot be profiled. Delete it and upload the file again.',
            );
          } else {
            log.warn({ err, sampleId: sample.id }, 'sample not fetched for profiling; trying again later');
          }
          continue;
        }
        schedule(sample.id, copy, sample.format);
      }
      return stale.length;
    },

    /** Resolves once the profiling queued so far has run (or been left to another process). */
    settled: () => profiling,

    /** Hands queued profiling to the next process to start, and waits for the one running. */
    async close() {
      closing = true;
      await profiling;
    },
  };
}

export type SamplesService = ReturnType<typeof createSamplesService>;
