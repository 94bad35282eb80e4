import { fieldTypeCatalog, type SampleQuality, validateGeneratorConfig } from '@synoptic/contract';

/**
 * The builder edits the configuration as plain JSON, so anything the JSON view holds (options
 * the builder has no input for, sequences, countries) survives a round trip through the builder.
 */
export type FieldDraft = { name: string; type: string; nullPercent?: number; unique?: boolean } & Record<
  string,
  unknown
>;
export type CardinalityDraft =
  | { distribution: 'fixed'; count: number }
  | { distribution: 'uniform'; min: number; max: number }
  | { distribution: 'poisson'; mean: number; min?: number; max?: number };
export type TableDraft = {
  name: string;
  rows?: number;
  parent?: { table: string; count: CardinalityDraft };
  sample?: { id: string; quality?: SampleQuality };
  fields: FieldDraft[];
} & Record<string, unknown>;
export type ConfigDraft = { tables: TableDraft[] } & Record<string, unknown>;

/** Validation problems by path (`tables[0].fields[2].min`), as `validateGeneratorConfig` reports them. */
export type ErrorMap = Map<string, string>;

export function validateDraft(config: unknown): ErrorMap {
  const result = validateGeneratorConfig(config);
  const errors: ErrorMap = new Map();
  if (!result.ok)
    for (const error of result.errors) if (!errors.has(error.path)) errors.set(error.path, error.message);
  return errors;
}

/** Problems at `prefix` itself or below it that no more specific input shows. */
export function errorsUnder(errors: ErrorMap, prefix: string, shown: string[] = []): string[] {
  const out: string[] = [];
  for (const [path, message] of errors) {
    if (shown.includes(path)) continue;
    if (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)) out.push(message);
  }
  return out;
}

export const catalogById = new Map(fieldTypeCatalog.map((entry) => [entry.id, entry]));

/** Field types that can be the target of a reference (see docs/schema.md, Relations). */
const alwaysKeyTypes = new Set(['sequence', 'uuid', 'ulid', 'nanoid']);
export function isKeyField(field: FieldDraft): boolean {
  if (alwaysKeyTypes.has(field.type)) return !field.nullPercent;
  return field.unique === true && !field.nullPercent && catalogById.get(field.type)?.supportsUnique === true;
}

/** A name not yet used in `taken`: `field_3`, `table_2`. */
export function freshName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = i === 1 && !lower.has(base) ? base : `${base}_${i}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** What a new field of `type` starts with: its required options filled with sensible values. */
export function newField(type: string, name: string, config: ConfigDraft, tableIndex: number): FieldDraft {
  const field: FieldDraft = { name, type };
  switch (type) {
    case 'categorical':
      field.values = ['a', 'b', 'c'];
      break;
    case 'pattern':
      field.pattern = '[A-Z]{3}-\\d{4}';
      break;
    case 'constant':
      field.value = 'x';
      break;
    case 'template':
      field.template = '{{first_name | lower}}';
      break;
    case 'expression':
      field.expression = '1 + 1';
      break;
    case 'reference': {
      const target = config.tables.find((_table, index) => index !== tableIndex) ?? config.tables[tableIndex];
      const key = target?.fields.find(isKeyField);
      field.table = target?.name ?? '';
      field.field = key?.name ?? '';
      break;
    }
  }
  return field;
}

export function emptyConfig(): ConfigDraft {
  return {
    tables: [
      {
        name: 'table_1',
        rows: 1000,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'name', type: 'full_name' },
        ],
      },
    ],
  };
}

/** Immutable edits, so the preview and the JSON view follow each one. */
export function updateTable(config: ConfigDraft, index: number, table: TableDraft): ConfigDraft {
  const tables = config.tables.slice();
  const previous = tables[index];
  tables[index] = table;
  // A rename carries references and parents along, as a person would expect.
  if (previous && previous.name !== table.name) {
    for (let i = 0; i < tables.length; i++) {
      const other = tables[i];
      if (!other) continue;
      let changed = other;
      if (other.parent?.table === previous.name)
        changed = { ...changed, parent: { ...other.parent, table: table.name } };
      if (other.fields.some((field) => field.type === 'reference' && field.table === previous.name))
        changed = {
          ...changed,
          fields: changed.fields.map((field) =>
            field.type === 'reference' && field.table === previous.name
              ? { ...field, table: table.name }
              : field,
          ),
        };
      tables[i] = changed;
    }
  }
  return { ...config, tables };
}

export function updateField(config: ConfigDraft, tableIndex: number, fieldIndex: number, field: FieldDraft) {
  const table = config.tables[tableIndex];
  if (!table) return config;
  const fields = table.fields.slice();
  fields[fieldIndex] = field;
  return updateTable(config, tableIndex, { ...table, fields });
}
