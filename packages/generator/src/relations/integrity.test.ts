import { describe, expect, it } from 'vitest';
import { config, tableRows } from '../../test/helpers.ts';
import { GenerationError, planJob } from '../index.ts';

describe('uniqueness', () => {
  it('keeps unique fields distinct on a large run, by construction', async () => {
    const cfg = config({
      tables: [
        {
          name: 't',
          rows: 120_000,
          fields: [
            { name: 'n', type: 'integer', min: 1, max: 120_000, unique: true },
            { name: 'code', type: 'pattern', pattern: '[A-Z]{2}-\\d{4}', unique: true },
            { name: 'email', type: 'email', unique: true },
            { name: 'user', type: 'username', unique: true },
            { name: 'id', type: 'uuid', version: 7 },
            { name: 'ulid', type: 'ulid' },
            { name: 'ip', type: 'ipv4', cidr: '10.0.0.0/12', unique: true },
            { name: 'day', type: 'datetime', unique: true },
            { name: 'card', type: 'credit_card_number', unique: true },
          ],
        },
      ],
    });
    const rows = await tableRows(cfg, 'u', 't', { shardRows: 4096 * 10 });
    for (const k of ['n', 'code', 'email', 'user', 'id', 'ulid', 'ip', 'day', 'card']) {
      expect(new Set(rows.map((r) => r[k])).size, k).toBe(rows.length);
    }
    // a full permutation: every integer of the range appears exactly once
    expect(rows.map((r) => r.n as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 120_000 }, (_, i) => i + 1),
    );
    expect(rows.every((r) => /^[A-Z]{2}-\d{4}$/.test(String(r.code)))).toBe(true);
    expect(
      rows.every((r) =>
        /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(String(r.id)),
      ),
    ).toBe(true);
  });

  it('refuses at planning time a unique field that cannot cover the rows of a child table', () => {
    const cfg = config({
      tables: [
        { name: 'p', rows: 1000, fields: [{ name: 'id', type: 'sequence' }] },
        {
          name: 'c',
          parent: { table: 'p', count: { distribution: 'poisson', mean: 3 } },
          fields: [{ name: 'code', type: 'pattern', pattern: '\\d{3}', unique: true }],
        },
      ],
    });
    expect(() => planJob(cfg, { seed: 1 })).toThrow(GenerationError);
    expect(() => planJob(cfg, { seed: 1 })).toThrow(
      /only 1000 distinct values are possible but the table has \d+ rows/,
    );
  });
});

describe('relations', () => {
  const cfg = config({
    tables: [
      {
        name: 'customers',
        rows: 30_000,
        fields: [
          { name: 'id', type: 'uuid' },
          { name: 'name', type: 'full_name' },
        ],
      },
      {
        name: 'products',
        rows: 5000,
        fields: [
          { name: 'sku', type: 'sku', unique: true },
          { name: 'price', type: 'price' },
        ],
      },
      {
        name: 'orders',
        parent: { table: 'customers', count: { distribution: 'poisson', mean: 2, max: 5 } },
        fields: [
          { name: 'id', type: 'sequence', prefix: 'ORD-', padding: 7 },
          { name: 'customer_id', type: 'reference', table: 'customers', field: 'id' },
        ],
      },
      {
        name: 'order_items',
        parent: { table: 'orders', count: { distribution: 'uniform', min: 1, max: 4 } },
        fields: [
          { name: 'order_id', type: 'reference', table: 'orders', field: 'id' },
          { name: 'sku', type: 'reference', table: 'products', field: 'sku', skew: 1.5 },
          { name: 'line', type: 'integer', min: 1, max: 9 },
        ],
      },
    ],
  });

  const data = new Map<string, Promise<Array<Record<string, unknown>>>>();
  const rows = (table: string) => {
    if (!data.has(table)) data.set(table, tableRows(cfg, 'fk', table, { shardRows: 4096 * 4 }));
    return data.get(table)!;
  };

  it('keeps every foreign key pointing at an existing row, with several parents per table', async () => {
    const customers = await rows('customers');
    const products = await rows('products');
    const orders = await rows('orders');
    const items = await rows('order_items');
    const customerIds = new Set(customers.map((c) => c.id));
    const orderIds = new Set(orders.map((o) => o.id));
    const skus = new Set(products.map((p) => p.sku));
    expect(orderIds.size).toBe(orders.length);
    expect(orders.every((o) => customerIds.has(o.customer_id))).toBe(true);
    expect(items.every((i) => orderIds.has(i.order_id) && skus.has(i.sku))).toBe(true);
    expect(items.length).toBeGreaterThan(orders.length);
  });

  it('gives each parent a count that follows the cardinality', async () => {
    const orders = await rows('orders');
    const perCustomer = new Map<unknown, number>();
    for (const o of orders) perCustomer.set(o.customer_id, (perCustomer.get(o.customer_id) ?? 0) + 1);
    const counts = [...perCustomer.values()];
    expect(Math.max(...counts)).toBeLessThanOrEqual(5);
    // Poisson(2) capped at 5: mean ≈ 1.98, and e^-2 ≈ 13.5 % of customers have no order
    expect(orders.length / 30_000).toBeGreaterThan(1.9);
    expect(orders.length / 30_000).toBeLessThan(2.05);
    expect(Math.abs(1 - perCustomer.size / 30_000 - Math.exp(-2))).toBeLessThan(0.01);
    // children of one parent are contiguous and ids are global and contiguous
    expect(orders.map((o) => o.id)).toEqual(orders.map((_, i) => `ORD-${String(i + 1).padStart(7, '0')}`));
  });

  it('skews random references towards popular rows', async () => {
    const items = await rows('order_items');
    const products = await rows('products');
    const rank = new Map(products.map((p, i) => [p.sku, i]));
    const firstTenth = items.filter((i) => (rank.get(i.sku) ?? 0) < 500).length / items.length;
    expect(firstTenth).toBeGreaterThan(0.3);
  });
});
