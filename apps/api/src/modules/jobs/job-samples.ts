import type { GeneratorConfig } from '@synoptic/contract';
import { AppError, type Queryable } from '@synoptic/service-kit';
import { findSamplesByIds, type SampleRow } from '../samples/samples.repository.ts';

const problemOf = (sample: SampleRow | undefined): string | undefined => {
  if (!sample) return 'no such sample in this project';
  switch (sample.status) {
    case 'ready':
      return undefined;
    case 'profiling':
      return 'sample is still being profiled';
    case 'removed':
      return 'sample was removed';
    case 'failed':
      return 'sample could not be read; upload it again';
  }
};

/**
 * The samples a configuration's tables learn from, each checked to be the project's and ready;
 * a 400 with the table's `sample.id` path otherwise. `lock` holds them until the transaction ends,
 * so none is deleted or removed between this check and the job being stored.
 */
export async function usableSamples(
  db: Queryable,
  projectId: string,
  config: GeneratorConfig,
  lock = false,
): Promise<SampleRow[]> {
  const wanted = config.tables.flatMap((table, index) =>
    table.sample ? [{ index, id: table.sample.id }] : [],
  );
  if (wanted.length === 0) return [];
  const found = await findSamplesByIds(db, projectId, [...new Set(wanted.map((w) => w.id))], lock);
  const byId = new Map(found.map((sample) => [sample.id, sample]));
  const details = wanted.flatMap(({ index, id }) => {
    const problem = problemOf(byId.get(id));
    return problem ? [{ path: `config.tables[${index}].sample.id`, message: problem }] : [];
  });
  if (details.length > 0) {
    throw new AppError('validation_failed', 'The configuration learns from a sample that cannot be used.', {
      details,
    });
  }
  return found;
}

/** Where the pipeline reads each sample from. */
export const sampleLocations = (bucket: string, samples: SampleRow[]) =>
  samples.map((sample) => ({ id: sample.id, bucket, key: sample.key, format: sample.format }));
