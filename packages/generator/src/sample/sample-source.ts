import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SampleFormat } from '@synoptic/contract';
import { detectDelimiter, raggedInHead, raggedMessage } from './csv-dialect.ts';
import { SampleReadError } from './sample-read.error.ts';

const HEAD_BYTES = 1 << 20;
// What spreadsheets and data tools write for an empty cell (pandas reads the same as missing).
const CSV_NULLS = ['', 'NA', 'N/A', '#N/A', 'NULL', 'null', 'NaN'];

/** SQL text literal, for paths and options this module makes itself. */
const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

export type ReadOptions = {
  /** Sniff types from every row, not the first ones: slower, for a value the first rows' type cannot hold. */
  sniffAll: boolean;
  /** Decode Latin-1 instead of UTF-8 (what spreadsheets on Windows write); CSV only. */
  latin1: boolean;
};

/** How DuckDB reads a sample: the table-function call for a set of read options. */
export type SampleSource = {
  format: SampleFormat;
  delimiter?: string;
  from(conn: DuckDBConnection, options: ReadOptions): Promise<string>;
};

async function readHead(path: string): Promise<Uint8Array> {
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(path, 'r');
    const buffer = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'it does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : String((err as Error).message).replaceAll(path, basename(path));
    throw new SampleReadError(`cannot open ${basename(path)}: ${why}`, { cause: err });
  } finally {
    await file?.close();
  }
}

const startsWith = (head: Uint8Array, text: string) =>
  head.length >= text.length && [...text].every((c, i) => head[i] === c.charCodeAt(0));

/** The first character that is not a byte-order mark or white space. */
function firstChar(head: Uint8Array): string {
  const text = new TextDecoder().decode(head.subarray(0, 4096)).replace(/^\uFEFF/, '');
  return text.trimStart()[0] ?? '';
}

/** Checks that the file is what its format says, from its first bytes, and says how to read it. */
export async function sampleSource(path: string, format: SampleFormat): Promise<SampleSource> {
  const head = await readHead(path);
  if (head.length === 0) throw new SampleReadError('the file is empty');
  if (head[0] === 0x1f && head[1] === 0x8b) {
    throw new SampleReadError('the file is compressed (gzip): upload the uncompressed file');
  }
  const isParquet = startsWith(head, 'PAR1');
  const file = sqlText(path);
  switch (format) {
    case 'parquet':
      if (!isParquet)
        throw new SampleReadError('the file is not a Parquet file (it does not start with PAR1)');
      return { format, from: async () => `read_parquet(${file})` };
    case 'jsonl': {
      if (isParquet) throw new SampleReadError('the file is a Parquet file: upload it with a .parquet name');
      const first = firstChar(head);
      if (first === '[') {
        throw new SampleReadError('the file is a JSON array, not JSON lines: write one object per line');
      }
      if (first !== '{' && first !== '') throw new SampleReadError('line 1: expected a JSON object');
      return {
        format,
        from: async (_, o) =>
          `read_json(${file}, format='newline_delimited'${o.sniffAll ? ', sample_size=-1' : ''})`,
      };
    }
    case 'csv': {
      if (isParquet) throw new SampleReadError('the file is a Parquet file: upload it with a .parquet name');
      if (firstChar(head) === '{') {
        throw new SampleReadError('the file holds JSON objects: upload it with a .jsonl name');
      }
      const delimiter = detectDelimiter(head);
      const ragged = raggedInHead(head, delimiter);
      if (ragged) throw new SampleReadError(raggedMessage(ragged));
      return { format, delimiter, from: (conn, options) => sniffedCsv(conn, file, delimiter, options) };
    }
  }
}

type Sniffed = {
  Columns: Array<{ name: string; type: string }>;
  DateFormat: string | null;
  TimestampFormat: string | null;
};

/**
 * The CSV read with every option spelled out. DuckDB sniffs the dialect and types once, here,
 * instead of again in each query over the file (it costs a second or so per query otherwise).
 * Quotes are RFC 4180's: a file without quotes in its first rows may still have them further down.
 * Line ends are left to DuckDB, which reads \n and \r\n alike: the sniffed new_line='\r\n' with
 * a quoted field reads no rows at all (DuckDB 1.5).
 */
async function sniffedCsv(
  conn: DuckDBConnection,
  file: string,
  delimiter: string,
  o: ReadOptions,
): Promise<string> {
  const options = [
    `delim=${sqlText(delimiter)}`,
    "quote='\"'",
    "escape='\"'",
    'header=true',
    'skip=0',
    'strict_mode=true',
    `nullstr=[${CSV_NULLS.map(sqlText).join(', ')}]`,
    ...(o.latin1 ? ["encoding='latin-1'"] : []),
  ];
  const sniff = await conn.runAndReadAll(
    `SELECT Columns, DateFormat, TimestampFormat FROM sniff_csv(${[file, ...options, ...(o.sniffAll ? ['sample_size=-1'] : [])].join(', ')})`,
  );
  const found = sniff.getRowObjectsJson()[0] as Sniffed;
  const columns = found.Columns.map((c) => `${sqlText(c.name)}: ${sqlText(c.type)}`).join(', ');
  return `read_csv(${[
    file,
    'auto_detect=false',
    ...options,
    `columns={${columns}}`,
    ...(found.DateFormat ? [`dateformat=${sqlText(found.DateFormat)}`] : []),
    ...(found.TimestampFormat ? [`timestampformat=${sqlText(found.TimestampFormat)}`] : []),
  ].join(', ')})`;
}
