import type { ProfiledType } from '@synoptic/contract';
import { fmix32 } from '../random/prng.ts';
import type { DataColumn } from '../tabular/data-table.ts';
import { KeyTable } from './key-table.ts';
import { isCodeName, isFlagName, isIdName } from './name-hints.ts';
import { dateTextOf, isBooleanText } from './text-values.ts';

// What profiling learns from a column's values, before personal data is considered: its type and
// the figures the profile shows (distinct values, range, examples).

export type LearnedType = 'integer' | 'decimal' | 'boolean' | 'category' | 'date' | 'datetime';

export type ColumnFacts = {
  type: ProfiledType;
  /** How sure the type is, 0–1, before the sample's size is taken into account. */
  typeConfidence: number;
  /** The type a learned field infers from the DataTable column when `as` is not set. */
  natural: LearnedType;
  nonNull: number;
  distinct: number;
  min: string | null;
  max: string | null;
  /** Up to five values as text, unmasked. */
  examples: string[];
  /** Distinct values as text, at most CHECKED_VALUES spread over the column, for value checks. */
  checked: string[];
  /** Non-null numbers, dates and date-times (epoch ms; text dates parsed), in row order. */
  numbers?: Float64Array;
};

const CHECKED_VALUES = 1000;
const EXAMPLES = 5;
/** A text column is a category up to this many distinct values … */
const CATEGORY_MAX_DISTINCT = 1000;
/** … when no more than this share of its values are distinct, or any number when fewer than this share are. */
const CATEGORY_MAX_SHARE = 0.5;
const CATEGORY_ALWAYS_SHARE = 0.02;
/** Numbers with few distinct values and a name like `status_code` are codes of categories. */
const CODE_MAX_DISTINCT = 10;
/** A whole-number column with every value distinct covering this share of its range is a row key. */
const KEY_MIN_DENSITY = 0.9;
const KEY_MIN_ROWS = 100;
const DAY_MS = 86_400_000;

const formatNumber = (v: number) => String(v);
const formatDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const formatInstant = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** `count` items spread evenly over `items`, in order. */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

type NumberSummary = {
  values: Float64Array;
  min: number | null;
  max: number | null;
  distinct: number;
  /** The first distinct values in row order, at most CHECKED_VALUES. */
  firstDistinct: number[];
  whole: boolean;
};

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/**
 * The non-null values of a column with their range and distinct count, in one pass: distinct
 * values are counted by their bits in a KeyTable, which is several times faster than sorting.
 */
function summarize(values: Float64Array, nulls: Uint8Array): NumberSummary {
  const kept = new Float64Array(values.length);
  // Sized for every value distinct, so it never grows while counting.
  const seen = new KeyTable(2 * values.length);
  const firstDistinct: number[] = [];
  let n = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    if (nulls[i]) continue;
    const v = values[i]!;
    kept[n++] = v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && !Number.isInteger(v)) whole = false;
    bits[0] = v === 0 ? 0 : v; // -0 and 0 are one value
    // fmix32 is a bijection, so (mixed low word, high word) still names the value exactly.
    const low = fmix32(words[0]! ^ fmix32(words[1]!));
    if (seen.add(low, words[1]!, 0) && firstDistinct.length < CHECKED_VALUES) firstDistinct.push(v);
  }
  return {
    values: kept.subarray(0, n),
    min: n ? min : null,
    max: n ? max : null,
    distinct: seen.count,
    firstDistinct,
    whole,
  };
}

/** The first distinct values in row order. */
function firstDistinct<T>(rows: number, nulls: Uint8Array, at: (i: number) => T, count = EXAMPLES): T[] {
  const seen = new Set<T>();
  for (let i = 0; i < rows && seen.size < count; i++) if (!nulls[i]) seen.add(at(i));
  return [...seen];
}

function numberFacts(col: Extract<DataColumn, { type: 'number' }>): ColumnFacts {
  const { values, min, max, distinct, firstDistinct: checked, whole } = summarize(col.values, col.nulls);
  const natural: LearnedType = col.integer ? 'integer' : 'decimal';
  const facts: ColumnFacts = {
    type: whole ? 'integer' : 'decimal',
    typeConfidence: 0.95,
    natural,
    nonNull: values.length,
    distinct,
    min: min === null ? null : formatNumber(min),
    max: max === null ? null : formatNumber(max),
    examples: checked.slice(0, EXAMPLES).map(formatNumber),
    checked: checked.map(formatNumber),
    numbers: values,
  };
  if (!whole || min === null || max === null) return facts;
  if (distinct <= 2 && min >= 0 && max <= 1 && isFlagName(col.name)) {
    return { ...facts, type: 'boolean', typeConfidence: 0.8 };
  }
  const allDistinct = distinct === values.length && values.length >= 2;
  const density = values.length / (max - min + 1);
  if (allDistinct && (isIdName(col.name) || (values.length >= KEY_MIN_ROWS && density >= KEY_MIN_DENSITY))) {
    return { ...facts, type: 'identifier', typeConfidence: isIdName(col.name) ? 0.9 : 0.75 };
  }
  if (distinct <= CODE_MAX_DISTINCT && isCodeName(col.name)) {
    return { ...facts, type: 'category', typeConfidence: 0.7 };
  }
  return facts;
}

function instantFacts(col: Extract<DataColumn, { type: 'date' | 'datetime' }>): ColumnFacts {
  const { values, min, max, distinct, firstDistinct: checked } = summarize(col.values, col.nulls);
  const days = col.type === 'date' || values.every((v) => v % DAY_MS === 0);
  const format = days ? formatDay : formatInstant;
  return {
    type: days ? 'date' : 'datetime',
    typeConfidence: 0.95,
    natural: col.type,
    nonNull: values.length,
    distinct,
    min: min === null ? null : format(min),
    max: max === null ? null : format(max),
    examples: checked.slice(0, EXAMPLES).map(format),
    checked: checked.map(format),
    numbers: values,
  };
}

function booleanFacts(col: Extract<DataColumn, { type: 'boolean' }>): ColumnFacts {
  const examples = firstDistinct(col.nulls.length, col.nulls, (i) => (col.values[i] ? 'true' : 'false'));
  return {
    type: 'boolean',
    typeConfidence: 0.95,
    natural: 'boolean',
    nonNull: col.nulls.reduce((n, isNull) => n + (isNull ? 0 : 1), 0),
    distinct: examples.length,
    min: null,
    max: null,
    examples,
    checked: examples,
  };
}

function textFacts(col: Extract<DataColumn, { type: 'text' }>): ColumnFacts {
  const counts = new Float64Array(col.dictionary.length);
  let nonNull = 0;
  for (let i = 0; i < col.codes.length; i++) {
    if (col.nulls[i] || col.codes[i]! < 0) continue;
    counts[col.codes[i]!]!++;
    nonNull++;
  }
  const used = col.dictionary.map((_, code) => code).filter((code) => counts[code]! > 0);
  const values = used.map((code) => col.dictionary[code]!);
  const checked = spread(values, CHECKED_VALUES);
  const base = {
    natural: 'category' as const,
    nonNull,
    distinct: values.length,
    min: null,
    max: null,
    examples: values.slice(0, EXAMPLES),
    checked,
  };
  if (values.length > 0 && values.length <= 2 && isBooleanText(values, isFlagName(col.name))) {
    return { ...base, type: 'boolean', typeConfidence: 0.9 };
  }
  const dates = dateTextOf(checked);
  if (dates) {
    const parsed = Float64Array.from(values.map(dates.parse).filter((v): v is number => v !== undefined));
    const format = dates.kind === 'date' ? formatDay : formatInstant;
    return {
      ...base,
      type: dates.kind,
      typeConfidence: 0.85,
      min: parsed.length ? format(parsed.reduce((a, b) => Math.min(a, b))) : null,
      max: parsed.length ? format(parsed.reduce((a, b) => Math.max(a, b))) : null,
      numbers: parsed,
    };
  }
  const share = values.length / Math.max(1, nonNull);
  if (
    (values.length <= CATEGORY_MAX_DISTINCT && share <= CATEGORY_MAX_SHARE) ||
    share <= CATEGORY_ALWAYS_SHARE
  ) {
    const byCount = [...used].sort((a, b) => counts[b]! - counts[a]! || a - b);
    return {
      ...base,
      type: 'category',
      typeConfidence: 0.85,
      examples: byCount.slice(0, EXAMPLES).map((code) => col.dictionary[code]!),
    };
  }
  const spaced = checked.filter((v) => /\s/.test(v.trim())).length / Math.max(1, checked.length);
  if (spaced >= 0.5) return { ...base, type: 'text', typeConfidence: 0.8 };
  return { ...base, type: share >= 0.9 ? 'identifier' : 'text', typeConfidence: 0.75 };
}

export function columnFacts(col: DataColumn): ColumnFacts {
  switch (col.type) {
    case 'number':
      return numberFacts(col);
    case 'date':
    case 'datetime':
      return instantFacts(col);
    case 'boolean':
      return booleanFacts(col);
    case 'text':
      return textFacts(col);
  }
}
