import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GeneratedRow, generateDataset } from '../test/generated-dataset.ts';
import type {
  CellValue,
  ColumnProfile,
  ColumnStats,
  Dataset,
  DatasetCatalog,
  Filter,
} from './dataset.types.ts';
import { createDatasetCatalog } from './dataset-catalog.ts';

let root: string;
let catalog: DatasetCatalog;
let dataset: Dataset;
let customers: GeneratedRow[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'synoptic-stats-'));
  const data = await generateDataset(join(root, 'store'), {
    id: 'stats-1',
    format: 'jsonl',
    customers: 3000,
  });
  customers = data.rows.customers!;
  catalog = createDatasetCatalog({ cacheDir: join(root, 'cache') });
  dataset = await catalog.open(data.source, data.fetch);
});
afterAll(async () => {
  await catalog.close();
  await rm(root, { recursive: true, force: true });
});

type Kind = 'number' | 'text' | 'date' | 'instant' | 'boolean';

/** A comparable number (or string) for each JSON value, as DuckDB orders them. */
function key(kind: Kind, v: string | number | boolean): number | string {
  if (kind === 'instant') return Date.parse(v as string);
  if (kind === 'boolean') return v ? 1 : 0;
  return v as number | string;
}

const compare = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

/** The figures of ColumnStats, computed in plain JS from the generated rows. */
function expectedStats(rows: GeneratedRow[], column: string, kind: Kind) {
  const values = rows.map((r) => r[column]).filter((v): v is string | number | boolean => v !== null);
  const sorted = [...values].sort((a, b) => compare(key(kind, a), key(kind, b)));
  const counts = new Map<string | number | boolean, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || compare(key(kind, a[0]), key(kind, b[0])))
    .slice(0, 10);
  return {
    count: rows.length,
    nulls: rows.length - values.length,
    distinct: counts.size,
    min: sorted[0],
    max: sorted.at(-1),
    mean: kind === 'number' ? values.reduce((s: number, v) => s + Number(v), 0) / values.length : null,
    top,
    values,
  };
}

function checkHistogram(
  stats: ColumnStats,
  values: (string | number | boolean)[],
  kind: Kind,
  closedLast: boolean,
) {
  const bins = stats.histogram;
  expect(bins.length).toBeGreaterThan(0);
  expect(bins.length).toBeLessThanOrEqual(20);
  expect(bins.reduce((s, b) => s + b.count, 0)).toBe(values.length);
  expect(bins[0]!.start).toEqual(stats.min);
  const k = (v: CellValue) => key(kind, v as string | number);
  for (let i = 0; i < bins.length; i++) {
    const { start, end, count } = bins[i]!;
    if (i > 0) expect(start).toEqual(bins[i - 1]!.end);
    const last = i === bins.length - 1;
    const inside = values.filter((v) => {
      const x = key(kind, v);
      return x >= k(start) && (x < k(end) || (last && closedLast && x <= k(end)));
    });
    expect(count, `bin ${i} [${start}, ${end})`).toBe(inside.length);
  }
}

describe('columnStats', () => {
  test('of an integer column: counts, range, mean, top values and whole-width bins', async () => {
    const stats = await dataset.columnStats('customers', 'age');
    const want = expectedStats(customers, 'age', 'number');
    expect(stats).toMatchObject({
      column: 'age',
      kind: 'integer',
      count: want.count,
      nulls: 0,
      distinct: want.distinct,
      min: want.min,
      max: want.max,
    });
    expect(stats.mean).toBeCloseTo(want.mean!, 9);
    expect(stats.top.map((t) => [t.value, t.count])).toEqual(want.top);
    checkHistogram(stats, want.values, 'number', false);
  });

  test('of an integer column with NULLs and a range under 20: one bin per value', async () => {
    const stats = await dataset.columnStats('customers', 'score');
    const want = expectedStats(customers, 'score', 'number');
    expect(stats).toMatchObject({ count: 3000, nulls: want.nulls, distinct: 11, min: -5, max: 5 });
    expect(want.nulls).toBeGreaterThan(0);
    expect(stats.histogram.map((b) => b.start)).toEqual([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]);
    checkHistogram(stats, want.values, 'number', false);
  });

  test('of a decimal column: equal-width bins closed at the max', async () => {
    const stats = await dataset.columnStats('customers', 'income');
    const want = expectedStats(customers, 'income', 'number');
    expect(stats).toMatchObject({ kind: 'decimal', distinct: want.distinct, min: want.min, max: want.max });
    expect(stats.mean).toBeCloseTo(want.mean!, 6);
    expect(stats.histogram).toHaveLength(20);
    expect(stats.histogram.at(-1)!.end).toBe(want.max);
    checkHistogram(stats, want.values, 'number', true);
  });

  test('of a date column: dates as YYYY-MM-DD, whole-day bins', async () => {
    const stats = await dataset.columnStats('customers', 'signup_date');
    const want = expectedStats(customers, 'signup_date', 'date');
    expect(stats).toMatchObject({
      kind: 'date',
      distinct: want.distinct,
      min: want.min,
      max: want.max,
      mean: null,
    });
    expect(stats.top.map((t) => [t.value, t.count])).toEqual(want.top);
    checkHistogram(stats, want.values, 'date', false);
  });

  test('of a timestamp column: instants in UTC, bins closed at the max', async () => {
    const stats = await dataset.columnStats('customers', 'local_seen');
    const want = expectedStats(customers, 'local_seen', 'instant');
    expect(Date.parse(stats.min as string)).toBe(Date.parse(want.min as string));
    expect(Date.parse(stats.max as string)).toBe(Date.parse(want.max as string));
    expect(stats.min).toMatch(/Z$/);
    expect(stats.distinct).toBe(want.distinct);
    checkHistogram(stats, want.values, 'instant', true);
  });

  test('of a text column: top values, no histogram', async () => {
    const stats = await dataset.columnStats('customers', 'category');
    const want = expectedStats(customers, 'category', 'text');
    expect(stats).toEqual({
      column: 'category',
      kind: 'text',
      count: 3000,
      nulls: 0,
      distinct: 4,
      min: 'bronze',
      max: 'silver',
      mean: null,
      top: want.top.map(([value, count]) => ({ value, count })),
      histogram: [],
    });
  });

  test('of a text column with NULLs and many values', async () => {
    const stats = await dataset.columnStats('customers', 'email');
    const want = expectedStats(customers, 'email', 'text');
    expect(stats).toMatchObject({ nulls: want.nulls, distinct: want.distinct, min: want.min, max: want.max });
    expect(stats.top.map((t) => [t.value, t.count])).toEqual(want.top);
  });

  test('of a boolean column', async () => {
    const stats = await dataset.columnStats('customers', 'active');
    const want = expectedStats(customers, 'active', 'boolean');
    expect(stats).toMatchObject({ kind: 'boolean', distinct: 2, min: false, max: true, histogram: [] });
    expect(stats.top.map((t) => [t.value, t.count])).toEqual(want.top);
  });

  test('over filtered rows', async () => {
    const filters: Filter[] = [
      { column: 'category', op: 'eq', value: 'gold' },
      { column: 'signup_date', op: 'between', min: '2020-01-01' },
    ];
    const rows = customers.filter((r) => r.category === 'gold' && (r.signup_date as string) >= '2020-01-01');
    const stats = await dataset.columnStats('customers', 'age', filters);
    const want = expectedStats(rows, 'age', 'number');
    expect(stats).toMatchObject({
      count: rows.length,
      distinct: want.distinct,
      min: want.min,
      max: want.max,
    });
    checkHistogram(stats, want.values, 'number', false);
  });

  test('over no rows at all', async () => {
    const stats = await dataset.columnStats('customers', 'age', [{ column: 'age', op: 'gt', value: 1000 }]);
    expect(stats).toEqual({
      column: 'age',
      kind: 'integer',
      count: 0,
      nulls: 0,
      distinct: 0,
      min: null,
      max: null,
      mean: null,
      top: [],
      histogram: [],
    });
  });

  test('refuses an unknown column and a bad filter with the field at fault', async () => {
    await expect(dataset.columnStats('customers', 'nope')).rejects.toMatchObject({
      code: 'invalid_query',
      field: 'column',
    });
    await expect(
      dataset.columnStats('customers', 'age', [{ column: 'income', op: 'gt', value: 'lots' }]),
    ).rejects.toMatchObject({ code: 'invalid_query', field: 'filters.0.value' });
  });
});

describe('profile', () => {
  test('lists every column with examples and the categories of small text columns', async () => {
    const profile = await dataset.profile();
    expect(profile.map((t) => [t.name, t.rows])).toEqual([
      ['customers', 3000],
      ['orders', expect.any(Number)],
    ]);
    const columns: Record<string, ColumnProfile> = Object.fromEntries(
      profile[0]!.columns.map((c) => [c.name, c]),
    );
    expect(columns.category!.categories).toEqual(['bronze', 'gold', 'platinum', 'silver']);
    expect(columns.email!.categories).toBeUndefined();
    expect(columns.uuid!.categories).toBeUndefined();
    expect(columns.age!.examples.length).toBeGreaterThan(0);
    expect(columns.age!.examples.every((v) => typeof v === 'number')).toBe(true);
    expect(columns.signup_date!.examples[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await dataset.profile()).toBe(profile);
  });
});
