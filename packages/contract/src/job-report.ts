import { z } from 'zod';
import { sampleQualitySchema } from './generator-config.ts';

// report.json, written beside every completed job's output: how close a sample table's synthetic
// twin is to the sample (quality, as SDMetrics defines its scores), how private it is, and for
// rule-based tables how well the output conforms to what the schema asked for.

const share = z.number().min(0).max(1);

export const columnHistogramSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('numeric'),
      edges: z.array(z.number()).describe('Bin edges (bins + 1); dates as epoch milliseconds.'),
      real: z.array(share).describe('Share of real values in each bin.'),
      synthetic: z.array(share).describe('Share of synthetic values in each bin.'),
    }),
    z.object({
      kind: z.literal('categorical'),
      categories: z.array(z.string()).describe('The most frequent categories; "(other)" gathers the rest.'),
      real: z.array(share),
      synthetic: z.array(share),
    }),
  ])
  .meta({
    id: 'ColumnHistogram',
    description: 'Real and synthetic distributions of one column, side by side.',
  });
export type ColumnHistogram = z.infer<typeof columnHistogramSchema>;

export const columnShapeSchema = z
  .object({
    column: z.string(),
    type: z.enum(['numeric', 'datetime', 'categorical', 'boolean']),
    metric: z.enum(['KSComplement', 'TVComplement']),
    score: share.describe('1 − KS statistic (numbers, dates) or 1 − total variation distance (categories).'),
    nullShare: z.object({ real: share, synthetic: share }),
    histogram: columnHistogramSchema,
  })
  .meta({ id: 'ColumnShape' });

export const pairTrendSchema = z
  .object({
    columns: z.tuple([z.string(), z.string()]),
    metric: z.enum(['CorrelationSimilarity', 'ContingencySimilarity']),
    score: share,
    real: z.number().nullable().describe('Pearson correlation in the real data (numeric pairs).'),
    synthetic: z.number().nullable().describe('Pearson correlation in the synthetic data (numeric pairs).'),
  })
  .meta({ id: 'PairTrend' });

export const qualityReportSchema = z
  .object({
    score: share.describe('Overall quality: the mean of columnShapes and columnPairTrends.'),
    columnShapes: share.describe('Mean of the column shape scores.'),
    columnPairTrends: share.nullable().describe('Mean of the pair trend scores; null with one column.'),
    rowsCompared: z.object({ real: z.int(), synthetic: z.int() }),
    columns: z.array(columnShapeSchema),
    pairs: z.array(pairTrendSchema),
    correlation: z
      .object({
        columns: z.array(z.string()),
        real: z.array(z.array(z.number().nullable())),
        synthetic: z.array(z.array(z.number().nullable())),
      })
      .describe('Association matrices for heat maps: Pearson for number pairs, Cramér’s V otherwise.'),
  })
  .meta({ id: 'QualityReport' });
export type QualityReport = z.infer<typeof qualityReportSchema>;

export const privacyCheckSchema = z
  .object({
    id: z.enum(['exact_matches', 'distance_to_closest_record', 'personal_data_leaks']),
    label: z.string(),
    passed: z.boolean(),
    detail: z.string().describe('The figure and the threshold, in words.'),
  })
  .meta({ id: 'PrivacyCheck' });

export const privacyReportSchema = z
  .object({
    passed: z.boolean().describe('Every check passed.'),
    checks: z.array(privacyCheckSchema),
    exactMatches: z.object({
      rate: share.describe('Share of synthetic rows identical to a sample row.'),
      count: z.int(),
      rowsChecked: z.int(),
      holdoutRate: share.describe(
        'Share of holdout rows identical to a training row: the data’s own duplicates.',
      ),
    }),
    closestRecord: z.object({
      syntheticMedian: z
        .number()
        .describe('Median distance of synthetic rows to their closest training row.'),
      holdoutMedian: z
        .number()
        .describe('Median distance of held-out real rows to their closest training row.'),
      ratio: z.number().describe('syntheticMedian / holdoutMedian; well below 1 means memorisation.'),
      shareCloserToTraining: share.describe(
        'Share of synthetic rows closer to the training rows than to the holdout rows (about 0.5 when nothing is memorised).',
      ),
    }),
    personalDataLeaks: z.object({
      count: z.int().describe('Sample personal-data values that appear in the output.'),
      columns: z.array(z.object({ column: z.string(), kind: z.string(), count: z.int() })),
    }),
  })
  .meta({ id: 'PrivacyReport' });
export type PrivacyReport = z.infer<typeof privacyReportSchema>;

export const conformanceReportSchema = z
  .object({
    passed: z.boolean(),
    rowsChecked: z.int(),
    columns: z.array(
      z.object({
        column: z.string(),
        fieldType: z.string(),
        nulls: z.object({ expected: share, observed: share, passed: z.boolean() }),
        uniqueness: z.object({ duplicates: z.int(), passed: z.boolean() }).nullable(),
        fit: z
          .object({
            metric: z.enum(['KSComplement', 'TVComplement', 'RangeConformance']),
            expected: z.string().describe('What the schema asked for, in words.'),
            score: share,
            passed: z.boolean(),
          })
          .nullable(),
      }),
    ),
    keys: z.array(
      z.object({
        column: z.string(),
        references: z.string().describe('table.field'),
        checked: z.int(),
        orphans: z.int().describe('Values with no parent row.'),
        passed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ConformanceReport', description: 'A rule-based table checked against its schema.' });
export type ConformanceReport = z.infer<typeof conformanceReportSchema>;

export const tableReportSchema = z
  .object({
    table: z.string(),
    source: z.enum(['sample', 'rules']),
    fit: z
      .object({
        quality: sampleQualitySchema,
        trainingRows: z.int(),
        holdoutRows: z.int(),
        seconds: z.number(),
        conditionedOn: z
          .string()
          .nullable()
          .describe('The categorical column `high` fitted one copula per value of.'),
      })
      .nullable(),
    quality: qualityReportSchema.nullable(),
    privacy: privacyReportSchema.nullable(),
    conformance: conformanceReportSchema.nullable(),
  })
  .meta({ id: 'TableReport' });
export type TableReport = z.infer<typeof tableReportSchema>;

export const jobReportSchema = z
  .object({
    version: z.literal(1),
    jobId: z.string(),
    createdAt: z.string(),
    summary: z.object({
      quality: share.nullable().describe('Mean quality score of the sample tables; null without any.'),
      privacyPassed: z.boolean().nullable().describe('Every sample table passed its privacy checks.'),
      conformancePassed: z.boolean().nullable().describe('Every rule-based table conforms.'),
    }),
    tables: z.array(tableReportSchema),
  })
  .meta({
    id: 'JobReport',
    description: 'report.json: quality, privacy and conformance of a completed job.',
  });
export type JobReport = z.infer<typeof jobReportSchema>;
