import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type GeneratedDataset, generateDataset } from '../test/generated-dataset.ts';
import type { ColumnKind, DatasetFormat } from './dataset.types.ts';
import { createDatasetCatalog } from './dataset-catalog.ts';
import { DatasetQueryError } from './dataset-query.error.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'synoptic-dataset-catalog-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const CUSTOMER_KINDS: Record<string, ColumnKind> = {
  id: 'integer',
  full_name: 'text',
  email: 'text',
  age: 'integer',
  income: 'decimal',
  signup_date: 'date',
  last_seen: 'timestamp',
  local_seen: 'timestamp',
  address: 'text',
  note: 'text',
  category: 'text',
  active: 'boolean',
  uuid: 'text',
  score: 'integer',
};

const cases: { label: string; format: DatasetFormat; delimiter?: string }[] = [
  { label: 'CSV', format: 'csv' },
  { label: "CSV with ';'", format: 'csv', delimiter: ';' },
  { label: 'JSON Lines', format: 'jsonl' },
  { label: 'Parquet', format: 'parquet' },
];

describe.each(cases)('a $label output', ({ format, delimiter }) => {
  test('opens with every column of the right kind, rows in import order and timestamps in UTC', async () => {
    const id = `kinds-${format}-${delimiter ? 'semi' : 'std'}`;
    const data = await generateDataset(join(root, 'store'), {
      id,
      format,
      customers: 2500,
      ...(delimiter ? { delimiter } : {}),
    });
    const catalog = createDatasetCatalog({ cacheDir: join(root, 'cache') });
    try {
      const dataset = await catalog.open(data.source, data.fetch);
      const tables = dataset.tables();
      expect(tables.map((t) => [t.name, t.rows])).toEqual([
        ['customers', 2500],
        ['orders', data.rows.orders!.length],
      ]);
      const customers = tables[0]!;
      expect(Object.fromEntries(customers.columns.map((c) => [c.name, c.kind]))).toEqual(CUSTOMER_KINDS);
      expect(customers.columns.find((c) => c.name === 'last_seen')!.sqlType).toBe('TIMESTAMP WITH TIME ZONE');
      expect(customers.columns.find((c) => c.name === 'score')!.sqlType).toBe('BIGINT');
      const page = await dataset.rows('customers', { limit: 3, offset: 1024 });
      const expected = data.rows.customers!.slice(1024, 1027);
      expect(page.rows.map((r) => r[0])).toEqual(expected.map((r) => r.id));
      const local = customers.columns.findIndex((c) => c.name === 'local_seen');
      // Berlin wall-clock text in the file, the same instant in UTC here.
      expect(page.rows.map((r) => Date.parse(r[local] as string))).toEqual(
        expected.map((r) => Date.parse(r.local_seen as string)),
      );
      expect(page.rows[0]![local]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
      expect(data.fetched).toHaveLength(data.source.tables.flatMap((t) => t.files).length);
    } finally {
      await catalog.close();
    }
  });
});

describe('the cache', () => {
  let data: GeneratedDataset;
  const cacheDir = () => join(root, 'cache-reuse');

  beforeAll(async () => {
    data = await generateDataset(join(root, 'store'), { id: 'reuse-1', format: 'csv', customers: 1500 });
  });

  test('is reused after a restart: the second open fetches nothing and leaves no raw files', async () => {
    const first = createDatasetCatalog({ cacheDir: cacheDir() });
    const before = await (await first.open(data.source, data.fetch)).rows('customers', { limit: 5 });
    await first.close();
    const fetchedBefore = data.fetched.length;
    expect((await readdir(join(cacheDir(), 'reuse-1'))).sort()).toEqual(['dataset.duckdb', 'dataset.json']);

    const second = createDatasetCatalog({ cacheDir: cacheDir() });
    try {
      const refuse = async (): Promise<never> => {
        throw new Error('fetch must not be called for a cached dataset');
      };
      const dataset = await second.open(data.source, refuse);
      expect(await dataset.rows('customers', { limit: 5 })).toEqual(before);
      expect(data.fetched.length).toBe(fetchedBefore);
    } finally {
      await second.close();
    }
  });

  test('evict closes the dataset, deletes its folder, and a later open imports again', async () => {
    const catalog = createDatasetCatalog({ cacheDir: cacheDir() });
    try {
      const dataset = await catalog.open(data.source, data.fetch);
      await catalog.evict('reuse-1');
      await expect(stat(join(cacheDir(), 'reuse-1'))).rejects.toThrow(/ENOENT/);
      await expect(dataset.rows('customers', {})).rejects.toMatchObject({ code: 'not_found' });
      const fetchedBefore = data.fetched.length;
      const again = await catalog.open(data.source, data.fetch);
      expect(data.fetched.length).toBe(fetchedBefore + data.source.tables.flatMap((t) => t.files).length);
      expect((await again.rows('customers', { limit: 1 })).rows[0]![0]).toBe(1);
    } finally {
      await catalog.close();
    }
  });

  test('concurrent opens of one id share one download and import', async () => {
    const fresh = await generateDataset(join(root, 'store'), {
      id: 'shared-1',
      format: 'parquet',
      customers: 1200,
    });
    const catalog = createDatasetCatalog({ cacheDir: join(root, 'cache-shared') });
    try {
      const opened = await Promise.all([1, 2, 3, 4].map(() => catalog.open(fresh.source, fresh.fetch)));
      expect(fresh.fetched.sort()).toEqual(
        fresh.source.tables.flatMap((t) => t.files.map((f) => f.key)).sort(),
      );
      const totals = await Promise.all(opened.map((d) => d.rows('customers', {}).then((p) => p.total)));
      expect(totals).toEqual([1200, 1200, 1200, 1200]);
    } finally {
      await catalog.close();
    }
  });

  test('two catalogs (two processes) importing one id at once both succeed and leave one copy', async () => {
    const fresh = await generateDataset(join(root, 'store'), {
      id: 'race-1',
      format: 'jsonl',
      customers: 1200,
    });
    const dir = join(root, 'cache-race');
    const a = createDatasetCatalog({ cacheDir: dir });
    const b = createDatasetCatalog({ cacheDir: dir });
    try {
      const [da, db] = await Promise.all([
        a.open(fresh.source, fresh.fetch),
        b.open(fresh.source, fresh.fetch),
      ]);
      expect((await da.rows('orders', {})).total).toBe(fresh.rows.orders!.length);
      expect((await db.rows('orders', {})).total).toBe(fresh.rows.orders!.length);
      expect(await readdir(dir)).toEqual(['race-1']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('keeps at most maxOpen datasets open and reopens a closed one on use', async () => {
    const one = await generateDataset(join(root, 'store'), {
      id: 'lru-1',
      format: 'parquet',
      customers: 300,
    });
    const two = await generateDataset(join(root, 'store'), {
      id: 'lru-2',
      format: 'parquet',
      customers: 400,
    });
    const catalog = createDatasetCatalog({ cacheDir: join(root, 'cache-lru'), maxOpen: 1 });
    try {
      const d1 = await catalog.open(one.source, one.fetch);
      const d2 = await catalog.open(two.source, two.fetch);
      for (let i = 0; i < 3; i++) {
        const [p1, p2] = await Promise.all([d1.rows('customers', {}), d2.rows('customers', {})]);
        expect([p1.total, p2.total]).toEqual([300, 400]);
      }
      expect((await readdir(join(root, 'cache-lru', 'lru-1'))).filter((n) => n.startsWith('tmp-'))).toEqual(
        [],
      );
    } finally {
      await catalog.close();
    }
  });
});

/** A fetch over literal file contents, for sources the generator would not write. */
function literalFetch(files: Record<string, string>) {
  return async (key: string) => Readable.from([Buffer.from(files[key]!)]);
}

describe('a source', () => {
  test('of CSV whose first part misleads the type sniffer still imports, the column as text', async () => {
    const files = {
      'a/part-00000.csv': `code,n\r\n${Array.from({ length: 50 }, (_, i) => `${i},${i}`).join('\r\n')}\r\n`,
      'a/part-00001.csv': 'code,n\r\nX-1,50\r\n',
    };
    const catalog = createDatasetCatalog({ cacheDir: join(root, 'cache-odd') });
    try {
      const dataset = await catalog.open(
        {
          id: 'odd-1',
          format: 'csv',
          tables: [{ name: 'codes', files: Object.keys(files).map((key) => ({ key, bytes: 0 })) }],
        },
        literalFetch(files),
      );
      const [table] = dataset.tables();
      expect(table!.columns.map((c) => [c.name, c.kind])).toEqual([
        ['code', 'text'],
        ['n', 'integer'],
      ]);
      expect((await dataset.rows('codes', { offset: 49 })).rows).toEqual([
        ['49', 49],
        ['X-1', 50],
      ]);
    } finally {
      await catalog.close();
    }
  });

  test('of JSON Lines with an empty table lists it without rows or columns', async () => {
    const files = { 'e/part-00000.jsonl': '', 'f/part-00000.jsonl': '{"a":1}\n' };
    const catalog = createDatasetCatalog({ cacheDir: join(root, 'cache-odd') });
    try {
      const dataset = await catalog.open(
        {
          id: 'empty-1',
          format: 'jsonl',
          tables: [
            { name: 'nothing', files: [{ key: 'e/part-00000.jsonl', bytes: 0 }] },
            { name: 'one', files: [{ key: 'f/part-00000.jsonl', bytes: 8 }] },
          ],
        },
        literalFetch(files),
      );
      expect(dataset.tables()).toEqual([
        { name: 'nothing', rows: 0, columns: [] },
        { name: 'one', rows: 1, columns: [{ name: 'a', kind: 'integer', sqlType: 'BIGINT' }] },
      ]);
      expect(await dataset.rows('nothing', {})).toMatchObject({ rows: [], total: 0 });
      expect((await dataset.query('SELECT a FROM one')).rows).toEqual([[1]]);
    } finally {
      await catalog.close();
    }
  });

  test('of SQL output is refused as unsupported', async () => {
    const catalog = createDatasetCatalog({ cacheDir: join(root, 'cache-bad') });
    try {
      const open = catalog.open({ id: 'sql-1', format: 'sql', tables: [] }, async () => {
        throw new Error('unreachable');
      });
      await expect(open).rejects.toBeInstanceOf(DatasetQueryError);
      await expect(open).rejects.toMatchObject({
        code: 'unsupported_format',
        message: 'The viewer reads CSV, JSONL and Parquet outputs; this job wrote SQL.',
      });
    } finally {
      await catalog.close();
    }
  });

  test('whose id could leave the cache folder is refused', async () => {
    const catalog = createDatasetCatalog({ cacheDir: join(root, 'cache-bad') });
    try {
      for (const id of ['../etc', 'a/b', '', 'x y']) {
        await expect(
          catalog.open({ id, format: 'csv', tables: [] }, async () => {
            throw new Error('unreachable');
          }),
        ).rejects.toMatchObject({ code: 'invalid_query', field: 'id' });
      }
      await expect(catalog.evict('../x')).rejects.toMatchObject({ code: 'invalid_query' });
    } finally {
      await catalog.close();
    }
  });

  test('with a missing file fails as not found and leaves nothing behind', async () => {
    const data = await generateDataset(join(root, 'store'), {
      id: 'missing-1',
      format: 'csv',
      customers: 100,
    });
    const dir = join(root, 'cache-missing');
    const catalog = createDatasetCatalog({ cacheDir: dir });
    try {
      const fetch = async (key: string) => {
        if (key.includes('orders'))
          throw Object.assign(new Error(`object '${key}' not found`), { name: 'ObjectNotFoundError' });
        return data.fetch(key);
      };
      await expect(catalog.open(data.source, fetch)).rejects.toMatchObject({ code: 'not_found' });
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await catalog.close();
    }
  });
});
