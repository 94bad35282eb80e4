import { type SampleProfile, validateGeneratorConfig } from '@synoptic/contract';
import { describe, expect, test } from 'vitest';
import { twinDraft, twinJobPath } from './twin-draft';
import type { SampleDetail } from './use-samples';

const profile: SampleProfile = {
  format: 'csv',
  rows: 344,
  columns: [
    {
      name: 'Species',
      type: 'category',
      nullShare: 0,
      distinct: 3,
      min: null,
      max: null,
      examples: ['Adelie', 'Gentoo'],
      personalData: null,
      confidence: 0.95,
      suggested: { name: 'species', type: 'learned', column: 'Species' },
    },
    {
      name: 'body_mass_g',
      type: 'integer',
      nullShare: 0.006,
      distinct: 94,
      min: '2700',
      max: '6300',
      examples: ['3750', '3800'],
      personalData: null,
      confidence: 0.9,
      suggested: { name: 'body_mass_g', type: 'learned' },
    },
    {
      name: 'Keeper email',
      type: 'text',
      nullShare: 0,
      distinct: 344,
      min: null,
      max: null,
      examples: ['j•••@•••.org'],
      personalData: 'email',
      confidence: 0.99,
      suggested: { name: 'keeper_email', type: 'email' },
    },
  ],
};

const sample = (name: string): SampleDetail & { profile: SampleProfile } => ({
  id: '0194f3a2-7c1e-7b4a-9a57-1d2e3f4a5b6c',
  name,
  format: 'csv',
  bytes: 13_519,
  status: 'ready',
  rows: 344,
  columns: 3,
  error: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  createdBy: { id: '0194f3a2-7c1e-7b4a-9a57-000000000001', name: 'Ada' },
  removedAt: null,
  profile,
});

describe('twinDraft', () => {
  test('starts a twin as one balanced sample table of the sample’s size with the suggested fields', () => {
    const twin = twinDraft(sample('penguins.csv'));
    expect(twin.name).toBe('Synthetic twin of penguins.csv');
    expect(twin.config).toEqual({
      tables: [
        {
          name: 'penguins',
          rows: 344,
          sample: { id: '0194f3a2-7c1e-7b4a-9a57-1d2e3f4a5b6c', quality: 'balanced' },
          fields: [
            { name: 'species', type: 'learned', column: 'Species' },
            { name: 'body_mass_g', type: 'learned' },
            { name: 'keeper_email', type: 'email' },
          ],
        },
      ],
    });
    expect(validateGeneratorConfig(twin.config).ok).toBe(true);
  });

  test('names the table with a valid identifier whatever the file is called', () => {
    for (const [file, table] of [
      ['Seattle Weather (2012).csv', 'seattle_weather_2012'],
      ['2024 sales.parquet', 't_2024_sales'],
      ['exports/Café-Orders.jsonl', 'cafe_orders'],
      ['###.csv', 'sample'],
    ] as const) {
      const { config } = twinDraft(sample(file));
      expect(config.tables[0]?.name).toBe(table);
      expect(validateGeneratorConfig(config).ok).toBe(true);
    }
  });
});

test('leads to the new-job page with the sample named in the address', () => {
  expect(twinJobPath('p1', '0194f3a2-7c1e-7b4a-9a57-1d2e3f4a5b6c')).toBe(
    '/projects/p1/jobs/new?sample=0194f3a2-7c1e-7b4a-9a57-1d2e3f4a5b6c',
  );
});
