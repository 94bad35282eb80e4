import type { learnedTypes, SampleQuality, TableSpec } from '@synoptic/contract';

export type LearnedType = (typeof learnedTypes)[number];

/** One sample column a table learns, as its `learned` field asks for it. */
export type LearnedColumnRequest = { column: string; as?: LearnedType; precision?: number };

/**
 * How one column's values are spread within a part of the model. Quantiles: values at the
 * probabilities 0, 1/K … 1, each the mean of a window of sorted sample values (so no knot is a
 * single record), read with linear interpolation. Values: a number with few distinct values, each
 * with its count, ascending. Categories: counts of the column's categories in the order the copula
 * maps them onto [0, 1).
 */
export type Marginal =
  | { kind: 'quantiles'; knots: number[] }
  | { kind: 'values'; values: number[]; counts: number[] }
  | { kind: 'categories'; order: number[]; counts: number[] };

/** A Gaussian copula over a part's columns: their normal-score correlation and its Cholesky factor. */
export type Copula = { correlation: number[][]; cholesky: number[][] };

/**
 * The model of some rows (the whole sample, or the rows of one category under `high`): for each of
 * its columns (indexes into FittedSample.columns) the null share and marginal, and the copula that
 * ties them (null under `fast`).
 */
export type FittedPart = {
  rows: number;
  columns: number[];
  nullShares: number[];
  marginals: Marginal[];
  copula: Copula | null;
};

export type FittedColumn = {
  column: string;
  as: LearnedType;
  /** Decimal places of a decimal column (the sample's, at most 6, unless the request set one). */
  precision: number;
  /** Datetimes: the coarsest of day, hour, minute, second or millisecond that every value sits on. */
  stepMs: number;
  /** Categories: the values that may be emitted (rare ones are left out), most frequent first. */
  categories: string[];
};

/** Changes whenever the model's shape or meaning does: a stored model of another format is refitted. */
export const FITTED_SAMPLE_FORMAT = 'synoptic.fitted-sample.v1';

/**
 * A table's model of its sample: plain JSON, so it travels inside the JobPlan to every shard.
 * Dates are in days since 1970-01-01, date-times in epoch milliseconds, booleans 0 and 1.
 */
export type FittedSample = {
  format: typeof FITTED_SAMPLE_FORMAT;
  quality: SampleQuality;
  trainingRows: number;
  /** Rows of the whole sample: a table's row count when it sets none. */
  sourceRows: number;
  columns: FittedColumn[];
  global: FittedPart;
  /** `high`: the categorical column whose values each get a model of their own. */
  conditionedOn: string | null;
  /**
   * `high`: the model of each category of conditionedOn (by index in its categories; 0 and 1 for a
   * boolean). A category with too few rows for correlations of its own has its own marginals tied
   * by the global correlations; one with fewer still is null, drawn from the global copula
   * conditioned on that category.
   */
  groups: Array<FittedPart | null> | null;
  /**
   * A preview model's columns that fitting would not learn as some type, with fitting's reason: a
   * table that asks for one gets that reason, as its job would.
   */
  refused?: Array<{ column: string; as: LearnedType; reason: string }>;
};

/** The sample columns a table learns, from its `learned` fields. */
export function learnedColumnsOf(table: TableSpec): LearnedColumnRequest[] {
  return table.fields.flatMap((f) =>
    f.type === 'learned'
      ? [
          {
            column: f.column ?? f.name,
            ...(f.as === undefined ? {} : { as: f.as }),
            ...(f.precision === undefined ? {} : { precision: f.precision }),
          },
        ]
      : [],
  );
}

export function fittedSummary(model: FittedSample): {
  quality: SampleQuality;
  trainingRows: number;
  conditionedOn: string | null;
  columns: string[];
} {
  return {
    quality: model.quality,
    trainingRows: model.trainingRows,
    conditionedOn: model.conditionedOn,
    columns: model.columns.map((c) => c.column),
  };
}
