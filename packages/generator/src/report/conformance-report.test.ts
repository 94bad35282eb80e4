import {
  type ConformanceReport,
  conformanceReportSchema,
  type FieldSpec,
  type GeneratorConfig,
  type TableSpec,
} from '@synoptic/contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { config, tableRows } from '../../test/helpers.ts';
import type { DataColumn, DataTable } from '../tabular/data-table.ts';
import { conformanceReport } from './index.ts';
import { booleanColumn, dateColumn, numberColumn, tableOf, textColumn } from './table-fixtures.ts';

const customerFields: FieldSpec[] = [
  { name: 'id', type: 'sequence' },
  { name: 'age', type: 'integer', min: 18, max: 90, distribution: { type: 'normal', mean: 45, stddev: 15 } },
  { name: 'score', type: 'decimal', min: 0, max: 1, precision: 3 },
  { name: 'spend', type: 'amount' },
  { name: 'wait', type: 'decimal', min: 0, distribution: { type: 'exponential', rate: 0.5 } },
  { name: 'joined', type: 'date', min: '2021-01-01', max: '2021-12-31' },
  {
    name: 'last_seen',
    type: 'datetime',
    min: '2024-01-01',
    max: '2024-03-01T00:00:00Z',
    distribution: { type: 'exponential', meanDays: 10 },
  },
  { name: 'tier', type: 'categorical', values: ['gold', 'silver', 'bronze'], weights: [1, 3, 6] },
  { name: 'active', type: 'boolean', probability: 0.8, nullPercent: 10 },
  { name: 'code', type: 'integer', min: 1000, max: 999_999, unique: true },
  { name: 'year', type: 'year', min: 1990, max: 2000 },
  { name: 'opens', type: 'time', min: '08:00', max: '18:00' },
  { name: 'email', type: 'email' },
];
const orderFields: FieldSpec[] = [
  { name: 'id', type: 'uuid' },
  { name: 'customer_id', type: 'reference', table: 'customers', field: 'id' },
  { name: 'quantity', type: 'integer', min: 1, max: 20, distribution: { type: 'poisson', mean: 3 } },
];

function jobConfig(customers: number): GeneratorConfig {
  return config({
    tables: [
      { name: 'customers', rows: customers, fields: customerFields },
      { name: 'orders', rows: 3000, fields: orderFields },
    ],
  });
}

/** Engine output (JSON rows) as the DataTable the report stage reads: dates as epoch ms. */
function asDataTable(rows: Array<Record<string, unknown>>, fields: FieldSpec[]): DataTable {
  return tableOf(
    ...fields.map((f): DataColumn => {
      const values = rows.map((r) => r[f.name] ?? null);
      if (f.type === 'date' || f.type === 'datetime')
        return dateColumn(f.name, values as Array<string | null>, f.type);
      if (values.every((v) => v === null || typeof v === 'number'))
        return numberColumn(f.name, values as Array<number | null>);
      if (values.every((v) => v === null || typeof v === 'boolean'))
        return booleanColumn(f.name, values as Array<boolean | null>);
      return textColumn(
        f.name,
        values.map((v) => (v === null ? null : String(v))),
      );
    }),
  );
}

const tableSpec = (name: string, fields: FieldSpec[]): TableSpec => ({ name, rows: 1, fields });

function check(table: TableSpec, data: DataTable, parentKeys: Record<string, DataColumn | null> = {}) {
  return conformanceReportSchema.parse(conformanceReport({ table, data, parentKeys }));
}

const column = (r: ConformanceReport, name: string) => r.columns.find((c) => c.column === name)!;

let customers: DataTable;
let orders: DataTable;

beforeAll(async () => {
  const cfg = jobConfig(20_000);
  customers = asDataTable(await tableRows(cfg, 'conformance', 'customers'), customerFields);
  orders = asDataTable(await tableRows(cfg, 'conformance', 'orders'), orderFields);
});

describe('conformance report', () => {
  it("passes the engine's output against the schema it was generated from", () => {
    const r = check(tableSpec('customers', customerFields), customers);
    expect(r.rowsChecked).toBe(20_000);
    expect(r.columns.filter((c) => c.fit && !c.fit.passed)).toEqual([]);
    expect(r.passed).toBe(true);
    expect(r.columns.map((c) => [c.column, c.fit?.metric ?? null])).toEqual([
      ['id', null],
      ['age', 'KSComplement'],
      ['score', 'KSComplement'],
      ['spend', 'KSComplement'],
      ['wait', 'KSComplement'],
      ['joined', 'KSComplement'],
      ['last_seen', 'KSComplement'],
      ['tier', 'TVComplement'],
      ['active', 'TVComplement'],
      ['code', 'KSComplement'],
      ['year', 'KSComplement'],
      ['opens', 'KSComplement'],
      ['email', null],
    ]);
    for (const c of r.columns) if (c.fit) expect(c.fit.score, c.column).toBeGreaterThan(0.98);
    expect(column(r, 'id').uniqueness).toEqual({ duplicates: 0, passed: true });
    expect(column(r, 'code').uniqueness).toEqual({ duplicates: 0, passed: true });
    expect(column(r, 'age').uniqueness).toBeNull();
    expect(column(r, 'active').nulls.expected).toBe(0.1);
    expect(column(r, 'active').nulls.observed).toBeCloseTo(0.1, 1);
    expect(column(r, 'age').fit!.expected).toBe('normal (mean 45, sd 15) from 18 to 90');
    expect(column(r, 'tier').fit!.expected).toBe('gold 10%, silver 30%, bronze 60%');
  });

  it('fails fields whose output is not distributed as the schema asks', () => {
    const asked: FieldSpec[] = customerFields.map((f) => {
      switch (f.name) {
        case 'age':
          return { ...f, distribution: { type: 'normal', mean: 55, stddev: 15 } } as FieldSpec;
        case 'tier':
          return { ...f, weights: [6, 3, 1] } as FieldSpec;
        case 'active':
          return { ...f, probability: 0.5 } as FieldSpec;
        case 'joined':
          return { ...f, max: '2022-12-31' } as FieldSpec;
        default:
          return f;
      }
    });
    const r = check(tableSpec('customers', asked), customers);
    expect(r.passed).toBe(false);
    expect(r.columns.filter((c) => c.fit && !c.fit.passed).map((c) => c.column)).toEqual([
      'age',
      'joined',
      'tier',
      'active',
    ]);
    // the dates fill the first of the two years asked for: half the mass is missing
    expect(column(r, 'joined').fit!.score).toBeCloseTo(0.5, 1);
    // gold/silver/bronze .1/.3/.6 against .6/.3/.1
    expect(column(r, 'tier').fit!.score).toBeCloseTo(0.5, 1);
  });

  it('checks the share of empty cells against nullPercent', () => {
    const withoutNulls = customerFields.map((f) => (f.name === 'active' ? { ...f, nullPercent: 0 } : f));
    const r = check(tableSpec('customers', withoutNulls), customers);
    expect(column(r, 'active').nulls).toMatchObject({ expected: 0, passed: false });
    const twice = customerFields.map((f) => (f.name === 'active' ? { ...f, nullPercent: 20 } : f));
    expect(column(check(tableSpec('customers', twice), customers), 'active').nulls.passed).toBe(false);
  });

  it('counts duplicate keys', () => {
    const data = tableOf(
      numberColumn('id', [1, 2, 2, 3, 3, 3, null]),
      textColumn('ref', ['a', 'b', 'a', 'c', 'd', 'e', 'f']),
    );
    const r = check(
      tableSpec('t', [
        { name: 'id', type: 'sequence', nullPercent: 15 },
        { name: 'ref', type: 'pattern', pattern: '[a-f]', unique: true },
      ]),
      data,
    );
    expect(column(r, 'id').uniqueness).toEqual({ duplicates: 3, passed: false });
    expect(column(r, 'ref').uniqueness).toEqual({ duplicates: 1, passed: false });
    expect(r.passed).toBe(false);
  });

  it('finds references without a parent row, and skips parents too large to load', () => {
    const ids = customers.columns.find((c) => c.name === 'id')!;
    const table = tableSpec('orders', orderFields);
    const whole = check(table, orders, { 'customers.id': ids });
    expect(whole.keys).toEqual([
      { column: 'customer_id', references: 'customers.id', checked: 3000, orphans: 0, passed: true },
    ]);
    expect(whole.passed).toBe(true);
    // Poisson counts are only checked against their bounds
    expect(column(whole, 'quantity').fit).toMatchObject({ metric: 'RangeConformance', score: 1 });

    // the first 10,000 customers only: references to the others are orphans
    const firstHalf = numberColumn(
      'id',
      Array.from({ length: 10_000 }, (_, i) => i + 1),
    );
    const half = check(table, orders, { 'customers.id': firstHalf });
    expect(half.keys[0]!.orphans).toBeGreaterThan(1200);
    expect(half.keys[0]!.orphans).toBeLessThan(1800);
    expect(half.keys[0]!.passed).toBe(false);
    expect(half.passed).toBe(false);

    expect(check(table, orders, { 'customers.id': null }).keys).toEqual([]);
  });

  it('matches text keys against number keys by their text', () => {
    const data = tableOf(textColumn('parent', ['1', '2', '7']));
    const r = check(tableSpec('t', [{ name: 'parent', type: 'reference', table: 'p', field: 'id' }]), data, {
      'p.id': numberColumn('id', [1, 2, 3]),
    });
    expect(r.keys[0]).toMatchObject({ checked: 3, orphans: 1 });
  });

  it('scores a perfectly even die as 1 and gives a 50-row table the leeway of its size', async () => {
    const die = tableOf(numberColumn('d', [1, 2, 3, 4, 5, 6, 6, 5, 4, 3, 2, 1]));
    const r = check(tableSpec('t', [{ name: 'd', type: 'integer', min: 1, max: 6 }]), die);
    expect(column(r, 'd').fit).toMatchObject({
      metric: 'KSComplement',
      expected: 'uniform from 1 to 6',
      score: 1,
    });

    const small = config({ tables: [{ name: 'customers', rows: 50, fields: customerFields }] });
    const data = asDataTable(await tableRows(small, 'small', 'customers'), customerFields);
    expect(check(tableSpec('customers', customerFields), data).passed).toBe(true);
  });

  it('leaves learned fields to the quality report', () => {
    const data = tableOf(numberColumn('n', [1, 2, 3]), numberColumn('learned_x', [1, 1, 1]));
    const r = check(
      {
        name: 't',
        sample: { id: '0190b6c4-0000-7000-8000-000000000000' },
        fields: [
          { name: 'n', type: 'integer', min: 1, max: 3 },
          { name: 'learned_x', type: 'learned' },
        ],
      },
      data,
    );
    expect(r.columns.map((c) => c.column)).toEqual(['n']);
  });
});
