import type { JobReport } from '@synoptic/contract';

// A job with one sample table whose privacy checks failed (a personal-data leak) and one rule-based
// table with a key-integrity problem: every section of the report page has something to show.

const day = 24 * 3600 * 1000;
const signupStart = Date.UTC(2021, 0, 1);

function normalised(weights: number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => Number((weight / total).toFixed(4)));
}

export const jobReportFixture: JobReport = {
  version: 1,
  jobId: '0193f0a4-5b6c-7d8e-9f00-112233445566',
  createdAt: '2025-05-02T09:30:00.000Z',
  summary: { quality: 0.874, privacyPassed: false, conformancePassed: false },
  tables: [
    {
      table: 'customers',
      source: 'sample',
      fit: { quality: 'high', trainingRows: 8000, holdoutRows: 2000, seconds: 3.4, conditionedOn: 'plan' },
      quality: {
        score: 0.874,
        columnShapes: 0.912,
        columnPairTrends: 0.836,
        rowsCompared: { real: 10000, synthetic: 10000 },
        columns: [
          {
            column: 'age',
            type: 'numeric',
            metric: 'KSComplement',
            score: 0.953,
            nullShare: { real: 0.01, synthetic: 0.012 },
            histogram: {
              kind: 'numeric',
              edges: [18, 24, 30, 36, 42, 48, 54, 60, 66, 72, 78],
              real: normalised([6, 14, 19, 18, 14, 10, 8, 6, 3, 2]),
              synthetic: normalised([7, 13, 18, 19, 15, 10, 7, 5, 4, 2]),
            },
          },
          {
            column: 'income',
            type: 'numeric',
            metric: 'KSComplement',
            score: 0.887,
            nullShare: { real: 0, synthetic: 0 },
            histogram: {
              kind: 'numeric',
              edges: [0, 20000, 40000, 60000, 80000, 100000, 120000, 140000, 160000],
              real: normalised([8, 24, 27, 18, 11, 6, 4, 2]),
              synthetic: normalised([10, 21, 25, 20, 12, 7, 3, 2]),
            },
          },
          {
            column: 'signup_date',
            type: 'datetime',
            metric: 'KSComplement',
            score: 0.931,
            nullShare: { real: 0, synthetic: 0 },
            histogram: {
              kind: 'numeric',
              edges: Array.from({ length: 9 }, (_, index) => signupStart + index * 91 * day),
              real: normalised([5, 8, 10, 12, 14, 15, 17, 19]),
              synthetic: normalised([6, 8, 11, 11, 13, 16, 16, 19]),
            },
          },
          {
            column: 'plan',
            type: 'categorical',
            metric: 'TVComplement',
            score: 0.962,
            nullShare: { real: 0, synthetic: 0 },
            histogram: {
              kind: 'categorical',
              categories: ['free', 'starter', 'team', 'business', 'enterprise'],
              real: [0.46, 0.27, 0.15, 0.08, 0.04],
              synthetic: [0.44, 0.28, 0.16, 0.08, 0.04],
            },
          },
          {
            column: 'churned',
            type: 'boolean',
            metric: 'TVComplement',
            score: 0.827,
            nullShare: { real: 0, synthetic: 0 },
            histogram: {
              kind: 'categorical',
              categories: ['false', 'true'],
              real: [0.81, 0.19],
              synthetic: [0.64, 0.36],
            },
          },
        ],
        pairs: [
          {
            columns: ['age', 'income'],
            metric: 'CorrelationSimilarity',
            score: 0.93,
            real: 0.42,
            synthetic: 0.28,
          },
          {
            columns: ['age', 'signup_date'],
            metric: 'CorrelationSimilarity',
            score: 0.975,
            real: -0.05,
            synthetic: 0.0,
          },
          {
            columns: ['age', 'plan'],
            metric: 'ContingencySimilarity',
            score: 0.88,
            real: null,
            synthetic: null,
          },
          {
            columns: ['age', 'churned'],
            metric: 'ContingencySimilarity',
            score: 0.79,
            real: null,
            synthetic: null,
          },
          {
            columns: ['income', 'signup_date'],
            metric: 'CorrelationSimilarity',
            score: 0.99,
            real: 0.02,
            synthetic: 0.0,
          },
          {
            columns: ['income', 'plan'],
            metric: 'ContingencySimilarity',
            score: 0.71,
            real: null,
            synthetic: null,
          },
          {
            columns: ['income', 'churned'],
            metric: 'ContingencySimilarity',
            score: 0.77,
            real: null,
            synthetic: null,
          },
          {
            columns: ['signup_date', 'plan'],
            metric: 'ContingencySimilarity',
            score: 0.9,
            real: null,
            synthetic: null,
          },
          {
            columns: ['signup_date', 'churned'],
            metric: 'ContingencySimilarity',
            score: 0.84,
            real: null,
            synthetic: null,
          },
          {
            columns: ['plan', 'churned'],
            metric: 'ContingencySimilarity',
            score: 0.58,
            real: null,
            synthetic: null,
          },
        ],
        correlation: {
          columns: ['age', 'income', 'signup_date', 'plan', 'churned'],
          real: [
            [1, 0.42, -0.05, 0.21, 0.12],
            [0.42, 1, 0.02, 0.55, 0.31],
            [-0.05, 0.02, 1, 0.08, 0.18],
            [0.21, 0.55, 0.08, 1, 0.47],
            [0.12, 0.31, 0.18, 0.47, 1],
          ],
          synthetic: [
            [1, 0.28, 0, 0.16, 0.05],
            [0.28, 1, 0, 0.41, 0.12],
            [0, 0, 1, 0.05, 0.09],
            [0.16, 0.41, 0.05, 1, 0.21],
            [0.05, 0.12, 0.09, 0.21, 1],
          ],
        },
      },
      privacy: {
        passed: false,
        checks: [
          {
            id: 'exact_matches',
            label: 'No sample rows copied',
            passed: true,
            detail: '0 of 10,000 synthetic rows equal a sample row (the sample’s own duplicates: 0%).',
          },
          {
            id: 'distance_to_closest_record',
            label: 'No memorisation',
            passed: true,
            detail:
              'Synthetic rows sit 0.97× as far from the sample as held-out real rows do (at least 0.8).',
          },
          {
            id: 'personal_data_leaks',
            label: 'No personal data reproduced',
            passed: false,
            detail: '14 email values of the sample appear in the output (none allowed).',
          },
        ],
        exactMatches: { rate: 0, count: 0, rowsChecked: 10000, holdoutRate: 0 },
        closestRecord: {
          syntheticMedian: 0.412,
          holdoutMedian: 0.425,
          ratio: 0.969,
          shareCloserToTraining: 0.51,
        },
        personalDataLeaks: { count: 14, columns: [{ column: 'email', kind: 'email', count: 14 }] },
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
        passed: false,
        rowsChecked: 25000,
        columns: [
          {
            column: 'id',
            fieldType: 'uuid',
            nulls: { expected: 0, observed: 0, passed: true },
            uniqueness: { duplicates: 0, passed: true },
            fit: null,
          },
          {
            column: 'total',
            fieldType: 'decimal',
            nulls: { expected: 0.05, observed: 0.0496, passed: true },
            uniqueness: null,
            fit: {
              metric: 'RangeConformance',
              expected: 'between 5 and 400',
              score: 1,
              passed: true,
            },
          },
          {
            column: 'status',
            fieldType: 'enum',
            nulls: { expected: 0, observed: 0, passed: true },
            uniqueness: null,
            fit: {
              metric: 'TVComplement',
              expected: 'paid 70%, refunded 10%, pending 20%',
              score: 0.991,
              passed: true,
            },
          },
          {
            column: 'placed_at',
            fieldType: 'datetime',
            nulls: { expected: 0, observed: 0.002, passed: false },
            uniqueness: null,
            fit: {
              metric: 'KSComplement',
              expected: 'uniform from 2024-01-01 to 2024-12-31',
              score: 0.984,
              passed: true,
            },
          },
        ],
        keys: [
          { column: 'customer_id', references: 'customers.id', checked: 25000, orphans: 3, passed: false },
        ],
      },
    },
  ],
};
