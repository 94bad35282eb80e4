import type { ColumnRef } from './column-matcher.ts';
import type { TableProfile } from './types.ts';

// What the built-in engine understood, before it becomes SQL. Every column here comes from the
// dataset profile; values come from the profile's categories or are parsed numbers and dates,
// except the text of "contains"-style conditions, which only ever becomes a quoted literal.

export type TimeUnit = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'hour';

export type Field =
  | { kind: 'column'; ref: ColumnRef }
  /** Whole years since a birth date. */
  | { kind: 'age'; ref: ColumnRef }
  /** A date or timestamp truncated to a unit. */
  | { kind: 'period'; ref: ColumnRef; unit: TimeUnit };

/** A point in time: a day ("2024-06-01") or an instant ("2024-06-01 12:00:00"). */
export type Instant = { day: string } | { at: string };

export type Scalar = string | number | boolean;

export type Condition =
  | { op: 'in'; field: Field; values: Scalar[]; negate: boolean }
  | { op: 'compare'; field: Field; cmp: '<' | '<=' | '>' | '>='; value: number | Instant }
  | { op: 'between'; field: Field; low: number | Instant; high: number | Instant }
  /** Relative to today: within the last `amount` units. */
  | { op: 'recent'; field: Field; amount: number; unit: 'day' | 'week' | 'month' | 'year' }
  | { op: 'month-of-year'; field: Field; month: number }
  /** Compared with the column's average over its whole table. */
  | { op: 'vs-average'; field: Field; cmp: '<' | '<=' | '>' | '>=' }
  | { op: 'null'; field: Field; negate: boolean }
  | {
      op: 'text';
      field: Field;
      mode: 'contains' | 'starts' | 'ends' | 'equals';
      text: string;
      negate: boolean;
    }
  /** Rows of `table` having (or not) at least one related row of a child table matching conditions. */
  | { op: 'related'; child: TableProfile; fk: string; pk: string; where: Condition[]; negate: boolean }
  /** Any one of several sets of conditions ("younger than 30 or older than 70"). */
  | { op: 'any'; options: Condition[][] }
  /** Rows of `table` by how many related rows a child table has ("customers with more than 3 orders"). */
  | {
      op: 'related-count';
      child: TableProfile;
      fk: string;
      pk: string;
      cmp: '<' | '<=' | '>' | '>=' | '=';
      value: number;
    };

export type Aggregate = 'avg' | 'min' | 'max' | 'sum' | 'median' | 'stddev';

export type Measure =
  | { fn: 'count' }
  | { fn: 'count-distinct'; field: Field }
  | { fn: Aggregate; field: Field }
  /** Rows where the field is missing, with the total for scale. */
  | { fn: 'nulls'; field: Field }
  /** Share of rows (in percent) matching conditions. */
  | { fn: 'percent'; where: Condition[] };

export type Query =
  | {
      kind: 'aggregate';
      table: TableProfile;
      measures: Measure[];
      groupBy: Field[];
      where: Condition[];
      /** Only groups whose first measure compares so with a number. */
      having?: { cmp: '<' | '<=' | '>' | '>=' | '='; value: number };
      /** Order by the first measure (ranking) or by the group keys (time series). */
      order?: { by: 'measure' | 'group'; dir: 'asc' | 'desc' };
      limit?: number;
    }
  | {
      kind: 'rows';
      table: TableProfile;
      where: Condition[];
      orderBy?: { field: Field; dir: 'asc' | 'desc' };
      limit: number;
      /** Only these columns (else all of the table's). */
      columns?: Field[];
      /** A reproducible random sample of the matching rows instead of the first ones. */
      random?: boolean;
    }
  | { kind: 'distinct'; table: TableProfile; field: Field; where: Condition[] }
  | { kind: 'histogram'; table: TableProfile; field: Field; where: Condition[] }
  | { kind: 'correlation'; table: TableProfile; a: Field; b: Field; where: Condition[] }
  | { kind: 'null-report'; table: TableProfile }
  /** Rows of a child table per row of its parent, on average ("readings per sensor"). */
  | { kind: 'per-parent'; table: TableProfile; parent: TableProfile; where: Condition[] };
