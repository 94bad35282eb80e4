import { tableNameOf, twinConfig } from '@synoptic/contract';
import type { ConfigDraft } from '@/features/schema-builder/schema-model';
import type { SampleDetail } from './use-samples';

/** Where "Create synthetic twin" leads: the new-job page, told which sample to start from. */
export function twinJobPath(projectId: string, sampleId: string): string {
  return `/projects/${projectId}/jobs/new?sample=${encodeURIComponent(sampleId)}`;
}

/**
 * What the new-job page starts from for a twin: one table named after the file, as many rows as
 * the sample, learning at balanced quality from each column's suggested field.
 */
export function twinDraft(sample: SampleDetail & { profile: NonNullable<SampleDetail['profile']> }): {
  name: string;
  config: ConfigDraft;
} {
  const config = twinConfig(sample.profile, {
    table: tableNameOf(sample.name),
    sampleId: sample.id,
    quality: 'balanced',
    rows: sample.profile.rows,
  });
  return { name: `Synthetic twin of ${sample.name}`, config: config as ConfigDraft };
}
