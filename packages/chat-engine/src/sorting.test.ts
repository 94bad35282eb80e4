import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, openShop, orders, type Shop } from '../test/shop.fixture.ts';
import { createBuiltInEngine } from './built-in.engine.ts';

const engine = createBuiltInEngine();
let shop: Shop;

beforeAll(async () => {
  shop = await openShop((q, d, h) => engine.plan(q, d, h));
});
afterAll(() => shop.close());

describe('the order rows are listed in', () => {
  it('lists rows sorted by a column, ascending unless told otherwise', async () => {
    const ages = customers.map((c) => c.age).sort((a, b) => a - b);
    expect((await shop.ask('customers sorted by age')).rows.map((r) => r.age)).toEqual(ages);
    expect((await shop.ask('customers sorted by age descending')).rows.map((r) => r.age)).toEqual(
      [...ages].reverse(),
    );
    const { plan } = await shop.ask('customers ordered by income, lowest first');
    expect(plan.sql).toBe('SELECT * FROM "customers" ORDER BY "income" ASC NULLS LAST LIMIT 50');
  });

  it('sorts by a plain "by" when a direction is said, and keeps a number as the limit', async () => {
    const totals = orders.map((o) => o.total).sort((a, b) => b - a);
    expect((await shop.ask('list orders by total, highest first')).rows.map((r) => r.total)).toEqual(totals);
    expect((await shop.ask('show 3 orders sorted by total')).rows.map((r) => r.total)).toEqual(
      [...totals].reverse().slice(0, 3),
    );
  });

  it('lists groups in the order asked for', async () => {
    const { rows } = await shop.ask('number of orders by status, ascending');
    const counts = rows.map((r) => r.count as number);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(rows).toHaveLength(3);
  });

  it('lets a direction said in words override the one a ranking implies', async () => {
    const { rows } = await shop.ask('top 3 customers by income, ascending');
    expect(rows.map((r) => r.income)).toEqual(
      customers
        .map((c) => c.income)
        .sort((a, b) => a - b)
        .slice(0, 3),
    );
  });
});
