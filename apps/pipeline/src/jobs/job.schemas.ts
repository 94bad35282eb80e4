import {
  csvOptionsSchema,
  generatorConfigSchema,
  generatorPreviewSchema,
  jobReportSchema,
  outputColumnSchema,
  outputFormatSchema,
  sampleFormatSchema,
} from '@synoptic/contract';
import { z } from 'zod';

export const jobStatusSchema = z
  .enum(['queued', 'running', 'cancelling', 'completed', 'failed', 'cancelled'])
  .meta({ id: 'PipelineJobStatus', description: 'Where the job is in its life.' });
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobStageSchema = z
  .enum([
    'queued',
    'validating',
    'fitting',
    'generating',
    'reporting',
    'finalizing',
    'completed',
    'failed',
    'cancelled',
  ])
  .meta({ id: 'PipelineJobStage', description: 'What the job is doing now.' });
export type JobStage = z.infer<typeof jobStageSchema>;

const keyPrefix = z
  .string()
  .max(512)
  .regex(/^([A-Za-z0-9_.=-]+\/)*$/, 'expected folder names separated and ended by slashes, e.g. jobs/123/')
  .refine((p) => !p.split('/').some((s) => s === '.' || s === '..'), 'must not contain . or .. segments');

const bucketName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'expected 3–63 lowercase letters, digits and hyphens');

export const outputLocationSchema = z
  .strictObject({
    bucket: bucketName.describe('The project’s bucket in the object store.'),
    prefix: keyPrefix
      .optional()
      .describe('Folder for the parts and manifest.json, ending with a slash (default `jobs/{jobId}/`).'),
    format: outputFormatSchema,
    csv: csvOptionsSchema.optional(),
  })
  .meta({ id: 'PipelineOutputLocation', description: 'Where and how the output is written.' });
export type OutputLocation = z.infer<typeof outputLocationSchema>;

export const sampleLocationSchema = z
  .strictObject({
    id: z.uuid().describe('The sample id a table of the config names in `sample.id`.'),
    bucket: bucketName.describe('Bucket holding the sample.'),
    key: z.string().min(1).max(1024).describe('Object key of the sample file.'),
    format: sampleFormatSchema,
  })
  .meta({ id: 'PipelineSampleLocation', description: 'Where a sample a table learns from is stored.' });
export type SampleLocation = z.infer<typeof sampleLocationSchema>;

export const createJobBodySchema = z
  .strictObject({
    config: generatorConfigSchema,
    output: outputLocationSchema,
    samples: z
      .array(sampleLocationSchema)
      .max(100)
      .optional()
      .describe('The samples the config’s tables learn from, one per distinct `sample.id`.'),
    seed: z
      .union([z.string().min(1).max(128), z.int().min(0)])
      .optional()
      .describe(
        'Seed of the random streams; the same config, seed and engine give the same bytes. Random when absent.',
      ),
    callbackUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        'Receives a signed POST on every status or stage change and on progress (at most once a second).',
      ),
  })
  .meta({ id: 'CreatePipelineJob' });
export type CreateJobBody = z.infer<typeof createJobBodySchema>;

export const idempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'Repeating a request with the same key returns the same job; a different body with it is a 409.',
    ),
});

const timestamp = z.string().describe('ISO 8601 date-time');

export const jobSchema = z
  .object({
    id: z.string(),
    status: jobStatusSchema,
    stage: jobStageSchema,
    progress: z.object({
      rowsDone: z.number().int(),
      rowsTotal: z.number().int().nullable().describe('Known once the job is planned.'),
      percent: z.number().min(0).max(100),
      rowsPerSecond: z.number().nullable(),
      etaSeconds: z.number().nullable().describe('Estimated seconds left while generating.'),
    }),
    output: outputLocationSchema.extend({ prefix: z.string() }),
    seed: z.string(),
    engineVersion: z.string().nullable(),
    callbackUrl: z.string().nullable(),
    error: z
      .object({
        stage: jobStageSchema.describe('The stage that failed.'),
        message: z.string().describe('What went wrong, in words a person can act on.'),
      })
      .nullable(),
    timings: z.object({
      createdAt: timestamp,
      startedAt: timestamp.nullable(),
      generatingAt: timestamp.nullable(),
      finishedAt: timestamp.nullable(),
      updatedAt: timestamp,
    }),
  })
  .meta({ id: 'PipelineJob', description: 'A generation job as the pipeline sees it.' });
export type Job = z.infer<typeof jobSchema>;

export const jobParamsSchema = z.object({ id: z.string().max(100).describe('Job id') });

export const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);

export const jobLogsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).optional().describe('Cursor: the `nextCursor` of the previous page.'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const jobLogsSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        time: timestamp,
        level: logLevelSchema,
        stage: jobStageSchema,
        message: z.string(),
      }),
    ),
    nextCursor: z
      .number()
      .int()
      .nullable()
      .describe('Pass as `after` for the next page; null at the end so far.'),
  })
  .meta({ id: 'PipelineJobLogs' });

export const manifestSchema = z
  .object({
    jobId: z.string(),
    engineVersion: z.string(),
    seed: z.string(),
    format: outputFormatSchema,
    createdAt: timestamp,
    rows: z.number().int(),
    bytes: z.number().int(),
    tables: z.array(
      z.object({
        name: z.string(),
        rows: z.number().int(),
        bytes: z.number().int(),
        columns: z.array(outputColumnSchema),
      }),
    ),
    files: z.array(
      z.object({
        key: z.string().describe('Object key in the bucket'),
        table: z.string(),
        rows: z.number().int(),
        bytes: z.number().int(),
        sha256: z.string(),
      }),
    ),
    report: z
      .object({
        key: z.string().describe('Object key of report.json'),
        summary: jobReportSchema.shape.summary,
      })
      .nullable()
      .describe('The quality, privacy and conformance report written beside the parts.'),
  })
  .meta({ id: 'PipelineManifest', description: 'What a completed job wrote; also stored as manifest.json.' });
export type Manifest = z.infer<typeof manifestSchema>;

export const callbackEventSchema = z
  .object({
    jobId: z.string(),
    seq: z
      .number()
      .int()
      .describe('Increases with every event of a job: ignore one lower than the last seen.'),
    type: z.enum(['job.status', 'job.progress']),
    job: jobSchema,
  })
  .meta({ id: 'PipelineCallbackEvent' });
export type CallbackEvent = z.infer<typeof callbackEventSchema>;

export const previewBodySchema = z
  .strictObject({
    config: generatorConfigSchema,
    output: z
      .strictObject({ format: outputFormatSchema, csv: csvOptionsSchema.optional() })
      .optional()
      .describe('Format for the size estimate (default CSV).'),
    rows: z.int().min(1).max(100).default(10).describe('Rows per table to show.'),
    sampleModels: z
      .record(z.uuid(), z.record(z.string(), z.unknown()))
      .optional()
      .describe(
        'Fitted models of the samples the config’s tables learn from, by sample id, as the engine’s fitSample made them (the control plane keeps one per uploaded sample for previews).',
      ),
    seed: z.union([z.string().min(1).max(128), z.int().min(0)]).default(1),
  })
  .meta({ id: 'PipelinePreviewRequest' });

export const previewSchema = generatorPreviewSchema.meta({ id: 'PipelinePreview' });
