import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { CellValue, ColumnKind, ColumnProfile, QueryResult, TableProfile } from '../src/types.ts';

// An in-memory DuckDB standing in for @synoptic/dataset-query in tests and the benchmark:
// it profiles tables the same way (kind from the type, categories up to 200) and runs SQL.

export async function openDuck(): Promise<{ conn: DuckDBConnection; close: () => void }> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run("SET TimeZone = 'UTC'");
  return {
    conn,
    close: () => {
      conn.closeSync();
      db.closeSync();
    },
  };
}

export function kindOf(sqlType: string): ColumnKind {
  const t = sqlType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(t))
    return 'integer';
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(t)) return 'decimal';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'VARCHAR') return 'text';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP')) return 'timestamp';
  return 'other';
}

const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

export async function profileTable(conn: DuckDBConnection, table: string): Promise<TableProfile> {
  const described = (await conn.runAndReadAll(`DESCRIBE ${ident(table)}`)).getRowObjectsJson() as Array<{
    column_name: string;
    column_type: string;
  }>;
  const rows = Number(
    (await conn.runAndReadAll(`SELECT count(*) FROM ${ident(table)}`)).getRowsJson()[0]![0],
  );
  const columns: ColumnProfile[] = [];
  for (const d of described) {
    const kind = kindOf(d.column_type);
    const col = ident(d.column_name);
    const examples = (
      await run(
        conn,
        `SELECT DISTINCT ${col} FROM ${ident(table)} WHERE ${col} IS NOT NULL ORDER BY 1 LIMIT 3`,
      )
    ).rows.map((r) => r[0]!);
    const profile: ColumnProfile = { name: d.column_name, kind, sqlType: d.column_type, examples };
    if (kind === 'text') {
      const n = Number(
        (await conn.runAndReadAll(`SELECT count(DISTINCT ${col}) FROM ${ident(table)}`)).getRowsJson()[0]![0],
      );
      if (n <= 200)
        profile.categories = (
          await run(conn, `SELECT DISTINCT ${col} FROM ${ident(table)} WHERE ${col} IS NOT NULL ORDER BY 1`)
        ).rows.map((r) => String(r[0]));
    }
    columns.push(profile);
  }
  return { name: table, rows, columns };
}

export async function run(conn: DuckDBConnection, sql: string, maxRows = 10_000): Promise<QueryResult> {
  const started = performance.now();
  const reader = await conn.runAndReadAll(sql);
  const names = reader.columnNames();
  const types = reader.columnTypes().map(String);
  const numeric = types.map((t) => /INT|DECIMAL/.test(t.toUpperCase()));
  const all = reader.getRowsJson() as unknown[][];
  const rows = all.slice(0, maxRows).map((r) =>
    r.map((v, i): CellValue => {
      if (v === null || v === undefined) return null;
      if (numeric[i]) return Number(v);
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      return JSON.stringify(v);
    }),
  );
  return {
    columns: names.map((name, i) => ({ name, sqlType: types[i]! })),
    rows,
    truncated: all.length > maxRows,
    elapsedMs: performance.now() - started,
  };
}
