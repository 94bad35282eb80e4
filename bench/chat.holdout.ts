import type { Row } from './chat.answers.ts';
import {
  ageOf,
  count,
  groupBy,
  inRange,
  mean,
  median,
  month,
  num,
  pearson,
  sum,
  uniqueNames,
} from './chat.answers.ts';
import type { Case } from './chat.bench.ts';

// Held-out questions for the chat benchmark: written independently of the engine (without reading
// its source, its tests or the main question list), phrased the way analysts type them. The engine
// was never tuned on these, so this set is the honest measure of how it does on unseen questions.
// Answers are computed in plain JavaScript from the generated rows, as in chat.bench.ts.

// --- the questions ---------------------------------------------------------------------------------

export const holdoutCases: Case[] = [
  // counts
  {
    category: 'count',
    dataset: 'shop',
    q: "what's our total customer count?",
    expect: (d) => ({ type: 'scalar', value: d.customers!.length }),
  },
  {
    category: 'count',
    dataset: 'shop',
    q: 'number of cancelled orders',
    expect: (d) => ({ type: 'scalar', value: count(d.orders!, (r) => r.status === 'cancelled') }),
  },
  {
    category: 'count',
    dataset: 'shop',
    q: 'How many customers signed up in 2023?',
    expect: (d) => ({
      type: 'scalar',
      value: count(d.customers!, (r) => String(r.signup_date).startsWith('2023-')),
    }),
  },
  {
    category: 'count',
    dataset: 'clinic',
    q: 'How many patients have died?',
    expect: (d) => ({ type: 'scalar', value: count(d.patients!, (r) => r.status === 'deceased') }),
  },
  {
    category: 'count',
    dataset: 'clinic',
    q: 'count of flu visits',
    expect: (d) => ({ type: 'scalar', value: count(d.visits!, (r) => r.reason === 'flu') }),
  },
  {
    category: 'count',
    dataset: 'iot',
    q: 'how many readings do we have in total?',
    expect: (d) => ({ type: 'scalar', value: d.readings!.length }),
  },

  // counts by a category
  {
    category: 'group-count',
    dataset: 'shop',
    q: 'orders per channel',
    expect: (d) => ({
      type: 'groups',
      expected: groupBy(
        d.orders!,
        (r) => String(r.channel),
        (rs) => rs.length,
      ),
    }),
  },
  {
    category: 'group-count',
    dataset: 'shop',
    q: 'signups per month',
    expect: (d) => ({
      type: 'groups',
      expected: groupBy(
        d.customers!,
        (r) => month(r.signup_date),
        (rs) => rs.length,
      ),
    }),
  },
  {
    category: 'group-count',
    dataset: 'shop',
    q: 'VIP vs non-VIP customer counts',
    expect: (d) => ({
      type: 'groups',
      expected: groupBy(
        d.customers!,
        (r) => String(r.vip),
        (rs) => rs.length,
      ),
    }),
  },
  {
    category: 'group-count',
    dataset: 'clinic',
    q: 'patients by blood type',
    expect: (d) => ({
      type: 'groups',
      expected: groupBy(
        d.patients!,
        (r) => String(r.blood_type),
        (rs) => rs.length,
      ),
    }),
  },
  {
    category: 'group-count',
    dataset: 'clinic',
    q: 'How many visits did we have for each reason?',
    expect: (d) => ({
      type: 'groups',
      expected: groupBy(
        d.visits!,
        (r) => String(r.reason),
        (rs) => rs.length,
      ),
    }),
  },
  {
    category: 'group-count',
    dataset: 'iot',
    q: 'number of sensors in each city',
    expect: (d) => ({
      type: 'groups',
      expected: groupBy(
        d.sensors!,
        (r) => String(r.city),
        (rs) => rs.length,
      ),
    }),
  },

  // one aggregate over everything
  {
    category: 'aggregate',
    dataset: 'shop',
    q: 'avg order total',
    expect: (d) => ({ type: 'scalar', value: mean(d.orders!.map((r) => num(r.total))) }),
  },
  {
    category: 'aggregate',
    dataset: 'shop',
    q: "What's the median income of our customers?",
    expect: (d) => ({ type: 'scalar', value: median(d.customers!.map((r) => num(r.income))) }),
  },
  {
    category: 'aggregate',
    dataset: 'shop',
    q: 'total amount spent across all orders',
    expect: (d) => ({ type: 'scalar', value: sum(d.orders!.map((r) => num(r.total))) }),
  },
  {
    category: 'aggregate',
    dataset: 'shop',
    q: 'how old is our oldest customer?',
    expect: (d) => ({
      type: 'scalar',
      value: Math.max(...d.customers!.map((r) => num(r.age))),
      column: 'age',
    }),
  },
  {
    category: 'aggregate',
    dataset: 'shop',
    q: "lowest unit price we've ever charged",
    expect: (d) => ({
      type: 'scalar',
      value: Math.min(...d.orders!.map((r) => num(r.unit_price))),
      column: 'unit_price',
    }),
  },
  {
    category: 'aggregate',
    dataset: 'clinic',
    q: 'Average cost per visit?',
    expect: (d) => ({ type: 'scalar', value: mean(d.visits!.map((r) => num(r.cost))) }),
  },
  {
    category: 'aggregate',
    dataset: 'clinic',
    q: 'How much did the most expensive visit cost?',
    expect: (d) => ({
      type: 'scalar',
      value: Math.max(...d.visits!.map((r) => num(r.cost))),
      column: 'cost',
    }),
  },
  {
    category: 'aggregate',
    dataset: 'iot',
    q: 'max temp recorded',
    expect: (d) => ({
      type: 'scalar',
      value: Math.max(...d.readings!.map((r) => num(r.temperature))),
      column: 'temperature',
    }),
  },

  // an aggregate by group
  {
    category: 'group-aggregate',
    dataset: 'shop',
    q: 'avg order total by status',
    expect: (d) => ({
      type: 'groups',
      expected: groupBy(
        d.orders!,
        (r) => String(r.status),
        (rs) => mean(rs.map((r) => num(r.total))),
      ),
    }),
  },
  {
    category: 'group-aggregate',
    dataset: 'shop',
    q: 'revenue by channel',
    expect: (d) => ({
      type: 'groups',
      expected: groupBy(
        d.orders!,
        (r) => String(r.channel),
        (rs) => sum(rs.map((r) => num(r.total))),
      ),
    }),
  },
  {
    category: 'group-aggregate',
    dataset: 'shop',
    q: 'Average income per country',
    expect: (d) => ({
      type: 'groups',
      expected: groupBy(
        d.customers!,
        (r) => String(r.country),
        (rs) => mean(rs.map((r) => num(r.income))),
      ),
    }),
  },
  {
    category: 'group-aggregate',
    dataset: 'shop',
    q: 'median age of customers in each country',
    expect: (d) => ({
      type: 'groups',
      expected: groupBy(
        d.customers!,
        (r) => String(r.country),
        (rs) => median(rs.map((r) => num(r.age))),
      ),
    }),
  },
  {
    category: 'group-aggregate',
    dataset: 'clinic',
    q: "what's the average cost of a visit for each reason?",
    expect: (d) => ({
      type: 'groups',
      expected: groupBy(
        d.visits!,
        (r) => String(r.reason),
        (rs) => mean(rs.map((r) => num(r.cost))),
      ),
    }),
  },
  {
    category: 'group-aggregate',
    dataset: 'iot',
    q: 'highest temperature per sensor',
    expect: (d) => ({
      type: 'groups',
      expected: groupBy(
        d.readings!,
        (r) => String(r.sensor_id),
        (rs) => Math.max(...rs.map((r) => num(r.temperature))),
      ),
    }),
  },

  // top / bottom N
  {
    category: 'top-n',
    dataset: 'shop',
    q: 'top 5 cities by number of customers',
    expect: (d) => ({
      type: 'top',
      all: groupBy(
        d.customers!,
        (r) => String(r.city),
        (rs) => rs.length,
      ),
      n: 5,
      dir: 'desc',
    }),
  },
  {
    category: 'top-n',
    dataset: 'shop',
    q: 'which 5 customers spent the most?',
    expect: (d) => ({
      type: 'top',
      all: groupBy(
        d.orders!,
        (r) => String(r.customer_id),
        (rs) => sum(rs.map((r) => num(r.total))),
      ),
      aliases: uniqueNames(d.customers!),
      n: 5,
      dir: 'desc',
    }),
  },
  {
    category: 'top-n',
    dataset: 'iot',
    q: '3 hottest sensors on average',
    expect: (d) => ({
      type: 'top',
      all: groupBy(
        d.readings!,
        (r) => String(r.sensor_id),
        (rs) => mean(rs.map((r) => num(r.temperature))),
      ),
      n: 3,
      dir: 'desc',
    }),
  },
  {
    category: 'top-n',
    dataset: 'clinic',
    q: 'bottom 3 cities by patient count',
    expect: (d) => ({
      type: 'top',
      all: groupBy(
        d.patients!,
        (r) => String(r.city),
        (rs) => rs.length,
      ),
      n: 3,
      dir: 'asc',
    }),
  },
  {
    category: 'top-n',
    dataset: 'clinic',
    q: 'Top 10 patients by number of visits',
    expect: (d) => ({
      type: 'top',
      all: groupBy(
        d.visits!,
        (r) => String(r.patient_id),
        (rs) => rs.length,
      ),
      aliases: uniqueNames(d.patients!),
      n: 10,
      dir: 'desc',
    }),
  },
  {
    category: 'top-n',
    dataset: 'shop',
    q: 'Which country has the highest average income?',
    expect: (d) => {
      const byCountry = groupBy(
        d.customers!,
        (r) => String(r.country),
        (rs) => mean(rs.map((r) => num(r.income))),
      );
      const best = [...byCountry].sort((a, b) => b[1] - a[1])[0]!;
      return { type: 'scalar-text', value: best[0] };
    },
  },

  // filters on numbers, dates and categories, often combined
  {
    category: 'filter',
    dataset: 'shop',
    q: 'how many folks in Berlin are over 60?',
    expect: (d) => ({
      type: 'scalar',
      value: count(d.customers!, (r) => r.city === 'Berlin' && num(r.age) > 60),
    }),
  },
  {
    category: 'filter',
    dataset: 'shop',
    q: 'How many VIP customers live in France?',
    expect: (d) => ({
      type: 'scalar',
      value: count(d.customers!, (r) => r.vip === true && r.country === 'FR'),
    }),
  },
  {
    category: 'filter',
    dataset: 'shop',
    q: 'how many orders over $500 came through mobile?',
    expect: (d) => ({
      type: 'scalar',
      value: count(d.orders!, (r) => num(r.total) > 500 && r.channel === 'mobile'),
    }),
  },
  {
    category: 'filter',
    dataset: 'shop',
    q: 'average order total for shipped orders in 2024',
    expect: (d) => ({
      type: 'scalar',
      value: mean(
        d
          .orders!.filter((r) => r.status === 'shipped' && inRange(r.ordered_at, '2024-01-01', '2025-01-01'))
          .map((r) => num(r.total)),
      ),
    }),
  },
  {
    category: 'filter',
    dataset: 'shop',
    q: 'number of orders from March 1 to June 30 2024',
    expect: (d) => ({
      type: 'scalar',
      value: count(d.orders!, (r) => inRange(r.ordered_at, '2024-03-01', '2024-07-01')),
    }),
  },
  {
    category: 'filter',
    dataset: 'shop',
    q: 'How many customers under 25 signed up in 2024?',
    expect: (d) => ({
      type: 'scalar',
      value: count(d.customers!, (r) => num(r.age) < 25 && String(r.signup_date).startsWith('2024-')),
    }),
  },
  {
    category: 'filter',
    dataset: 'clinic',
    q: 'how many female patients have O- blood?',
    expect: (d) => ({
      type: 'scalar',
      value: count(d.patients!, (r) => r.sex === 'female' && r.blood_type === 'O-'),
    }),
  },
  {
    category: 'filter',
    dataset: 'clinic',
    q: 'total cost of injury visits in 2024',
    // no injury visit falls near a new year, so UTC and New York time agree on the year
    expect: (d) => ({
      type: 'scalar',
      value: sum(
        d
          .visits!.filter((r) => r.reason === 'injury' && inRange(r.visited_at, '2024-01-01', '2025-01-01'))
          .map((r) => num(r.cost)),
      ),
    }),
  },
  {
    category: 'filter',
    dataset: 'clinic',
    q: 'How many active patients are over 80 years old?',
    expect: (d) => ({
      type: 'scalar',
      value: count(d.patients!, (r) => r.status === 'active' && ageOf(r.birth_date) > 80),
    }),
  },
  {
    category: 'filter',
    dataset: 'iot',
    q: 'how many readings were above 25 degrees?',
    expect: (d) => ({ type: 'scalar', value: count(d.readings!, (r) => num(r.temperature) > 25) }),
  },

  // missing values
  {
    category: 'nulls',
    dataset: 'shop',
    q: "how many customers don't have a phone number?",
    expect: (d) => ({ type: 'scalar', value: count(d.customers!, (r) => r.phone === null) }),
  },
  {
    category: 'nulls',
    dataset: 'clinic',
    q: 'How many visits are missing notes?',
    expect: (d) => ({ type: 'scalar', value: count(d.visits!, (r) => r.notes === null) }),
  },
  {
    category: 'nulls',
    dataset: 'clinic',
    q: 'number of visits with notes recorded',
    expect: (d) => ({ type: 'scalar', value: count(d.visits!, (r) => r.notes !== null) }),
  },

  // distinct values
  {
    category: 'distinct',
    dataset: 'shop',
    q: 'what sales channels do we have?',
    expect: (d) => ({ type: 'set', values: [...new Set(d.orders!.map((r) => String(r.channel)))] }),
  },
  {
    category: 'distinct',
    dataset: 'clinic',
    q: 'list the different visit reasons',
    expect: (d) => ({ type: 'set', values: [...new Set(d.visits!.map((r) => String(r.reason)))] }),
  },
  {
    category: 'distinct',
    dataset: 'shop',
    q: 'how many distinct cities are our customers in?',
    expect: (d) => ({ type: 'scalar', value: new Set(d.customers!.map((r) => String(r.city))).size }),
  },

  // distributions
  {
    category: 'distribution',
    dataset: 'shop',
    q: 'distribution of customer income',
    expect: (d) => {
      const xs = d.customers!.map((r) => num(r.income));
      return { type: 'histogram', total: xs.length, min: Math.min(...xs), max: Math.max(...xs) };
    },
  },
  {
    category: 'distribution',
    dataset: 'clinic',
    q: 'how are visit costs distributed?',
    expect: (d) => {
      const xs = d.visits!.map((r) => num(r.cost));
      return { type: 'histogram', total: xs.length, min: Math.min(...xs), max: Math.max(...xs) };
    },
  },

  // correlations
  {
    category: 'correlation',
    dataset: 'shop',
    q: 'is there a correlation between quantity and order total?',
    expect: (d) => ({
      type: 'correlation',
      r: pearson(
        d.orders!.map((r) => num(r.quantity)),
        d.orders!.map((r) => num(r.total)),
      ),
    }),
  },
  {
    category: 'correlation',
    dataset: 'shop',
    q: 'does age correlate with income?',
    expect: (d) => ({
      type: 'correlation',
      r: pearson(
        d.customers!.map((r) => num(r.age)),
        d.customers!.map((r) => num(r.income)),
      ),
    }),
  },

  // rows
  {
    category: 'show-rows',
    dataset: 'shop',
    q: 'show customers in Madrid older than 75',
    expect: (d) => {
      const where = (r: Row) => r.city === 'Madrid' && num(r.age) > 75;
      return { type: 'rows', where, total: count(d.customers!, where), cap: 50 };
    },
  },
  {
    category: 'show-rows',
    dataset: 'shop',
    q: 'Show me refunded orders with a total over 2000',
    expect: (d) => {
      const where = (r: Row) => r.status === 'refunded' && num(r.total) > 2000;
      return { type: 'rows', where, total: count(d.orders!, where), cap: 50 };
    },
  },
  {
    category: 'show-rows',
    dataset: 'clinic',
    q: 'show the 5 most expensive visits',
    expect: (d) => ({
      type: 'ordered',
      column: 'cost',
      values: d
        .visits!.map((r) => num(r.cost))
        .sort((a, b) => b - a)
        .slice(0, 5),
    }),
  },

  // out of scope: nothing in the data answers these
  {
    category: 'unanswerable',
    dataset: 'shop',
    q: "what's the weather forecast for Berlin tomorrow?",
    expect: () => ({ type: 'unanswerable' }),
  },
  {
    category: 'unanswerable',
    dataset: 'shop',
    q: 'how many employees work in our warehouse?',
    expect: () => ({ type: 'unanswerable' }),
  },
  {
    category: 'unanswerable',
    dataset: 'clinic',
    q: 'which doctor saw the most patients?',
    expect: () => ({ type: 'unanswerable' }),
  },
  {
    category: 'unanswerable',
    dataset: 'iot',
    q: "what's the humidity reading at sensor S-0001?",
    expect: () => ({ type: 'unanswerable' }),
  },
  {
    category: 'unanswerable',
    dataset: 'shop',
    q: "What's our profit margin by product category?",
    expect: () => ({ type: 'unanswerable' }),
  },
];
