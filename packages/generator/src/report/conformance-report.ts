import {
  type ConformanceReport,
  type FieldSpec,
  keyFieldTypes,
  parseInstant,
  type TableSpec,
} from '@synoptic/contract';
import type { DataColumn, DataTable } from '../tabular/data-table.ts';
import { allRows, Categories, columnNamed, nullCount, valueLabel } from './column-data.ts';
import { type ExpectedDistribution, expectedDistribution, type ValueScale } from './expected-distribution.ts';
import { clampShare, ksAgainst } from './statistics.ts';

type ColumnConformance = ConformanceReport['columns'][number];

/**
 * A fit passes at 0.95: the output is within 5 percentage points of what was asked for at every
 * value (KS) or in total over the categories (TV), and at least 95% of it inside its range. That
 * is far tighter than any misconfiguration or engine bug leaves it, yet a 100,000-row check of a
 * correct field scores about 0.996. A small table gets the leeway of its own sampling noise, so
 * 50 correct rows are not failed for being 50 rows.
 */
const FIT_THRESHOLD = 0.95;
/** The 0.1% critical value of the one-sample Kolmogorov–Smirnov statistic is 1.95 / √n. */
const KS_NOISE = 1.95;
/** Standard errors per category allowed before the total variation counts as a misfit. */
const TV_NOISE_SE = 3;
/** Standard errors allowed between the observed and expected share of empty cells. */
const NULL_SE = 4;

function parsed(text: string, scale: ValueScale): number {
  const t = text.trim();
  if (!t) return Number.NaN;
  if (scale === 'number') return Number(t);
  if (scale === 'instant') return parseInstant(t);
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0) : Number.NaN;
}

/** The non-empty values of a column on the scale a fit reads, ascending; unreadable text is left out. */
function valuesOn(column: DataColumn, scale: ValueScale): Float64Array {
  const out: number[] = [];
  if (column.type === 'text') {
    const byCode = column.dictionary.map((t) => parsed(t, scale));
    for (let r = 0; r < column.codes.length; r++) {
      const v = byCode[column.codes[r]!]!;
      if (!column.nulls[r] && !Number.isNaN(v)) out.push(v);
    }
  } else {
    for (let r = 0; r < column.values.length; r++) if (!column.nulls[r]) out.push(column.values[r]!);
  }
  return Float64Array.from(out).sort();
}

function fitOf(column: DataColumn, expected: ExpectedDistribution): ColumnConformance['fit'] {
  if (expected.metric === 'TVComplement') {
    const categories = new Categories();
    for (const label of expected.shares.keys()) categories.code(label);
    const codes = categories.codesAt(column, allRows(column.nulls.length));
    const counts = new Float64Array(categories.size);
    let n = 0;
    for (const c of codes) {
      if (c < 0) continue;
      counts[c]!++;
      n++;
    }
    if (!n) return null;
    let tvd = 0;
    let noise = 0;
    categories.labels.forEach((label, c) => {
      const p = expected.shares.get(label) ?? 0;
      tvd += Math.abs(counts[c]! / n - p);
      noise += TV_NOISE_SE * Math.sqrt((p * (1 - p)) / n);
    });
    const score = clampShare(1 - tvd / 2);
    return {
      metric: 'TVComplement',
      expected: expected.expected,
      score,
      passed: score >= Math.min(FIT_THRESHOLD, 1 - noise / 2),
    };
  }
  const values = valuesOn(column, expected.scale);
  if (!values.length) return null;
  if (expected.metric === 'RangeConformance') {
    let inside = 0;
    for (const v of values) if (v >= expected.min && v <= expected.max) inside++;
    const score = inside / values.length;
    return { metric: 'RangeConformance', expected: expected.expected, score, passed: score >= FIT_THRESHOLD };
  }
  const score = clampShare(1 - ksAgainst(values, expected.cdf, expected.cdfBelow));
  return {
    metric: 'KSComplement',
    expected: expected.expected,
    score,
    passed: score >= Math.min(FIT_THRESHOLD, 1 - KS_NOISE / Math.sqrt(values.length)),
  };
}

function duplicates(column: DataColumn): number {
  const seen = new Set<number | string>();
  let values = 0;
  for (let r = 0; r < column.nulls.length; r++) {
    if (column.nulls[r]) continue;
    values++;
    seen.add(column.type === 'text' ? column.dictionary[column.codes[r]!]! : column.values[r]!);
  }
  return values - seen.size;
}

function nullsOf(field: FieldSpec, column: DataColumn, rows: number): ColumnConformance['nulls'] {
  const expected = (field.nullPercent ?? 0) / 100;
  const observed = rows ? nullCount(column, allRows(rows)) / rows : 0;
  const tolerance = (rows ? NULL_SE * Math.sqrt((expected * (1 - expected)) / rows) : 0) + 0.001;
  // An expression is empty wherever an input it reads is, on top of its own nullPercent.
  const passed =
    field.type === 'expression'
      ? observed >= expected - tolerance
      : Math.abs(observed - expected) <= tolerance;
  return { expected, observed, passed };
}

/** The key a cell joins on: numbers by value when both sides hold numbers, text otherwise. */
function keyReader(column: DataColumn, asText: boolean): (row: number) => number | string {
  if (column.type === 'text') return (r) => column.dictionary[column.codes[r]!]!;
  const values = column.values;
  return asText ? (r) => valueLabel(column, values[r]!) : (r) => values[r]!;
}

function orphansOf(child: DataColumn, parent: DataColumn): { checked: number; orphans: number } {
  const asText = child.type === 'text' || parent.type === 'text';
  const parentKey = keyReader(parent, asText);
  const childKey = keyReader(child, asText);
  const keys = new Set<number | string>();
  for (let r = 0; r < parent.nulls.length; r++) if (!parent.nulls[r]) keys.add(parentKey(r));
  let checked = 0;
  let orphans = 0;
  for (let r = 0; r < child.nulls.length; r++) {
    if (child.nulls[r]) continue;
    checked++;
    if (!keys.has(childKey(r))) orphans++;
  }
  return { checked, orphans };
}

/**
 * How well a rule-based table's output (its first rows, columns named by field) matches its schema:
 * empty shares, uniqueness, the asked-for distributions and the integrity of its references.
 * Learned fields are left to the quality report.
 */
export function conformanceReport(input: {
  table: TableSpec;
  data: DataTable;
  parentKeys: Record<string, DataColumn | null>;
}): ConformanceReport {
  const { table, data } = input;
  const columns: ColumnConformance[] = [];
  const keys: ConformanceReport['keys'] = [];
  for (const field of table.fields) {
    if (field.type === 'learned') continue;
    const column = columnNamed(data, field.name, 'output');
    const expected = expectedDistribution(field);
    const dupes = field.unique || keyFieldTypes.has(field.type) ? duplicates(column) : null;
    columns.push({
      column: field.name,
      fieldType: field.type,
      nulls: nullsOf(field, column, data.rows),
      uniqueness: dupes === null ? null : { duplicates: dupes, passed: dupes === 0 },
      fit: expected ? fitOf(column, expected) : null,
    });
    if (field.type === 'reference') {
      const references = `${field.table}.${field.field}`;
      const parent = input.parentKeys[references];
      // A parent too large to load is not checked rather than reported as checked.
      if (!parent) continue;
      const { checked, orphans } = orphansOf(column, parent);
      keys.push({ column: field.name, references, checked, orphans, passed: orphans === 0 });
    }
  }
  return {
    passed:
      columns.every((c) => c.nulls.passed && c.uniqueness?.passed !== false && c.fit?.passed !== false) &&
      keys.every((k) => k.passed),
    rowsChecked: data.rows,
    columns,
    keys,
  };
}
