import { validateGeneratorConfig } from '@synoptic/contract';
import { describe, expect, it } from 'vitest';

const SAMPLE = { id: '6f1c2a64-0c1e-4d7a-9a57-3c1f0b8e2d11' };

const errorsOf = (tables: unknown[]) => {
  const v = validateGeneratorConfig({ tables });
  return v.ok ? [] : v.errors;
};

describe('configuring a table that learns from a sample', () => {
  it('takes its row count from the sample when it sets none', () => {
    expect(errorsOf([{ name: 't', sample: SAMPLE, fields: [{ name: 'age', type: 'learned' }] }])).toEqual([]);
    expect(errorsOf([{ name: 't', fields: [{ name: 'id', type: 'uuid' }] }])).toEqual([
      { path: 'tables[0].rows', message: 'a table without a parent needs a row count' },
    ]);
  });

  it('refuses a learned field in a table without a sample', () => {
    expect(
      errorsOf([
        {
          name: 't',
          rows: 5,
          fields: [
            { name: 'id', type: 'uuid' },
            { name: 'age', type: 'learned' },
          ],
        },
      ]),
    ).toEqual([
      {
        path: 'tables[0].fields[1].type',
        message: 'a learned field needs a table with a sample to learn from',
      },
    ]);
  });

  it('refuses a sample on a child table or a sequence', () => {
    const learned = [{ name: 'age', type: 'learned' }];
    expect(
      errorsOf([
        { name: 'a', rows: 5, fields: [{ name: 'id', type: 'sequence' }] },
        {
          name: 'b',
          parent: { table: 'a', count: { distribution: 'fixed', count: 2 } },
          sample: SAMPLE,
          fields: learned,
        },
        {
          name: 'c',
          sample: SAMPLE,
          sequence: { start: '2024-01-01', interval: { type: 'regular', every: '1h' } },
          fields: learned,
        },
      ]),
    ).toEqual([
      { path: 'tables[1].parent', message: 'a table that learns from a sample cannot have a parent' },
      { path: 'tables[2].sequence', message: 'a table that learns from a sample cannot be a sequence' },
    ]);
  });

  it('refuses learning one sample column twice', () => {
    expect(
      errorsOf([
        {
          name: 't',
          sample: SAMPLE,
          fields: [
            { name: 'age', type: 'learned' },
            { name: 'age_again', type: 'learned', column: 'age' },
            { name: 'income', type: 'learned', column: 'salary' },
            { name: 'salary', type: 'learned' },
          ],
        },
      ]),
    ).toEqual([
      {
        path: 'tables[0].fields[1].column',
        message: "column 'age' of the sample is already learned by field 'age'",
      },
      {
        path: 'tables[0].fields[3].name',
        message: "column 'salary' of the sample is already learned by field 'income'",
      },
    ]);
  });
});
