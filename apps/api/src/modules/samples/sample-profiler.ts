import { type SampleFormat, type SampleProfile, twinConfig } from '@synoptic/contract';
import { type FittedSample, fitSample, learnedColumnsOf } from '@synoptic/generator';
import { profileSample, readSample } from '@synoptic/generator/sample';

/** Rows profiling reads: a seeded reservoir of larger files, enough for types and personal data. */
export const PROFILE_ROWS = 100_000;
/** Rows the preview model learns from: live previews show a handful of rows, not a report. */
export const PREVIEW_MODEL_ROWS = 10_000;

export type ProfiledSample = { profile: SampleProfile; previewModel: FittedSample | null };

/**
 * Profiles a local copy of a sample and fits the model live previews use: one balanced model of
 * every column the profile suggests learning, which any table of the sample can take a part of.
 * A sample without such columns (all personal data or identifiers) has no preview model.
 */
export async function profileSampleFile(
  path: string,
  format: SampleFormat,
  sampleId: string,
): Promise<ProfiledSample> {
  const seed = sampleId;
  const read = await readSample(path, format, { maxRows: PROFILE_ROWS, seed });
  const profile = profileSample(read.table, { format, totalRows: read.totalRows });
  const [table] = twinConfig(profile, { table: 'sample', sampleId }).tables;
  const columns = table ? learnedColumnsOf(table) : [];
  if (columns.length === 0) return { profile, previewModel: null };
  const training =
    read.table.rows <= PREVIEW_MODEL_ROWS
      ? read.table
      : (await readSample(path, format, { maxRows: PREVIEW_MODEL_ROWS, seed })).table;
  const previewModel = fitSample(training, columns, {
    quality: 'balanced',
    seed,
    sourceRows: read.totalRows,
  });
  return { profile, previewModel };
}
