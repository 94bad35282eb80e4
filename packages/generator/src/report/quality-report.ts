import type { QualityReport } from '@synoptic/contract';
import type { DataColumn, DataTable } from '../tabular/data-table.ts';
import { Categories, columnNamed, isContinuous, nullCount, sortedValuesAt, valuesAt } from './column-data.ts';
import { contingencySimilarity, cramersV, JointCounts } from './contingency.ts';
import { categoricalHistogram, numericHistogram } from './histogram.ts';
import { sortedRowSubset } from './row-subset.ts';
import { clampShare, ksStatistic, pearson, totalVariation } from './statistics.ts';

// SDMetrics' QualityReport (single table), so our figures can be checked against that tool:
// ColumnShapes = mean of KSComplement (numbers, dates) and TVComplement (categories, booleans);
// ColumnPairTrends = mean of CorrelationSimilarity (two continuous columns, Pearson) and
// ContingencySimilarity (everything else, a continuous column cut into 10 equal-width bins of the
// real range); the score is the mean of the two.

/** A sample column and the output field learned from it. */
export type ComparedColumn = { sample: string; synthetic: string };

/** Rows compared per side: enough for stable scores, and SDMetrics users subsample the same way. */
const QUALITY_MAX_ROWS = 100_000;
const PAIR_BINS = 10;

type ShapeType = QualityReport['columns'][number]['type'];
type Side = {
  /** Continuous columns: values, NaN when empty. */
  values: Float64Array | null;
  /** Category codes, or the bins of a continuous column; `Prepared.empty` marks an empty cell. */
  codes: Int32Array;
};
type Prepared = {
  name: string;
  /** Distinct codes, the empty code included. */
  codes: number;
  empty: number;
  real: Side;
  synthetic: Side;
  shape: QualityReport['columns'][number];
};

function shapeType(column: DataColumn): ShapeType {
  switch (column.type) {
    case 'number':
      return 'numeric';
    case 'date':
    case 'datetime':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    case 'text':
      return 'categorical';
  }
}

/**
 * Bin codes of continuous values on the real range cut into equal widths (numpy's
 * histogram_bin_edges default, which SDMetrics uses): 0..bins-1 inside, then below, above, empty.
 */
function binCodes(values: Float64Array, lo: number, hi: number): Int32Array {
  const [a, b] = lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
  const width = (b - a) / PAIR_BINS;
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) out[i] = PAIR_BINS + 2;
    else if (v < a) out[i] = PAIR_BINS;
    else if (v > b) out[i] = PAIR_BINS + 1;
    else out[i] = Math.min(PAIR_BINS - 1, Math.floor((v - a) / width));
  }
  return out;
}

/** Either side empty makes a shape undefined in SDMetrics; both empty agree, one empty cannot. */
const emptyScore = (a: number, b: number) => (a === 0 && b === 0 ? 1 : 0);

function prepare(
  name: string,
  real: DataColumn,
  synthetic: DataColumn,
  realRows: Int32Array,
  syntheticRows: Int32Array,
): Prepared {
  const nullShare = {
    real: realRows.length ? nullCount(real, realRows) / realRows.length : 0,
    synthetic: syntheticRows.length ? nullCount(synthetic, syntheticRows) / syntheticRows.length : 0,
  };
  const realType = shapeType(real);
  if (isContinuous(real) && isContinuous(synthetic) && realType === shapeType(synthetic)) {
    const sortedReal = sortedValuesAt(real, realRows);
    const sortedSynthetic = sortedValuesAt(synthetic, syntheticRows);
    const lo = sortedReal[0] ?? 0;
    const hi = sortedReal[sortedReal.length - 1] ?? 0;
    const side = (column: typeof real, rows: Int32Array): Side => {
      const values = valuesAt(column, rows);
      return { values, codes: binCodes(values, lo, hi) };
    };
    const score =
      sortedReal.length && sortedSynthetic.length
        ? 1 - ksStatistic(sortedReal, sortedSynthetic)
        : emptyScore(sortedReal.length, sortedSynthetic.length);
    const integer =
      real.type === 'number' && real.integer && synthetic.type === 'number' && synthetic.integer;
    return {
      name,
      codes: PAIR_BINS + 3,
      empty: PAIR_BINS + 2,
      real: side(real, realRows),
      synthetic: side(synthetic, syntheticRows),
      shape: {
        column: name,
        type: realType,
        metric: 'KSComplement',
        score: clampShare(score),
        nullShare,
        histogram: numericHistogram(sortedReal, sortedSynthetic, integer),
      },
    };
  }

  // Categories and booleans, or a column whose two sides disagree on its type: compared as text.
  const categories = new Categories();
  const realCodes = categories.codesAt(real, realRows);
  const syntheticCodes = categories.codesAt(synthetic, syntheticRows);
  const empty = categories.size;
  const count = (codes: Int32Array) => {
    const counts = new Float64Array(empty);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i]!;
      if (c < 0) codes[i] = empty;
      else counts[c]!++;
    }
    return counts;
  };
  const realCounts = count(realCodes);
  const syntheticCounts = count(syntheticCodes);
  const realValues = realRows.length - nullCount(real, realRows);
  const syntheticValues = syntheticRows.length - nullCount(synthetic, syntheticRows);
  const type = realType === shapeType(synthetic) ? realType : 'categorical';
  return {
    name,
    codes: empty + 1,
    empty,
    real: { values: null, codes: realCodes },
    synthetic: { values: null, codes: syntheticCodes },
    shape: {
      column: name,
      type,
      metric: 'TVComplement',
      score: clampShare(
        realValues && syntheticValues
          ? 1 - totalVariation(realCounts, syntheticCounts)
          : emptyScore(realValues, syntheticValues),
      ),
      nullShare,
      histogram: categoricalHistogram(categories.labels, realCounts, syntheticCounts),
    },
  };
}

function association(a: Prepared, b: Prepared, side: 'real' | 'synthetic', joint: JointCounts | null) {
  const x = a[side];
  const y = b[side];
  if (x.values && y.values) return pearson(x.values, y.values);
  return cramersV(joint!, a.empty, b.empty);
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * How closely a synthetic table follows the real one, as SDMetrics' QualityReport scores it, with
 * the histograms and association matrices the report page draws. Compares up to 100,000 rows a side.
 */
export function qualityReport(
  real: DataTable,
  synthetic: DataTable,
  compared: ComparedColumn[],
): QualityReport {
  if (!compared.length) throw new Error('a quality report needs at least one compared column');
  const realRows = sortedRowSubset(real.rows, QUALITY_MAX_ROWS, 'quality:real');
  const syntheticRows = sortedRowSubset(synthetic.rows, QUALITY_MAX_ROWS, 'quality:synthetic');
  const columns = compared.map((c) =>
    prepare(
      c.synthetic,
      columnNamed(real, c.sample, 'sample'),
      columnNamed(synthetic, c.synthetic, 'synthetic'),
      realRows,
      syntheticRows,
    ),
  );

  const n = columns.length;
  const matrix = () =>
    Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j): number | null => (i === j ? 1 : null)),
    );
  const correlation = { columns: columns.map((c) => c.name), real: matrix(), synthetic: matrix() };
  const pairs: QualityReport['pairs'] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = columns[i]!;
      const b = columns[j]!;
      const continuous = !!(a.real.values && b.real.values);
      const joint = (side: 'real' | 'synthetic') =>
        continuous ? null : new JointCounts(a[side].codes, a.codes, b[side].codes, b.codes);
      const jointReal = joint('real');
      const jointSynthetic = joint('synthetic');
      const r = association(a, b, 'real', jointReal);
      const s = association(a, b, 'synthetic', jointSynthetic);
      correlation.real[i]![j] = correlation.real[j]![i] = r;
      correlation.synthetic[i]![j] = correlation.synthetic[j]![i] = s;
      const columnPair: [string, string] = [a.name, b.name];
      if (continuous) {
        // SDMetrics scores a constant column's correlation as NaN and leaves it out of the mean.
        if (r === null || s === null) continue;
        pairs.push({
          columns: columnPair,
          metric: 'CorrelationSimilarity',
          score: clampShare(1 - Math.abs(r - s) / 2),
          real: r,
          synthetic: s,
        });
      } else {
        pairs.push({
          columns: columnPair,
          metric: 'ContingencySimilarity',
          score: clampShare(contingencySimilarity(jointReal!, jointSynthetic!)),
          real: null,
          synthetic: null,
        });
      }
    }
  }

  const columnShapes = mean(columns.map((c) => c.shape.score));
  const columnPairTrends = pairs.length ? mean(pairs.map((p) => p.score)) : null;
  return {
    score: columnPairTrends === null ? columnShapes : (columnShapes + columnPairTrends) / 2,
    columnShapes,
    columnPairTrends,
    rowsCompared: { real: realRows.length, synthetic: syntheticRows.length },
    columns: columns.map((c) => c.shape),
    pairs,
    correlation,
  };
}
