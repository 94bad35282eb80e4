import type { SampleQuality } from '@synoptic/contract';
import { GenerationError } from '../errors.ts';
import { Rng, streamKey } from '../random/prng.ts';
import { pearson } from '../report/statistics.ts';
import type { DataTable } from '../tabular/data-table.ts';
import { conditioningColumn } from './conditioning.ts';
import { cholesky, positiveDefinite, subMatrix } from './correlation-matrix.ts';
import {
  FITTED_SAMPLE_FORMAT,
  type FittedColumn,
  type FittedPart,
  type FittedSample,
  type LearnedColumnRequest,
  type Marginal,
} from './fitted-sample.ts';
import {
  categoryCounts,
  categoryMarginal,
  MAX_GROUP_KNOTS,
  MAX_KNOTS,
  numberMarginal,
  sortedPresent,
} from './marginals.ts';
import { categoryOrder, intervalScores, midRankScores, type Scores } from './normal-scores.ts';
import {
  EMPTY,
  LARGE_SAMPLE_ROWS,
  type PreparedColumn,
  prepareColumn,
  RARE_MIN_COUNT,
} from './prepare-column.ts';

// Under `high`, a category's rows get correlations of their own when there are enough of them to
// estimate them (about ten rows per column). With fewer, but enough for coarse quantiles, they keep
// marginals of their own tied by the whole sample's correlations: conditioning the whole sample's
// copula on a rare category would instead push every other column to its extremes, as a rare
// category sits at one end of [0, 1). Rarer categories are drawn that way all the same.
const MIN_GROUP_ROWS = 50;
const GROUP_ROWS_PER_COLUMN = 10;
const MIN_GROUP_MARGINAL_ROWS = 20;
// Correlations corrected for attenuation are capped short of ±1, where a copula degenerates.
const MAX_CORRELATION = 0.995;

type PartOptions = { copula: boolean; maxKnots: number; minCount: number; seed: string; name: string };

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The model of some rows: marginals, null shares and (unless `fast`) the copula over `columns`. */
function fitPart(
  data: PreparedColumn[],
  columns: number[],
  rows: number,
  opts: PartOptions,
  fallback: Marginal[] | null,
): { part: FittedPart; scores: Scores[] } {
  const marginals: Marginal[] = [];
  const nullShares: number[] = [];
  // numbers first: their scores order the categories
  const scores = new Array<Scores>(columns.length);
  columns.forEach((c, k) => {
    const d = data[c]!;
    let empty = 0;
    if (d.kind === 'number') {
      for (let i = 0; i < d.values.length; i++) if (Number.isNaN(d.values[i]!)) empty++;
      const s = sortedPresent(d.values);
      marginals[k] = s.length || !fallback ? numberMarginal(s, opts.maxKnots, opts.minCount) : fallback[k]!;
      if (opts.copula) scores[k] = midRankScores(d.values, s);
    } else {
      for (let i = 0; i < d.codes.length; i++) if (d.codes[i] === EMPTY) empty++;
    }
    nullShares[k] = rows ? round(empty / rows, 9) : 1;
  });
  const reference = opts.copula
    ? columns.flatMap((c, k) => (data[c]!.kind === 'number' ? [scores[k]!.scores] : []))
    : [];
  columns.forEach((c, k) => {
    const d = data[c]!;
    if (d.kind !== 'category') return;
    const counts = categoryCounts(d);
    const order = categoryOrder(d, counts, reference);
    marginals[k] = order.length || !fallback ? categoryMarginal(d, order) : fallback[k]!;
    if (opts.copula) {
      const rng = new Rng(streamKey(opts.seed, '$fit', `${opts.name}:${c}`), 0, 0);
      scores[k] = intervalScores(
        d,
        order,
        order.map((o) => counts[o]!),
        rng,
      );
    }
  });
  if (!opts.copula) return { part: { rows, columns, nullShares, marginals, copula: null }, scores: [] };
  const n = columns.length;
  // correlations of coarse scores understate the latent ones: divide the attenuation back out
  const raw = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      if (i === j) return 1;
      if (j < i) return 0;
      const a = scores[i]!.attenuation * scores[j]!.attenuation;
      const r = a > 0 ? (pearson(scores[i]!.scores, scores[j]!.scores) ?? 0) / a : 0;
      return Math.max(-MAX_CORRELATION, Math.min(MAX_CORRELATION, r));
    }),
  );
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) raw[i]![j] = raw[j]![i]!;
  const correlation = positiveDefinite(raw).map((row) => row.map((x) => round(x, 10)));
  return {
    part: {
      rows,
      columns,
      nullShares,
      marginals,
      copula: { correlation, cholesky: cholesky(correlation) },
    },
    scores,
  };
}

/** The rows of `data` listed in `rows`. */
function gather(data: PreparedColumn[], rows: Int32Array): PreparedColumn[] {
  return data.map((d) => {
    if (d.kind === 'number') {
      const values = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) values[i] = d.values[rows[i]!]!;
      return { kind: 'number', values };
    }
    const codes = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) codes[i] = d.codes[rows[i]!]!;
    return { kind: 'category', codes, size: d.size };
  });
}

/** Codes of a categorical column (a category, or a boolean as 0 and 1), EMPTY where absent. */
function categoricalCodes(d: PreparedColumn, meta: FittedColumn): Int32Array | null {
  if (d.kind === 'category') return d.codes;
  if (meta.as !== 'boolean') return null;
  return Int32Array.from(d.values, (v) => (Number.isNaN(v) ? EMPTY : v));
}

/**
 * Fits a model of the training rows' `columns`: deterministic for (training, columns, quality,
 * seed). Throws a GenerationError a person can act on when a column cannot be learned.
 * `alternates` lets a column appear again learned as another type (a date also as a category):
 * a model for live previews, where a table may ask for any type; tables take the one they name.
 */
export function fitSample(
  training: DataTable,
  columns: LearnedColumnRequest[],
  opts: { quality: SampleQuality; seed: string; sourceRows?: number; alternates?: boolean },
): FittedSample {
  if (training.rows === 0) throw new GenerationError('the sample has no rows to learn from');
  if (!columns.length) throw new GenerationError('no column of the sample is learned');
  if (opts.alternates && opts.quality === 'high')
    throw new Error('a model with alternates is fitted at fast or balanced quality');
  const seen = new Set<string>();
  for (const c of columns) {
    const key = opts.alternates ? `${c.column}\u0000${c.as ?? ''}` : c.column;
    if (seen.has(key)) throw new GenerationError(`column '${c.column}' is learned twice`);
    seen.add(key);
  }
  const prepared = columns.map((c) => prepareColumn(training, c));
  const meta = prepared.map((p) => p.meta);
  const data = prepared.map((p) => p.data);
  const all = columns.map((_, i) => i);
  const minCount = training.rows >= LARGE_SAMPLE_ROWS ? RARE_MIN_COUNT : 1;
  const copula = opts.quality !== 'fast';
  const global = fitPart(
    data,
    all,
    training.rows,
    { copula, maxKnots: MAX_KNOTS, minCount, seed: opts.seed, name: 'global' },
    null,
  );
  const model: FittedSample = {
    format: FITTED_SAMPLE_FORMAT,
    quality: opts.quality,
    trainingRows: training.rows,
    sourceRows: opts.sourceRows ?? training.rows,
    columns: meta,
    global: global.part,
    conditionedOn: null,
    groups: null,
  };
  if (opts.quality !== 'high') return model;
  const codes = data.map((d, i) => categoricalCodes(d, meta[i]!));
  const c = conditioningColumn(codes, global.scores, global.part.marginals);
  if (c === null) return model;
  const others = all.filter((i) => i !== c);
  const groupCodes = codes[c]!;
  const size = meta[c]!.as === 'boolean' ? 2 : meta[c]!.categories.length;
  const members = Array.from({ length: size }, () => [] as number[]);
  for (let i = 0; i < groupCodes.length; i++) if (groupCodes[i]! >= 0) members[groupCodes[i]!]!.push(i);
  const minRows = Math.max(MIN_GROUP_ROWS, GROUP_ROWS_PER_COLUMN * others.length);
  const fallback = others.map((i) => global.part.marginals[i]!);
  model.conditionedOn = meta[c]!.column;
  const shared = subMatrix(global.part.copula!.correlation, others);
  const sharedCopula = { correlation: shared, cholesky: cholesky(shared) };
  model.groups = members.map((rows, g) => {
    if (rows.length < MIN_GROUP_MARGINAL_ROWS) return null;
    const own = rows.length >= minRows;
    const { part } = fitPart(
      gather(data, Int32Array.from(rows)),
      others,
      rows.length,
      { copula: own, maxKnots: MAX_GROUP_KNOTS, minCount, seed: opts.seed, name: `group:${g}` },
      fallback,
    );
    return own ? part : { ...part, copula: sharedCopula };
  });
  return model;
}
