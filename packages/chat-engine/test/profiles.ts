import type { ColumnKind, ColumnProfile, TableProfile } from '../src/types.ts';

// Hand-written profiles for tests that only look at the planned SQL.

export function col(name: string, kind: ColumnKind, categories?: string[]): ColumnProfile {
  const sqlType = {
    integer: 'BIGINT',
    decimal: 'DOUBLE',
    boolean: 'BOOLEAN',
    text: 'VARCHAR',
    date: 'DATE',
    timestamp: 'TIMESTAMP',
    other: 'UUID',
  }[kind];
  return {
    name,
    kind,
    sqlType,
    examples: categories?.slice(0, 3) ?? [],
    ...(categories ? { categories } : {}),
  };
}

export const shopProfile: TableProfile[] = [
  {
    name: 'customers',
    rows: 1000,
    columns: [
      col('id', 'integer'),
      col('name', 'text'),
      col('email', 'text'),
      col('age', 'integer'),
      col('city', 'text', ['Berlin', 'Hamburg', 'New York', 'Paris']),
      col('country', 'text', ['DE', 'FR', 'US', 'IN']),
      col('signup_date', 'date'),
      col('vip', 'boolean'),
      col('income', 'decimal'),
    ],
  },
  {
    name: 'orders',
    rows: 3000,
    columns: [
      col('id', 'text'),
      col('customer_id', 'integer'),
      col('ordered_at', 'timestamp'),
      col('quantity', 'integer'),
      col('unit_price', 'decimal'),
      col('total', 'decimal'),
      col('status', 'text', ['paid', 'refunded', 'shipped']),
    ],
  },
];

export const patientsProfile: TableProfile[] = [
  {
    name: 'patients',
    rows: 500,
    columns: [
      col('id', 'other'),
      col('full_name', 'text'),
      col('birth_date', 'date'),
      col('blood_type', 'text', ['A+', 'A-', 'AB+', 'B+', 'O+', 'O-']),
      col('status', 'text', ['active', 'inactive']),
      // too many cities to list: no categories
      col('city', 'text'),
    ],
  },
];
