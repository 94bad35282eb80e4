import { describe, expect, it } from 'vitest';
import { patientsProfile, shopProfile } from '../test/profiles.ts';
import { describeAnswer } from './answer-text.ts';
import { planQuestion } from './built-in.engine.ts';
import type { CellValue, ChatPlan, QueryResult } from './types.ts';

function sqlPlan(question: string, dataset = shopProfile): Extract<ChatPlan, { kind: 'sql' }> {
  const plan = planQuestion(question, dataset);
  if (plan.kind !== 'sql') throw new Error(plan.message);
  return plan;
}

function result(columns: Array<[string, string]>, rows: CellValue[][], truncated = false): QueryResult {
  return { columns: columns.map(([name, sqlType]) => ({ name, sqlType })), rows, truncated, elapsedMs: 1 };
}

function answer(question: string, r: QueryResult, dataset = shopProfile): string {
  return describeAnswer(question, sqlPlan(question, dataset), r);
}

describe('describeAnswer', () => {
  it('phrases counts with the filters, in the singular when there is one', () => {
    const q = 'how many customers older than 60 live in Berlin';
    expect(answer(q, result([['count', 'BIGINT']], [[1204]]))).toBe(
      'There are 1,204 customers older than 60 in Berlin.',
    );
    expect(answer(q, result([['count', 'BIGINT']], [[1]]))).toBe(
      'There is 1 customer older than 60 in Berlin.',
    );
    expect(answer(q, result([['count', 'BIGINT']], [[0]]))).toBe(
      'There are no customers older than 60 in Berlin.',
    );
  });

  it('phrases a single value and several', () => {
    expect(answer('average age of vip customers', result([['avg_age', 'DOUBLE']], [[46.2345]]))).toBe(
      'The average age of customers that are vip is 46.23.',
    );
    expect(
      answer(
        'min and max income',
        result(
          [
            ['min_income', 'DOUBLE'],
            ['max_income', 'DOUBLE'],
          ],
          [[21000, 120000]],
        ),
      ),
    ).toBe('For customers, the minimum income is 21,000 and the maximum income is 120,000.');
  });

  it('lists groups, biggest first, and names the top one of a ranking', () => {
    const r = result(
      [
        ['status', 'VARCHAR'],
        ['count', 'BIGINT'],
      ],
      [
        ['shipped', 14602],
        ['paid', 3893],
        ['refunded', 964],
      ],
    );
    expect(answer('number of orders by status', r)).toBe(
      'Number of orders by status: shipped (14,602), paid (3,893), refunded (964).',
    );
    expect(
      answer(
        'which status is most common',
        result(
          r.columns.map((c) => [c.name, c.sqlType]),
          [['shipped', 14602]],
        ),
      ),
    ).toBe('The status with the highest number of orders is shipped (14,602).');
  });

  it('summarises a time series by its extremes', () => {
    const r = result(
      [
        ['month', 'DATE'],
        ['count', 'BIGINT'],
      ],
      [
        ['2024-01-01', 10],
        ['2024-02-01', 30],
        ['2024-03-01', 20],
      ],
    );
    expect(answer('orders per month', r)).toBe(
      'Number of orders by month, 2024-01 to 2024-03 (3 periods): highest 2024-02 (30), lowest 2024-01 (10).',
    );
  });

  it('describes rows, capped lists and rankings of rows', () => {
    const cols: Array<[string, string]> = [
      ['id', 'BIGINT'],
      ['city', 'VARCHAR'],
    ];
    const fifty = Array.from({ length: 50 }, (_, i) => [i, 'Paris'] as CellValue[]);
    expect(answer('show me customers in Paris', result(cols, fifty))).toBe(
      'Here are 50 customers in Paris (showing the first 50).',
    );
    expect(answer('show me customers in Paris', result(cols, []))).toBe('There are no customers in Paris.');
    const top = result(
      [
        ['id', 'VARCHAR'],
        ['total', 'DOUBLE'],
      ],
      [
        ['O-1', 2399.1],
        ['O-2', 2391.12],
      ],
    );
    expect(answer('2 most expensive orders', top)).toBe(
      'The 2 orders with the highest total (total from 2,399.1 to 2,391.12).',
    );
    expect(answer('oldest patient', result([['age', 'INTEGER']], [[97]]), patientsProfile)).toBe(
      'The oldest patient (age 97).',
    );
  });

  it('lists distinct values', () => {
    const r = result([['status', 'VARCHAR']], [['paid'], ['refunded'], ['shipped']]);
    expect(answer('which statuses are there', r)).toBe(
      'There are 3 distinct statuses among orders: paid, refunded, shipped.',
    );
  });

  it('describes missing values, percentages, histograms and correlations', () => {
    expect(
      answer(
        'how many emails are missing',
        result(
          [
            ['missing', 'BIGINT'],
            ['total', 'BIGINT'],
            ['missing_percent', 'DOUBLE'],
          ],
          [[312, 10000, 3.12]],
        ),
      ),
    ).toBe('Email is missing for 312 of 10,000 customers (3.12%).');
    expect(
      answer(
        'what percentage of orders are refunded',
        result(
          [
            ['percent', 'DOUBLE'],
            ['matching', 'BIGINT'],
            ['total', 'BIGINT'],
          ],
          [[4.86, 946, 19459]],
        ),
      ),
    ).toBe('4.86% of orders have status refunded (946 of 19,459).');
    const bins = result(
      [
        ['bin_start', 'BIGINT'],
        ['bin_end', 'BIGINT'],
        ['count', 'BIGINT'],
      ],
      [
        [18, 21, 5],
        [21, 24, 9],
        [24, 27, 2],
      ],
    );
    expect(answer('distribution of age', bins)).toBe(
      'Age ranges from 18 to 26 across 16 customers; the most common range is 21–23 with 9.',
    );
    const corr = result(
      [
        ['correlation', 'DOUBLE'],
        ['pairs', 'BIGINT'],
        ['age', 'BIGINT'],
        ['income', 'DOUBLE'],
      ],
      [[0.62, 1000, 30, 41000]],
    );
    expect(answer('correlation between age and income', corr)).toBe(
      'The correlation between age and income is 0.62 (a strong positive relationship), over 1,000 customers.',
    );
  });

  it('falls back to plain words for a plan without a built-in intent, and says when rows were cut', () => {
    const plan: Extract<ChatPlan, { kind: 'sql' }> = {
      kind: 'sql',
      sql: 'SELECT 1',
      intent: 'The model says: 42 orders',
    };
    expect(describeAnswer('q', plan, result([['n', 'BIGINT']], [[7]]))).toBe('The result is 7.');
    expect(
      describeAnswer(
        'q',
        plan,
        result(
          [
            ['city', 'VARCHAR'],
            ['n', 'BIGINT'],
          ],
          [
            ['Paris', 3],
            ['Berlin', 2],
          ],
          true,
        ),
      ),
    ).toBe('2 rows of n by city: Paris (3), Berlin (2). (The result was cut off at 2 rows.)');
    expect(describeAnswer('q', plan, result([['n', 'BIGINT']], []))).toBe('The query returned no rows.');
  });
});
