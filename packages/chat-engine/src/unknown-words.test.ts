import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { col, patientsProfile } from '../test/profiles.ts';
import { customers, openShop, orders, type Shop } from '../test/shop.fixture.ts';
import { createBuiltInEngine } from './built-in.engine.ts';
import { Lexicon } from './column-matcher.ts';
import { QuestionParser } from './question-parser.ts';
import type { TableProfile } from './types.ts';

const engine = createBuiltInEngine();
let shop: Shop;

beforeAll(async () => {
  shop = await openShop((q, d, h) => engine.plan(q, d, h));
});
afterAll(() => shop.close());

async function refusal(question: string, dataset: TableProfile[] = shop.dataset): Promise<string> {
  const plan = await engine.plan(question, dataset, []);
  if (plan.kind !== 'unanswerable') throw new Error(`answered: ${question}: ${plan.sql}`);
  expect(plan.suggestions).toHaveLength(3);
  return plan.message;
}

const count = (question: string) => shop.ask(question).then((a) => a.result.rows[0]![0]);

describe('words the engine does not know', () => {
  it('drops filler, informal pronouns and light verbs when the rest makes a complete plan', async () => {
    for (const q of [
      'How many customers have we ever had?',
      "We've got how many customers?",
      'how many folks are in our records?',
      'roughly how many customers do we have on file?',
      'How many people do we have?',
    ])
      expect(await count(q), q).toBe(customers.length);
    const in2024 = orders.filter((o) => o.ordered_at.startsWith('2024')).length;
    expect(await count('How many orders came through in 2024?')).toBe(in2024);
    expect(await count('any idea how many orders got refunded?')).toBe(
      orders.filter((o) => o.status === 'refunded').length,
    );
  });

  it('drops a side remark set off by punctuation, but not a word inside the question', async () => {
    expect(await count('Hey, quick question: how many customers are there?')).toBe(customers.length);
    expect(await count('how many customers do we have, mate?')).toBe(customers.length);
    const parse = (q: string) => new QuestionParser(new Lexicon(shop.dataset)).read(q);
    expect(parse('Dumb question: how many customers?').tolerated).toEqual(['Dumb']);
    // a word next to the table is said of the table: it is content, not an aside
    expect(parse('how many customers mate').unknown).toEqual(['mate']);
  });

  it('refuses a measure the dataset lacks rather than answering about something else', async () => {
    // no income or salary column among the patients
    expect(await refusal('average salary of patients', patientsProfile)).toMatch(/salary/);
    expect(await refusal('average shoe size by city')).toMatch(/"shoe", "size"/);
    expect(await refusal("what's the average customer satisfaction score?")).toMatch(/satisfaction/);
    expect(await refusal('how many complaints per customer?')).toMatch(/complaints/);
  });

  it('refuses a word after "by"/"per", an entity, a predicate or a modifier that matches nothing', async () => {
    expect(await refusal('orders by region')).toMatch(/"region"/);
    expect(await refusal('revenue per product')).toMatch(/"product"/);
    expect(await refusal('how many doctors are there?')).toMatch(/"doctors"/);
    expect(await refusal('which customers churned?')).toMatch(/"churned"/);
    expect(await refusal('orders that are broken')).toMatch(/"broken"/);
    expect(await refusal('show premium customers')).toMatch(/"premium"/);
    expect(await refusal('how many orders shipped late?')).toMatch(/"late"/);
    // after a verb, what it says of the rows: "returned", "placed online", "placed twice"
    expect(await refusal('How many orders were returned?')).toMatch(/"returned"/);
    expect(await refusal('how many orders were placed online?')).toMatch(/"online"/);
    expect(await refusal('how many orders were placed twice?')).toMatch(/"twice"/);
    expect(await refusal('orders with a weight over 5')).toMatch(/"weight"/);
    expect(await refusal('customers with more than 3 complaints')).toMatch(/"complaints"/);
    expect(await refusal('vip customers vs regular customers')).toMatch(/"regular"/);
    // the head of the question, before a place, a group, "of" or a measure
    expect(await refusal('doctors in Berlin')).toMatch(/"doctors"/);
    expect(await refusal('widgets by status')).toMatch(/"widgets"/);
    expect(await refusal('churn rate by city')).toMatch(/"churn"/);
    expect(await refusal('ratings of orders in 2024')).toMatch(/"ratings"/);
  });

  it('keeps out-of-scope questions refused: causes, predictions, the weather, relative days', async () => {
    expect(await refusal("What's the weather in Berlin?")).toMatch(/"weather"/);
    expect(await refusal("predict next year's revenue")).toMatch(/predict/);
    expect(await refusal('why do customers leave?')).toMatch(/why/);
    expect(await refusal('what will revenue be in 2026?')).toMatch(/will/);
    expect(await refusal('how many orders will we get tomorrow?')).toMatch(/will|tomorrow/);
    expect(await refusal('how many orders today?')).toMatch(/"today"/);
    // "will you" asks for something; it predicts nothing
    expect(await count('will you tell me how many customers there are?')).toBe(customers.length);
  });

  it('keeps a known word left over only when the plan uses what it names', async () => {
    // "charged" and "spent" name money: the plan measures the order total
    const { plan } = await shop.ask('average amount charged per order');
    expect(plan.sql).toBe('SELECT round(avg("total"), 2) AS "avg_total" FROM "orders"');
    const spent = await shop.ask('which customers have spent the most money?');
    expect(spent.plan.sql).toContain('sum("total")');
    // here nothing in the plan is money: the words would be ignored, so the question is refused
    expect(await refusal('how many customers spent money?')).toMatch(/"spent", "money"/);
  });

  it('does not drop a word to answer with every row of a table', async () => {
    expect(await refusal('show customers, pronto')).toMatch(/"pronto"/);
    const { rows } = await shop.ask('show customers in Paris, pronto');
    expect(rows).toHaveLength(customers.filter((c) => c.city === 'Paris').length);
  });

  it('uses a noun for people to pick the table of people', async () => {
    const clinic: TableProfile[] = [
      { name: 'patients', rows: 10, columns: [col('id', 'integer'), col('name', 'text')] },
      { name: 'visits', rows: 30, columns: [col('id', 'integer'), col('patient_id', 'integer')] },
    ];
    const plan = await engine.plan('how many people are there?', clinic, []);
    expect(plan.kind === 'sql' && plan.sql).toBe('SELECT count(*) AS "count" FROM "patients"');
  });
});
