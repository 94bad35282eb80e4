import { z } from 'zod';
import {
  countryCodeSchema,
  fieldSpecSchema,
  identifierSchema,
  localeSchema,
} from './generator-config.fields.ts';

// The job configuration language: what the api validates, the engine implements and openapi.yaml
// shows. Only JSON-Schema-convertible zod is used here; semantic checks (references exist,
// uniqueness is possible, expressions parse) are in validateGeneratorConfig.

export const durationSchema = z
  .string()
  .regex(/^\d+(\.\d+)?(ms|s|m|h|d|w)$/, 'expected a duration such as 500ms, 30s, 15m, 2h, 1d or 1w')
  .meta({ id: 'Duration', description: 'A length of time: a number and a unit (ms, s, m, h, d, w).' });

export const cardinalitySchema = z
  .discriminatedUnion('distribution', [
    z
      .strictObject({
        distribution: z.literal('fixed'),
        count: z.int().min(0).max(10_000_000).describe('Children of every parent row.'),
      })
      .describe('The same number of children for every parent.'),
    z
      .strictObject({
        distribution: z.literal('uniform'),
        min: z.int().min(0).max(10_000_000).describe('Fewest children.'),
        max: z.int().min(0).max(10_000_000).describe('Most children.'),
      })
      .describe('Any count from min to max, equally likely.'),
    z
      .strictObject({
        distribution: z.literal('poisson'),
        mean: z.number().positive().max(1_000_000).describe('Average number of children.'),
        min: z.int().min(0).optional().describe('Fewest children (counts below are raised).'),
        max: z.int().min(0).optional().describe('Most children (counts above are capped).'),
      })
      .describe('Poisson counts around a mean, optionally bounded.'),
  ])
  .meta({ id: 'Cardinality', description: 'How many child rows each parent row has.' });
export type Cardinality = z.infer<typeof cardinalitySchema>;

export const parentSpecSchema = z
  .strictObject({
    table: identifierSchema.describe('The parent table; each of its rows gets `count` rows here.'),
    count: cardinalitySchema,
  })
  .meta({
    id: 'ParentSpec',
    description: 'Makes this a child table: its rows are generated per parent row.',
  });
export type ParentSpec = z.infer<typeof parentSpecSchema>;

export const sequenceSpecSchema = z
  .strictObject({
    start: z
      .union([z.iso.date(), z.iso.datetime({ offset: true })])
      .describe('Time of the first event of every series.'),
    startJitter: durationSchema
      .optional()
      .describe('Shift each series’ start by a random amount up to this.'),
    interval: z
      .discriminatedUnion('type', [
        z
          .strictObject({
            type: z.literal('regular'),
            every: durationSchema.describe('Time between events.'),
            jitter: z
              .number()
              .min(0)
              .max(0.45)
              .optional()
              .describe('Random displacement of each event, as a share of the interval.'),
          })
          .describe('Events on a regular clock.'),
        z
          .strictObject({
            type: z.literal('random'),
            mean: durationSchema.describe('Average time between events (a Poisson process).'),
          })
          .describe('Events at random times.'),
      ])
      .describe('Spacing of events.'),
    gaps: z
      .strictObject({
        rate: z.number().min(0).max(0.5).describe('Chance that an outage precedes an event.'),
        meanLength: z
          .number()
          .min(1)
          .max(10_000)
          .optional()
          .describe('Average missed intervals per outage (default 5).'),
      })
      .optional()
      .describe('Outages: stretches of time with no events.'),
  })
  .meta({
    id: 'SequenceSpec',
    description:
      'Makes the table a time series: ordered events per parent row (or one series for a root table).',
  });
export type SequenceSpec = z.infer<typeof sequenceSpecSchema>;

export const sampleQualitySchema = z.enum(['fast', 'balanced', 'high']).meta({
  id: 'SampleQuality',
  description:
    'How a table learns from its sample: fast (each column on its own), balanced (a Gaussian copula over all learned columns) or high (a copula for each value of the strongest categorical column).',
});
export type SampleQuality = z.infer<typeof sampleQualitySchema>;

export const tableSampleSchema = z
  .strictObject({
    id: z.uuid().describe('An uploaded sample of the project (see /samples).'),
    quality: sampleQualitySchema.optional().describe('Default balanced.'),
  })
  .meta({
    id: 'TableSample',
    description:
      'Makes the table a synthetic twin of an uploaded sample: its `learned` fields are fitted to the sample; other fields follow their rules.',
  });
export type TableSample = z.infer<typeof tableSampleSchema>;

export const tableSpecSchema = z
  .strictObject({
    name: identifierSchema.describe('Table name; also the output file name.'),
    description: z.string().max(1000).optional().describe('Free text; not used by the engine.'),
    rows: z
      .int()
      .min(0)
      .max(100_000_000_000)
      .optional()
      .describe(
        'Row count of a root table (one without parent). For a root sequence, the series length. A table with a sample defaults to the sample’s row count.',
      ),
    parent: parentSpecSchema.optional(),
    sample: tableSampleSchema.optional(),
    sequence: sequenceSpecSchema.optional(),
    locale: localeSchema.optional().describe('Default locale of the table’s fields.'),
    countries: z
      .array(
        z.union([
          countryCodeSchema,
          z.strictObject({ code: countryCodeSchema, weight: z.number().min(0).describe('Relative weight.') }),
        ]),
      )
      .min(1)
      .max(20)
      .optional()
      .describe('Countries of addresses (and so phones, currencies, IBANs); default the locale’s country.'),
    fields: z.array(fieldSpecSchema).min(1).max(500).describe('The columns, in output order.'),
  })
  .meta({ id: 'TableSpec', description: 'A table: a row count (or a parent and a cardinality) and fields.' });
export type TableSpec = z.infer<typeof tableSpecSchema>;

export const generatorConfigSchema = z
  .strictObject({
    version: z.literal(1).optional().describe('Version of the configuration language (1).'),
    locale: localeSchema.optional().describe('Default locale (default en).'),
    referenceDate: z.iso
      .date()
      .optional()
      .describe(
        'The dataset’s "today": ages, card expiries and default ranges are relative to it (default 2025-01-01).',
      ),
    tables: z.array(tableSpecSchema).min(1).max(100).describe('One or more tables.'),
  })
  .meta({ id: 'GeneratorConfig', description: 'What to generate: tables, their fields and relations.' });
export type GeneratorConfig = z.infer<typeof generatorConfigSchema>;

export const outputFormatSchema = z
  .enum(['csv', 'jsonl', 'parquet', 'sql'])
  .meta({ id: 'OutputFormat', description: 'File format of the generated parts.' });
export type OutputFormat = z.infer<typeof outputFormatSchema>;

export const csvOptionsSchema = z
  .strictObject({
    delimiter: z
      .string()
      .regex(/^[^"\r\n]$/, 'expected one character other than a quote or a line break')
      .optional()
      .describe('Field separator (default ",").'),
    escapeFormulas: z
      .boolean()
      .optional()
      .describe(
        'Prefix text cells starting with = + - @ tab or CR with a quote so spreadsheets do not run them.',
      ),
  })
  .meta({ id: 'CsvOptions', description: 'CSV dialect: RFC 4180 with a header row.' });
export type CsvOptions = z.infer<typeof csvOptionsSchema>;

export const outputSpecSchema = z
  .strictObject({ format: outputFormatSchema, csv: csvOptionsSchema.optional() })
  .meta({ id: 'OutputSpec', description: 'Output format and its options.' });
export type OutputSpec = z.infer<typeof outputSpecSchema>;

export * from './generator-config.catalog.ts';
export * from './generator-config.expression.ts';
export * from './generator-config.fields.ts';
export * from './generator-config.pattern.ts';
export * from './generator-config.validate.ts';
