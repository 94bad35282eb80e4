import { type JobReport, jobReportSchema } from '@synoptic/contract';

/**
 * A report.json as the pipeline writes it for a job with one sample table (`customers`, columns
 * `age` and `plan`) and one rule-based table (`orders`): for tests of what serves and gates on it.
 */
export function twinJobReport(jobId: string, options: { privacyPassed: boolean }): JobReport {
  const exactMatchRate = options.privacyPassed ? 0 : 0.08;
  return jobReportSchema.parse({
    version: 1,
    jobId,
    createdAt: '2026-06-01T12:00:00.000Z',
    summary: { quality: 0.91, privacyPassed: options.privacyPassed, conformancePassed: true },
    tables: [
      {
        table: 'customers',
        source: 'sample',
        fit: { quality: 'balanced', trainingRows: 800, holdoutRows: 200, seconds: 0.4, conditionedOn: null },
        quality: {
          score: 0.91,
          columnShapes: 0.93,
          columnPairTrends: 0.89,
          rowsCompared: { real: 1000, synthetic: 1000 },
          columns: [
            {
              column: 'age',
              type: 'numeric',
              metric: 'KSComplement',
              score: 0.94,
              nullShare: { real: 0, synthetic: 0 },
              histogram: {
                kind: 'numeric',
                edges: [18, 40, 62, 84],
                real: [0.4, 0.4, 0.2],
                synthetic: [0.38, 0.42, 0.2],
              },
            },
            {
              column: 'plan',
              type: 'categorical',
              metric: 'TVComplement',
              score: 0.92,
              nullShare: { real: 0.1, synthetic: 0.09 },
              histogram: {
                kind: 'categorical',
                categories: ['free', 'pro'],
                real: [0.7, 0.3],
                synthetic: [0.66, 0.34],
              },
            },
          ],
          pairs: [
            {
              columns: ['age', 'plan'],
              metric: 'ContingencySimilarity',
              score: 0.89,
              real: null,
              synthetic: null,
            },
          ],
          correlation: {
            columns: ['age', 'plan'],
            real: [
              [1, 0.3],
              [0.3, 1],
            ],
            synthetic: [
              [1, 0.27],
              [0.27, 1],
            ],
          },
        },
        privacy: {
          passed: options.privacyPassed,
          checks: [
            {
              id: 'exact_matches',
              label: 'Exact copies of sample rows',
              passed: options.privacyPassed,
              detail: `${exactMatchRate * 100}% of synthetic rows copy a sample row (at most 0% allowed)`,
            },
            {
              id: 'distance_to_closest_record',
              label: 'Distance to the closest sample row',
              passed: true,
              detail: 'ratio 0.97 (at least 0.5 expected)',
            },
            {
              id: 'personal_data_leaks',
              label: 'Personal data from the sample',
              passed: true,
              detail: 'no sample value found in the output',
            },
          ],
          exactMatches: {
            rate: exactMatchRate,
            count: exactMatchRate * 1000,
            rowsChecked: 1000,
            holdoutRate: 0,
          },
          closestRecord: {
            syntheticMedian: 0.31,
            holdoutMedian: 0.32,
            ratio: 0.97,
            shareCloserToTraining: 0.51,
          },
          personalDataLeaks: { count: 0, columns: [] },
        },
        conformance: null,
      },
      {
        table: 'orders',
        source: 'rules',
        fit: null,
        quality: null,
        privacy: null,
        conformance: {
          passed: true,
          rowsChecked: 2000,
          columns: [
            {
              column: 'qty',
              fieldType: 'integer',
              nulls: { expected: 0, observed: 0, passed: true },
              uniqueness: null,
              fit: { metric: 'RangeConformance', expected: 'integers from 1 to 5', score: 1, passed: true },
            },
          ],
          keys: [],
        },
      },
    ],
  });
}
