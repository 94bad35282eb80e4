import type { z } from 'zod';
import { uniqueCapableTypes } from './generator-config.catalog.ts';
import {
  ExpressionSyntaxError,
  expressionFields,
  parseExpression,
  parseTemplate,
} from './generator-config.expression.ts';
import type { FieldOf, FieldSpec, NumberDistribution } from './generator-config.fields.ts';
import { fieldTypeInfos } from './generator-config.fields.ts';
import { PatternSyntaxError, parsePattern, patternSize } from './generator-config.pattern.ts';
import type { Cardinality, GeneratorConfig, TableSpec } from './generator-config.ts';
import { generatorConfigSchema } from './generator-config.ts';

export type ConfigError = { path: string; message: string };
export type ValidationResult = { ok: true; config: GeneratorConfig } | { ok: false; errors: ConfigError[] };

export const DEFAULT_REFERENCE_DATE = '2025-01-01';
export const DEFAULT_SKU_PATTERN = '[A-Z]{3}-\\d{5}';
/** Key types: a reference may point at them (their value is a pure function of the row number). */
export const keyFieldTypes: ReadonlySet<string> = new Set(['sequence', 'uuid', 'ulid', 'nanoid']);
/** Types whose unique values depend on the row number alone, so references can use them as keys. */
export const uniqueKeyTypes: ReadonlySet<string> = new Set([
  'integer',
  'decimal',
  'amount',
  'price',
  'date',
  'datetime',
  'time',
  'year',
  'categorical',
  'pattern',
  'sku',
  'port',
  'ipv4',
  'mac_address',
  'account_number',
  'cvv',
]);

const DAY_MS = 86_400_000;
const DURATION_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: DAY_MS,
  w: 7 * DAY_MS,
};

/** Milliseconds of a duration string such as `15m`. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/.exec(text);
  if (!m) throw new Error(`invalid duration '${text}'`);
  return Number(m[1]) * DURATION_MS[m[2]!]!;
}

/** Epoch milliseconds of a YYYY-MM-DD date (UTC midnight) or an ISO date-time. */
export function parseInstant(text: string): number {
  return Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Numeric range and distribution a number-like field really uses, after defaults. */
export function effectiveNumberSpec(
  field: FieldOf<'integer'> | FieldOf<'decimal'> | FieldOf<'amount'> | FieldOf<'price'>,
): { min: number | undefined; max: number | undefined; distribution: NumberDistribution } {
  const money = field.type === 'amount' || field.type === 'price';
  let distribution = field.distribution;
  if (!distribution) {
    distribution =
      money && (field.min === undefined || field.max === undefined)
        ? { type: 'lognormal', mu: field.type === 'price' ? 3 : 4, sigma: 1 }
        : { type: 'uniform' };
  }
  if (distribution.type === 'uniform') {
    return { min: field.min ?? 0, max: field.max ?? (money ? 1000 : 100), distribution };
  }
  return { min: field.min ?? (money ? 0 : undefined), max: field.max, distribution };
}

/** Default precision (decimal places) of a number-like field. */
export function fieldPrecision(field: FieldSpec): number {
  if ('precision' in field && field.precision !== undefined) return field.precision;
  return field.type === 'latitude' || field.type === 'longitude' ? 6 : 2;
}

export type UniqueSpace = { space: number } | { reason: string };

/**
 * Size of the value space a unique field draws from without repetition (Infinity when it is
 * unbounded by construction), or why the field cannot be unique.
 */
export function uniqueValueSpace(field: FieldSpec): UniqueSpace {
  if (!uniqueCapableTypes.has(field.type)) return { reason: `a ${field.type} field cannot be unique` };
  const nonUniform = { reason: 'a unique number must use the uniform distribution' };
  switch (field.type) {
    case 'sequence':
    case 'uuid':
    case 'ulid':
    case 'nanoid':
    case 'email':
    case 'username':
    case 'ipv6':
    case 'credit_card_number':
    case 'iban':
      return { space: Number.POSITIVE_INFINITY };
    case 'integer': {
      const s = effectiveNumberSpec(field);
      if (s.distribution.type !== 'uniform') return nonUniform;
      return { space: Math.max(0, Math.floor(s.max!) - Math.ceil(s.min!) + 1) };
    }
    case 'decimal':
    case 'amount':
    case 'price': {
      if (field.type === 'price' && field.charm)
        return { reason: 'a price with charm endings cannot be unique' };
      const s = effectiveNumberSpec(field);
      if (s.distribution.type !== 'uniform') return nonUniform;
      const scale = 10 ** fieldPrecision(field);
      return { space: Math.max(0, Math.floor(s.max! * scale + 1e-9) - Math.ceil(s.min! * scale - 1e-9) + 1) };
    }
    case 'date': {
      if (field.distribution && field.distribution.type !== 'uniform') return nonUniform;
      const min = parseInstant(field.min ?? '2020-01-01');
      const max = parseInstant(field.max ?? '2024-12-31');
      return { space: Math.max(0, Math.floor((max - min) / DAY_MS) + 1) };
    }
    case 'datetime': {
      if (field.distribution && field.distribution.type !== 'uniform') return nonUniform;
      if (field.hourWeights) return { reason: 'a unique datetime cannot use hourWeights' };
      const min = parseInstant(field.min ?? '2020-01-01');
      const max = parseInstant(field.max ?? '2024-12-31T23:59:59Z');
      return { space: Math.max(0, Math.floor((max - min) / 1000) + 1) };
    }
    case 'time': {
      const sec = (t: string) => {
        const [h, m, s] = t.split(':').map(Number);
        return h! * 3600 + m! * 60 + (s ?? 0);
      };
      return { space: Math.max(0, sec(field.max ?? '23:59:59') - sec(field.min ?? '00:00:00') + 1) };
    }
    case 'year':
      return { space: Math.max(0, (field.max ?? 2024) - (field.min ?? 1970) + 1) };
    case 'categorical':
      return { space: new Set(field.values.map((v) => `${typeof v}:${v}`)).size };
    case 'pattern':
    case 'sku':
      try {
        return { space: patternSize(parsePattern(field.pattern ?? DEFAULT_SKU_PATTERN)) };
      } catch {
        return { space: 0 };
      }
    case 'constant':
      return { space: 1 };
    case 'boolean':
      return { space: 2 };
    case 'ipv4': {
      const bits = field.cidr ? Number(field.cidr.split('/')[1]) : 0;
      return { space: 2 ** (32 - Math.min(32, bits)) };
    }
    case 'mac_address':
      return { space: 2 ** 46 };
    case 'port': {
      const [lo, hi] = portRange(field.range);
      return { space: hi - lo + 1 };
    }
    case 'account_number':
      return { space: 10 ** (field.digits ?? 10) };
    case 'ean13':
      return { space: 1e9 };
    case 'cvv':
      return { space: 1000 };
    default:
      return { reason: `a ${field.type} field cannot be unique` };
  }
}

export function portRange(
  range: 'well_known' | 'registered' | 'dynamic' | 'any' | undefined,
): [number, number] {
  switch (range) {
    case 'well_known':
      return [1, 1023];
    case 'registered':
      return [1024, 49151];
    case 'dynamic':
      return [49152, 65535];
    default:
      return [1, 65535];
  }
}

/** Largest possible child count of a cardinality (Infinity for an unbounded Poisson). */
export function maxChildren(c: Cardinality): number {
  switch (c.distribution) {
    case 'fixed':
      return c.count;
    case 'uniform':
      return c.max;
    case 'poisson':
      return c.max ?? Number.POSITIVE_INFINITY;
  }
}

/** Field types a template may name directly, e.g. `{{first_name}}` with no such column. */
export const templateTypes: ReadonlySet<string> = new Set(
  fieldTypeInfos
    .filter(
      (t) =>
        !['logic', 'relation', 'series'].includes(t.family) &&
        Object.entries(t.schema.shape).every(
          ([k, s]) => k === 'type' || k === 'name' || (s as z.ZodType).safeParse(undefined).success,
        ),
    )
    .map((t) => t.id),
);

const KIND_ARTICLE: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
  literal: 'a specific value',
};

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  const t = typeof input;
  if (t === 'number') return Number.isInteger(input) ? 'an integer' : 'a number';
  return t === 'object' ? 'an object' : t === 'string' ? 'a string' : t === 'boolean' ? 'a boolean' : t;
}

/** `tables[1].fields[3].distribution.mean` */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function issueErrors(issue: z.core.$ZodIssue, input: unknown): ConfigError[] {
  const path = formatPath(issue.path);
  const value = issue.path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    input,
  );
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return [{ path, message: 'is required' }];
      return [
        {
          path,
          message: `expected ${KIND_ARTICLE[issue.expected] ?? issue.expected}, got ${describeInput(value)}`,
        },
      ];
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return [{ path, message: `needs at least ${min} item(s)` }];
      if (issue.origin === 'string') return [{ path, message: `must be at least ${min} character(s)` }];
      return [{ path, message: issue.inclusive ? `must be at least ${min}` : `must be greater than ${min}` }];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return [{ path, message: `allows at most ${max} item(s)` }];
      if (issue.origin === 'string') return [{ path, message: `must be at most ${max} character(s)` }];
      return [{ path, message: issue.inclusive ? `must be at most ${max}` : `must be less than ${max}` }];
    }
    case 'invalid_format': {
      const custom = issue.message && !issue.message.startsWith('Invalid');
      const what =
        issue.format === 'date'
          ? 'a date YYYY-MM-DD'
          : issue.format === 'datetime'
            ? 'an ISO 8601 date-time'
            : `the format ${issue.format}`;
      return [{ path, message: custom ? issue.message : `expected ${what}` }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({
        path: formatPath([...issue.path, k]),
        message: `unknown option '${k}'`,
      }));
    case 'invalid_value':
      return [
        {
          path,
          message: `expected ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}`,
        },
      ];
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string }).discriminator;
      if (disc) {
        const basePath = issue.path.at(-1) === disc ? issue.path.slice(0, -1) : issue.path;
        const owner = basePath.reduce<unknown>(
          (v, k) =>
            v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined,
          input,
        );
        const d = (owner as Record<string, unknown> | undefined)?.[disc];
        const p = formatPath([...basePath, disc]);
        if (d === undefined) return [{ path: p, message: 'is required' }];
        if (disc === 'type' && typeof d === 'string') {
          const hint = closest(
            d,
            fieldTypeInfos.map((t) => t.id),
          );
          return [
            { path: p, message: `unknown field type '${d}'${hint ? ` (did you mean '${hint}'?)` : ''}` },
          ];
        }
        return [{ path: p, message: `unknown ${disc} ${JSON.stringify(d)}` }];
      }
      // Plain unions (e.g. a date or a date-time): report the first branch's errors.
      const first = issue.errors[0];
      if (first?.[0]) {
        return issueErrors(
          { ...first[0], path: [...issue.path, ...first[0].path] } as z.core.$ZodIssue,
          input,
        );
      }
      return [{ path, message: 'does not match any allowed form' }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

type TableInfo = { index: number; spec: TableSpec; fields: Map<string, { index: number; spec: FieldSpec }> };

/** Largest row count a table can reach (Infinity when a Poisson cardinality is unbounded). */
function maxRows(name: string, tables: Map<string, TableInfo>, seen = new Set<string>()): number {
  const t = tables.get(name);
  if (!t || seen.has(name)) return 0;
  seen.add(name);
  if (!t.spec.parent) return t.spec.rows ?? 0;
  return maxRows(t.spec.parent.table, tables, seen) * maxChildren(t.spec.parent.count);
}

function semanticErrors(config: GeneratorConfig): ConfigError[] {
  const errors: ConfigError[] = [];
  const err = (path: ReadonlyArray<PropertyKey>, message: string) =>
    errors.push({ path: formatPath(path), message });
  const tables = new Map<string, TableInfo>();
  const tableNamesLower = new Set<string>();

  config.tables.forEach((spec, ti) => {
    const lower = spec.name.toLowerCase();
    if (tableNamesLower.has(lower)) err(['tables', ti, 'name'], `table name '${spec.name}' is used twice`);
    tableNamesLower.add(lower);
    const fields = new Map<string, { index: number; spec: FieldSpec }>();
    const lowerFields = new Set<string>();
    spec.fields.forEach((f, fi) => {
      const lf = f.name.toLowerCase();
      if (lowerFields.has(lf))
        err(
          ['tables', ti, 'fields', fi, 'name'],
          `field name '${f.name}' is used twice in table '${spec.name}'`,
        );
      lowerFields.add(lf);
      if (!fields.has(f.name)) fields.set(f.name, { index: fi, spec: f });
    });
    if (!tables.has(spec.name)) tables.set(spec.name, { index: ti, spec, fields });
  });

  for (const [ti, spec] of config.tables.entries()) {
    const tp = ['tables', ti] as const;
    if (spec.parent) {
      if (spec.rows !== undefined)
        err([...tp, 'rows'], 'a child table takes its row count from parent.count; remove rows');
      const parent = tables.get(spec.parent.table);
      if (!parent) err([...tp, 'parent', 'table'], `no table named '${spec.parent.table}'`);
      else if (spec.parent.table === spec.name)
        err([...tp, 'parent', 'table'], 'a table cannot be its own parent');
      else {
        const chain = new Set<string>([spec.name]);
        let cur: TableSpec | undefined = parent.spec;
        while (cur) {
          if (chain.has(cur.name)) {
            err([...tp, 'parent', 'table'], `parent chain loops back to '${cur.name}'`);
            break;
          }
          chain.add(cur.name);
          cur = cur.parent ? tables.get(cur.parent.table)?.spec : undefined;
        }
      }
      const c = spec.parent.count;
      if (c.distribution === 'uniform' && c.min > c.max)
        err([...tp, 'parent', 'count', 'max'], 'must be at least min');
      if (c.distribution === 'poisson' && c.min !== undefined && c.max !== undefined && c.min > c.max) {
        err([...tp, 'parent', 'count', 'max'], 'must be at least min');
      }
    } else if (spec.rows === undefined && !spec.sample) {
      err([...tp, 'rows'], 'a table without a parent needs a row count');
    }
    if (spec.sample) {
      if (spec.parent) err([...tp, 'parent'], 'a table that learns from a sample cannot have a parent');
      if (spec.sequence) err([...tp, 'sequence'], 'a table that learns from a sample cannot be a sequence');
    }
    const learnedBy = new Map<string, string>();
    for (const [fi, field] of spec.fields.entries()) {
      if (field.type !== 'learned') continue;
      const column = field.column ?? field.name;
      const first = learnedBy.get(column);
      if (first !== undefined) {
        err(
          ['tables', ti, 'fields', fi, field.column === undefined ? 'name' : 'column'],
          `column '${column}' of the sample is already learned by field '${first}'`,
        );
      } else learnedBy.set(column, field.name);
    }

    const info = tables.get(spec.name);
    const rowsBound = info && info.index === ti ? maxRows(spec.name, tables) : 0;
    const deps = new Map<string, string[]>();

    for (const [fi, field] of spec.fields.entries()) {
      const fp = [...tp, 'fields', fi] as const;
      if (field.unique) {
        const u = uniqueValueSpace(field);
        if ('reason' in u) err([...fp, 'unique'], u.reason);
        else if (Number.isFinite(rowsBound) && u.space < rowsBound) {
          err(
            [...fp, 'unique'],
            `only ${u.space} distinct values are possible but the table can have ${rowsBound} rows`,
          );
        }
      }
      checkField(field, fp, spec, tables, err, deps);
    }

    // Expression and template fields may not depend on each other in a loop.
    const state = new Map<string, 1 | 2>();
    const visit = (name: string, stack: string[]): void => {
      if (state.get(name) === 2) return;
      if (state.get(name) === 1) {
        const fi = info?.fields.get(name)?.index ?? 0;
        err([...tp, 'fields', fi], `fields depend on each other in a loop: ${[...stack, name].join(' → ')}`);
        return;
      }
      state.set(name, 1);
      for (const d of deps.get(name) ?? []) visit(d, [...stack, name]);
      state.set(name, 2);
    };
    for (const name of deps.keys()) visit(name, []);
  }
  return errors;
}

function checkField(
  field: FieldSpec,
  fp: ReadonlyArray<PropertyKey>,
  table: TableSpec,
  tables: Map<string, TableInfo>,
  err: (path: ReadonlyArray<PropertyKey>, message: string) => void,
  deps: Map<string, string[]>,
): void {
  const fieldNames = new Set(table.fields.map((f) => f.name));
  const checkRange = (min: number | undefined, max: number | undefined, what = 'min') => {
    if (min !== undefined && max !== undefined && min > max) err([...fp, 'max'], `must be at least ${what}`);
  };
  const checkZone = (zone: string | undefined) => {
    if (zone !== undefined && !isTimeZone(zone)) err([...fp, 'timeZone'], `unknown time zone '${zone}'`);
  };
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'amount':
    case 'price': {
      checkRange(field.min, field.max);
      if (field.type === 'integer') {
        const s = effectiveNumberSpec(field);
        if (s.min !== undefined && s.max !== undefined && Math.ceil(s.min) > Math.floor(s.max)) {
          err([...fp, 'max'], 'there is no whole number between min and max');
        }
      }
      const d = field.distribution;
      if (d?.type === 'lognormal' && field.max !== undefined && field.max <= 0) {
        err([...fp, 'max'], 'a log-normal value is always positive; max must be above 0');
      }
      break;
    }
    case 'birth_date':
    case 'age':
      checkRange(field.minAge, field.maxAge, 'minAge');
      if (field.minAge !== undefined && field.maxAge !== undefined && field.minAge > field.maxAge) {
        err([...fp, 'maxAge'], 'must be at least minAge');
      }
      break;
    case 'date':
    case 'datetime': {
      const min = parseInstant(field.min ?? '2020-01-01');
      const max = parseInstant(field.max ?? (field.type === 'date' ? '2024-12-31' : '2024-12-31T23:59:59Z'));
      if (min > max)
        err([...fp, field.max !== undefined ? 'max' : 'min'], 'the range is empty: min is after max');
      if (field.type === 'datetime') {
        checkZone(field.timeZone);
        if (field.hourWeights?.every((w) => w === 0)) {
          err([...fp, 'hourWeights'], 'at least one hour needs a weight above 0');
        }
      }
      break;
    }
    case 'time':
      if ((field.min ?? '00:00:00').padEnd(8, ':00') > (field.max ?? '23:59:59').padEnd(8, ':00')) {
        err([...fp, 'max'], 'must not be before min');
      }
      break;
    case 'year':
      checkRange(field.min ?? 1970, field.max ?? 2024);
      break;
    case 'sentence':
      if ((field.minWords ?? 5) > (field.maxWords ?? 12))
        err([...fp, 'maxWords'], 'must be at least minWords');
      break;
    case 'paragraph':
      if ((field.minSentences ?? 3) > (field.maxSentences ?? 6)) {
        err([...fp, 'maxSentences'], 'must be at least minSentences');
      }
      break;
    case 'series_value':
      checkRange(field.min, field.max);
      if (!table.sequence) err([...fp, 'type'], 'series fields need a table with a sequence');
      break;
    case 'series_timestamp':
      checkZone(field.timeZone);
      if (!table.sequence) err([...fp, 'type'], 'series fields need a table with a sequence');
      break;
    case 'categorical':
      if (field.weights) {
        if (field.weights.length !== field.values.length) {
          err([...fp, 'weights'], `has ${field.weights.length} weights for ${field.values.length} values`);
        } else if (!field.weights.some((w) => w > 0))
          err([...fp, 'weights'], 'at least one weight must be above 0');
      }
      break;
    case 'pattern':
    case 'sku': {
      const src = field.type === 'pattern' ? field.pattern : field.pattern;
      if (src !== undefined) {
        try {
          parsePattern(src);
        } catch (e) {
          if (e instanceof PatternSyntaxError) err([...fp, 'pattern'], `invalid pattern: ${e.message}`);
          else throw e;
        }
      }
      break;
    }
    case 'ipv4':
      if (field.cidr) {
        const [addr, bits] = field.cidr.split('/');
        if (addr!.split('.').some((o) => Number(o) > 255) || Number(bits) > 32) {
          err([...fp, 'cidr'], 'expected a CIDR block such as 10.0.0.0/8');
        }
      }
      break;
    case 'expression': {
      try {
        const ast = parseExpression(field.expression);
        const refs = [...expressionFields(ast)];
        for (const r of refs) {
          if (r === field.name) err([...fp, 'expression'], `the expression refers to its own field '${r}'`);
          else if (!fieldNames.has(r)) {
            const hint = closest(r, fieldNames);
            err([...fp, 'expression'], `unknown field '${r}'${hint ? ` (did you mean '${hint}'?)` : ''}`);
          }
        }
        deps.set(
          field.name,
          refs.filter((r) => fieldNames.has(r)),
        );
      } catch (e) {
        if (e instanceof ExpressionSyntaxError) err([...fp, 'expression'], `cannot parse: ${e.message}`);
        else throw e;
      }
      break;
    }
    case 'template': {
      try {
        const refs: string[] = [];
        for (const part of parseTemplate(field.template)) {
          if (part.kind !== 'ref') continue;
          if (part.name === field.name)
            err([...fp, 'template'], `the template refers to its own field '${part.name}'`);
          else if (fieldNames.has(part.name)) refs.push(part.name);
          else if (!templateTypes.has(part.name)) {
            err([...fp, 'template'], `'{{${part.name}}}' is neither a field of this table nor a field type`);
          }
        }
        deps.set(field.name, refs);
      } catch (e) {
        if (e instanceof ExpressionSyntaxError) err([...fp, 'template'], `cannot parse: ${e.message}`);
        else throw e;
      }
      break;
    }
    case 'learned':
      if (!table.sample) err([...fp, 'type'], 'a learned field needs a table with a sample to learn from');
      break;
    case 'reference': {
      const target = tables.get(field.table);
      if (!target) {
        const hint = closest(field.table, tables.keys());
        err([...fp, 'table'], `no table named '${field.table}'${hint ? ` (did you mean '${hint}'?)` : ''}`);
        break;
      }
      const key = target.fields.get(field.field);
      if (!key) {
        err([...fp, 'field'], `table '${field.table}' has no field '${field.field}'`);
        break;
      }
      const k = key.spec;
      if (!keyFieldTypes.has(k.type) && !(k.unique && uniqueKeyTypes.has(k.type))) {
        err(
          [...fp, 'field'],
          `'${field.table}.${field.field}' is not a key: reference a sequence, uuid, ulid or nanoid field, or a unique number, date, pattern or categorical field`,
        );
      } else if ((k.nullPercent ?? 0) > 0) {
        err([...fp, 'field'], `'${field.table}.${field.field}' can be null, so it cannot be referenced`);
      }
      break;
    }
    default:
      break;
  }
}

/** Validates a configuration: shape (zod) first, then the rules a JSON Schema cannot express. */
export function validateGeneratorConfig(input: unknown): ValidationResult {
  const parsed = generatorConfigSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((i) => issueErrors(i, input));
    return { ok: false, errors };
  }
  const errors = semanticErrors(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, config: parsed.data };
}
