import type { DuckDBConnection, DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { type CellReader, cellReader } from './cell-values.ts';
import type { CellValue } from './dataset.types.ts';
import { DatasetQueryError } from './dataset-query.error.ts';

/** SQL text literal: only ever for values this package makes itself (paths, settings), never for input. */
export const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A quoted identifier. */
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

const MEMORY_LIMIT = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/**
 * The sandbox of an instance that runs untrusted SELECTs: no files, no extensions, a memory cap, and
 * the configuration locked so no statement can undo it. Settings are instance-wide: run once.
 * temp_directory (for sorts larger than memory) is the one folder DuckDB may still write to.
 */
export async function lockDown(
  conn: DuckDBConnection,
  options: { memoryLimit: string; tempDirectory?: string },
): Promise<void> {
  if (!MEMORY_LIMIT.test(options.memoryLimit)) {
    throw new Error(`memoryLimit '${options.memoryLimit}' is not a size such as '512MB'`);
  }
  const statements = [
    options.tempDirectory === undefined
      ? `SET temp_directory=''`
      : `SET temp_directory=${sqlText(options.tempDirectory)}`,
    // Instants print and parse the same on any host: naive timestamp text in filters means UTC.
    "SET TimeZone='UTC'",
    'SET allowed_directories=[]',
    'SET allowed_paths=[]',
    'SET enable_external_access=false',
    'SET autoinstall_known_extensions=false',
    'SET autoload_known_extensions=false',
    `SET memory_limit=${sqlText(options.memoryLimit)}`,
    'SET lock_configuration=true',
  ];
  for (const sql of statements) await conn.run(sql);
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}

/** DuckDB's error text without its 'Error: ' wrapper. */
export function duckMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/^Error:\s*/, '');
}

/** Where connections come from: the dataset tracks them so closing it can interrupt each one. */
export type Session = {
  connect(): Promise<DuckDBConnection>;
  disconnect(conn: DuckDBConnection): void;
};

/**
 * Runs `work` on a fresh connection (so concurrent requests never queue behind one another) and
 * interrupts it after `timeoutMs`. DuckDB runs on libuv worker threads; the event loop stays free.
 */
export async function withConnection<T>(
  session: Session,
  timeoutMs: number,
  work: (conn: DuckDBConnection) => Promise<T>,
): Promise<T> {
  const conn = await session.connect();
  let timedOut = false;
  const timer =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          conn.interrupt();
        }, timeoutMs)
      : undefined;
  try {
    return await work(conn);
  } catch (err) {
    throw toQueryError(err, timedOut ? timeoutMs : undefined);
  } finally {
    clearTimeout(timer);
    session.disconnect(conn);
  }
}

/** DuckDB's failures as the errors callers can act on; anything unexpected passes through. */
export function toQueryError(err: unknown, timeoutMs?: number): unknown {
  if (err instanceof DatasetQueryError) return err;
  const message = duckMessage(err);
  if (timeoutMs !== undefined) {
    return new DatasetQueryError(
      'timeout',
      `The query took longer than ${formatSeconds(timeoutMs)} s and was stopped.`,
      { cause: err },
    );
  }
  if (/INTERRUPT Error/.test(message)) {
    return new DatasetQueryError('timeout', 'The query was stopped.', { cause: err });
  }
  if (/Out of Memory Error/i.test(message)) {
    return new DatasetQueryError('too_large', `The query needs more memory than allowed: ${message}`, {
      cause: err,
    });
  }
  if (/Permission Error/i.test(message)) {
    return new DatasetQueryError('refused', `Not allowed here: ${message}`, { cause: err });
  }
  if (/^(Conversion|Binder|Catalog|Parser|Invalid Input|Out of Range) Error/.test(message)) {
    return new DatasetQueryError('invalid_query', message, { cause: err });
  }
  return err;
}

export type ReadResult = {
  columns: { name: string; type: DuckDBType }[];
  rows: CellValue[][];
  /** Whether rows were left unread (the cap or the budget was reached). */
  more: boolean;
};

type Params = { values: DuckDBValue[]; types: DuckDBType[] };

/**
 * Throws unless a streamed result that ended by itself was whole. DuckDB's C API ends a stream that
 * fails part-way (a cast that fails on row 1,900,000, say) exactly as if the result ended there,
 * without an error; counting the same result without streaming reports the error instead.
 */
export async function confirmWholeResult(
  conn: DuckDBConnection,
  sql: string,
  params: Params | undefined,
  rowsRead: number,
): Promise<void> {
  // count(whole), not count(*): the row itself must be computed, or the failing cast is skipped.
  const counting = `SELECT count(whole) FROM (${sql.trim().replace(/;+$/, '')}) AS whole`;
  const counted = await (params?.values.length
    ? conn.run(counting, params.values, params.types)
    : conn.run(counting)
  ).catch((err: unknown) => {
    throw toQueryError(err);
  });
  const total = Number((await counted.getRows())[0]?.[0]);
  if (total !== rowsRead)
    throw new Error(`The query's result ended after ${rowsRead} of its ${total} rows without an error.`);
}

/**
 * Streams a statement's result and converts it chunk by chunk, stopping after `maxRows` rows or
 * when `accept` refuses a row, so a huge result is never read in full. With `confirm`, a result
 * read to its end is checked to be whole (see confirmWholeResult): for statements that may fail
 * part-way, such as a person's own SQL.
 */
export async function readRows(
  conn: DuckDBConnection,
  sql: string,
  params?: Params,
  options: { maxRows?: number; accept?: (row: CellValue[]) => boolean; confirm?: boolean } = {},
): Promise<ReadResult> {
  const result = params?.values.length
    ? await conn.stream(sql, params.values, params.types)
    : await conn.stream(sql);
  const columns = result.columnNames().map((name, i) => ({ name, type: result.columnType(i) }));
  const readers: CellReader[] = columns.map((c) => cellReader(c.type));
  const rows: CellValue[][] = [];
  const max = options.maxRows ?? Number.POSITIVE_INFINITY;
  const accept = options.accept ?? (() => true);
  let more = false;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const vectors = columns.map((_, c) => chunk.getColumnVector(c));
    const n = chunk.rowCount;
    let r = 0;
    for (; r < n && rows.length < max; r++) {
      const row = new Array<CellValue>(readers.length);
      for (let c = 0; c < readers.length; c++) row[c] = readers[c]!(vectors[c]!.getItem(r) as DuckDBValue);
      if (!accept(row)) break;
      rows.push(row);
    }
    if (r < n) {
      more = true;
      break;
    }
  }
  if (!more && options.confirm) await confirmWholeResult(conn, sql, params, rows.length);
  return { columns, rows, more };
}
