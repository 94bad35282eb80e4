import {
  csvOptionsSchema,
  generatorConfigSchema,
  generatorPreviewSchema,
  jobReportSchema,
  outputFormatSchema,
} from '@synoptic/contract';
import { z } from 'zod';
import { projectIdParams } from '../projects/projects.schemas.ts';
import { jobStatuses } from './job-lifecycle.ts';

export const jobStatusSchema = z.enum(jobStatuses).meta({
  id: 'JobStatus',
  description:
    'queued → running → completed | failed | cancelled (cancelling while a cancel is in flight); a completed job whose outputs passed the retention becomes expired',
});

export const jobParams = projectIdParams.extend({ jobId: z.uuid({ error: 'Not a job id.' }) });

export const createJobBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Name the job.').max(200),
    config: generatorConfigSchema,
    outputFormat: outputFormatSchema.optional().describe('The project’s default format when absent'),
    csv: csvOptionsSchema.optional(),
    seed: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use up to 64 letters, digits, - or _.')
      .optional()
      .describe('The same configuration and seed give the same data; random when absent'),
  })
  .meta({ id: 'CreateJobRequest' });

export const previewBodySchema = z
  .object({
    config: generatorConfigSchema,
    outputFormat: outputFormatSchema.optional(),
    csv: csvOptionsSchema.optional(),
    rows: z.number().int().min(1).max(100).default(10),
    seed: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
  })
  .meta({ id: 'JobPreviewRequest' });

export const previewSchema = generatorPreviewSchema.meta({ id: 'JobPreview' });

const timestamp = z.iso.datetime();

export const jobSchema = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    name: z.string(),
    status: jobStatusSchema,
    stage: z
      .string()
      .describe(
        'queued, validating, fitting (tables that learn from a sample), generating, reporting, finalizing, then completed, failed or cancelled, as the pipeline reports',
      ),
    waitingForPipeline: z.boolean().describe('Queued here but not yet accepted by the pipeline'),
    progress: z.object({
      rowsDone: z.number().int(),
      rowsTotal: z.number().int().nullable(),
      percent: z.number(),
      rowsPerSecond: z.number().nullable(),
      etaSeconds: z.number().nullable(),
    }),
    outputFormat: outputFormatSchema,
    seed: z.string(),
    bytes: z.number().int().nullable().describe('Bytes written, once completed'),
    estimatedBytes: z.number().int().nullable(),
    error: z.object({ stage: z.string(), message: z.string() }).nullable(),
    report: jobReportSchema.shape.summary
      .meta({ id: 'JobReportSummary' })
      .nullable()
      .describe(
        'The summary of the job’s report.json; null until it completes, and for jobs older than reports',
      ),
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
    expiredAt: timestamp.nullable(),
    updatedAt: timestamp,
  })
  .meta({ id: 'Job' });

export const jobFileSchema = z
  .object({
    name: z.string(),
    table: z.string(),
    rows: z.number().int(),
    bytes: z.number().int(),
    sha256: z.string(),
  })
  .meta({ id: 'JobFile' });

export const jobDetailSchema = jobSchema
  .extend({ config: generatorConfigSchema, files: z.array(jobFileSchema) })
  .meta({ id: 'JobDetail' });

export const jobListQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .describe('Comma-separated statuses to show, e.g. `queued,running`')
    .transform((value, ctx) => {
      if (!value) return undefined;
      const statuses = value.split(',').map((s) => s.trim());
      const bad = statuses.filter((s) => !(jobStatuses as readonly string[]).includes(s));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `Unknown status: ${bad.join(', ')}` });
      return statuses as Array<(typeof jobStatuses)[number]>;
    }),
  cursor: z.uuid({ error: 'Use `nextCursor` from the previous page.' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const jobPageSchema = z
  .object({ jobs: z.array(jobSchema), nextCursor: z.uuid().nullable() })
  .meta({ id: 'JobPage' });

export const jobLogsSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        time: z.string(),
        level: z.string(),
        stage: z.string(),
        message: z.string(),
      }),
    ),
    nextCursor: z.number().int().nullable(),
  })
  .meta({ id: 'JobLogs' });

export const downloadQuerySchema = z.object({
  acknowledgePrivacy: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe(
      'Required as `true` to download a job whose privacy checks failed, once its report was reviewed',
    ),
});
