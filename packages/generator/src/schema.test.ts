import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  fieldTypeCatalog,
  generatorConfigSchema,
  outputSpecSchema,
  validateGeneratorConfig,
} from './index.ts';

const base = (fields: unknown[], extra: Record<string, unknown> = {}) => ({
  tables: [{ name: 't', rows: 100, fields, ...extra }],
});

function errorsOf(input: unknown) {
  const r = validateGeneratorConfig(input);
  if (r.ok) throw new Error('expected the config to be rejected');
  return r.errors;
}

describe('the configuration schema', () => {
  it('converts to JSON Schema with named components', () => {
    const json = z.toJSONSchema(generatorConfigSchema, { io: 'input' }) as {
      $defs?: Record<string, unknown>;
    };
    const ids = Object.keys(json.$defs ?? {});
    for (const id of ['TableSpec', 'FieldSpec', 'NumberDistribution', 'Cardinality', 'FieldEmail'])
      expect(ids).toContain(id);
    expect(() => z.toJSONSchema(outputSpecSchema)).not.toThrow();
  });

  it('has a catalogue of at least 60 field types in families with options', () => {
    expect(fieldTypeCatalog.length).toBeGreaterThanOrEqual(60);
    const families = new Set(fieldTypeCatalog.map((t) => t.family));
    for (const f of [
      'person',
      'contact',
      'address',
      'company',
      'internet',
      'finance',
      'commerce',
      'identifier',
      'text',
      'datetime',
      'number',
      'logic',
    ]) {
      expect(families).toContain(f);
    }
    const integer = fieldTypeCatalog.find((t) => t.id === 'integer')!;
    expect(integer.options.map((o) => o.name)).toEqual(['min', 'max', 'distribution']);
    expect(integer.supportsUnique).toBe(true);
  });

  it('accepts a customers and orders config', () => {
    const r = validateGeneratorConfig({
      tables: [
        {
          name: 'customers',
          rows: 10,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'email', type: 'email', unique: true },
          ],
        },
        {
          name: 'orders',
          parent: { table: 'customers', count: { distribution: 'poisson', mean: 2, max: 5 } },
          fields: [{ name: 'customer_id', type: 'reference', table: 'customers', field: 'id' }],
        },
      ],
    });
    expect(r.ok).toBe(true);
  });
});

describe('validateGeneratorConfig', () => {
  it('reports a wrong value type with its full path', () => {
    const errors = errorsOf({
      tables: [
        { name: 'a', rows: 1, fields: [{ name: 'x', type: 'integer' }] },
        {
          name: 'b',
          rows: 1,
          fields: [
            { name: 'a', type: 'boolean' },
            { name: 'b', type: 'boolean' },
            { name: 'c', type: 'boolean' },
            { name: 'd', type: 'decimal', distribution: { type: 'normal', mean: 'high', stddev: 1 } },
          ],
        },
      ],
    });
    expect(errors).toContainEqual({
      path: 'tables[1].fields[3].distribution.mean',
      message: 'expected a number, got a string',
    });
  });

  it('names a missing required option', () => {
    expect(errorsOf(base([{ name: 'c', type: 'categorical' }]))).toContainEqual({
      path: 'tables[0].fields[0].values',
      message: 'is required',
    });
  });

  it('suggests the closest field type for a typo', () => {
    expect(errorsOf(base([{ name: 'e', type: 'emial' }]))[0]).toEqual({
      path: 'tables[0].fields[0].type',
      message: "unknown field type 'emial' (did you mean 'email'?)",
    });
  });

  it('rejects unknown options', () => {
    expect(errorsOf(base([{ name: 'n', type: 'integer', nullPercentage: 5 }]))).toContainEqual({
      path: 'tables[0].fields[0].nullPercentage',
      message: "unknown option 'nullPercentage'",
    });
  });

  it('rejects out-of-range numbers', () => {
    expect(errorsOf(base([{ name: 'n', type: 'integer', nullPercent: 140 }]))).toContainEqual({
      path: 'tables[0].fields[0].nullPercent',
      message: 'must be at most 100',
    });
  });

  it('rejects malformed dates', () => {
    expect(errorsOf(base([{ name: 'd', type: 'date', min: '2020-13-45' }]))).toContainEqual({
      path: 'tables[0].fields[0].min',
      message: 'expected a date YYYY-MM-DD',
    });
  });

  it('rejects duplicate table and field names', () => {
    const errors = errorsOf({
      tables: [
        {
          name: 't',
          rows: 1,
          fields: [
            { name: 'a', type: 'word' },
            { name: 'A', type: 'word' },
          ],
        },
        { name: 'T', rows: 1, fields: [{ name: 'a', type: 'word' }] },
      ],
    });
    expect(errors.map((e) => e.path)).toEqual(['tables[0].fields[1].name', 'tables[1].name']);
  });

  it('rejects a root table without rows and a child table with rows', () => {
    expect(errorsOf({ tables: [{ name: 't', fields: [{ name: 'a', type: 'word' }] }] })).toContainEqual({
      path: 'tables[0].rows',
      message: 'a table without a parent needs a row count',
    });
    const errors = errorsOf({
      tables: [
        { name: 'p', rows: 1, fields: [{ name: 'id', type: 'sequence' }] },
        {
          name: 'c',
          rows: 5,
          parent: { table: 'p', count: { distribution: 'fixed', count: 1 } },
          fields: [{ name: 'a', type: 'word' }],
        },
      ],
    });
    expect(errors[0]!.path).toBe('tables[1].rows');
  });

  it('rejects a parent that does not exist and parent loops', () => {
    expect(
      errorsOf({
        tables: [
          {
            name: 'c',
            parent: { table: 'nope', count: { distribution: 'fixed', count: 1 } },
            fields: [{ name: 'a', type: 'word' }],
          },
        ],
      })[0]!.message,
    ).toBe("no table named 'nope'");
    const loop = errorsOf({
      tables: [
        {
          name: 'a',
          parent: { table: 'b', count: { distribution: 'fixed', count: 1 } },
          fields: [{ name: 'x', type: 'word' }],
        },
        {
          name: 'b',
          parent: { table: 'a', count: { distribution: 'fixed', count: 1 } },
          fields: [{ name: 'x', type: 'word' }],
        },
      ],
    });
    expect(loop.some((e) => e.message.includes('loops back'))).toBe(true);
  });

  it('rejects a cardinality whose max is below its min', () => {
    const errors = errorsOf({
      tables: [
        { name: 'p', rows: 1, fields: [{ name: 'id', type: 'sequence' }] },
        {
          name: 'c',
          parent: { table: 'p', count: { distribution: 'uniform', min: 5, max: 2 } },
          fields: [{ name: 'a', type: 'word' }],
        },
      ],
    });
    expect(errors).toContainEqual({ path: 'tables[1].parent.count.max', message: 'must be at least min' });
  });

  it('rejects a unique field whose value space is smaller than the row count', () => {
    expect(errorsOf(base([{ name: 'n', type: 'integer', min: 1, max: 50, unique: true }]))).toContainEqual({
      path: 'tables[0].fields[0].unique',
      message: 'only 50 distinct values are possible but the table can have 100 rows',
    });
    // child tables: the bound is parent rows × the largest count
    const child = errorsOf({
      tables: [
        { name: 'p', rows: 10, fields: [{ name: 'id', type: 'sequence' }] },
        {
          name: 'c',
          parent: { table: 'p', count: { distribution: 'uniform', min: 0, max: 3 } },
          fields: [{ name: 'code', type: 'pattern', pattern: '[A-B]{2}[0-1]', unique: true }],
        },
      ],
    });
    expect(child[0]!.message).toBe('only 8 distinct values are possible but the table can have 30 rows');
  });

  it('rejects unique on types that cannot guarantee it', () => {
    expect(errorsOf(base([{ name: 'n', type: 'first_name', unique: true }]))[0]!.message).toBe(
      'a first_name field cannot be unique',
    );
    expect(
      errorsOf(
        base([
          { name: 'n', type: 'integer', unique: true, distribution: { type: 'normal', mean: 0, stddev: 1 } },
        ]),
      )[0]!.message,
    ).toBe('a unique number must use the uniform distribution');
  });

  it('rejects empty ranges', () => {
    expect(errorsOf(base([{ name: 'n', type: 'integer', min: 10, max: 1 }]))).toContainEqual({
      path: 'tables[0].fields[0].max',
      message: 'must be at least min',
    });
    expect(
      errorsOf(base([{ name: 'd', type: 'date', min: '2024-01-01', max: '2023-01-01' }]))[0]!.message,
    ).toBe('the range is empty: min is after max');
    expect(errorsOf(base([{ name: 'i', type: 'integer', min: 1.2, max: 1.8 }]))[0]!.message).toBe(
      'there is no whole number between min and max',
    );
  });

  it('rejects categorical weights that do not match the values', () => {
    expect(errorsOf(base([{ name: 'c', type: 'categorical', values: ['a', 'b'], weights: [1] }]))[0]).toEqual(
      {
        path: 'tables[0].fields[0].weights',
        message: 'has 1 weights for 2 values',
      },
    );
  });

  it('rejects expressions that do not parse or name unknown fields', () => {
    expect(
      errorsOf(base([{ name: 'e', type: 'expression', expression: 'price * (1 +' }]))[0]!.message,
    ).toMatch(/^cannot parse: /);
    expect(
      errorsOf(
        base([
          { name: 'price', type: 'integer' },
          { name: 'e', type: 'expression', expression: 'prize * 2' },
        ]),
      )[0],
    ).toEqual({
      path: 'tables[0].fields[1].expression',
      message: "unknown field 'prize' (did you mean 'price'?)",
    });
    expect(
      errorsOf(base([{ name: 'e', type: 'expression', expression: 'round(1, 2, 3)' }]))[0]!.message,
    ).toBe("cannot parse: function 'round' takes 1 to 2 argument(s), got 3");
  });

  it('rejects expressions that depend on each other in a loop', () => {
    const errors = errorsOf(
      base([
        { name: 'a', type: 'expression', expression: 'b + 1' },
        { name: 'b', type: 'expression', expression: 'a + 1' },
      ]),
    );
    expect(errors[0]!.message).toMatch(/loop: a → b → a/);
  });

  it('rejects templates that name neither a field nor a type', () => {
    expect(
      errorsOf(base([{ name: 't', type: 'template', template: '{{nickname}}@x.org' }]))[0]!.message,
    ).toBe("'{{nickname}}' is neither a field of this table nor a field type");
    expect(
      errorsOf(base([{ name: 't', type: 'template', template: '{{first_name | shout}}' }]))[0]!.message,
    ).toMatch(/unknown filter 'shout'/);
  });

  it('rejects invalid patterns and time zones', () => {
    expect(errorsOf(base([{ name: 'p', type: 'pattern', pattern: '[A-Z' }]))[0]!.message).toBe(
      "invalid pattern: a character class '[' is not closed",
    );
    expect(errorsOf(base([{ name: 'd', type: 'datetime', timeZone: 'Mars/Olympus' }]))[0]).toEqual({
      path: 'tables[0].fields[0].timeZone',
      message: "unknown time zone 'Mars/Olympus'",
    });
  });

  it('rejects references to missing tables, missing fields and non-keys', () => {
    const cfg = (field: Record<string, unknown>) => ({
      tables: [
        {
          name: 'p',
          rows: 5,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'nick', type: 'word' },
            { name: 'code', type: 'uuid', nullPercent: 5 },
          ],
        },
        { name: 'c', rows: 5, fields: [{ name: 'ref', type: 'reference', ...field }] },
      ],
    });
    expect(errorsOf(cfg({ table: 'q', field: 'id' }))[0]!.message).toBe(
      "no table named 'q' (did you mean 'p'?)",
    );
    expect(errorsOf(cfg({ table: 'p', field: 'idx' }))[0]!.message).toBe("table 'p' has no field 'idx'");
    expect(errorsOf(cfg({ table: 'p', field: 'nick' }))[0]!.message).toMatch(/is not a key/);
    expect(errorsOf(cfg({ table: 'p', field: 'code' }))[0]!.message).toMatch(/can be null/);
  });

  it('rejects series fields outside a sequence table', () => {
    expect(errorsOf(base([{ name: 'v', type: 'series_value' }]))[0]).toEqual({
      path: 'tables[0].fields[0].type',
      message: 'series fields need a table with a sequence',
    });
  });

  it('rejects bad output options', () => {
    expect(outputSpecSchema.safeParse({ format: 'csv', csv: { delimiter: '"' } }).success).toBe(false);
    expect(outputSpecSchema.safeParse({ format: 'xlsx' }).success).toBe(false);
    expect(
      outputSpecSchema.safeParse({ format: 'csv', csv: { delimiter: ';', escapeFormulas: true } }).success,
    ).toBe(true);
  });
});
