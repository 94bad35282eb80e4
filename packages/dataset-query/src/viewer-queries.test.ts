import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GeneratedRow, generateDataset } from '../test/generated-dataset.ts';
import type { CellValue, Dataset, DatasetCatalog, Filter, Sort } from './dataset.types.ts';
import { createDatasetCatalog } from './dataset-catalog.ts';

let root: string;
let catalog: DatasetCatalog;
let dataset: Dataset;
let customers: GeneratedRow[];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'synoptic-viewer-'));
  const data = await generateDataset(join(root, 'store'), { id: 'viewer-1', format: 'csv', customers: 3000 });
  customers = data.rows.customers!;
  catalog = createDatasetCatalog({ cacheDir: join(root, 'cache') });
  dataset = await catalog.open(data.source, data.fetch);
});
afterAll(async () => {
  await catalog.close();
  await rm(root, { recursive: true, force: true });
});

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Ids of the rows a filter keeps, by the same rule written in JS. */
async function idsOf(filters: Filter[], sort: Sort[] = []): Promise<{ ids: CellValue[]; total: number }> {
  const page = await dataset.rows('customers', { filters, sort, limit: 500 });
  return { ids: page.rows.map((r) => r[0]!), total: page.total };
}

function expectIds(rows: GeneratedRow[]) {
  return { ids: rows.slice(0, 500).map((r) => r.id), total: rows.length };
}

describe('rows', () => {
  // Filters are functions: some take their value from the generated rows, known only once loaded.
  const cases: { name: string; filters: () => Filter[]; keep: (r: GeneratedRow) => boolean }[] = [
    {
      name: 'eq on text',
      filters: () => [{ column: 'category', op: 'eq', value: 'gold' }],
      keep: (r) => r.category === 'gold',
    },
    {
      name: 'neq keeps NULLs',
      filters: () => [{ column: 'email', op: 'neq', value: str(customers[0]!.email) }],
      keep: (r) => r.email !== customers[0]!.email,
    },
    {
      name: 'contains ignores case',
      filters: () => [{ column: 'full_name', op: 'contains', value: 'ANN' }],
      keep: (r) => str(r.full_name).toLowerCase().includes('ann'),
    },
    {
      name: 'starts_with respects case',
      filters: () => [{ column: 'full_name', op: 'starts_with', value: 'Ma' }],
      keep: (r) => str(r.full_name).startsWith('Ma'),
    },
    {
      name: 'gt on an integer',
      filters: () => [{ column: 'age', op: 'gt', value: 60 }],
      keep: (r) => Number(r.age) > 60,
    },
    {
      name: 'gte with a numeric string',
      filters: () => [{ column: 'age', op: 'gte', value: '60' }],
      keep: (r) => Number(r.age) >= 60,
    },
    {
      name: 'lt on a decimal',
      filters: () => [{ column: 'income', op: 'lt', value: 30000.5 }],
      keep: (r) => Number(r.income) < 30000.5,
    },
    {
      name: 'lte on a date',
      filters: () => [{ column: 'signup_date', op: 'lte', value: '2018-06-30' }],
      keep: (r) => str(r.signup_date) <= '2018-06-30',
    },
    {
      name: 'between dates, inclusive',
      filters: () => [{ column: 'signup_date', op: 'between', min: '2020-01-01', max: '2020-12-31' }],
      keep: (r) => str(r.signup_date) >= '2020-01-01' && str(r.signup_date) <= '2020-12-31',
    },
    {
      name: 'between with only a min',
      filters: () => [{ column: 'income', op: 'between', min: 90000 }],
      keep: (r) => Number(r.income) >= 90000,
    },
    {
      name: 'between instants with offsets',
      filters: () => [
        { column: 'last_seen', op: 'between', min: '2021-01-01T00:00:00Z', max: '2021-06-30T23:59:59+02:00' },
      ],
      keep: (r) =>
        Date.parse(str(r.last_seen)) >= Date.parse('2021-01-01T00:00:00Z') &&
        Date.parse(str(r.last_seen)) <= Date.parse('2021-06-30T23:59:59+02:00'),
    },
    {
      name: 'in with mixed value types',
      filters: () => [{ column: 'age', op: 'in', values: [30, '40', 50] }],
      keep: (r) => [30, 40, 50].includes(Number(r.age)),
    },
    {
      name: 'in on text',
      filters: () => [{ column: 'category', op: 'in', values: ['gold', 'platinum'] }],
      keep: (r) => r.category === 'gold' || r.category === 'platinum',
    },
    { name: 'is_null', filters: () => [{ column: 'email', op: 'is_null' }], keep: (r) => r.email === null },
    {
      name: 'is_not_null',
      filters: () => [{ column: 'note', op: 'is_not_null' }],
      keep: (r) => r.note !== null,
    },
    {
      name: 'eq on a boolean given as text',
      filters: () => [{ column: 'active', op: 'eq', value: 'false' }],
      keep: (r) => r.active === false,
    },
    {
      name: 'eq on a uuid',
      filters: () => [{ column: 'uuid', op: 'eq', value: str(customers[42]!.uuid) }],
      keep: (r) => r.uuid === customers[42]!.uuid,
    },
    {
      name: 'two filters (AND)',
      filters: () => [
        { column: 'category', op: 'eq', value: 'silver' },
        { column: 'score', op: 'lt', value: 0 },
      ],
      keep: (r) => r.category === 'silver' && r.score !== null && Number(r.score) < 0,
    },
  ];

  test.each(cases)('filter: $name', async ({ filters, keep }) => {
    const kept = customers.filter(keep);
    expect(kept.length).toBeGreaterThan(0);
    expect(await idsOf(filters())).toEqual(expectIds(kept));
  });

  test('contains and starts_with take % and _ literally', async () => {
    for (const value of ['%', '_']) {
      expect((await idsOf([{ column: 'full_name', op: 'contains', value }])).total).toBe(0);
      expect((await idsOf([{ column: 'full_name', op: 'starts_with', value }])).total).toBe(0);
    }
  });

  test('an empty in-list matches nothing', async () => {
    expect(await idsOf([{ column: 'age', op: 'in', values: [] }])).toEqual({ ids: [], total: 0 });
  });

  test('sorts by a number descending, ties and order of import by id', async () => {
    const sorted = [...customers].sort(
      (a, b) => Number(b.income) - Number(a.income) || Number(a.id) - Number(b.id),
    );
    expect(await idsOf([], [{ column: 'income', direction: 'desc' }])).toEqual(expectIds(sorted));
  });

  test('sorts by text with NULLs last, then by a second key', async () => {
    const sorted = [...customers].sort((a, b) => {
      const [x, y] = [a.email ?? null, b.email ?? null];
      const byEmail = x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
      return byEmail || Number(b.age) - Number(a.age) || Number(a.id) - Number(b.id);
    });
    const { ids } = await idsOf(
      [],
      [
        { column: 'email', direction: 'asc' },
        { column: 'age', direction: 'desc' },
      ],
    );
    expect(ids).toEqual(sorted.slice(0, 500).map((r) => r.id));
    const last = await dataset.rows('customers', {
      sort: [{ column: 'email', direction: 'desc' }],
      offset: 2990,
    });
    expect(last.rows.every((r) => r[2] === null)).toBe(true);
  });

  test('pages with offset and limit, total counting the filtered rows', async () => {
    const kept = customers.filter((r) => r.category === 'bronze');
    const page = await dataset.rows('customers', {
      filters: [{ column: 'category', op: 'eq', value: 'bronze' }],
      offset: 100,
      limit: 50,
    });
    expect(page).toMatchObject({ offset: 100, limit: 50, total: kept.length });
    expect(page.rows.map((r) => r[0])).toEqual(kept.slice(100, 150).map((r) => r.id));
    const unfiltered = await dataset.rows('customers', {});
    expect(unfiltered).toMatchObject({ offset: 0, limit: 100, total: 3000 });
    expect(unfiltered.rows).toHaveLength(100);
    const beyond = await dataset.rows('customers', { offset: 5000 });
    expect(beyond.rows).toEqual([]);
  });

  test('returns cells as JSON values: numbers, booleans, dates, instants and NULLs', async () => {
    const page = await dataset.rows('customers', { limit: 200 });
    const names = page.columns.map((c) => c.name);
    page.rows.forEach((row, i) => {
      const expected = customers[i]!;
      const cell = (name: string) => row[names.indexOf(name)];
      expect(cell('id')).toBe(expected.id);
      expect(cell('income')).toBe(expected.income);
      expect(cell('active')).toBe(expected.active);
      expect(cell('signup_date')).toBe(expected.signup_date);
      expect(cell('last_seen')).toBe(expected.last_seen);
      expect(cell('email')).toBe(expected.email);
      expect(cell('score')).toBe(expected.score);
    });
  });
});

describe('rows refuses', () => {
  const cases: { name: string; query: Parameters<Dataset['rows']>[1]; code: string; field?: string }[] = [
    {
      name: 'an unknown column',
      query: { filters: [{ column: 'nope', op: 'is_null' }] },
      code: 'invalid_query',
      field: 'filters.0.column',
    },
    {
      name: 'text for an integer',
      query: {
        filters: [
          { column: 'id', op: 'is_null' },
          { column: 'age', op: 'gt', value: 'abc' },
        ],
      },
      code: 'invalid_query',
      field: 'filters.1.value',
    },
    {
      name: 'a bad date',
      query: { filters: [{ column: 'signup_date', op: 'between', min: '2020-02-30' }] },
      code: 'invalid_query',
      field: 'filters.0.min',
    },
    {
      name: 'a bad in-list value',
      query: { filters: [{ column: 'active', op: 'in', values: [true, 'maybe'] }] },
      code: 'invalid_query',
      field: 'filters.0.values.1',
    },
    {
      name: 'an unknown operation',
      query: { filters: [{ column: 'age', op: 'like', value: 1 } as unknown as Filter] },
      code: 'invalid_query',
      field: 'filters.0.op',
    },
    {
      name: 'an unknown sort column',
      query: { sort: [{ column: 'x', direction: 'asc' }] },
      code: 'invalid_query',
      field: 'sort.0.column',
    },
    { name: 'a limit over 500', query: { limit: 501 }, code: 'invalid_query', field: 'limit' },
    { name: 'a negative offset', query: { offset: -1 }, code: 'invalid_query', field: 'offset' },
  ];

  test.each(cases)('$name', async ({ query, code, field }) => {
    await expect(dataset.rows('customers', query)).rejects.toMatchObject({ code, field });
  });

  test('an unknown table as not found', async () => {
    await expect(dataset.rows('nope', {})).rejects.toMatchObject({ code: 'not_found' });
    await expect(dataset.columnStats('nope', 'id')).rejects.toMatchObject({ code: 'not_found' });
  });

  test('a column name that tries SQL', async () => {
    await expect(
      dataset.rows('customers', { sort: [{ column: 'id"; DROP TABLE customers; --', direction: 'asc' }] }),
    ).rejects.toMatchObject({ code: 'invalid_query', field: 'sort.0.column' });
    const page = await dataset.rows('customers', {
      filters: [{ column: 'full_name', op: 'eq', value: "x' OR '1'='1" }],
    });
    expect(page.total).toBe(0);
  });
});

/** RFC 4180 parser for the round trip (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('exportCsv', () => {
  test('streams the filtered, sorted rows as CSV that reads back to the same cells', async () => {
    const query = {
      filters: [{ column: 'category', op: 'neq', value: 'platinum' }] as Filter[],
      sort: [{ column: 'signup_date', direction: 'desc' }] as Sort[],
    };
    const chunks: string[] = [];
    for await (const chunk of dataset.exportCsv('customers', query)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    const [header, ...body] = parseCsv(chunks.join(''));
    const expected: CellValue[][] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await dataset.rows('customers', { ...query, offset, limit: 500 });
      expected.push(...page.rows);
      if (expected.length >= page.total) break;
    }
    expect(header).toEqual(dataset.tables()[0]!.columns.map((c) => c.name));
    expect(body).toEqual(expected.map((r) => r.map((v) => (v === null ? '' : String(v)))));
    expect(body.some((r) => r[8]!.includes(','))).toBe(true);
  });

  test('reports a bad view on the first next(), before any text', async () => {
    const iterator = dataset
      .exportCsv('customers', { filters: [{ column: 'age', op: 'gt', value: 'old' }] })
      [Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ code: 'invalid_query', field: 'filters.0.value' });
  });

  test('releases the dataset when the reader stops early', async () => {
    for await (const chunk of dataset.exportCsv('orders', {})) {
      expect(chunk.startsWith('order_id,customer_id,amount\r\n')).toBe(true);
      break;
    }
    expect((await dataset.rows('orders', { limit: 1 })).rows).toHaveLength(1);
  });
});
