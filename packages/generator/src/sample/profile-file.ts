import type { SampleFormat, SampleProfile } from '@synoptic/contract';
import type { DataTable } from '../tabular/data-table.ts';
import { profileSample } from './profile-sample.ts';
import { readSample } from './read-sample.ts';

/** Rows profiling reads: a seeded sample of larger files, enough for types and personal data. */
export const PROFILE_ROWS = 100_000;

/** Reads and profiles a local sample file, as an upload is profiled; the rows read come along. */
export async function profileSampleFile(
  path: string,
  format: SampleFormat,
  seed: string,
): Promise<{ profile: SampleProfile; table: DataTable; totalRows: number }> {
  const { table, totalRows } = await readSample(path, format, { maxRows: PROFILE_ROWS, seed });
  return { profile: profileSample(table, { format, totalRows }), table, totalRows };
}
