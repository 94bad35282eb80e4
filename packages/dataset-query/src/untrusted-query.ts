import { cellSize } from './cell-values.ts';
import type { CellValue, QueryResult } from './dataset.types.ts';
import { DatasetQueryError } from './dataset-query.error.ts';
import { readRows, type Session, withConnection } from './duckdb-session.ts';
import type { SqlGuard } from './sql-guard.ts';

/** Hard ceiling of maxRows whatever the caller asks. */
export const MAX_QUERY_ROWS = 10_000;
// Characters of cell text one result may carry: a SELECT of huge strings stops here, not in OOM.
const RESULT_BUDGET_CHARS = 8 * 1024 * 1024;

/**
 * One model- or user-written SELECT: checked by the guard, then run as is — the exact text that was
 * checked — on a locked-down read-only instance, capped in rows, size and time.
 */
export async function runUntrustedQuery(
  session: Session,
  guard: SqlGuard,
  tables: readonly string[],
  sql: string,
  options: { maxRows: number; timeoutMs: number },
): Promise<QueryResult> {
  if (typeof sql !== 'string')
    throw new DatasetQueryError('invalid_query', 'Expected SQL text.', { field: 'sql' });
  const { maxRows, timeoutMs } = options;
  if (!Number.isSafeInteger(maxRows) || maxRows < 1 || maxRows > MAX_QUERY_ROWS) {
    throw new DatasetQueryError('invalid_query', `maxRows must be from 1 to ${MAX_QUERY_ROWS}.`, {
      field: 'maxRows',
    });
  }
  const started = performance.now();
  await guard.check(sql, tables);
  let used = 0;
  let overBudget = false;
  const accept = (row: CellValue[]) => {
    for (const v of row) used += cellSize(v);
    if (used <= RESULT_BUDGET_CHARS) return true;
    overBudget = true;
    return false;
  };
  const result = await withConnection(session, timeoutMs, (conn) =>
    readRows(conn, sql, undefined, { maxRows, accept, confirm: true }),
  );
  if (overBudget && result.rows.length === 0) {
    throw new DatasetQueryError(
      'too_large',
      `One row of the result is larger than ${RESULT_BUDGET_CHARS / 1024 / 1024} MB; select less text.`,
    );
  }
  return {
    columns: result.columns.map((c) => ({ name: c.name, sqlType: c.type.toString() })),
    rows: result.rows,
    truncated: result.more,
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
