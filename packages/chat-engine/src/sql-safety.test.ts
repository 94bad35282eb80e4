import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openShop, type Shop } from '../test/shop.fixture.ts';
import { planQuestion } from './built-in.engine.ts';
import { dateLit, ident, num, str, timestampLit } from './sql-builder.ts';

let shop: Shop;
beforeAll(async () => {
  shop = await openShop(async (q, d, h) => planQuestion(q, d, h));
});
afterAll(() => shop.close());

describe('the SQL builder', () => {
  it('quotes identifiers and literals', () => {
    expect(ident('we"ird')).toBe('"we""ird"');
    expect(str("O'Neil")).toBe("'O''Neil'");
    expect(str('a\u0000b')).toBe("'ab'");
    expect(num(-5)).toBe('(-5)');
    expect(num(2.5)).toBe('2.5');
  });

  it('refuses values that are not what they claim to be', () => {
    expect(() => num(Number.NaN)).toThrow();
    expect(() => num(Number.POSITIVE_INFINITY)).toThrow();
    expect(() => dateLit("2024-01-01' OR 1=1 --")).toThrow();
    expect(() => timestampLit('2024-01-01')).toThrow();
  });
});

/** DuckDB's own parse of the SQL: how many statements, and whether any table function appears. */
async function parse(sql: string): Promise<{ statements: number; tableFunction: boolean }> {
  const r = await shop.run(`SELECT json_serialize_sql(${str(sql)})`);
  const json = JSON.parse(String(r.rows[0]![0])) as {
    error: boolean;
    statements?: unknown[];
    error_message?: string;
  };
  if (json.error) throw new Error(`DuckDB could not parse the planned SQL: ${json.error_message}`);
  return {
    statements: json.statements?.length ?? 0,
    tableFunction: JSON.stringify(json).includes('TABLE_FUNCTION'),
  };
}

const hostile = [
  "show customers named Robert'); DROP TABLE customers; --",
  'how many customers in Berlin; DROP TABLE customers',
  "show rows where name = 'x' OR 1=1 --'",
  `customers with email containing "'; DELETE FROM orders; --"`,
  "show me read_csv('/etc/passwd')",
  "how many customers in read_csv('/etc/passwd')",
  "average age from customers; COPY customers TO '/tmp/x.csv'",
  "customers in \"Paris'); ATTACH 'evil.db' AS e; --\"",
  "orders where status is 'paid'' UNION SELECT * FROM duckdb_settings() --'",
  "show customers whose name contains \\'; SELECT 1",
  "customers named '; INSTALL httpfs; LOAD httpfs; --",
  'how many orders */ ; DROP TABLE orders; /*',
];

describe('questions that try to inject SQL', () => {
  it.each(hostile)('plans %s as one safe SELECT or not at all', async (question) => {
    const plan = planQuestion(question, shop.dataset);
    if (plan.kind === 'unanswerable') {
      expect(plan.suggestions).toHaveLength(3);
      return;
    }
    const parsed = await parse(plan.sql);
    expect(parsed).toEqual({ statements: 1, tableFunction: false });
    expect(plan.sql).toMatch(/^(SELECT|WITH) /);
    await shop.run(plan.sql);
    const tables = await shop.run('SELECT table_name FROM duckdb_tables() ORDER BY 1');
    expect(tables.rows).toEqual([['customers'], ['orders']]);
    expect((await shop.run('SELECT count(*) FROM orders')).rows[0]![0]).toBe(16);
  });

  it('keeps text from the question inside one quoted literal', async () => {
    const plan = planQuestion(`show customers named "O'Neil'); DROP TABLE customers; --"`, shop.dataset);
    if (plan.kind !== 'sql') throw new Error(plan.message);
    expect(plan.sql).toBe(
      `SELECT * FROM "customers" WHERE contains(lower("name"), lower('O''Neil''); DROP TABLE customers; --')) LIMIT 50`,
    );
    expect(await parse(plan.sql)).toEqual({ statements: 1, tableFunction: false });
    expect((await shop.run(plan.sql)).rows).toHaveLength(0);
    const named = planQuestion(`show customers named "O'Neil"`, shop.dataset);
    expect(named.kind === 'sql' && (await shop.run(named.sql)).rows).toHaveLength(1);
  });

  it('answers a plain comparison but not a dangling "OR 1=1"', async () => {
    const plan = planQuestion("show rows where name = 'Ann Lee'", shop.dataset);
    expect(plan.kind === 'sql' && (await shop.run(plan.sql)).rows).toHaveLength(1);
    expect(planQuestion("show rows where name = 'x' OR 1=1", shop.dataset).kind).toBe('unanswerable');
  });
});
