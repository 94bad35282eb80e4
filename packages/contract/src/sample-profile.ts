import { z } from 'zod';
import { fieldSpecSchema } from './generator-config.fields.ts';
import type { GeneratorConfig, SampleQuality } from './generator-config.ts';
import { identifierWords } from './identifier-names.ts';

// What profiling an uploaded sample finds: the api stores it with the sample, the web shows it for
// review, and the schema builder starts from each column's suggested field.

export const sampleFormatSchema = z
  .enum(['csv', 'jsonl', 'parquet'])
  .meta({ id: 'SampleFormat', description: 'File format of an uploaded sample.' });
export type SampleFormat = z.infer<typeof sampleFormatSchema>;

export const profiledTypeSchema = z
  .enum(['integer', 'decimal', 'boolean', 'category', 'date', 'datetime', 'text', 'identifier'])
  .meta({ id: 'ProfiledType', description: 'What a sample column holds, as profiling sees it.' });
export type ProfiledType = z.infer<typeof profiledTypeSchema>;

export const personalDataKindSchema = z
  .enum([
    'first_name',
    'last_name',
    'full_name',
    'email',
    'phone',
    'street_address',
    'full_address',
    'postcode',
    'ip_address',
    'iban',
    'card_number',
    'national_id',
    'birth_date',
    'identifier',
  ])
  .meta({ id: 'PersonalDataKind', description: 'Kind of personal data a column likely holds.' });
export type PersonalDataKind = z.infer<typeof personalDataKindSchema>;

export const sampleColumnProfileSchema = z
  .object({
    name: z.string().describe('Column name in the sample.'),
    type: profiledTypeSchema,
    nullShare: z.number().min(0).max(1).describe('Share of empty values.'),
    distinct: z.int().min(0).describe('Distinct non-empty values (approximate on large samples).'),
    min: z.string().nullable().describe('Smallest value (numbers, dates), as text.'),
    max: z.string().nullable().describe('Largest value (numbers, dates), as text.'),
    examples: z
      .array(z.string())
      .max(5)
      .describe('A few values; masked (e.g. j•••@•••.com) for personal data.'),
    personalData: personalDataKindSchema
      .nullable()
      .describe('Likely personal data, from the name and the values; null when none is suspected.'),
    confidence: z.number().min(0).max(1).describe('How sure the type and personal-data guesses are.'),
    suggested: fieldSpecSchema.describe(
      'The field the schema builder starts from: `learned` for ordinary columns, a generated type (email, full_name…) for personal data and identifiers, so no personal value is ever copied.',
    ),
  })
  .meta({ id: 'SampleColumnProfile' });
export type SampleColumnProfile = z.infer<typeof sampleColumnProfileSchema>;

export const sampleProfileSchema = z
  .object({
    format: sampleFormatSchema,
    rows: z.int().min(0).describe('Rows in the sample.'),
    columns: z.array(sampleColumnProfileSchema),
  })
  .meta({
    id: 'SampleProfile',
    description: 'Columns of a sample with their types and likely personal data.',
  });
export type SampleProfile = z.infer<typeof sampleProfileSchema>;

/**
 * The configuration of a synthetic twin of a profiled sample: one table that learns every ordinary
 * column and generates personal data and identifiers, as each column's `suggested` field says. The
 * web app's "Create synthetic twin", the fit-sample command and the fidelity benchmark all start here.
 */
export function twinConfig(
  profile: SampleProfile,
  options: { table: string; sampleId: string; quality?: SampleQuality; rows?: number },
): GeneratorConfig {
  return {
    tables: [
      {
        name: options.table,
        ...(options.rows === undefined ? {} : { rows: options.rows }),
        sample: { id: options.sampleId, quality: options.quality ?? 'balanced' },
        fields: profile.columns.map((c) => c.suggested),
      },
    ],
  };
}

/** A table name from a file name: `Seattle Weather (2012).csv` → `seattle_weather_2012`. */
export function tableNameOf(fileName: string): string {
  const words = identifierWords(fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''));
  if (!words) return 'sample';
  const name = /^[a-z_]/.test(words) ? words : `t_${words}`;
  return name.slice(0, 63);
}
