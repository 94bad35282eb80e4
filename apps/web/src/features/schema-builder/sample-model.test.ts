import type { SampleColumnProfile, SampleProfile } from '@synoptic/contract';
import { describe, expect, test } from 'vitest';
import { learnedField, personalDataRisk, sampleIdsOf, sampleProblems } from './sample-model';
import type { ConfigDraft } from './schema-model';

const column = (
  name: string,
  overrides: Partial<SampleColumnProfile> & Pick<SampleColumnProfile, 'suggested'>,
): SampleColumnProfile => ({
  name,
  type: 'text',
  nullShare: 0,
  distinct: 10,
  min: null,
  max: null,
  examples: [],
  personalData: null,
  confidence: 0.9,
  ...overrides,
});

const profile: SampleProfile = {
  format: 'csv',
  rows: 100,
  columns: [
    column('First Name', {
      personalData: 'first_name',
      suggested: { name: 'first_name', type: 'first_name' },
    }),
    column('email', { personalData: 'email', suggested: { name: 'email', type: 'email' } }),
    column('age', { type: 'integer', suggested: { name: 'age', type: 'learned' } }),
    column('LastName', { personalData: 'last_name', suggested: { name: 'LastName', type: 'last_name' } }),
  ],
};

const sampleId = '0194f3a2-7c1e-7b4a-9a57-1d2e3f4a5b6c';
const config = (tables: ConfigDraft['tables']): ConfigDraft => ({ tables });

describe('learnedField', () => {
  test('names the sample column only when the field name alone would not find it', () => {
    expect(learnedField('age', profile)).toEqual({ name: 'age', type: 'learned' });
    expect(learnedField('first_name', profile)).toEqual({
      name: 'first_name',
      type: 'learned',
      column: 'First Name',
    });
    // A field named in snake_case finds a camelCase column by the rule profiling names fields with.
    expect(learnedField('last_name', profile)).toEqual({
      name: 'last_name',
      type: 'learned',
      column: 'LastName',
    });
    expect(learnedField('height', profile)).toEqual({ name: 'height', type: 'learned' });
    expect(learnedField('age', undefined)).toEqual({ name: 'age', type: 'learned' });
  });
});

describe('personalDataRisk', () => {
  test('flags a learned personal-data column with the generated field profiling suggests', () => {
    const risk = personalDataRisk(
      { name: 'mail', type: 'learned', column: 'email', nullPercent: 5 },
      profile,
    );
    expect(risk?.column.personalData).toBe('email');
    expect(risk?.suggested).toEqual({ name: 'mail', type: 'email' });
  });

  test('leaves generated fields and ordinary columns alone', () => {
    expect(personalDataRisk({ name: 'email', type: 'email' }, profile)).toBeUndefined();
    expect(personalDataRisk({ name: 'age', type: 'learned' }, profile)).toBeUndefined();
    expect(personalDataRisk({ name: 'email', type: 'learned' }, undefined)).toBeUndefined();
  });
});

describe('sampleProblems', () => {
  test('points at a learned column the sample does not have, once its profile is known', () => {
    const draft = config([
      {
        name: 't',
        sample: { id: sampleId },
        fields: [
          { name: 'age', type: 'learned' },
          { name: 'height', type: 'learned' },
          { name: 'first', type: 'learned', column: 'First Name' },
          { name: 'id', type: 'sequence' },
        ],
      },
    ]);
    expect([...sampleProblems(draft, new Map([[sampleId, profile]]))]).toEqual([
      ['tables[0].fields[1].column', 'The sample has no column “height”.'],
    ]);
    // Until the profile arrives nothing is claimed missing.
    expect(sampleProblems(draft, new Map()).size).toBe(0);
    // A table without a sample is the configuration language's to flag, not this check's.
    expect(
      sampleProblems(
        config([{ name: 'u', rows: 1, fields: [{ name: 'age', type: 'learned' }] }]),
        new Map([[sampleId, profile]]),
      ).size,
    ).toBe(0);
  });
});

test('lists each sample a configuration learns from once', () => {
  expect(
    sampleIdsOf(
      config([
        { name: 'a', sample: { id: sampleId }, fields: [] },
        { name: 'b', rows: 1, fields: [] },
        { name: 'c', sample: { id: sampleId, quality: 'high' }, fields: [] },
      ]),
    ),
  ).toEqual([sampleId]);
});
