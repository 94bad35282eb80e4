import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { SampleFormat } from '@synoptic/contract';
import type { DataTable } from '../tabular/data-table.ts';
import { chunkVector } from './chunk-vectors.ts';
import { columnBuilder } from './column-builder.ts';
import { type ColumnPlan, columnPlan } from './column-plan.ts';
import { retryOptions, sampleReadErrorOf } from './read-errors.ts';
import { RowSelection } from './row-selection.ts';
import { SampleReadError } from './sample-read.error.ts';
import { type ReadOptions, type SampleSource, sampleSource } from './sample-source.ts';

/** Rows kept by default: a larger file is sampled down to this many. */
const DEFAULT_MAX_ROWS = 1_000_000;
const DEFAULT_SEED = 'sample';
/** Rows in a DuckDB data chunk at most. */
const STANDARD_VECTOR_SIZE = 2048;

// One short-lived in-memory instance per read. Streaming a scan needs little memory, so nothing
// spills to disk (no temp directory); insertion order is pinned so a seed picks the same rows.
const DUCKDB_SETTINGS = {
  threads: '2',
  memory_limit: '512MB',
  temp_directory: '',
  preserve_insertion_order: 'true',
  autoinstall_known_extensions: 'false',
};

/**
 * Reads a CSV, JSONL or Parquet file into a DataTable, streaming it: past `maxRows` rows it keeps
 * a seeded uniform sample of `maxRows` rows, in file order (the same seed keeps the same rows).
 * Throws SampleReadError for files that are empty, malformed or not of the format given.
 */
export async function readSample(
  path: string,
  format: SampleFormat,
  opts: { maxRows?: number; seed?: string } = {},
): Promise<{ table: DataTable; totalRows: number }> {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  if (!Number.isSafeInteger(maxRows) || maxRows < 1) {
    throw new RangeError(`maxRows must be a positive integer, got ${maxRows}`);
  }
  const source = await sampleSource(path, format);
  const instance = await DuckDBInstance.create(':memory:', DUCKDB_SETTINGS);
  try {
    const conn = await instance.connect();
    try {
      let options: ReadOptions = { sniffAll: false, latin1: false };
      for (;;) {
        try {
          return await readAll(conn, source, await source.from(conn, options), {
            maxRows,
            seed: opts.seed ?? DEFAULT_SEED,
          });
        } catch (err) {
          const next = retryOptions(err, options, source);
          if (!next) throw await sampleReadErrorOf(err, path, source);
          options = next;
        }
      }
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

async function columnPlans(conn: DuckDBConnection, from: string): Promise<ColumnPlan[]> {
  const prepared = await conn.prepare(`SELECT * FROM ${from}`);
  try {
    return Array.from({ length: prepared.columnCount }, (_, i) =>
      columnPlan(prepared.columnName(i), prepared.columnType(i)),
    );
  } finally {
    prepared.destroySync();
  }
}

/** Rows in the file: DuckDB still reads every line (and fails on a malformed one) but converts no value. */
async function countRows(conn: DuckDBConnection, from: string): Promise<number> {
  const reader = await conn.runAndReadAll(`SELECT count(*) FROM ${from}`);
  return Number(reader.getRows()[0]![0]);
}

/** Converts every value of every column, for the error a failed stream could not report. */
async function convertAll(conn: DuckDBConnection, plans: ColumnPlan[], from: string): Promise<void> {
  await conn.run(`SELECT ${plans.map((p) => `count(${p.sql.at(-1)})`).join(', ')} FROM ${from}`);
}

async function readAll(
  conn: DuckDBConnection,
  source: SampleSource,
  from: string,
  opts: { maxRows: number; seed: string },
): Promise<{ table: DataTable; totalRows: number }> {
  const plans = await columnPlans(conn, from);
  if (plans.length === 0) throw new SampleReadError('the file has no columns');
  const totalRows = await countRows(conn, from);
  if (totalRows === 0) {
    throw new SampleReadError(
      source.format === 'csv' ? 'the file has a header but no rows' : 'the file has no rows',
    );
  }
  const rows = Math.min(totalRows, opts.maxRows);
  const builders = plans.map((p) => columnBuilder(p.name, p.kind, rows));
  const selection = new RowSelection(totalRows, rows, opts.seed);
  const result = await conn.stream(`SELECT ${plans.flatMap((p) => p.sql).join(', ')} FROM ${from}`);
  const kept = new Int32Array(STANDARD_VECTOR_SIZE);
  let streamed = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    const size = chunk?.rowCount ?? 0;
    if (!chunk || size === 0) break;
    let count = 0;
    for (let r = 0; r < size; r++) if (selection.keep()) kept[count++] = r;
    streamed += size;
    if (count === 0) continue;
    let column = 0;
    for (const builder of builders) {
      const vectors = Array.from({ length: builder.width }, () => chunkVector(chunk, column++, size));
      builder.take(vectors, kept, count);
    }
  }
  if (streamed !== totalRows) {
    // A stream that fails part-way (a value its sniffed type cannot hold, say) ends as if the file
    // ended there: the C API reports no error. A query that converts everything does report it.
    await convertAll(conn, plans, from);
    throw new SampleReadError(
      `the file could not be read to the end (${streamed} of ${totalRows} rows): it may have changed while it was read`,
    );
  }
  return { table: { rows, columns: builders.map((b) => b.finish()) }, totalRows };
}
