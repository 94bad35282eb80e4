import { z } from 'zod';
import { type FieldFamily, fieldTypeInfos } from './generator-config.fields.ts';

export type FieldTypeOption = {
  name: string;
  required: boolean;
  description: string;
  /** JSON Schema of the option's value. */
  schema: Record<string, unknown>;
};

export type FieldTypeCatalogEntry = {
  id: string;
  family: FieldFamily;
  label: string;
  description: string;
  example: string;
  /** Whether `unique: true` is possible for this type (subject to the value space). */
  supportsUnique: boolean;
  options: FieldTypeOption[];
};

const COMMON_KEYS = new Set(['type', 'name', 'description', 'nullPercent', 'unique', 'locale', 'entity']);

/** Types whose uniqueness the engine can guarantee (see uniqueValueSpace). */
export const uniqueCapableTypes: ReadonlySet<string> = new Set([
  'sequence',
  'uuid',
  'ulid',
  'nanoid',
  'email',
  'username',
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
  'constant',
  'boolean',
  'ipv4',
  'ipv6',
  'mac_address',
  'port',
  'credit_card_number',
  'iban',
  'account_number',
  'ean13',
  'cvv',
]);

function options(schema: z.ZodObject): FieldTypeOption[] {
  const out: FieldTypeOption[] = [];
  for (const [name, value] of Object.entries(schema.shape)) {
    if (COMMON_KEYS.has(name)) continue;
    const option = value as z.ZodType;
    const json = z.toJSONSchema(option, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
    delete json.$schema;
    out.push({
      name,
      required: !option.safeParse(undefined).success,
      description: option.description ?? (typeof json.description === 'string' ? json.description : ''),
      schema: json,
    });
  }
  return out;
}

/** Every field type with its family, label, description and options: the web app's type picker. */
export const fieldTypeCatalog: FieldTypeCatalogEntry[] = fieldTypeInfos.map((info) => ({
  id: info.id,
  family: info.family,
  label: info.label,
  description: info.description,
  example: info.example,
  supportsUnique: uniqueCapableTypes.has(info.id),
  options: options(info.schema),
}));
