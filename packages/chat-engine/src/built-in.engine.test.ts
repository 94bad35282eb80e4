import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, openShop, orders, type Shop } from '../test/shop.fixture.ts';
import { createBuiltInEngine } from './built-in.engine.ts';
import type { ChatTurn } from './types.ts';

const engine = createBuiltInEngine();
let shop: Shop;

beforeAll(async () => {
  shop = await openShop((q, d, h) => engine.plan(q, d, h));
});
afterAll(() => shop.close());

function tally<T>(rows: T[], key: (r: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const byKey = (rows: Array<Record<string, unknown>>, key: string, value: string) =>
  Object.fromEntries(rows.map((r) => [String(r[key]), Number(r[value])]));
const customerById = new Map(customers.map((c) => [c.id, c]));

describe('counts', () => {
  it('counts the rows of a table', async () => {
    const { result } = await shop.ask('how many customers are there');
    expect(result.rows).toEqual([[12]]);
  });

  it('counts by a category, with a bar chart', async () => {
    const { plan, rows } = await shop.ask('number of orders by status');
    expect(byKey(rows, 'status', 'count')).toEqual(tally(orders, (o) => o.status));
    expect(plan.chart).toMatchObject({ type: 'bar', x: 'status', y: 'count' });
  });

  it('counts per category phrased with "per"', async () => {
    const { rows } = await shop.ask('customers per country');
    expect(byKey(rows, 'country', 'count')).toEqual(tally(customers, (c) => c.country));
  });

  it('counts with a category value matched case-insensitively', async () => {
    const { result } = await shop.ask('how many customers live in berlin');
    expect(result.rows[0]![0]).toBe(customers.filter((c) => c.city === 'Berlin').length);
  });
});

describe('aggregates', () => {
  it('averages a column overall and by group', async () => {
    const all = await shop.ask('what is the average age?');
    expect(all.result.rows[0]![0]).toBeCloseTo(avg(customers.map((c) => c.age)), 2);
    const { rows } = await shop.ask('average age by city');
    for (const city of new Set(customers.map((c) => c.city)))
      expect(byKey(rows, 'city', 'avg_age')[city]).toBeCloseTo(
        avg(customers.filter((c) => c.city === city).map((c) => c.age)),
        2,
      );
  });

  it('gives min, max, sum and median', async () => {
    const minMax = await shop.ask('min and max income');
    expect(minMax.result.rows[0]).toEqual([21000, 120000]);
    const sum = await shop.ask('total of order totals per status');
    const paid = orders.filter((o) => o.status === 'paid').reduce((a, o) => a + o.total, 0);
    expect(byKey(sum.rows, 'status', 'sum_total').paid).toBeCloseTo(paid, 2);
    const median = await shop.ask('median quantity');
    expect(median.result.rows[0]![0]).toBe(2);
  });

  it('joins a parent table through an obvious foreign key', async () => {
    const { plan, rows } = await shop.ask('total order amount per customer country');
    expect(plan.sql).toContain('JOIN "customers" ON "orders"."customer_id" = "customers"."id"');
    const expected: Record<string, number> = {};
    for (const o of orders) {
      const country = customerById.get(o.customer_id)!.country;
      expected[country] = (expected[country] ?? 0) + o.total;
    }
    for (const [country, total] of Object.entries(expected))
      expect(byKey(rows, 'country', 'sum_total')[country]).toBeCloseTo(total, 2);
  });
});

describe('top and bottom N', () => {
  it('ranks groups by a count', async () => {
    const { rows } = await shop.ask('top 2 cities by number of customers');
    expect(rows.map((r) => r.city)).toEqual(['Berlin', 'New York']);
  });

  it('ranks rows by a money column for "most expensive"', async () => {
    const { rows } = await shop.ask('3 most expensive orders');
    expect(rows.map((r) => r.total)).toEqual(
      orders
        .map((o) => o.total)
        .sort((a, b) => b - a)
        .slice(0, 3),
    );
  });

  it('ranks rows by age for "youngest"', async () => {
    const { rows } = await shop.ask('youngest 3 customers');
    expect(rows.map((r) => r.name)).toEqual(['Gus Hall', 'Ann Lee', "Jo O'Neil"]);
  });

  it('answers "which … has the most …" with one group', async () => {
    const { rows } = await shop.ask('which country has the most customers?');
    expect(rows).toEqual([{ country: 'DE', count: 6 }]);
  });
});

describe('filters', () => {
  it('combines a numeric comparison and a category', async () => {
    const { plan, rows } = await shop.ask('customers older than 60 in Berlin');
    expect(plan.sql).toMatch(/LIMIT 50$/);
    expect(rows.map((r) => r.name).sort()).toEqual(['Bob Stone', 'Cleo Park']);
  });

  it('compares dates: "after" a day means from the next day on', async () => {
    const { result } = await shop.ask('how many orders after 2024-06-01?');
    expect(result.rows[0]![0]).toBe(orders.filter((o) => o.ordered_at >= '2024-06-02').length);
  });

  it('takes "between" inclusively', async () => {
    const { result } = await shop.ask('how many orders between 100 and 200');
    expect(result.rows[0]![0]).toBe(orders.filter((o) => o.total >= 100 && o.total <= 200).length);
  });

  it('filters by a month and a year', async () => {
    const { result } = await shop.ask('number of orders in June 2024');
    expect(result.rows[0]![0]).toBe(orders.filter((o) => o.ordered_at.startsWith('2024-06')).length);
    const years = await shop.ask('customers who signed up in 2021');
    expect(years.rows.map((r) => r.name).sort()).toEqual(['Ann Lee', 'Hana Ito', 'Lou Chen']);
  });

  it('filters on a boolean column and its negation', async () => {
    const vip = await shop.ask('how many vip customers');
    expect(vip.result.rows[0]![0]).toBe(customers.filter((c) => c.vip).length);
    const non = await shop.ask('how many non-vip customers are in Paris');
    expect(non.result.rows[0]![0]).toBe(customers.filter((c) => !c.vip && c.city === 'Paris').length);
  });

  it('filters by a category named as the column and value', async () => {
    const { rows } = await shop.ask('show orders with status refunded');
    expect(rows.map((r) => r.id)).toEqual(orders.filter((o) => o.status === 'refunded').map((o) => o.id));
  });

  it('filters parents by their children', async () => {
    const none = await shop.ask('how many customers have no orders?');
    expect(none.result.rows[0]![0]).toBe(
      customers.filter((c) => !orders.some((o) => o.customer_id === c.id)).length,
    );
    const many = await shop.ask('customers with more than 1 order');
    expect(many.rows.map((r) => Number(r.id)).sort((a, b) => a - b)).toEqual([1, 2, 5, 8, 12]);
  });
});

describe('missing values, distinct values, distributions and correlations', () => {
  it('counts missing values with the total for scale', async () => {
    const { result } = await shop.ask('how many emails are missing');
    expect(result.rows[0]).toEqual([2, 12, 16.67]);
  });

  it('lists distinct values and counts them', async () => {
    const list = await shop.ask('which statuses are there');
    expect(list.result.rows.map((r) => r[0])).toEqual(['paid', 'refunded', 'shipped']);
    const n = await shop.ask('how many distinct cities');
    expect(n.result.rows[0]![0]).toBe(4);
  });

  it('bins a numeric column for a histogram', async () => {
    const { plan, result } = await shop.ask('distribution of age');
    expect(plan.chart).toMatchObject({ type: 'histogram', x: 'bin_start', y: 'count' });
    expect(result.rows.reduce((a, r) => a + Number(r[2]), 0)).toBe(12);
    expect(result.rows[0]![0]).toBe(19);
  });

  it('computes a correlation with a scatter sample', async () => {
    const { plan, result } = await shop.ask('correlation between age and income');
    expect(plan.chart).toMatchObject({ type: 'scatter', x: 'age', y: 'income' });
    const xs = customers.map((c) => c.age);
    const ys = customers.map((c) => c.income);
    const mx = avg(xs);
    const my = avg(ys);
    const r =
      xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) /
      Math.sqrt(xs.reduce((a, x) => a + (x - mx) ** 2, 0) * ys.reduce((a, y) => a + (y - my) ** 2, 0));
    expect(result.rows[0]![0]).toBeCloseTo(r, 3);
    expect(result.rows).toHaveLength(12);
  });
});

describe('rows and time', () => {
  it('shows rows with SELECT * and a limit', async () => {
    const { plan, rows } = await shop.ask('show me customers in Paris');
    expect(plan.sql).toBe(`SELECT * FROM "customers" WHERE "city" = 'Paris' LIMIT 50`);
    expect(rows).toHaveLength(3);
  });

  it('shows rows matching a raw comparison', async () => {
    const { rows } = await shop.ask('show rows where age > 70');
    expect(rows.map((r) => r.name).sort()).toEqual(['Cleo Park', 'Ivan Petrov']);
  });

  it('counts per month with a line chart', async () => {
    const { plan, rows } = await shop.ask('orders per month');
    expect(plan.chart).toMatchObject({ type: 'line', x: 'month', y: 'count' });
    expect(byKey(rows, 'month', 'count')).toEqual(tally(orders, (o) => `${o.ordered_at.slice(0, 7)}-01`));
    expect(rows.map((r) => r.month)).toEqual([...rows.map((r) => String(r.month))].sort());
  });

  it('gives a percentage of rows matching a condition', async () => {
    const { result } = await shop.ask('what percentage of orders are refunded?');
    expect(result.rows[0]).toEqual([12.5, 2, 16]);
  });
});

describe('alternatives, comparisons and shapes of rows', () => {
  it('joins conditions said with "or" as alternatives', async () => {
    const { rows } = await shop.ask('customers younger than 30 or older than 70');
    expect(rows.map((r) => r.name).sort()).toEqual([
      'Ann Lee',
      'Cleo Park',
      'Gus Hall',
      'Ivan Petrov',
      "Jo O'Neil",
    ]);
  });

  it('reads "65+" as 65 or more and compares with the average', async () => {
    const { rows } = await shop.ask('customers aged 65+');
    expect(rows.map((r) => r.age).sort()).toEqual([67, 71, 81]);
    const above = await shop.ask('how many customers have an income above the average?');
    const mean = avg(customers.map((c) => c.income));
    expect(above.result.rows[0]![0]).toBe(customers.filter((c) => c.income > mean).length);
  });

  it('averages a child count over its parents', async () => {
    const { result } = await shop.ask('average number of orders per customer');
    expect(result.rows[0]).toEqual([Math.round((16 / 12) * 100) / 100, 16, 12]);
  });

  it('ranks parents by the sum of a child column', async () => {
    const { rows } = await shop.ask('which customers spent the most?');
    const spent = new Map<number, number>();
    for (const o of orders) spent.set(o.customer_id, (spent.get(o.customer_id) ?? 0) + o.total);
    const best = [...spent].sort((a, b) => b[1] - a[1])[0]!;
    expect(rows[0]).toEqual({ customer_id: best[0], sum_total: best[1] });
  });

  it('shows only the columns asked for, and random samples', async () => {
    const { result } = await shop.ask('name and email of customers in Paris');
    expect(result.columns.map((c) => c.name)).toEqual(['name', 'email']);
    expect(result.rows).toHaveLength(3);
    const sample = await shop.ask('show 3 random orders');
    expect(sample.rows).toHaveLength(3);
    for (const r of sample.rows) expect(orders.map((o) => o.id)).toContain(r.id);
  });

  it('groups values that are compared', async () => {
    const { rows } = await shop.ask('average income in Berlin compared to Paris');
    expect(Object.keys(byKey(rows, 'city', 'avg_income')).sort()).toEqual(['Berlin', 'Paris']);
  });

  it('keeps only groups with enough rows', async () => {
    const { plan, rows } = await shop.ask('which cities have more than 2 customers?');
    expect(plan.sql).toContain('HAVING count(*) > 2');
    expect(byKey(rows, 'city', 'count')).toEqual({ Berlin: 4, Paris: 3, 'New York': 3 });
  });

  it('matches other forms of a category value and adjectives before a table', async () => {
    const { result } = await shop.ask('how many refunds were there in 2024?');
    expect(result.rows[0]![0]).toBe(
      orders.filter((o) => o.status === 'refunded' && o.ordered_at.startsWith('2024')).length,
    );
    const { rows } = await shop.ask('show the youngest VIP customer');
    expect(rows.map((r) => r.name)).toEqual(['Lou Chen']);
  });

  it('reads a month range with one year', async () => {
    const { result } = await shop.ask('how many orders between January and March 2024');
    expect(result.rows[0]![0]).toBe(
      orders.filter((o) => o.ordered_at >= '2024-01' && o.ordered_at < '2024-04').length,
    );
  });
});

describe('follow-ups', () => {
  async function history(...questions: string[]): Promise<ChatTurn[]> {
    const turns: ChatTurn[] = [];
    for (const q of questions) {
      const plan = await engine.plan(q, shop.dataset, turns);
      turns.push(
        { role: 'user', content: q },
        { role: 'assistant', content: 'ok', ...(plan.kind === 'sql' ? { sql: plan.sql } : {}) },
      );
    }
    return turns;
  }

  it('regroups the previous question', async () => {
    const { rows } = await shop.ask('and by country?', await history('average age by city'));
    expect(byKey(rows, 'country', 'avg_age').US).toBeCloseTo(avg([19, 58, 40]), 2);
  });

  it('replaces a filter value of the previous question', async () => {
    const { result } = await shop.ask('what about in Paris?', await history('how many customers in Berlin'));
    expect(result.rows[0]![0]).toBe(3);
  });

  it('applies a bare aggregate to the previous column', async () => {
    const { result } = await shop.ask('and the maximum?', await history('average income of vip customers'));
    expect(result.rows[0]![0]).toBe(120000);
  });
});

describe('unanswerable questions', () => {
  it('says so honestly and suggests 3 questions it can answer about this dataset', async () => {
    const plan = await engine.plan('why do customers leave us?', shop.dataset, []);
    expect(plan.kind).toBe('unanswerable');
    if (plan.kind !== 'unanswerable') return;
    expect(plan.message).toMatch(/^I can't answer that yet\./);
    expect(plan.suggestions).toHaveLength(3);
    for (const s of plan.suggestions) {
      const { result } = await shop.ask(s);
      expect(result.rows.length).toBeGreaterThan(0);
    }
  });

  it('names a column it could not find', async () => {
    const plan = await engine.plan('average shoe size by city', shop.dataset, []);
    expect(plan).toMatchObject({ kind: 'unanswerable' });
    expect(plan.kind === 'unanswerable' && plan.message).toMatch(/"shoe", "size"/);
  });

  it('refuses an empty dataset and an empty question', async () => {
    expect(await engine.plan('how many rows', [], [])).toMatchObject({
      kind: 'unanswerable',
      suggestions: [],
    });
    expect(await engine.plan('   ', shop.dataset, [])).toMatchObject({ kind: 'unanswerable' });
  });
});
