import type { CellValue, ColumnProfile, TableProfile, TableSchema } from './dataset.types.ts';
import { quoteIdent, readRows, type Session, withConnection } from './duckdb-session.ts';

const MAX_CATEGORIES = 200;
const EXAMPLES = 5;
const EXAMPLE_ROWS = 100;
// approx_count_distinct can be 20 % off: look closer at anything that might be ≤ 200.
const CATEGORY_CANDIDATE = 400;

/**
 * Schema plus small value lists for prompts: a few example values per column, and every value of a
 * text column with at most 200 of them. One approximate distinct count per table decides which
 * columns get an exact (and then cheap) DISTINCT.
 */
export async function buildProfile(
  session: Session,
  timeoutMs: number,
  tables: readonly TableSchema[],
): Promise<TableProfile[]> {
  const out: TableProfile[] = [];
  for (const table of tables) {
    if (table.rows === 0 || table.columns.length === 0) {
      out.push({ ...table, columns: table.columns.map((c) => ({ ...c, examples: [] })) });
      continue;
    }
    const from = quoteIdent(table.name);
    const profile = await withConnection(session, timeoutMs, async (conn) => {
      const sample = await readRows(
        conn,
        `SELECT ${table.columns.map((c) => quoteIdent(c.name)).join(', ')} FROM ${from} LIMIT ${EXAMPLE_ROWS}`,
      );
      const columns: ColumnProfile[] = table.columns.map((c, i) => {
        const examples: CellValue[] = [];
        const seen = new Set<string>();
        for (const row of sample.rows) {
          const v = row[i];
          if (v === null || v === undefined || seen.has(String(v))) continue;
          seen.add(String(v));
          examples.push(v);
          if (examples.length >= EXAMPLES) break;
        }
        return { ...c, examples };
      });
      const texts = columns.filter((c) => c.kind === 'text' && c.sqlType === 'VARCHAR');
      if (texts.length === 0) return columns;
      const approx = await readRows(
        conn,
        `SELECT ${texts.map((c) => `approx_count_distinct(${quoteIdent(c.name)})`).join(', ')} FROM ${from}`,
      );
      for (const [i, column] of texts.entries()) {
        if (Number(approx.rows[0]![i]) > CATEGORY_CANDIDATE) continue;
        const id = quoteIdent(column.name);
        const values = await readRows(
          conn,
          `SELECT DISTINCT ${id} FROM ${from} WHERE ${id} IS NOT NULL ORDER BY ${id} LIMIT ${MAX_CATEGORIES + 1}`,
        );
        if (values.rows.length <= MAX_CATEGORIES) column.categories = values.rows.map((r) => String(r[0]));
      }
      return columns;
    });
    out.push({ ...table, columns: profile });
  }
  return out;
}
