import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config, shardBytes, tableRows } from '../../test/helpers.ts';
import { planJob } from '../index.ts';

// Output read back by independent readers: csv-parse, DuckDB (CSV, JSON Lines, Parquet) and
// PostgreSQL itself (SQL).

const cfg = config({
  tables: [
    {
      name: 'people',
      rows: 3000,
      countries: ['US', 'DE', 'FR', 'ES', 'JP'],
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'uid', type: 'uuid', version: 7 },
        { name: 'name', type: 'full_name', nullPercent: 5 },
        { name: 'address', type: 'full_address' },
        { name: 'age', type: 'age' },
        {
          name: 'income',
          type: 'decimal',
          min: 0,
          distribution: { type: 'lognormal', mu: 10.5, sigma: 0.6 },
          precision: 2,
        },
        { name: 'joined', type: 'date' },
        { name: 'seen', type: 'datetime', timeZone: 'Asia/Tokyo' },
        { name: 'vip', type: 'boolean', probability: 0.1 },
        { name: 'bio', type: 'paragraph', nullPercent: 20 },
        {
          name: 'motto',
          type: 'categorical',
          values: ['=SUM(A1)', 'say "hi", then go', 'line\nbreak', '+1', 'plain'],
        },
      ],
    },
  ],
});
const plan = planJob(cfg, { seed: 'roundtrip', shardRows: 4096 * 8 });
const shard = plan.tables[0]!.shards[0]!;
let expected: Array<Record<string, unknown>>;
let dir: string;

beforeAll(async () => {
  expected = await tableRows(cfg, 'roundtrip', 'people');
  dir = mkdtempSync(join(tmpdir(), 'synoptic-gen-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function duck<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJson() as T[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe('CSV', () => {
  it('parses back with csv-parse to the same cells, quoting what needs quoting', async () => {
    const bytes = await shardBytes(cfg, plan, shard, { format: 'csv' });
    const records = parse(bytes, { columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(3000);
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      const e = expected[i]!;
      expect(r.name).toBe(e.name ?? '');
      expect(r.address).toBe(e.address);
      expect(r.motto).toBe(e.motto);
      expect(Number(r.income)).toBe(e.income);
      expect(r.seen).toBe(e.seen);
    }
    expect(bytes.toString('utf8', 0, 200)).toMatch(
      /^id,uid,name,address,age,income,joined,seen,vip,bio,motto\r\n1,/,
    );
  });

  it('uses another delimiter and escapes formulas when asked', async () => {
    const bytes = await shardBytes(cfg, plan, shard, {
      format: 'csv',
      csv: { delimiter: ';', escapeFormulas: true },
    });
    const records = parse(bytes, { columns: true, delimiter: ';' }) as Array<Record<string, string>>;
    const mottos = new Set(records.map((r) => r.motto));
    expect(mottos).toContain("'=SUM(A1)");
    expect(mottos).toContain("'+1");
    expect(mottos).toContain('say "hi", then go');
    expect(mottos).not.toContain('=SUM(A1)');
  });

  it('reads with DuckDB with the right types', async () => {
    const file = join(dir, 'people.csv');
    writeFileSync(file, await shardBytes(cfg, plan, shard, { format: 'csv' }));
    const [stats] = await duck<{ n: string; ages: string; vips: string }>(
      `select count(*) as n, sum(age) as ages, count(*) filter (where vip) as vips from read_csv('${file}', header = true)`,
    );
    expect(Number(stats!.n)).toBe(3000);
    expect(Number(stats!.ages)).toBe(expected.reduce((a, r) => a + (r.age as number), 0));
    expect(Number(stats!.vips)).toBe(expected.filter((r) => r.vip).length);
  });
});

describe('JSON Lines', () => {
  it('reads with DuckDB', async () => {
    const file = join(dir, 'people.jsonl');
    writeFileSync(file, await shardBytes(cfg, plan, shard, { format: 'jsonl' }));
    const rows = await duck<{ id: number; name: string | null; income: number }>(
      `select id, name, income from read_json('${file}', format = 'newline_delimited') order by id`,
    );
    expect(rows).toHaveLength(3000);
    expect(rows.map((r) => r.name)).toEqual(expected.map((r) => r.name));
    expect(rows.map((r) => Number(r.income))).toEqual(expected.map((r) => r.income));
  });
});

describe('Parquet', () => {
  it('reads with DuckDB with typed columns and nulls', async () => {
    const file = join(dir, 'people.parquet');
    const bytes = await shardBytes(cfg, plan, shard, { format: 'parquet' });
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
    writeFileSync(file, bytes);
    const types = await duck<{ column_name: string; column_type: string }>(
      `describe select * from read_parquet('${file}')`,
    );
    expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toMatchObject({
      id: 'BIGINT',
      uid: 'UUID',
      age: 'BIGINT',
      income: 'DOUBLE',
      joined: 'DATE',
      seen: 'TIMESTAMP WITH TIME ZONE',
      vip: 'BOOLEAN',
      name: 'VARCHAR',
    });
    const rows = await duck<{ id: string; uid: string; name: string | null; joined: string; seen: string }>(
      `select id, uid::varchar as uid, name, joined::varchar as joined, epoch_ms(seen) as seen from read_parquet('${file}') order by id`,
    );
    expect(rows).toHaveLength(3000);
    expect(rows.map((r) => r.uid)).toEqual(expected.map((r) => r.uid));
    expect(rows.map((r) => r.name)).toEqual(expected.map((r) => r.name));
    expect(rows.map((r) => r.joined)).toEqual(expected.map((r) => r.joined));
    expect(rows.map((r) => Number(r.seen))).toEqual(expected.map((r) => Date.parse(String(r.seen))));
  });

  it('writes several row groups for a large part', async () => {
    const big = config({
      tables: [
        {
          name: 'n',
          rows: 140_000,
          fields: [
            { name: 'id', type: 'sequence' },
            { name: 'w', type: 'word' },
          ],
        },
      ],
    });
    const p = planJob(big, { seed: 1, shardRows: 140_000 });
    const file = join(dir, 'big.parquet');
    writeFileSync(file, await shardBytes(big, p, p.tables[0]!.shards[0]!, { format: 'parquet' }));
    const [meta] = await duck<{ groups: string; n: string }>(
      `select count(distinct row_group_id) as groups, (select count(*) from read_parquet('${file}')) as n from parquet_metadata('${file}')`,
    );
    expect(Number(meta!.n)).toBe(140_000);
    expect(Number(meta!.groups)).toBe(3);
  });
});

describe('SQL', () => {
  it('loads into PostgreSQL and reads back the same rows', async () => {
    const client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
    await client.connect();
    const schema = `gen_test_${process.pid}_${Date.now()}`;
    try {
      await client.query(`create schema ${schema}; set search_path to ${schema}`);
      // two parts, each with its own CREATE TABLE IF NOT EXISTS
      const p2 = planJob(cfg, { seed: 'roundtrip', shardRows: 4096 });
      for (const s of p2.tables[0]!.shards)
        await client.query((await shardBytes(cfg, p2, s, { format: 'sql' })).toString('utf8'));
      const { rows } = await client.query(
        `select id, uid::text as uid, name, income::text as income, joined::text as joined, extract(epoch from seen) * 1000 as seen, vip, motto from people order by id`,
      );
      expect(rows).toHaveLength(3000);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const e = expected[i]!;
        expect(Number(r.id)).toBe(e.id);
        expect(r.uid).toBe(e.uid);
        expect(r.name).toBe(e.name);
        expect(Number(r.income)).toBe(e.income);
        expect(r.joined).toBe(e.joined);
        expect(Number(r.seen)).toBe(Date.parse(String(e.seen)));
        expect(r.vip).toBe(e.vip);
        expect(r.motto).toBe(e.motto);
      }
    } finally {
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    }
  });
});
