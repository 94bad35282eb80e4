import { describe, expect, it } from 'vitest';
import { shopProfile } from '../test/profiles.ts';
import { planQuestion } from './built-in.engine.ts';
import { suggestQuestions } from './question-suggestions.ts';
import { tokenize } from './question-tokenizer.ts';
import { singular } from './word-forms.ts';

const kinds = (q: string) =>
  tokenize(q).map((t) =>
    t.t === 'word'
      ? t.w
      : t.t === 'date'
        ? t.date
        : t.t === 'num'
          ? t.value
          : t.t === 'range'
            ? [t.lo, t.hi]
            : t.t === 'quoted'
              ? `"${t.text}"`
              : t.op,
  );

describe('tokenize', () => {
  it('reads dates at the precision given', () => {
    expect(kinds('after 2024-06-01')).toEqual(['after', { year: 2024, month: 6, day: 1 }]);
    expect(kinds('in June 2024')).toEqual(['in', { year: 2024, month: 6 }]);
    expect(kinds('on 1 June 2024')).toEqual(['on', { year: 2024, month: 6, day: 1 }]);
    expect(kinds('since June 1st, 2024')).toEqual(['since', { year: 2024, month: 6, day: 1 }]);
    expect(kinds('in 2024-06')).toEqual(['in', { year: 2024, month: 6 }]);
    expect(kinds('during Q3 2024')).toEqual(['during', { quarter: 3, year: 2024 }]);
    expect(kinds('in march')).toEqual(['in', { month: 3 }]);
    expect(kinds('orders may ship')).toEqual(['orders', 'may', 'ship']);
    expect(kinds('at 2024-06-01 12:30')).toEqual(['at', { year: 2024, month: 6, day: 1, time: '12:30:00' }]);
  });

  it('reads numbers, ranges, symbols and quoted text', () => {
    expect(kinds('over $1,200.50')).toEqual(['over', 1200.5]);
    expect(kinds('above 10k')).toEqual(['above', 10000]);
    expect(kinds('aged 18-25')).toEqual(['aged', [18, 25]]);
    expect(kinds('top five')).toEqual(['top', 5]);
    expect(kinds('age >= 30')).toEqual(['age', '>=', 30]);
    expect(kinds(`named 'Ann Lee' or "it's"`)).toEqual(['named', '"Ann Lee"', 'or', `"it's"`]);
    expect(kinds("what's the customers' age")).toEqual(['what', 'the', 'customers', 'age']);
  });

  it('marks where punctuation starts a new clause', () => {
    const breaks = (q: string) => tokenize(q).flatMap((t) => (t.brk ? [t.raw] : []));
    expect(breaks('Quick question: how many orders, roughly?')).toEqual(['how', 'roughly']);
    expect(breaks('Thanks. How many orders')).toEqual(['How']);
    // an abbreviation or a lower-case word after a full stop goes on
    expect(breaks('web vs. mobile orders')).toEqual([]);
    expect(breaks('orders in June 2024 - by status')).toEqual(['by']);
  });

  it('reads decades as ranges', () => {
    expect(kinds("the 1980s, the '90s and their 30s")).toEqual([
      'the',
      [1980, 1989],
      'the',
      [1990, 1999],
      'and',
      'their',
      [30, 39],
    ]);
  });

  it('splits words written like column names', () => {
    expect(kinds('Signup_Date and signupDate')).toEqual(['signup', 'date', 'and', 'signup', 'date']);
    expect(kinds('non-VIP')).toEqual(['non', 'vip']);
    expect(kinds('check-up and e-mail')).toEqual(['check-up', 'and', 'e-mail']);
  });
});

describe('singular', () => {
  it('meets the forms column names use', () => {
    expect(
      ['cities', 'statuses', 'orders', 'addresses', 'purchases', 'status', 'people', 'boxes'].map(singular),
    ).toEqual(['city', 'status', 'order', 'address', 'purchase', 'status', 'person', 'box']);
  });
});

describe('suggestQuestions', () => {
  it('suggests questions about the actual columns that the engine answers', () => {
    const suggestions = suggestQuestions(shopProfile, 5);
    expect(suggestions).toHaveLength(5);
    expect(new Set(suggestions).size).toBe(5);
    expect(suggestions.join(' ')).toMatch(/orders|customers/);
    for (const s of suggestions) expect(planQuestion(s, shopProfile).kind).toBe('sql');
    expect(suggestQuestions(shopProfile)).toHaveLength(3);
    expect(suggestQuestions([])).toEqual([]);
  });

  it('still suggests 3 for a table with few kinds of columns', () => {
    const plain = [
      {
        name: 'events',
        rows: 10,
        columns: [{ name: 'at', kind: 'timestamp' as const, sqlType: 'TIMESTAMP', examples: [] }],
      },
    ];
    expect(suggestQuestions(plain)).toHaveLength(3);
  });
});
