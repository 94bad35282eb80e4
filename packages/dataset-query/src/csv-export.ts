import type { DuckDBValue } from '@duckdb/node-api';
import { cellReader } from './cell-values.ts';
import type { CellValue, RowsQuery, TableSchema } from './dataset.types.ts';
import { confirmWholeResult, quoteIdent, type Session, toQueryError } from './duckdb-session.ts';
import { orderClause, Params, selectList, whereClause } from './viewer-queries.ts';

const CHUNK_CHARS = 1 << 16;

/** RFC 4180: quotes around cells holding the delimiter, a quote or a line break. */
export function csvCell(v: CellValue): string {
  if (v === null) return '';
  const s = typeof v === 'string' ? v : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The filtered, sorted rows as CSV text in chunks of about 64 K characters, header first, CRLF line
 * ends. The SQL is built (and so the view checked) before anything is yielded; rows are pulled from
 * DuckDB one chunk at a time as the consumer reads, so memory stays flat whatever the size.
 */
export async function* exportRowsCsv(
  session: Session,
  table: TableSchema,
  query: Omit<RowsQuery, 'offset' | 'limit'>,
): AsyncGenerator<string> {
  const params = new Params();
  const sql = `SELECT ${selectList(table)} FROM ${quoteIdent(table.name)}${whereClause(table, query.filters, params)}${orderClause(table, query.sort)}`;
  const conn = await session.connect();
  try {
    const result = await (params.values.length
      ? conn.stream(sql, params.values, params.types)
      : conn.stream(sql)
    ).catch((err: unknown) => {
      throw toQueryError(err);
    });
    const readers = table.columns.map((_, i) => cellReader(result.columnType(i)));
    let text = `${table.columns.map((c) => csvCell(c.name)).join(',')}\r\n`;
    let rows = 0;
    for (;;) {
      const chunk = await result.fetchChunk().catch((err: unknown) => {
        throw toQueryError(err);
      });
      if (!chunk || chunk.rowCount === 0) break;
      const columns = readers.map((read, c) =>
        chunk.getColumnValues(c).map((v) => csvCell(read(v as DuckDBValue))),
      );
      rows += chunk.rowCount;
      for (let r = 0; r < chunk.rowCount; r++) {
        let line = columns[0]![r]!;
        for (let c = 1; c < columns.length; c++) line += `,${columns[c]![r]!}`;
        text += `${line}\r\n`;
      }
      if (text.length >= CHUNK_CHARS) {
        yield text;
        text = '';
      }
    }
    // A download that ends early must fail rather than look complete.
    await confirmWholeResult(conn, sql, params, rows);
    if (text) yield text;
  } finally {
    session.disconnect(conn);
  }
}
