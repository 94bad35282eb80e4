import {
  identifierWords,
  type SampleColumnProfile,
  type SampleProfile,
  type SampleQuality,
} from '@synoptic/contract';
import type { ConfigDraft, ErrorMap, FieldDraft, TableDraft } from './schema-model';

/** The samples a builder can offer and the profiles of those its tables use, by sample id. */
export type SampleChoices = {
  samples: { id: string; name: string; status: string; rows: number | null }[];
  profiles: Map<string, SampleProfile>;
};

export const noSamples: SampleChoices = { samples: [], profiles: new Map() };

export const qualityLevels: { value: SampleQuality; label: string; description: string }[] = [
  {
    value: 'fast',
    label: 'Fast',
    description: 'Each column on its own: right shapes, no relations between columns.',
  },
  {
    value: 'balanced',
    label: 'Balanced',
    description: 'Keeps how columns move together (a Gaussian copula over the learned columns).',
  },
  {
    value: 'high',
    label: 'High',
    description: 'Balanced, fitted separately for each value of the strongest category column.',
  },
];

/**
 * The sample column a field maps to: for a learned field exactly its `column` (default its name), as
 * the engine reads it; for a generated one the column named like it, to show what it replaces.
 */
export function profileColumnOf(
  field: FieldDraft,
  profile: SampleProfile | undefined,
): SampleColumnProfile | undefined {
  if (!profile) return undefined;
  if (field.type !== 'learned') return columnLike(field.name, profile);
  const wanted = typeof field.column === 'string' ? field.column : field.name;
  return profile.columns.find((column) => column.name === wanted);
}

// Suggested fields carry identifier names ("First Name" → first_name), so those match too.
function columnLike(name: string, profile: SampleProfile): SampleColumnProfile | undefined {
  const exact = profile.columns.find((column) => column.name === name);
  if (exact) return exact;
  const key = identifierWords(name);
  return profile.columns.find((column) => identifierWords(column.name) === key);
}

/** A learned field for `name`, naming its sample column when the field name alone would not find it. */
export function learnedField(name: string, profile: SampleProfile | undefined): FieldDraft {
  const field: FieldDraft = { name, type: 'learned' };
  const column = profile ? columnLike(name, profile) : undefined;
  if (column && column.name !== name) field.column = column.name;
  return field;
}

/**
 * A personal-data column the field would learn (and so could reproduce), with the generated field
 * the profile suggests instead; undefined when the field is generated or the column is not personal.
 */
export function personalDataRisk(
  field: FieldDraft,
  profile: SampleProfile | undefined,
): { column: SampleColumnProfile; suggested: FieldDraft | undefined } | undefined {
  if (field.type !== 'learned') return undefined;
  const column = profileColumnOf(field, profile);
  if (!column?.personalData) return undefined;
  const suggested =
    column.suggested.type === 'learned'
      ? undefined
      : ({ ...column.suggested, name: field.name } as FieldDraft);
  return { column, suggested };
}

/** The table's sample, unless the JSON view holds something else there. */
export function sampleOf(table: TableDraft): TableDraft['sample'] {
  return typeof table.sample?.id === 'string' ? table.sample : undefined;
}

/** The distinct samples the configuration's tables learn from. */
export function sampleIdsOf(config: ConfigDraft): string[] {
  const ids = new Set<string>();
  for (const table of config.tables) {
    const sample = sampleOf(table);
    if (sample) ids.add(sample.id);
  }
  return [...ids];
}

/**
 * What the configuration language cannot check alone: that a learned field's column is in its
 * table's sample. Checked once the sample's profile is known.
 */
export function sampleProblems(config: ConfigDraft, profiles: Map<string, SampleProfile>): ErrorMap {
  const errors: ErrorMap = new Map();
  config.tables.forEach((table, tableIndex) => {
    const sample = sampleOf(table);
    const profile = sample ? profiles.get(sample.id) : undefined;
    if (!profile) return;
    table.fields.forEach((field, fieldIndex) => {
      if (field.type !== 'learned' || profileColumnOf(field, profile)) return;
      const wanted = typeof field.column === 'string' ? field.column : field.name;
      errors.set(
        `tables[${tableIndex}].fields[${fieldIndex}].column`,
        `The sample has no column “${wanted}”.`,
      );
    });
  });
  return errors;
}
