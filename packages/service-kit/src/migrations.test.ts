import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createPool, type Pool } from './db.ts';
import { isMigrated, migrate } from './migrations.ts';
import { createTestDatabase } from './testing/test-database.ts';

let pool: Pool;
let drop: () => Promise<void>;

beforeAll(async () => {
  const db = await createTestDatabase(inject('database'));
  drop = db.drop;
  pool = createPool(db.url, { max: 4 });
});

afterAll(async () => {
  await pool.end();
  await drop();
});

async function migrationsDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'migrations-'));
  for (const [name, sql] of Object.entries(files)) await writeFile(join(dir, name), sql);
  return dir;
}

describe('migrate', () => {
  test('applies pending migrations in order, once', async () => {
    const dir = await migrationsDir({
      '0002_add_column.sql': 'alter table widgets add column colour text;',
      '0001_widgets.sql': 'create table widgets (id int primary key);',
      'README.md': 'not a migration',
    });
    expect(await isMigrated(pool, { schema: 'm_order', dir })).toBe(false);
    expect(await migrate(pool, { schema: 'm_order', dir })).toEqual(['0001_widgets', '0002_add_column']);
    expect(await migrate(pool, { schema: 'm_order', dir })).toEqual([]);
    expect(await isMigrated(pool, { schema: 'm_order', dir })).toBe(true);
    const { rows } = await pool.query(
      `select column_name from information_schema.columns where table_schema = 'm_order' and table_name = 'widgets' order by 1`,
    );
    expect(rows.map((r) => r.column_name)).toEqual(['colour', 'id']);
  });

  test('lets concurrent starts race safely: each migration runs exactly once', async () => {
    const dir = await migrationsDir({ '0001_counter.sql': 'create table counter (n int);' });
    const results = await Promise.all([1, 2, 3].map(() => migrate(pool, { schema: 'm_race', dir })));
    expect(results.flat()).toEqual(['0001_counter']);
  });

  test('refuses to start when an applied migration was edited afterwards', async () => {
    const dir = await migrationsDir({ '0001_a.sql': 'create table a (id int);' });
    await migrate(pool, { schema: 'm_edit', dir });
    await writeFile(join(dir, '0001_a.sql'), 'create table a (id bigint);');
    await expect(migrate(pool, { schema: 'm_edit', dir })).rejects.toThrow(
      /0001_a was changed after it was applied/,
    );
  });

  test('rolls back a failing migration entirely and names it', async () => {
    const dir = await migrationsDir({
      '0001_ok.sql': 'create table ok (id int);',
      '0002_bad.sql': 'create table half (id int); select * from missing_table;',
    });
    await expect(migrate(pool, { schema: 'm_fail', dir })).rejects.toThrow(
      /m_fail\/0002_bad failed: .*missing_table/,
    );
    const { rows } = await pool.query(
      `select table_name from information_schema.tables where table_schema = 'm_fail' order by 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(['ok', 'schema_migrations']);
  });

  test('rejects a schema name that is not a plain identifier', async () => {
    await expect(migrate(pool, { schema: 'x; drop table y', dir: tmpdir() })).rejects.toThrow(
      /Invalid schema name/,
    );
  });
});
