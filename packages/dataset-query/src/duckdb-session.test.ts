import { type DuckDBConnection, DuckDBInstance, VARCHAR } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DatasetQueryError } from './dataset-query.error.ts';
import { readRows } from './duckdb-session.ts';

// Two million text values, all numbers but one near the end: casting them fails part-way through
// the result, after DuckDB has already streamed most of it.
let instance: DuckDBInstance;
let conn: DuckDBConnection;
const castAll = 'SELECT CAST(v AS INTEGER) AS n FROM numbers;';

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await conn.run(
    `CREATE TABLE numbers AS SELECT CASE WHEN i = 1900000 THEN 'oops' ELSE i::VARCHAR END AS v FROM range(2000000) r(i)`,
  );
});

afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

describe('reading a result to its end', () => {
  test('a statement that fails part-way is an error, not a shorter result', async () => {
    const read = readRows(conn, castAll, undefined, { confirm: true });
    await expect(read).rejects.toThrow(DatasetQueryError);
    await expect(read).rejects.toMatchObject({
      code: 'invalid_query',
      message: expect.stringMatching(/Could not convert string 'oops' to INT32/),
    });
  });

  test('a whole result reads as before, and a capped one stops at the cap without counting', async () => {
    const whole = await readRows(
      conn,
      'SELECT v FROM numbers WHERE v LIKE $1',
      { values: ['19999%'], types: [VARCHAR] },
      { confirm: true },
    );
    expect(whole.rows).toHaveLength(111); // 19999, 199990–199999, 1999900–1999999
    expect(whole.more).toBe(false);
    const capped = await readRows(conn, castAll, undefined, { maxRows: 5000, confirm: true });
    expect(capped.rows).toHaveLength(5000);
    expect(capped.more).toBe(true);
  });
});
