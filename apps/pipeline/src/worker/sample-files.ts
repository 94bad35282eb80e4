import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ObjectStore } from '@synoptic/object-store';
import type { SampleLocation } from '../jobs/job.schemas.ts';
import type { SampleFile } from '../learning-engine.ts';

/**
 * Copies a job's samples from the object store to a private temp folder (DuckDB reads local files),
 * streamed, never held in memory. `release` removes the folder.
 */
export async function fetchSamples(
  store: ObjectStore,
  samples: SampleLocation[],
  signal: AbortSignal,
): Promise<{ files: SampleFile[]; release: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'synoptic-samples-'));
  const release = () => rm(dir, { recursive: true, force: true });
  try {
    const files: SampleFile[] = [];
    for (const [i, sample] of samples.entries()) {
      const path = join(dir, `${i}.${sample.format}`);
      await pipeline(await store.get(sample.bucket, sample.key), createWriteStream(path), { signal });
      files.push({ id: sample.id, path, format: sample.format });
    }
    return { files, release };
  } catch (err) {
    await release();
    throw err;
  }
}
