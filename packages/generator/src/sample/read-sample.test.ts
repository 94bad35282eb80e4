import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataColumn, DataTable } from '../tabular/data-table.ts';
import { readSample, SampleReadError, sampleFormatOf } from './index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sample-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

function column(table: DataTable, name: string): DataColumn {
  const col = table.columns.find((c) => c.name === name);
  if (!col) throw new Error(`no column ${name} in ${table.columns.map((c) => c.name).join(', ')}`);
  return col;
}

/** A column's cells as plain values (null for empty cells), for readable assertions. */
function cells(table: DataTable, name: string): unknown[] {
  const col = column(table, name);
  return Array.from({ length: table.rows }, (_, i) => {
    if (col.nulls[i]) return null;
    switch (col.type) {
      case 'text':
        return col.dictionary[col.codes[i]!];
      case 'boolean':
        return col.values[i] === 1;
      default:
        return col.values[i];
    }
  });
}

async function readError(path: string, format: 'csv' | 'jsonl' | 'parquet'): Promise<SampleReadError> {
  const err = await readSample(path, format).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SampleReadError);
  return err as SampleReadError;
}

describe('readSample', () => {
  it('reads a CSV with quoted commas, quotes and newlines, and types each column', async () => {
    const path = await file(
      'people.csv',
      [
        'id,name,note,score,joined,seen_at,vip',
        '1,"Smith, Jane","said ""hi""",4.5,2024-03-01,2024-03-01T10:15:00Z,true',
        '2,Bob,"two',
        'lines",,2024-03-02,2024-03-02T08:00:00Z,false',
        '3,,plain,3.25,,2024-03-03T23:59:59Z,',
      ].join('\n'),
    );
    const { table, totalRows } = await readSample(path, 'csv');
    expect(totalRows).toBe(3);
    expect(table.columns.map((c) => c.name)).toEqual([
      'id',
      'name',
      'note',
      'score',
      'joined',
      'seen_at',
      'vip',
    ]);
    expect(column(table, 'id')).toMatchObject({ type: 'number', integer: true });
    expect(column(table, 'score')).toMatchObject({ type: 'number', integer: false });
    expect(column(table, 'joined').type).toBe('date');
    expect(column(table, 'seen_at').type).toBe('datetime');
    expect(column(table, 'vip').type).toBe('boolean');
    expect(cells(table, 'id')).toEqual([1, 2, 3]);
    expect(cells(table, 'name')).toEqual(['Smith, Jane', 'Bob', null]);
    expect(cells(table, 'note')).toEqual(['said "hi"', 'two\nlines', 'plain']);
    expect(cells(table, 'score')).toEqual([4.5, null, 3.25]);
    expect(cells(table, 'joined')).toEqual([Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 2), null]);
    expect(cells(table, 'seen_at')).toEqual([
      Date.UTC(2024, 2, 1, 10, 15),
      Date.UTC(2024, 2, 2, 8),
      Date.UTC(2024, 2, 3, 23, 59, 59),
    ]);
    expect(cells(table, 'vip')).toEqual([true, false, null]);
  });

  it('finds a semicolon delimiter and Windows line ends, and reads NA and empty strings as empty cells', async () => {
    const path = await file(
      'semi.csv',
      'city;population;mayor\r\nLyon;522250;NA\r\nNantes;320732;""\r\n"Aix; Provence";147122;Anne\r\n',
    );
    const { table } = await readSample(path, 'csv');
    expect(table.columns.map((c) => c.type)).toEqual(['text', 'number', 'text']);
    expect(cells(table, 'city')).toEqual(['Lyon', 'Nantes', 'Aix; Provence']);
    expect(cells(table, 'population')).toEqual([522250, 320732, 147122]);
    expect(cells(table, 'mayor')).toEqual([null, null, 'Anne']);
  });

  it('reads a tab-separated file with a value whose type changes after the rows DuckDB sniffs', async () => {
    const lines = ['code\tqty'];
    for (let i = 0; i < 30_000; i++) lines.push(`${i === 25_000 ? 'X-9' : i}\t${i % 7}`);
    const path = await file('late.tsv', `${lines.join('\n')}\n`);
    const { table, totalRows } = await readSample(path, sampleFormatOf(path)!);
    expect(totalRows).toBe(30_000);
    const code = column(table, 'code');
    expect(code.type).toBe('text');
    expect(cells(table, 'code')[25_000]).toBe('X-9');
    expect(cells(table, 'qty')[29_999]).toBe(29_999 % 7);
  });

  it('reads a Latin-1 CSV as a spreadsheet on Windows writes it', async () => {
    const path = await file('latin1.csv', Buffer.from('name,city\nJosé,München\n', 'latin1'));
    const { table } = await readSample(path, 'csv');
    expect(cells(table, 'name')).toEqual(['José']);
    expect(cells(table, 'city')).toEqual(['München']);
  });

  it('reads JSON lines with missing keys, nested values and instants with offsets', async () => {
    const path = await file(
      'events.jsonl',
      [
        '{"id": 1, "kind": "click", "at": "2024-05-01T12:00:00+02:00", "meta": {"x": 1}, "ok": true}',
        '{"id": 2, "kind": "", "at": "2024-05-01T10:30:00+00:00", "ok": false}',
        '{"id": 3, "at": null, "meta": {"x": 2}, "ok": null, "extra": 1.5}',
      ].join('\n'),
    );
    const { table, totalRows } = await readSample(path, 'jsonl');
    expect(totalRows).toBe(3);
    expect(cells(table, 'id')).toEqual([1, 2, 3]);
    expect(cells(table, 'kind')).toEqual(['click', null, null]);
    expect(column(table, 'at').type).toBe('datetime');
    expect(cells(table, 'at')).toEqual([Date.UTC(2024, 4, 1, 10), Date.UTC(2024, 4, 1, 10, 30), null]);
    expect(cells(table, 'meta').map((v) => (v === null ? null : JSON.parse(v as string)))).toEqual([
      { x: 1 },
      null,
      { x: 2 },
    ]);
    expect(cells(table, 'ok')).toEqual([true, false, null]);
    expect(cells(table, 'extra')).toEqual([null, null, 1.5]);
  });

  it('reads Parquet with DuckDB types converted: decimals, whole decimals, dates, instants, uuids', async () => {
    const path = join(dir, 'typed.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      await conn.run(`COPY (
        SELECT i::INTEGER AS n, (i * 1.25)::DECIMAL(10, 2) AS price, (i * 10)::DECIMAL(12, 0) AS cents,
          i::UBIGINT AS big, (i % 2 = 0) AS even, DATE '2024-01-01' + i::INTEGER AS day,
          TIMESTAMP '2024-01-01 06:00:00' + INTERVAL (i) HOUR AS at,
          TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL (i) MINUTE AS at_tz,
          CASE WHEN i = 2 THEN '' ELSE 'v' || i END AS label,
          '00000000-0000-4000-8000-00000000000' || i AS id_text, uuid() AS id
        FROM range(1, 4) t(i)
      ) TO '${path}' (FORMAT parquet)`);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    const { table } = await readSample(path, 'parquet');
    expect(column(table, 'n')).toMatchObject({ type: 'number', integer: true });
    expect(column(table, 'price')).toMatchObject({ type: 'number', integer: false });
    expect(column(table, 'cents')).toMatchObject({ type: 'number', integer: true });
    expect(column(table, 'big')).toMatchObject({ type: 'number', integer: true });
    expect(cells(table, 'price')).toEqual([1.25, 2.5, 3.75]);
    expect(cells(table, 'cents')).toEqual([10, 20, 30]);
    expect(cells(table, 'even')).toEqual([false, true, false]);
    expect(cells(table, 'day')).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 4)]);
    expect(column(table, 'at').type).toBe('datetime');
    expect(cells(table, 'at')).toEqual([
      Date.UTC(2024, 0, 1, 7),
      Date.UTC(2024, 0, 1, 8),
      Date.UTC(2024, 0, 1, 9),
    ]);
    expect(cells(table, 'at_tz')).toEqual([
      Date.UTC(2024, 0, 1, 0, 1),
      Date.UTC(2024, 0, 1, 0, 2),
      Date.UTC(2024, 0, 1, 0, 3),
    ]);
    expect(cells(table, 'label')).toEqual(['v1', null, 'v3']);
    expect(column(table, 'id').type).toBe('text');
    expect(cells(table, 'id').every((v) => /^[0-9a-f-]{36}$/.test(v as string))).toBe(true);
  });

  describe('sampling', () => {
    let path: string;
    beforeAll(async () => {
      const lines = ['id,group'];
      for (let i = 0; i < 20_000; i++) lines.push(`${i},g${i % 13}`);
      path = await file('many.csv', `${lines.join('\n')}\n`);
    });

    it('keeps maxRows rows, in file order, and says how many the file has', async () => {
      const { table, totalRows } = await readSample(path, 'csv', { maxRows: 1000, seed: 'a' });
      expect(totalRows).toBe(20_000);
      expect(table.rows).toBe(1000);
      const ids = cells(table, 'id') as number[];
      expect(ids).toHaveLength(1000);
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
      // Each row of the file equally likely: the kept ids spread over the whole file.
      const mean = ids.reduce((a, b) => a + b, 0) / ids.length;
      expect(Math.abs(mean - 10_000)).toBeLessThan(600);
      expect(ids.filter((id) => id >= 10_000).length).toBeGreaterThan(420);
      const groups = cells(table, 'group') as string[];
      expect(groups.every((g, i) => g === `g${ids[i]! % 13}`)).toBe(true);
      expect(column(table, 'group')).toMatchObject({ type: 'text' });
    });

    it('keeps the same rows for the same seed and others for another seed', async () => {
      const a = cells((await readSample(path, 'csv', { maxRows: 500, seed: 's1' })).table, 'id');
      const again = cells((await readSample(path, 'csv', { maxRows: 500, seed: 's1' })).table, 'id');
      const other = cells((await readSample(path, 'csv', { maxRows: 500, seed: 's2' })).table, 'id');
      expect(again).toEqual(a);
      expect(other).not.toEqual(a);
    });

    it('keeps every row when the file has no more than maxRows', async () => {
      const { table, totalRows } = await readSample(path, 'csv', { maxRows: 20_000 });
      expect(totalRows).toBe(20_000);
      expect(cells(table, 'id')).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
    });
  });

  describe('errors a user can act on', () => {
    it('an empty file, a header without rows, a file without columns', async () => {
      expect((await readError(await file('empty.csv', ''), 'csv')).message).toBe('the file is empty');
      expect((await readError(await file('header.csv', 'a,b\n'), 'csv')).message).toBe(
        'the file has a header but no rows',
      );
      expect((await readError(await file('blank.jsonl', '\n\n'), 'jsonl')).message).toMatch(
        /no (rows|columns)/,
      );
    });

    it('a row with more or fewer columns than the header, near the start or far into the file', async () => {
      const near = ['a,b,c,d,e'];
      for (let i = 2; i <= 40; i++)
        near.push(Array.from({ length: i === 17 ? 7 : 5 }, (_, j) => i * 10 + j).join(','));
      expect((await readError(await file('near.csv', near.join('\n')), 'csv')).message).toBe(
        'line 17: expected 5 columns, found 7',
      );
      const far = ['a,b,c,d,e'];
      for (let i = 2; i <= 120_000; i++)
        far.push(Array.from({ length: i === 110_000 ? 3 : 5 }, (_, j) => i + j).join(','));
      expect((await readError(await file('far.csv', far.join('\n')), 'csv')).message).toBe(
        'line 110000: expected 5 columns, found 3',
      );
    });

    it('a file that is not of the format its name says', async () => {
      const csv = await file('plain.csv', 'a,b\n1,2\n');
      expect((await readError(csv, 'parquet')).message).toMatch(/not a Parquet file/);
      expect((await readError(csv, 'jsonl')).message).toBe('line 1: expected a JSON object');
      const jsonl = await file('rows.jsonl', '{"a":1}\n');
      expect((await readError(jsonl, 'csv')).message).toMatch(/\.jsonl name/);
      const array = await file('array.jsonl', '[{"a":1},{"a":2}]');
      expect((await readError(array, 'jsonl')).message).toMatch(/JSON array, not JSON lines/);
      const parquet = await file('fake.parquet', 'PAR1 but nothing else');
      expect((await readError(parquet, 'csv')).message).toMatch(
        /Parquet file: upload it with a \.parquet name/,
      );
      expect((await readError(parquet, 'parquet')).message).toMatch(/not a readable Parquet file/);
    });

    it('a malformed JSON line, with its line number', async () => {
      const path = await file('broken.jsonl', '{"a": 1}\n{"a": 2}\n{"a": 3,,}\n');
      expect((await readError(path, 'jsonl')).message).toMatch(/^line 3: not valid JSON/);
    });

    it('a file that does not exist, named without its folder', async () => {
      const err = await readError(join(dir, 'missing.csv'), 'csv');
      expect(err.message).toBe('cannot open missing.csv: it does not exist');
      expect((await readError(dir, 'csv')).message).toMatch(/^cannot open sample-read-\w+: it is a folder$/);
    });
  });
});

describe('sampleFormatOf', () => {
  it('tells the format from the extension, in any case', () => {
    expect(sampleFormatOf('sales.csv')).toBe('csv');
    expect(sampleFormatOf('Sales.TSV')).toBe('csv');
    expect(sampleFormatOf('events.jsonl')).toBe('jsonl');
    expect(sampleFormatOf('events.ndjson')).toBe('jsonl');
    expect(sampleFormatOf('/data/x.parquet')).toBe('parquet');
    expect(sampleFormatOf('notes.txt')).toBeUndefined();
    expect(sampleFormatOf('archive.csv.gz')).toBeUndefined();
    expect(sampleFormatOf('csv')).toBeUndefined();
  });
});
