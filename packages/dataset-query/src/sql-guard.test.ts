import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateDataset } from '../test/generated-dataset.ts';
import type { Dataset, DatasetCatalog } from './dataset.types.ts';
import { createDatasetCatalog } from './dataset-catalog.ts';
import { lockDown } from './duckdb-session.ts';

let root: string;
let cacheDir: string;
let catalog: DatasetCatalog;
let dataset: Dataset;
let other: Dataset;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'synoptic-sql-guard-'));
  cacheDir = join(root, 'cache');
  const data = await generateDataset(join(root, 'store'), {
    id: 'guard-1',
    format: 'parquet',
    customers: 2000,
  });
  const second = await generateDataset(join(root, 'store'), { id: 'guard-2', format: 'csv', customers: 50 });
  catalog = createDatasetCatalog({ cacheDir });
  dataset = await catalog.open(data.source, data.fetch);
  other = await catalog.open(second.source, second.fetch);
});
afterAll(async () => {
  await catalog.close();
  await rm(root, { recursive: true, force: true });
});

describe('query() runs', () => {
  test('a SELECT with GROUP BY and ORDER BY', async () => {
    const result = await dataset.query(
      'SELECT category, count(*) AS n, round(avg(income), 2) AS avg_income FROM customers GROUP BY category ORDER BY n DESC',
    );
    expect(result.columns).toEqual([
      { name: 'category', sqlType: 'VARCHAR' },
      { name: 'n', sqlType: 'BIGINT' },
      { name: 'avg_income', sqlType: 'DOUBLE' },
    ]);
    expect(result.rows.map((r) => r[0])).toEqual(['bronze', 'silver', 'gold', 'platinum']);
    expect(result.rows.reduce((s, r) => s + Number(r[1]), 0)).toBe(2000);
    expect(result.truncated).toBe(false);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  test('WITH … SELECT joining both tables, a recursive CTE and a date spine', async () => {
    const joined = await dataset.query(`
      WITH spenders AS (
        SELECT customer_id, sum(amount) AS spent FROM orders GROUP BY customer_id
      ), ranked AS (SELECT * FROM spenders ORDER BY spent DESC LIMIT 3)
      SELECT c.full_name, r.spent FROM ranked r JOIN main.customers c ON c.id = r.customer_id ORDER BY r.spent DESC`);
    expect(joined.rows).toHaveLength(3);
    const recursive = await dataset.query(
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT sum(i) AS s FROM n',
    );
    expect(recursive.rows).toEqual([[15]]);
    const spine = await dataset.query(
      "SELECT d::DATE AS day FROM generate_series(DATE '2024-01-01', DATE '2024-01-03', INTERVAL 1 DAY) t(d)",
    );
    expect(spine.rows).toEqual([['2024-01-01'], ['2024-01-02'], ['2024-01-03']]);
  });

  test('capped at maxRows, saying so', async () => {
    const result = await dataset.query('SELECT id FROM customers ORDER BY id', { maxRows: 5 });
    expect(result.rows).toEqual([[1], [2], [3], [4], [5]]);
    expect(result.truncated).toBe(true);
    const all = await dataset.query('SELECT id FROM customers');
    expect(all.rows).toHaveLength(1000);
    expect(all.truncated).toBe(true);
  });
});

const hostile: { name: string; sql: string; message: RegExp }[] = [
  {
    name: 'read_csv of /etc/passwd',
    sql: "SELECT * FROM read_csv('/etc/passwd')",
    message: /Table functions such as read_csv\(\) are not allowed/,
  },
  {
    name: 'a file path as a table',
    sql: "SELECT * FROM '/etc/passwd'",
    message: /Reading files is not allowed \('\/etc\/passwd'\)/,
  },
  { name: 'a glob of files', sql: "SELECT * FROM glob('/**')", message: /Table functions such as glob\(\)/ },
  {
    name: 'read_text in a subquery',
    sql: "SELECT (SELECT content FROM read_text('/etc/hostname')) AS x",
    message: /read_text/,
  },
  {
    name: 'COPY … TO',
    sql: "COPY customers TO '/tmp/synoptic-leak.csv'",
    message: /Only one read-only SELECT/,
  },
  {
    name: 'COPY (SELECT …) TO',
    sql: "COPY (SELECT * FROM customers) TO '/tmp/synoptic-leak.csv'",
    message: /Only one read-only SELECT/,
  },
  { name: 'ATTACH', sql: "ATTACH '/tmp/other.duckdb' AS other", message: /Only one read-only SELECT/ },
  { name: 'INSTALL', sql: 'INSTALL httpfs', message: /Only one read-only SELECT/ },
  { name: 'LOAD', sql: 'LOAD httpfs', message: /Only one read-only SELECT/ },
  { name: 'PRAGMA', sql: 'PRAGMA database_list', message: /Only one read-only SELECT/ },
  { name: 'SET', sql: 'SET enable_external_access = true', message: /Only one read-only SELECT/ },
  { name: 'CALL', sql: 'CALL duckdb_settings()', message: /Only one read-only SELECT/ },
  {
    name: 'EXPORT DATABASE',
    sql: "EXPORT DATABASE '/tmp/synoptic-export'",
    message: /Only one read-only SELECT/,
  },
  { name: 'CREATE', sql: 'CREATE TEMP TABLE t AS SELECT 1', message: /Only one read-only SELECT/ },
  { name: 'INSERT', sql: 'INSERT INTO customers (id) VALUES (1)', message: /Only one read-only SELECT/ },
  { name: 'UPDATE', sql: 'UPDATE customers SET age = 1', message: /Only one read-only SELECT/ },
  { name: 'DELETE', sql: 'DELETE FROM customers', message: /Only one read-only SELECT/ },
  { name: 'DROP', sql: 'DROP TABLE customers', message: /Only one read-only SELECT/ },
  {
    name: 'two SELECTs',
    sql: 'SELECT 1; SELECT 2',
    message: /exactly one SELECT statement; this text holds 2/,
  },
  {
    name: 'a SELECT then a DROP',
    sql: 'SELECT 1; DROP TABLE customers',
    message: /Only one read-only SELECT/,
  },
  {
    name: 'a CTE that hides a table function',
    sql: "WITH x AS (SELECT * FROM read_csv('/etc/passwd')) SELECT * FROM x",
    message: /read_csv\(\) are not allowed/,
  },
  {
    name: 'a CTE shadowing a system view',
    sql: 'WITH duckdb_settings AS (SELECT 1 AS x) SELECT * FROM duckdb_settings',
    message: /"duckdb_settings" is a reserved name/,
  },
  {
    name: 'a CTE referenced outside its scope',
    sql: 'SELECT * FROM (WITH t1 AS (SELECT 1 AS x) SELECT * FROM t1) a, t1',
    message: /There is no table "t1" here/,
  },
  { name: 'a system view', sql: 'SELECT * FROM duckdb_tables', message: /There is no table "duckdb_tables"/ },
  {
    name: 'information_schema',
    sql: 'SELECT * FROM information_schema.tables',
    message: /There is no table "information_schema.tables"/,
  },
  { name: 'pg_catalog', sql: 'SELECT * FROM pg_catalog.pg_class', message: /no table "pg_catalog.pg_class"/ },
  {
    name: 'the system catalog',
    sql: 'SELECT * FROM system.main.duckdb_settings',
    message: /no table "system.main/,
  },
  {
    name: 'duckdb_settings()',
    sql: 'SELECT * FROM duckdb_settings()',
    message: /duckdb_settings\(\) are not allowed/,
  },
  {
    name: 'current_setting()',
    sql: "SELECT current_setting('temp_directory')",
    message: /current_setting\(\) is not allowed/,
  },
  { name: 'getenv()', sql: "SELECT getenv('HOME')", message: /getenv\(\) is not allowed/ },
  { name: 'query()', sql: "SELECT * FROM query('SELECT 1')", message: /query\(\) are not allowed/ },
  { name: 'DESCRIBE', sql: 'DESCRIBE customers', message: /DESCRIBE, SHOW and SUMMARIZE are not available/ },
  {
    name: 'a table of another dataset',
    sql: 'SELECT * FROM other.customers',
    message: /no table "other.customers"/,
  },
];

describe('query() refuses', () => {
  test.each(hostile)('$name', async ({ sql, message }) => {
    const run = dataset.query(sql);
    await expect(run).rejects.toMatchObject({ code: 'refused' });
    await expect(run).rejects.toThrow(message);
  });

  test("another dataset's database file, by path, read_parquet or ATTACH", async () => {
    const path = join(cacheDir, 'guard-2', 'dataset.duckdb');
    for (const sql of [
      `SELECT * FROM '${path}'`,
      `SELECT * FROM read_parquet('${path}')`,
      `SELECT * FROM read_csv('${join(cacheDir, 'guard-2', 'dataset.json')}')`,
      `ATTACH '${path}' AS other (READ_ONLY)`,
    ]) {
      await expect(dataset.query(sql)).rejects.toMatchObject({ code: 'refused' });
    }
    expect((await other.query('SELECT count(*) AS n FROM customers')).rows).toEqual([[50]]);
  });

  test('a CROSS JOIN explosion, stopped at the time limit', async () => {
    const started = performance.now();
    const run = dataset.query(
      'SELECT count(*) FROM customers a CROSS JOIN customers b CROSS JOIN customers c WHERE a.income + b.income > c.income',
      { timeoutMs: 1000 },
    );
    await expect(run).rejects.toMatchObject({
      code: 'timeout',
      message: 'The query took longer than 1 s and was stopped.',
    });
    expect(performance.now() - started).toBeLessThan(5000);
    // the dataset still answers afterwards
    expect((await dataset.query('SELECT 1 AS one')).rows).toEqual([[1]]);
  });

  test('a result of huge strings, by size', async () => {
    await expect(dataset.query("SELECT repeat('x', 9000000) AS big")).rejects.toMatchObject({
      code: 'too_large',
    });
  });

  test('SQL that does not parse, as an invalid query', async () => {
    await expect(dataset.query('SELEC * FROM customers')).rejects.toMatchObject({
      code: 'invalid_query',
      message: expect.stringMatching(/does not parse/),
    });
    await expect(dataset.query('SELECT nope FROM customers')).rejects.toMatchObject({
      code: 'invalid_query',
      message: expect.stringMatching(/nope/),
    });
  });
});

describe('the sandbox itself (a second wall behind the checker)', () => {
  test('refuses files, settings and extensions even to a statement that reaches it', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      await lockDown(conn, { memoryLimit: '64MB' });
      for (const sql of [
        "SELECT * FROM read_csv('/etc/passwd')",
        `SELECT * FROM '${join(cacheDir, 'guard-2', 'dataset.duckdb')}'`,
        "COPY (SELECT 1) TO '/tmp/synoptic-sandbox.csv'",
        "ATTACH '/tmp/synoptic-sandbox.duckdb' AS x",
        'INSTALL httpfs',
        'LOAD httpfs',
        'SET enable_external_access = true',
        "SET memory_limit = '10GB'",
      ]) {
        await expect(conn.run(sql), sql).rejects.toThrow(
          /Permission Error|Invalid Input Error|Catalog Error|locked/,
        );
      }
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
});
