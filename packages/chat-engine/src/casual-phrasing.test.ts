import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { col, patientsProfile } from '../test/profiles.ts';
import { customers, openShop, orders, type Shop } from '../test/shop.fixture.ts';
import { createBuiltInEngine, planQuestion } from './built-in.engine.ts';
import type { TableProfile } from './types.ts';

// Questions as analysts type them: synonyms for aggregates, "X vs Y", filters said together.

const engine = createBuiltInEngine();
let shop: Shop;

beforeAll(async () => {
  shop = await openShop((q, d, h) => engine.plan(q, d, h));
});
afterAll(() => shop.close());

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
const first = (question: string) => shop.ask(question).then((a) => a.result.rows[0]![0]);
const customerById = new Map(customers.map((c) => [c.id, c]));

function sqlOf(question: string, dataset: TableProfile[]): string {
  const plan = planQuestion(question, dataset);
  if (plan.kind !== 'sql') throw new Error(`unanswerable: ${question}: ${plan.message}`);
  return plan.sql;
}

describe('synonyms for aggregates and measures', () => {
  it('adds up revenue and sales under any filter, a date among them', async () => {
    const shipped2024 = orders.filter((o) => o.status === 'shipped' && o.ordered_at.startsWith('2024'));
    expect(await first('revenue from shipped orders in 2024')).toBeCloseTo(
      sum(shipped2024.map((o) => o.total)),
      2,
    );
    expect(await first('sales in 2023')).toBeCloseTo(
      sum(orders.filter((o) => o.ordered_at.startsWith('2023')).map((o) => o.total)),
      2,
    );
    const { rows } = await shop.ask('which status brings in the most revenue?');
    expect(rows[0]).toEqual({
      status: 'shipped',
      sum_total: sum(orders.filter((o) => o.status === 'shipped').map((o) => o.total)),
    });
  });

  it('reads "total … count", "… total" and "how many units" as counts and sums', async () => {
    expect(await first('total order count')).toBe(orders.length);
    expect(await first('how many customers total?')).toBe(customers.length);
    expect(await first('how many units were sold?')).toBe(sum(orders.map((o) => o.quantity)));
    expect(await first('how many sales in 2023?')).toBe(
      orders.filter((o) => o.ordered_at.startsWith('2023')).length,
    );
  });

  it('averages the main quantity of "the average order"', async () => {
    expect(await first("what's the average order?")).toBeCloseTo(
      sum(orders.map((o) => o.total)) / orders.length,
      2,
    );
    // a table with no one quantity to average is not guessed
    expect((await engine.plan('average customer', shop.dataset, [])).kind).toBe('unanswerable');
  });
});

describe('"X vs Y"', () => {
  it('groups two values of a category', async () => {
    const { rows } = await shop.ask('paid vs refunded orders');
    expect(rows).toEqual([
      { status: 'paid', count: orders.filter((o) => o.status === 'paid').length },
      { status: 'refunded', count: orders.filter((o) => o.status === 'refunded').length },
    ]);
  });

  it('groups two years compared, and takes two years joined by "and" as either', async () => {
    const { rows } = await shop.ask('revenue 2023 vs 2024');
    const byYear = (y: string) => sum(orders.filter((o) => o.ordered_at.startsWith(y)).map((o) => o.total));
    expect(rows).toEqual([
      { year: '2023-01-01', sum_total: byYear('2023') },
      { year: '2024-01-01', sum_total: byYear('2024') },
    ]);
    // not a range of amounts from 2023 to 2024
    expect(await first('how many orders in 2023 and 2024?')).toBe(orders.length);
    expect(await first('how many customers signed up in 2020 or 2024?')).toBe(
      customers.filter((c) => c.signup_date.startsWith('2020') || c.signup_date.startsWith('2024')).length,
    );
  });

  it('groups both sides of a yes/no column', async () => {
    const { rows } = await shop.ask('VIP vs non-VIP average income');
    const mean = (vip: boolean) => {
      const xs = customers.filter((c) => c.vip === vip).map((c) => c.income);
      return sum(xs) / xs.length;
    };
    expect(rows).toEqual([
      { vip: true, avg_income: mean(true) },
      { vip: false, avg_income: mean(false) },
    ]);
  });
});

describe('filters said together', () => {
  it('combines a date with a category, a number or a related table', async () => {
    const ids = (question: string) => shop.ask(question).then((a) => a.rows.map((r) => r.id));
    expect(await ids('orders on or after 2024-06-01 that were shipped')).toEqual(
      orders.filter((o) => o.ordered_at >= '2024-06-01' && o.status === 'shipped').map((o) => o.id),
    );
    expect(await ids('show me refunded orders from 2024')).toEqual(
      orders.filter((o) => o.status === 'refunded' && o.ordered_at.startsWith('2024')).map((o) => o.id),
    );
    expect(await first('how many 2024 orders were over 100?')).toBe(
      orders.filter((o) => o.ordered_at.startsWith('2024') && o.total > 100).length,
    );
    expect((await ids('orders from German customers in 2024')).sort()).toEqual(
      orders
        .filter((o) => customerById.get(o.customer_id)!.country === 'DE' && o.ordered_at.startsWith('2024'))
        .map((o) => o.id)
        .sort(),
    );
  });

  it('keeps "or" inside one list of values and "by" after a verb as a filter', async () => {
    const { rows } = await shop.ask('paid or refunded orders in 2024');
    expect(rows.map((r) => r.id)).toEqual(
      orders
        .filter((o) => ['paid', 'refunded'].includes(o.status) && o.ordered_at.startsWith('2024'))
        .map((o) => o.id),
    );
    const vip = new Set(customers.filter((c) => c.vip).map((c) => c.id));
    expect(await first('how many orders were placed by VIPs?')).toBe(
      orders.filter((o) => vip.has(o.customer_id)).length,
    );
    // "per vip" still groups
    expect((await shop.ask('orders per vip')).rows).toHaveLength(2);
  });

  it('compares a number with the number it can be about, and negates with any contraction', async () => {
    expect(await first('how many customers are VIP and over 60?')).toBe(
      customers.filter((c) => c.vip && c.age > 60).length,
    );
    expect(await first("how many orders didn't ship?")).toBe(
      orders.filter((o) => o.status !== 'shipped').length,
    );
    // a rate is not a grouping: refused rather than grouped by quantity
    expect((await engine.plan('orders priced below 10 per unit', shop.dataset, [])).kind).toBe(
      'unanswerable',
    );
  });

  it('reads half years and decades', async () => {
    const { rows } = await shop.ask('customers who signed up in the first half of 2021');
    expect(rows.map((r) => r.name).sort()).toEqual(
      customers
        .filter((c) => c.signup_date >= '2021-01-01' && c.signup_date < '2021-07-01')
        .map((c) => c.name)
        .sort(),
    );
    const sixties = await shop.ask('customers in their 60s');
    expect(sixties.rows.map((r) => r.age)).toEqual(
      customers.filter((c) => c.age >= 60 && c.age <= 69).map((c) => c.age),
    );
  });

  it('reads quarters of a year, a total of rows, and numbers in words', async () => {
    expect(await first('how many orders were placed in the first quarter of 2024?')).toBe(
      orders.filter((o) => o.ordered_at >= '2024-01' && o.ordered_at < '2024-04').length,
    );
    expect(await first('total orders in 2024')).toBe(
      orders.filter((o) => o.ordered_at.startsWith('2024')).length,
    );
    expect(await first('how many customers earn more than a hundred thousand?')).toBe(
      customers.filter((c) => c.income > 100_000).length,
    );
  });

  it('reads the verb of a related table as having related rows', async () => {
    const ordered = new Set(orders.map((o) => o.customer_id));
    expect(await first('how many customers have ever ordered?')).toBe(ordered.size);
    const never = await shop.ask('customers who never ordered');
    expect(never.rows.map((r) => r.id)).toEqual(customers.filter((c) => !ordered.has(c.id)).map((c) => c.id));
    // "… more than N times": how many related rows
    const perCustomer = (id: number) => orders.filter((o) => o.customer_id === id).length;
    expect(await first('how many customers have ordered at least 2 times?')).toBe(
      customers.filter((c) => perCustomer(c.id) >= 2).length,
    );
  });

  it('dates the related rows named just before a date', async () => {
    const in2024 = new Set(orders.filter((o) => o.ordered_at.startsWith('2024')).map((o) => o.customer_id));
    // orders placed in 2024, not customers who signed up in 2024
    expect(await first('how many customers placed an order in 2024?')).toBe(in2024.size);
    expect(await first('how many people placed an order in 2024?')).toBe(in2024.size);
    const { rows } = await shop.ask('customers with orders in 2024');
    expect(rows.map((r) => r.id)).toEqual(customers.filter((c) => in2024.has(c.id)).map((c) => c.id));
  });

  it('counts people, the head of two table nouns, and "N times" as related rows', async () => {
    const perCustomer = (id: number) => orders.filter((o) => o.customer_id === id).length;
    expect(await first('how many people have come in more than 1 time?')).toBe(
      customers.filter((c) => perCustomer(c.id) > 1).length,
    );
    expect(await first('total number of customer orders in 2023')).toBe(
      orders.filter((o) => o.ordered_at.startsWith('2023')).length,
    );
  });

  it('does not read a function word as text to look for', async () => {
    const { plan } = await shop.ask("I'd like to know how many customers live in Berlin");
    expect(plan.sql).toBe(`SELECT count(*) AS "count" FROM "customers" WHERE "city" = 'Berlin'`);
  });
});

describe('shorthand', () => {
  it('reads abbreviations and symbols as the words they stand for', async () => {
    const byStatus = (status: string) => orders.filter((o) => o.status === status);
    expect((await shop.ask('# of orders by status')).rows).toHaveLength(3);
    expect(await first('pct of orders refunded')).toBe(
      Math.round((byStatus('refunded').length / orders.length) * 10000) / 100,
    );
    expect(await first("cnt of orders in '24")).toBe(
      orders.filter((o) => o.ordered_at.startsWith('2024')).length,
    );
    expect((await shop.ask('orders w/ a quantity over 4')).rows.map((r) => r.id)).toEqual(
      orders.filter((o) => o.quantity > 4).map((o) => o.id),
    );
    expect(await first('# customers w/o orders')).toBe(
      customers.filter((c) => !orders.some((o) => o.customer_id === c.id)).length,
    );
    expect((await shop.ask('orders from Jan-Mar 2024')).rows.map((r) => r.id)).toEqual(
      orders.filter((o) => o.ordered_at >= '2024-01' && o.ordered_at < '2024-04').map((o) => o.id),
    );
    expect(await first('total rev 2024')).toBeCloseTo(
      sum(orders.filter((o) => o.ordered_at.startsWith('2024')).map((o) => o.total)),
      2,
    );
  });

  it('reads a rate as a percentage, a noun for a status as the status, and sums quantities', async () => {
    const { rows } = await shop.ask('refund rate by status');
    expect(rows.find((r) => r.status === 'refunded')?.percent).toBe(100);
    expect(await first('how many shipments were there?')).toBe(
      orders.filter((o) => o.status === 'shipped').length,
    );
    const qty = await shop.ask('quantity by status');
    expect(qty.rows.find((r) => r.status === 'paid')?.sum_quantity).toBe(
      sum(orders.filter((o) => o.status === 'paid').map((o) => o.quantity)),
    );
  });
});

describe('listing values and the words for them', () => {
  it('lists the values of a category however it is asked', async () => {
    for (const q of [
      "list every status we've got",
      'give me all the order statuses',
      'which statuses are represented?',
      'what are the unique values of status?',
      'which values appear in the status column?',
      'what types of status are there?',
      'show the list of statuses',
    ])
      expect(
        (await shop.ask(q)).rows.map((r) => r.status),
        q,
      ).toEqual(['paid', 'refunded', 'shipped']);
  });

  it('lists the places of a question asked with "where"', async () => {
    const { rows } = await shop.ask('where are our customers located?');
    const byCity = new Map<string, number>();
    for (const c of customers) byCity.set(c.city, (byCity.get(c.city) ?? 0) + 1);
    expect(new Map(rows.map((r) => [r.city as string, r.count as number]))).toEqual(byCity);
    expect((await shop.ask('in which countries do we have customers?')).rows.map((r) => r.country)).toEqual([
      'DE',
      'FR',
      'US',
    ]);
  });

  it('counts distinct values when asked to "count" them', async () => {
    expect(await first('count distinct cities')).toBe(new Set(customers.map((c) => c.city)).size);
    expect((await shop.ask('name the countries our customers come from')).rows.map((r) => r.country)).toEqual(
      ['DE', 'FR', 'US'],
    );
  });

  it('knows nationalities for country codes and nouns for the sexes', () => {
    const people: TableProfile[] = [
      {
        name: 'patients',
        rows: 10,
        columns: [
          col('id', 'integer'),
          col('sex', 'text', ['female', 'male']),
          col('country', 'text', ['DE', 'FR']),
        ],
      },
    ];
    expect(sqlOf('how many of our patients are women?', people)).toContain(`"sex" = 'female'`);
    expect(sqlOf('How many men are there?', people)).toContain(`"sex" = 'male'`);
    expect(sqlOf('how many French patients?', people)).toContain(`"country" = 'FR'`);
    // codes ending in a sign, said in words
    expect(sqlOf('how many patients have O negative blood?', patientsProfile)).toContain(
      `"blood_type" = 'O-'`,
    );
    expect(sqlOf('how many patients are A positive?', patientsProfile)).toContain(`"blood_type" = 'A+'`);
  });

  it('reads an age from a birth date, and a bare date as the date of related rows', () => {
    expect(sqlOf('how many patients are over 65?', patientsProfile)).toContain(
      `CAST(date_part('year', age(current_date, "birth_date")) AS INTEGER) > 65`,
    );
    const clinic: TableProfile[] = [
      ...patientsProfile,
      {
        name: 'visits',
        rows: 900,
        columns: [col('id', 'integer'), col('patient_id', 'other'), col('visited_at', 'timestamp')],
      },
    ];
    // not patients born in 2024
    expect(sqlOf('number of patients seen in 2024', clinic)).toContain(
      `EXISTS (SELECT 1 FROM "visits" WHERE ("visits"."patient_id" = "patients"."id") AND ("visits"."visited_at" >= TIMESTAMP '2024-01-01 00:00:00')`,
    );
    expect(sqlOf('busiest month', clinic)).toContain(`date_trunc('month', "visited_at")`);
  });
});
