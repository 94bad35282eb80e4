import { sampleFormatSchema, sampleProfileSchema } from '@synoptic/contract';
import { z } from 'zod';
import { projectIdParams } from '../projects/projects.schemas.ts';

/** What an upload's body may be declared as; the format itself comes from the file name. */
export const sampleContentTypes = [
  'text/csv',
  'text/tab-separated-values',
  'application/x-ndjson',
  'application/jsonl',
  'application/vnd.apache.parquet',
  'application/octet-stream',
] as const;

export const sampleParams = projectIdParams.extend({ sampleId: z.uuid({ error: 'Not a sample id.' }) });

export const uploadSampleQuerySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the file’s name.')
    .max(255, 'Use a file name of at most 255 characters.')
    .describe('The file’s name; its extension gives the format: .csv, .tsv, .jsonl, .ndjson or .parquet'),
});

/** The file itself is the body: documented as bytes, handed to the service as a stream. */
export const uploadSampleBodySchema = z
  .any()
  .meta({ type: 'string', format: 'binary', description: 'The sample file’s bytes, as they are' });

export const sampleStatusSchema = z.enum(['profiling', 'ready', 'failed', 'removed']).meta({
  id: 'SampleStatus',
  description:
    'profiling → ready | failed; a ready sample becomes removed when the project deletes samples after fitting',
});

const timestamp = z.iso.datetime();

export const sampleSchema = z
  .object({
    id: z.uuid(),
    name: z.string().describe('The file’s name as uploaded'),
    format: sampleFormatSchema,
    bytes: z.number().int(),
    status: sampleStatusSchema,
    rows: z.number().int().nullable().describe('Rows in the file, once profiled'),
    columns: z.number().int().nullable().describe('Columns in the file, once profiled'),
    error: z.string().nullable().describe('Why profiling failed'),
    createdAt: timestamp,
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    removedAt: timestamp.nullable().describe('When the file was deleted after fitting; its profile stays'),
  })
  .meta({ id: 'Sample' });

export const sampleDetailSchema = sampleSchema
  .extend({ profile: sampleProfileSchema.nullable().describe('Null until profiling succeeds') })
  .meta({ id: 'SampleDetail' });

export const sampleListSchema = z.object({ samples: z.array(sampleSchema) }).meta({ id: 'SampleList' });
