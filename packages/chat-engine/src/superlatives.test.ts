import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { col } from '../test/profiles.ts';
import { openShop, orders, type Shop } from '../test/shop.fixture.ts';
import { createBuiltInEngine, planQuestion } from './built-in.engine.ts';
import { graded } from './superlatives.ts';
import type { TableProfile } from './types.ts';

const engine = createBuiltInEngine();
let shop: Shop;

beforeAll(async () => {
  shop = await openShop((q, d, h) => engine.plan(q, d, h));
});
afterAll(() => shop.close());

function tally<T>(rows: T[], key: (r: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
  return out;
}

describe('graded adjectives', () => {
  it('reads comparatives and superlatives from their base', () => {
    expect(graded('busiest')).toMatchObject({ base: 'busy', degree: 'superlative', dir: 'high' });
    expect(graded('busiest')?.scale).toEqual({ kind: 'count' });
    expect(graded('costliest')).toMatchObject({ base: 'costly', scale: { concept: 'money' } });
    expect(graded('priciest')).toMatchObject({ dir: 'high', scale: { concept: 'money' } });
    expect(graded('hottest')).toMatchObject({ base: 'hot', scale: { concept: 'temperature' } });
    expect(graded('chillier')).toMatchObject({ degree: 'comparative', dir: 'low' });
    expect(graded('largest')).toMatchObject({ base: 'large', scale: { kind: 'magnitude' } });
    expect(graded('quietest')).toMatchObject({ dir: 'low', scale: { kind: 'count' } });
    expect(graded('wealthiest')).toMatchObject({ scale: { concept: 'income' } });
    // words that only look inflected
    for (const w of ['order', 'customer', 'number', 'interest', 'quarter', 'west'])
      expect(graded(w)).toBeUndefined();
  });
});

describe('superlatives that imply a measure', () => {
  it('ranks by how many rows for "busiest", "quietest", "most popular"', async () => {
    const byMonth = tally(orders, (o) => `${o.ordered_at.slice(0, 7)}-01`);
    const best = Math.max(...byMonth.values());
    const busiest = await shop.ask('which month was the busiest?');
    expect(busiest.rows).toEqual([{ month: [...byMonth].find(([, n]) => n === best)![0], count: best }]);
    const quiet = await shop.ask('the quietest status');
    const byStatus = tally(orders, (o) => o.status);
    expect(quiet.rows).toEqual([{ status: 'refunded', count: Math.min(...byStatus.values()) }]);
    const crowded = await shop.ask('which status is the least crowded?');
    expect(crowded.rows[0]!.status).toBe('refunded');
  });

  it('ranks a table by the rows of its only child table ("the busiest customer")', async () => {
    const { plan, rows } = await shop.ask('the busiest customer');
    expect(plan.sql).toContain('GROUP BY "customer_id"');
    const byCustomer = tally(orders, (o) => String(o.customer_id));
    expect(rows[0]!.count).toBe(Math.max(...byCustomer.values()));
  });

  it('ranks by the column an adjective grades, in any degree', async () => {
    const { rows } = await shop.ask('costliest order');
    expect(rows[0]!.total).toBe(Math.max(...orders.map((o) => o.total)));
    const cheaper = await shop.ask('orders cheaper than 20');
    expect(cheaper.rows.map((r) => r.id)).toEqual(orders.filter((o) => o.total < 20).map((o) => o.id));
  });

  it('averages a child column for "N <adjective>-est <entities> on average"', async () => {
    const { plan, rows } = await shop.ask('the 2 priciest customers on average');
    expect(plan.sql).toContain('avg("total")');
    const totals = new Map<number, number[]>();
    for (const o of orders) totals.set(o.customer_id, [...(totals.get(o.customer_id) ?? []), o.total]);
    const means = [...totals]
      .map(([id, ts]) => [id, ts.reduce((a, b) => a + b, 0) / ts.length] as const)
      .sort((a, b) => b[1] - a[1]);
    expect(rows.map((r) => r.customer_id)).toEqual(means.slice(0, 2).map(([id]) => id));
    // by an average of the child's column, not its sum
    const avgBy = await shop.ask('top 3 customers by average order total');
    expect(avgBy.plan.sql).toContain('avg("total")');
  });

  it('reads "hottest"/"warmest" through a temperature column of a child table', () => {
    const iot: TableProfile[] = [
      { name: 'sensors', rows: 10, columns: [col('id', 'text'), col('city', 'text', ['Oslo', 'Rome'])] },
      {
        name: 'readings',
        rows: 900,
        columns: [col('sensor_id', 'text'), col('at', 'timestamp'), col('temperature', 'decimal')],
      },
    ];
    const plan = planQuestion('the 3 hottest sensors on average', iot);
    expect(plan.kind === 'sql' && plan.sql).toBe(
      'SELECT "sensor_id" AS "sensor_id", round(avg("temperature"), 2) AS "avg_temperature" FROM "readings" ' +
        'GROUP BY "sensor_id" ORDER BY "avg_temperature" DESC NULLS LAST, "sensor_id" ASC NULLS LAST LIMIT 3',
    );
    const busiest = planQuestion('busiest sensor', iot);
    expect(busiest.kind === 'sql' && busiest.sql).toMatch(/count\(\*\).*GROUP BY "sensor_id".*LIMIT 1$/);
  });
});
