import { GenerationError } from '../errors.ts';
import { DAY_MS } from '../fields/field-gen.ts';
import { booleanOfText, dateTextOf } from '../sample/text-values.ts';
import type { DataColumn, DataTable } from '../tabular/data-table.ts';
import type { FittedColumn, LearnedColumnRequest, LearnedType } from './fitted-sample.ts';

/**
 * A sample column in the units it is learned in: numbers, dates (days), date-times (ms) and
 * booleans (0/1) as numbers with NaN for an empty cell; categories as indexes into the column's
 * categories, EMPTY for an empty cell and RARE for a value too rare to emit.
 */
export type PreparedColumn =
  | { kind: 'number'; values: Float64Array }
  | { kind: 'category'; codes: Int32Array; size: number };

export const EMPTY = -1;
export const RARE = -2;

// A category seen fewer than 5 times is left out of a large sample's model: a value that few
// records share can single them out (the "rule of five" of statistical disclosure control, whose
// table-cell thresholds are usually 3 to 10), and dropping such values moves the frequencies of the
// others by at most 5 / LARGE_SAMPLE_ROWS each. Rare values are left out rather than pooled into an
// invented "other" label, which the column never holds and code reading the output would not expect.
export const RARE_MIN_COUNT = 5;
// Below this many rows, most values of an ordinary category column are rare by the rule above, and
// leaving them out would erase the column rather than protect anyone.
export const LARGE_SAMPLE_ROWS = 1000;
// A text column whose values are mostly distinct is free text or an identifier: a model of it would
// be its rows.
const FREE_TEXT_SHARE = 0.5;
const FREE_TEXT_MIN_DISTINCT = 20;
const MAX_DECIMALS = 6;
const STEPS_MS = [DAY_MS, 3_600_000, 60_000, 1000, 1];

const emptyColumn = (name: string) =>
  new GenerationError(
    `column '${name}' is empty in the sample, so there is nothing to learn; generate it from a rule instead`,
  );

function defaultType(c: DataColumn): LearnedType {
  switch (c.type) {
    case 'number':
      return c.integer ? 'integer' : 'decimal';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    case 'text':
      return 'category';
  }
}

const WHAT: Record<LearnedType, string> = {
  integer: 'numbers',
  decimal: 'numbers',
  boolean: 'true or false',
  category: 'text',
  date: 'dates',
  datetime: 'dates or date-times',
};

/**
 * Text values in the learned unit (NaN where one does not read as such), read the way profiling
 * read them: yes/no words in several languages, dates in ISO, y/m/d, d.m.y and m/d/y notation.
 */
function textNumbers(dictionary: string[], as: LearnedType): number[] {
  switch (as) {
    case 'integer':
    case 'decimal':
      return dictionary.map((text) => {
        const v = text.trim() === '' ? Number.NaN : Number(text.trim());
        return Number.isFinite(v) ? v : Number.NaN;
      });
    case 'boolean':
      return dictionary.map((text) => {
        const b = booleanOfText(text);
        return b === undefined ? Number.NaN : Number(b);
      });
    case 'date':
    case 'datetime': {
      // The notation (and day-month order) is the column's, so read it from all its values at once.
      const reader = dateTextOf(
        dictionary.filter((text) => text.trim() !== ''),
        0,
      );
      return dictionary.map((text) => {
        const ms = reader?.parse(text.trim());
        if (ms === undefined) return Number.NaN;
        return as === 'date' ? Math.floor(ms / DAY_MS) : ms;
      });
    }
    case 'category':
      return dictionary.map(() => Number.NaN);
  }
}

/** The column's values as numbers in the learned unit, or a GenerationError when they are not. */
function numbersOf(c: DataColumn, as: LearnedType, rows: number): Float64Array {
  const out = new Float64Array(rows).fill(Number.NaN);
  const refuse = () =>
    new GenerationError(
      `column '${c.name}' holds ${c.type === 'number' ? 'numbers' : `${c.type} values`}, which cannot be learned as ${as}; choose another type for it`,
    );
  switch (c.type) {
    case 'number': {
      if (as === 'date' || as === 'datetime') throw refuse();
      for (let i = 0; i < rows; i++) {
        if (c.nulls[i]) continue;
        const v = c.values[i]!;
        // ±Infinity would reach the model's JSON as null; it is no value a column can be learned with
        if (!Number.isFinite(v)) continue;
        if (as === 'boolean' && v !== 0 && v !== 1) throw refuse();
        out[i] = v;
      }
      return out;
    }
    case 'boolean':
      if (as === 'date' || as === 'datetime') throw refuse();
      for (let i = 0; i < rows; i++) if (!c.nulls[i]) out[i] = c.values[i]!;
      return out;
    case 'date':
    case 'datetime':
      if (as !== 'date' && as !== 'datetime') throw refuse();
      for (let i = 0; i < rows; i++) {
        if (c.nulls[i] || !Number.isFinite(c.values[i]!)) continue;
        out[i] = as === 'date' ? Math.floor(c.values[i]! / DAY_MS) : c.values[i]!;
      }
      return out;
    case 'text': {
      const parsed = textNumbers(c.dictionary, as);
      for (let i = 0; i < rows; i++) {
        if (c.nulls[i]) continue;
        const code = c.codes[i]!;
        const v = parsed[code]!;
        if (Number.isNaN(v)) {
          if (c.dictionary[code]!.trim() === '') continue;
          throw new GenerationError(
            `column '${c.name}' has values that are not ${WHAT[as]} (such as '${c.dictionary[code]!.slice(0, 40)}'); learn it as category or choose another type`,
          );
        }
        out[i] = v;
      }
      return out;
    }
  }
}

/** The column's values as text, for a column learned as categories. */
function textsOf(c: DataColumn, rows: number): { codes: Int32Array; dictionary: string[] } {
  if (c.type === 'text') {
    const codes = new Int32Array(rows);
    for (let i = 0; i < rows; i++)
      codes[i] = c.nulls[i] || c.dictionary[c.codes[i]!] === '' ? EMPTY : c.codes[i]!;
    return { codes, dictionary: c.dictionary };
  }
  const format = (v: number): string => {
    if (c.type === 'boolean') return v ? 'true' : 'false';
    if (c.type === 'date') return new Date(v).toISOString().slice(0, 10);
    if (c.type === 'datetime') return new Date(v).toISOString();
    return String(v);
  };
  const index = new Map<number, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    if (c.nulls[i]) {
      codes[i] = EMPTY;
      continue;
    }
    const v = c.values[i]!;
    let code = index.get(v);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(format(v));
      index.set(v, code);
    }
    codes[i] = code;
  }
  return { codes, dictionary };
}

function prepareCategories(c: DataColumn, rows: number): { categories: string[]; data: PreparedColumn } {
  const { codes, dictionary } = textsOf(c, rows);
  const counts = new Float64Array(dictionary.length);
  let present = 0;
  for (let i = 0; i < rows; i++) {
    const code = codes[i]!;
    if (code === EMPTY) continue;
    counts[code]!++;
    present++;
  }
  if (present === 0) throw emptyColumn(c.name);
  let distinct = 0;
  for (const n of counts) if (n > 0) distinct++;
  if (distinct >= Math.max(FREE_TEXT_MIN_DISTINCT, FREE_TEXT_SHARE * present)) {
    throw new GenerationError(
      `column '${c.name}' looks like free text or an identifier (${distinct} distinct of ${present}); generate it from a rule such as sentence or uuid instead`,
    );
  }
  const minCount = rows >= LARGE_SAMPLE_ROWS ? RARE_MIN_COUNT : 1;
  const kept = [...counts.keys()]
    .filter((k) => counts[k]! >= minCount)
    .sort((a, b) => counts[b]! - counts[a]! || (dictionary[a]! < dictionary[b]! ? -1 : 1));
  if (!kept.length) {
    throw new GenerationError(
      `column '${c.name}' has no value that occurs at least ${RARE_MIN_COUNT} times in ${rows} rows, so none can be emitted without revealing single records; generate it from a rule instead`,
    );
  }
  const remap = new Int32Array(dictionary.length).fill(RARE);
  kept.forEach((k, i) => {
    remap[k] = i;
  });
  for (let i = 0; i < rows; i++) if (codes[i] !== EMPTY) codes[i] = remap[codes[i]!]!;
  return {
    categories: kept.map((k) => dictionary[k]!),
    data: { kind: 'category', codes, size: kept.length },
  };
}

/** Decimal places the values show (at most 6). */
function decimalsShown(values: Float64Array): number {
  let d = 0;
  let f = 1;
  for (let i = 0; i < values.length && d < MAX_DECIMALS; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    for (;;) {
      const x = v * f;
      if (d === MAX_DECIMALS || Math.abs(x - Math.round(x)) < 1e-9 * Math.max(1, Math.abs(x))) break;
      d++;
      f *= 10;
    }
  }
  return d;
}

/** The coarsest step (day, hour, minute, second, millisecond) every instant sits on. */
function stepOf(values: Float64Array): number {
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    while (k < STEPS_MS.length - 1 && v % STEPS_MS[k]! !== 0) k++;
    if (k === STEPS_MS.length - 1) break;
  }
  return STEPS_MS[k]!;
}

/** A requested sample column in its learned form, with what sampling needs to know about it. */
export function prepareColumn(
  table: DataTable,
  request: LearnedColumnRequest,
): { meta: FittedColumn; data: PreparedColumn } {
  const c = table.columns.find((col) => col.name === request.column);
  if (!c) {
    const names = table.columns.map((col) => `'${col.name}'`).join(', ');
    throw new GenerationError(`the sample has no column '${request.column}' (it has ${names})`);
  }
  const as = request.as ?? defaultType(c);
  const meta: FittedColumn = { column: c.name, as, precision: 0, stepMs: 1, categories: [] };
  if (as === 'category') {
    const { categories, data } = prepareCategories(c, table.rows);
    return { meta: { ...meta, categories }, data };
  }
  const values = numbersOf(c, as, table.rows);
  if (values.every(Number.isNaN)) throw emptyColumn(c.name);
  if (as === 'decimal') meta.precision = request.precision ?? decimalsShown(values);
  if (as === 'datetime') meta.stepMs = stepOf(values);
  return { meta, data: { kind: 'number', values } };
}
