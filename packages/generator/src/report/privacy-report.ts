import type { PersonalDataKind, PrivacyReport } from '@synoptic/contract';
import type { DataTable } from '../tabular/data-table.ts';
import { closestDistances, encodeGower } from './closest-record.ts';
import { columnNamed } from './column-data.ts';
import { personalDataLeaks } from './personal-leaks.ts';
import type { ComparedColumn } from './quality-report.ts';
import { cellComparison, countMatches, rowFingerprints } from './row-fingerprints.ts';
import { rowSubset } from './row-subset.ts';
import { median } from './statistics.ts';

/** Rows in the distance comparison: enough for stable medians at a few seconds of work. */
const DISTANCE_QUERY_ROWS = 2_000;
const DISTANCE_TRAINING_ROWS = 10_000;

/**
 * Exact copies a large output may hold beyond the data's own duplicate rate: a generator that
 * smooths its marginals still lands on a sample row now and then when columns are few and discrete.
 * Below 1,000 rows one copy is already 0.1%, so small outputs get no allowance.
 */
const exactMatchAllowance = (rows: number) => (rows >= 1000 ? 0.001 : 0);

/**
 * A generalising model puts its rows about as far from the training rows as unseen real rows are
 * (ratio ≈ 1; smoothing often pushes it above 1). Copying or nudging training rows drives the
 * synthetic distances, and so the ratio, towards 0. Half the holdout distance leaves room for the
 * noise of small samples while still catching output that systematically hugs the training rows.
 */
const MIN_DISTANCE_RATIO = 0.5;

/**
 * Keeps the ratio finite and meaningful when the medians are 0 (data whose rows repeat): both 0
 * gives 1, and a millionth of a column's difference is far below any distance that matters.
 */
const RATIO_FLOOR = 1e-6;

const percent = (x: number) => `${(x * 100).toFixed(2)}%`;
const count = (n: number) => n.toLocaleString('en-US');

function exactMatches(
  training: DataTable,
  holdout: DataTable,
  synthetic: DataTable,
  compared: ComparedColumn[],
): PrivacyReport['exactMatches'] {
  // Without columns every row would equal every other.
  if (!compared.length) return { rate: 0, count: 0, rowsChecked: synthetic.rows, holdoutRate: 0 };
  const sampleColumns = (table: DataTable) => compared.map((c) => columnNamed(table, c.sample, 'sample'));
  const outputColumns = compared.map((c) => columnNamed(synthetic, c.synthetic, 'synthetic'));
  const trainingColumns = sampleColumns(training);
  const comparisons = trainingColumns.map((column, k) => cellComparison(column, outputColumns[k]!));
  const known = rowFingerprints(training.rows, trainingColumns, comparisons).sort();
  const matches = countMatches(known, rowFingerprints(synthetic.rows, outputColumns, comparisons));
  const holdoutMatches = countMatches(
    known,
    rowFingerprints(holdout.rows, sampleColumns(holdout), comparisons),
  );
  return {
    rate: synthetic.rows ? matches / synthetic.rows : 0,
    count: matches,
    rowsChecked: synthetic.rows,
    holdoutRate: holdout.rows ? holdoutMatches / holdout.rows : 0,
  };
}

function closestRecord(
  training: DataTable,
  holdout: DataTable,
  synthetic: DataTable,
  compared: ComparedColumn[],
): PrivacyReport['closestRecord'] | null {
  if (!compared.length || !holdout.rows || !training.rows || !synthetic.rows) return null;
  const trainingRows = rowSubset(training.rows, DISTANCE_TRAINING_ROWS, 'privacy:training');
  const holdoutRows = rowSubset(holdout.rows, DISTANCE_QUERY_ROWS, 'privacy:holdout');
  const syntheticRows = rowSubset(synthetic.rows, DISTANCE_QUERY_ROWS, 'privacy:synthetic');
  const encoded = encodeGower(
    compared.map((c) => {
      const trainingColumn = columnNamed(training, c.sample, 'sample');
      return {
        training: trainingColumn,
        sets: [
          { column: trainingColumn, rows: trainingRows },
          { column: columnNamed(holdout, c.sample, 'sample'), rows: holdoutRows },
          { column: columnNamed(synthetic, c.synthetic, 'synthetic'), rows: syntheticRows },
        ],
      };
    }),
  );
  const trainingSet = encoded[0]!;
  const holdoutSet = encoded[1]!;
  const syntheticSet = encoded[2]!;
  // The training rows come in random order, so its first `equal` rows are a random subset as large
  // as the holdout set: closer to that than to the holdout rows should be a coin toss.
  const equal = Math.min(holdoutRows.length, trainingRows.length);
  const toTraining = closestDistances(syntheticSet, trainingSet, equal);
  const toHoldout = closestDistances(syntheticSet, holdoutSet, equal).all;
  const holdoutToTraining = closestDistances(holdoutSet, trainingSet, equal).all;
  let closer = 0;
  for (let i = 0; i < syntheticRows.length; i++) {
    const a = toTraining.prefix[i]!;
    const b = toHoldout[i]!;
    closer += a < b ? 1 : a === b ? 0.5 : 0;
  }
  const syntheticMedian = median(toTraining.all);
  const holdoutMedian = median(holdoutToTraining);
  return {
    syntheticMedian,
    holdoutMedian,
    ratio: (syntheticMedian + RATIO_FLOOR) / (holdoutMedian + RATIO_FLOOR),
    shareCloserToTraining: closer / syntheticRows.length,
  };
}

/**
 * How private a synthetic table is towards the sample it learned from: exact copies of training
 * rows, distances to the closest training row against held-out rows', and personal data carried over.
 */
export function privacyReport(input: {
  training: DataTable;
  holdout: DataTable;
  synthetic: DataTable;
  compared: ComparedColumn[];
  personal: Array<{ column: string; kind: PersonalDataKind }>;
}): PrivacyReport {
  const { training, holdout, synthetic, compared } = input;
  const exact = exactMatches(training, holdout, synthetic, compared);
  const distance = closestRecord(training, holdout, synthetic, compared);
  const leaks = personalDataLeaks([training, holdout], synthetic, input.personal);

  const allowed = exact.holdoutRate + exactMatchAllowance(exact.rowsChecked);
  const checks: PrivacyReport['checks'] = [
    {
      id: 'exact_matches',
      label: 'Exact copies of sample rows',
      passed: exact.rate <= allowed,
      detail:
        `${percent(exact.rate)} of output rows (${count(exact.count)} of ${count(exact.rowsChecked)}) equal a ` +
        `training row; at most ${percent(allowed)} is allowed (the sample's own duplicate rate ` +
        `${percent(exact.holdoutRate)}${allowed > exact.holdoutRate ? ` plus ${percent(allowed - exact.holdoutRate)}` : ''}).`,
    },
    distance
      ? {
          id: 'distance_to_closest_record',
          label: 'Distance to the closest sample record',
          passed: distance.ratio >= MIN_DISTANCE_RATIO,
          detail:
            `Output rows are ${distance.ratio.toFixed(2)}× as far from the training rows as held-out real rows ` +
            `(median distance ${distance.syntheticMedian.toFixed(3)} vs ${distance.holdoutMedian.toFixed(3)}); ` +
            `at least ${MIN_DISTANCE_RATIO}× is expected.`,
        }
      : {
          id: 'distance_to_closest_record',
          label: 'Distance to the closest sample record',
          passed: true,
          detail: 'Not measured: the sample is too small to hold rows out, or no column was learned.',
        },
    {
      id: 'personal_data_leaks',
      label: 'Personal data from the sample',
      passed: leaks.count === 0,
      detail: leaks.count
        ? `${count(leaks.count)} personal-data value(s) of the sample appear in the output ` +
          `(${leaks.columns
            .filter((c) => c.count)
            .map((c) => `${c.column}: ${count(c.count)}`)
            .join(', ')}); none is allowed.`
        : 'No email, phone, full address, IP address, account, card or national id number of the sample appears in the output; none is allowed.',
    },
  ];
  return {
    passed: checks.every((c) => c.passed),
    checks,
    exactMatches: exact,
    // Unmeasured distances read as "no sign of memorisation", which is what the passed check says.
    closestRecord: distance ?? { syntheticMedian: 0, holdoutMedian: 0, ratio: 1, shareCloserToTraining: 0.5 },
    personalDataLeaks: leaks,
  };
}
