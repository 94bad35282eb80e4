import { describe, expect, test } from 'vitest';
import type { DatasetColumn } from './use-dataset';
import {
  describeFilter,
  filterIndexOf,
  nextSort,
  opsFor,
  parseValue,
  parseView,
  serializeView,
} from './view-model';

const columns: DatasetColumn[] = [
  { name: 'age', kind: 'integer', sqlType: 'BIGINT' },
  { name: 'city', kind: 'text', sqlType: 'VARCHAR' },
  { name: 'signup_date', kind: 'date', sqlType: 'DATE' },
];

describe('nextSort', () => {
  test('cycles a header click through ascending, descending and unsorted', () => {
    const asc = nextSort([], 'age', false);
    expect(asc).toEqual([{ column: 'age', direction: 'asc' }]);
    const desc = nextSort(asc, 'age', false);
    expect(desc).toEqual([{ column: 'age', direction: 'desc' }]);
    expect(nextSort(desc, 'age', false)).toEqual([]);
  });

  test('replaces the sort on a plain click and adds to it with shift', () => {
    const byAge = [{ column: 'age', direction: 'desc' as const }];
    expect(nextSort(byAge, 'city', false)).toEqual([{ column: 'city', direction: 'asc' }]);
    const both = nextSort(byAge, 'city', true);
    expect(both).toEqual([
      { column: 'age', direction: 'desc' },
      { column: 'city', direction: 'asc' },
    ]);
    expect(nextSort(nextSort(both, 'city', true), 'city', true)).toEqual(byAge);
  });
});

describe('parseValue', () => {
  test('reads numbers with separators and refuses what is not one', () => {
    expect(parseValue('1,234', 'integer')).toEqual({ ok: true, value: 1234 });
    expect(parseValue('2.5', 'decimal')).toEqual({ ok: true, value: 2.5 });
    expect(parseValue('2.5', 'integer')).toEqual({ ok: false, message: 'Enter a whole number.' });
    expect(parseValue('old', 'integer').ok).toBe(false);
  });

  test('keeps dates as YYYY-MM-DD and booleans as booleans', () => {
    expect(parseValue('2024-02-29', 'date')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseValue('29/02/2024', 'date').ok).toBe(false);
    expect(parseValue('false', 'boolean')).toEqual({ ok: true, value: false });
  });
});

describe('filters', () => {
  test('offers operators that suit the column', () => {
    expect(opsFor('text')).toContain('contains');
    expect(opsFor('integer')).not.toContain('contains');
    expect(opsFor('date')).toContain('between');
    expect(opsFor('boolean')).toEqual(['eq', 'neq', 'is_null', 'is_not_null']);
  });

  test('describes a filter in words for its chip', () => {
    expect(describeFilter({ column: 'city', op: 'eq', value: 'Berlin' }, 'text')).toBe('city is “Berlin”');
    expect(describeFilter({ column: 'age', op: 'between', min: 18, max: 65 }, 'integer')).toBe(
      'age between 18 and 65',
    );
    expect(describeFilter({ column: 'signup_date', op: 'gt', value: '2024-01-01' }, 'date')).toBe(
      'signup_date after 2024-01-01',
    );
    expect(describeFilter({ column: 'city', op: 'in', values: ['a', 'b', 'c', 'd'] }, 'text')).toBe(
      'city is one of 4 values',
    );
  });

  test('finds the filter an api field path names', () => {
    expect(filterIndexOf('filters[2].value')).toBe(2);
    expect(filterIndexOf('view.filters[0].column')).toBe(0);
    expect(filterIndexOf('sort[0].column')).toBeUndefined();
  });
});

describe('the view in the address', () => {
  test('round-trips and drops what does not fit the table', () => {
    const view = {
      filters: [{ column: 'age', op: 'gte' as const, value: 60 }],
      sort: [{ column: 'city', direction: 'desc' as const }],
    };
    expect(parseView(serializeView(view) ?? null, columns)).toEqual(view);
    const foreign = JSON.stringify({
      filters: [
        { column: 'salary', op: 'gt', value: 1 },
        { column: 'age', op: 'explode' },
      ],
      sort: [{ column: 'age', direction: 'sideways' }],
    });
    expect(parseView(foreign, columns)).toEqual({ filters: [], sort: [] });
    expect(parseView('{not json', columns)).toEqual({ filters: [], sort: [] });
    expect(serializeView({ filters: [], sort: [] })).toBeUndefined();
  });
});
