import { learnedTypes, type SampleFormat, type SampleProfile, twinConfig } from '@synoptic/contract';
import {
  type DataTable,
  type FittedSample,
  fitSample,
  GenerationError,
  type LearnedColumnRequest,
  learnedColumnsOf,
} from '@synoptic/generator';
import { profileSampleFile, readSample } from '@synoptic/generator/sample';

/** Rows the preview model learns from: live previews show a handful of rows, not a report. */
export const PREVIEW_MODEL_ROWS = 10_000;

export type ProfiledSample = { profile: SampleProfile; previewModel: FittedSample | null };

const learnable = new Set<string>(learnedTypes);

/** Why fitting refuses the column learned this way, or null (at fast quality: only the marginal is tried). */
const fitRefusal = (training: DataTable, request: LearnedColumnRequest, sampleId: string) => {
  try {
    fitSample(training, [request], { quality: 'fast', seed: sampleId });
    return null;
  } catch (err) {
    if (err instanceof GenerationError) return err.message;
    throw err;
  }
};

type PreviewColumns = { columns: LearnedColumnRequest[]; refused: NonNullable<FittedSample['refused']> };

/**
 * The columns a preview model covers: those the profile suggests learning, and also those it
 * suggests generating (personal data) that could still be learned, because a user may insist on
 * learning one; the job's report then flags what that copies. A column fitting refuses is left out.
 * Each column comes again as every other type fitting accepts for it, since the builder lets a
 * field learn a column as any type ("Learn as"); the profiled type comes first, as tables that
 * name no type take the first.
 */
function previewColumns(profile: SampleProfile, training: DataTable, sampleId: string): PreviewColumns {
  const [table] = twinConfig(profile, { table: 'sample', sampleId }).tables;
  const suggested = table ? learnedColumnsOf(table) : [];
  const taken = new Set(suggested.map((c) => c.column));
  const extra = profile.columns
    .filter((c) => !taken.has(c.name) && learnable.has(c.type))
    .map((c) => ({ column: c.name, as: c.type as LearnedColumnRequest['as'] }))
    .filter((request) => fitRefusal(training, request, sampleId) === null);
  const primary = [...suggested, ...extra];
  const typeOf = new Map(profile.columns.map((c) => [c.name, c.type]));
  const columns = [...primary];
  const refused: PreviewColumns['refused'] = [];
  for (const { column, as } of primary) {
    for (const type of learnedTypes) {
      if (type === (as ?? typeOf.get(column))) continue;
      const reason = fitRefusal(training, { column, as: type }, sampleId);
      if (reason === null) columns.push({ column, as: type });
      else refused.push({ column, as: type, reason });
    }
  }
  return { columns, refused };
}

/**
 * Profiles a local copy of a sample and fits the model live previews (and size estimates) use: one
 * balanced model of every learnable column, which any table of the sample can take a part of. A
 * sample without such columns (all free text or identifiers) has no preview model.
 */
export async function profileUpload(
  path: string,
  format: SampleFormat,
  sampleId: string,
): Promise<ProfiledSample> {
  const seed = sampleId;
  const read = await profileSampleFile(path, format, seed);
  const profile = read.profile;
  const training =
    read.table.rows <= PREVIEW_MODEL_ROWS
      ? read.table
      : (await readSample(path, format, { maxRows: PREVIEW_MODEL_ROWS, seed })).table;
  const { columns, refused } = previewColumns(profile, training, sampleId);
  if (columns.length === 0) return { profile, previewModel: null };
  const previewModel = fitSample(training, columns, {
    quality: 'balanced',
    seed,
    sourceRows: read.totalRows,
    alternates: true,
  });
  return { profile, previewModel: { ...previewModel, refused } };
}
