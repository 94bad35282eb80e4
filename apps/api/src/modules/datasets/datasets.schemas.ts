import { z } from 'zod';
import { downloadQuerySchema, jobParams } from '../jobs/jobs.schemas.ts';

export const tableParams = jobParams.extend({
  table: z.string().min(1).max(200).describe('A table of the job’s output'),
});
export const columnParams = tableParams.extend({ column: z.string().min(1).max(200) });

const columnKindSchema = z
  .enum(['integer', 'decimal', 'boolean', 'text', 'date', 'timestamp', 'other'])
  .meta({ id: 'ColumnKind', description: 'How the viewer treats a column: its filters, sorting and charts' });

export const datasetColumnSchema = z
  .object({ name: z.string(), kind: columnKindSchema, sqlType: z.string().describe('DuckDB type') })
  .meta({ id: 'DatasetColumn' });

export const datasetSchema = z
  .object({
    jobId: z.uuid(),
    status: z
      .enum(['ready', 'preparing'])
      .describe(
        '`preparing` (with status 202 and no tables yet) while the first open imports the output; ask again',
      ),
    tables: z.array(
      z.object({ name: z.string(), rows: z.number().int(), columns: z.array(datasetColumnSchema) }),
    ),
  })
  .meta({ id: 'Dataset', description: 'The tables of a completed job’s output, ready to query' });

const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]).meta({
  id: 'CellValue',
  description: 'Dates as YYYY-MM-DD, timestamps ISO 8601, integers beyond ±2^53 as strings',
});
const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
const boundSchema = z.union([z.string(), z.number()]);

export const filterSchema = z
  .discriminatedUnion('op', [
    z.object({
      column: z.string().min(1),
      op: z.enum(['eq', 'neq', 'contains', 'starts_with', 'gt', 'gte', 'lt', 'lte']),
      value: scalarSchema,
    }),
    z.object({
      column: z.string().min(1),
      op: z.literal('between'),
      min: boundSchema.optional(),
      max: boundSchema.optional(),
    }),
    z.object({
      column: z.string().min(1),
      op: z.literal('in'),
      values: z.array(scalarSchema).min(1).max(500),
    }),
    z.object({ column: z.string().min(1), op: z.enum(['is_null', 'is_not_null']) }),
  ])
  .meta({
    id: 'DatasetFilter',
    description:
      'One condition; filters combine with AND. `contains` ignores case, `starts_with` does not; `between` is inclusive.',
  });

export const sortSchema = z
  .object({ column: z.string().min(1), direction: z.enum(['asc', 'desc']).default('asc') })
  .meta({ id: 'DatasetSort' });

export const viewSchema = z.object({
  filters: z.array(filterSchema).max(50).default([]),
  sort: z.array(sortSchema).max(10).default([]),
});

export const rowsQueryBodySchema = viewSchema
  .extend({
    offset: z.number().int().min(0).max(1_000_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .meta({ id: 'DatasetRowsRequest' });

export const rowsPageSchema = z
  .object({
    columns: z.array(datasetColumnSchema),
    rows: z.array(z.array(cellSchema)).describe('Cells in the order of `columns`'),
    total: z.number().int().describe('Rows matching the filters'),
    offset: z.number().int(),
    limit: z.number().int(),
  })
  .meta({ id: 'DatasetRowsPage' });

export const statsBodySchema = z
  .object({ filters: z.array(filterSchema).max(50).default([]) })
  .meta({ id: 'ColumnStatsRequest' });

export const columnStatsSchema = z
  .object({
    column: z.string(),
    kind: columnKindSchema,
    count: z.number().int().describe('Rows considered (after the filters)'),
    nulls: z.number().int(),
    distinct: z.number().int(),
    min: cellSchema,
    max: cellSchema,
    mean: z.number().nullable(),
    top: z.array(z.object({ value: cellSchema, count: z.number().int() })).describe('Most frequent first'),
    histogram: z
      .array(z.object({ start: cellSchema, end: cellSchema, count: z.number().int() }))
      .describe('Equal-width bins for numbers and dates; empty for text and booleans'),
  })
  .meta({ id: 'ColumnStats' });

export const exportQuerySchema = downloadQuerySchema.extend({
  view: z
    .string()
    .max(20_000)
    .optional()
    .describe('The view as JSON: `{"filters":[…],"sort":[…]}` (URL-encoded)'),
});
