import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { DatasetFormat, DatasetSource, FetchObject } from './dataset.types.ts';
import { DatasetQueryError } from './dataset-query.error.ts';
import { duckMessage, quoteIdent, sqlText } from './duckdb-session.ts';

/** Bump when the import changes what a cached database holds: older caches are then rebuilt. */
export const IMPORT_VERSION = 1;
export const DATABASE_FILE = 'dataset.duckdb';
export const MANIFEST_FILE = 'dataset.json';

const DOWNLOADS_AT_ONCE = 4;
// An import left behind by a process that died; a live one touches its folder far more often.
const STALE_IMPORT_MS = 6 * 60 * 60 * 1000;

export type DatasetManifest = { version: number; id: string; format: DatasetFormat; tables: string[] };

const ID = /^[A-Za-z0-9-]{1,100}$/;

/** The job id names a folder: refuse anything that could step outside the cache. */
export function checkDatasetId(id: unknown): string {
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new DatasetQueryError('invalid_query', 'A dataset id is letters, digits and dashes only.', {
      field: 'id',
    });
  }
  return id;
}

export function checkSource(source: DatasetSource): DatasetFormat {
  checkDatasetId(source.id);
  if (source.format === 'sql') {
    throw new DatasetQueryError(
      'unsupported_format',
      'The viewer reads CSV, JSONL and Parquet outputs; this job wrote SQL.',
    );
  }
  if (source.format !== 'csv' && source.format !== 'jsonl' && source.format !== 'parquet') {
    throw new DatasetQueryError(
      'unsupported_format',
      `The viewer cannot read '${String(source.format)}' outputs.`,
    );
  }
  if (source.csvDelimiter !== undefined && !/^[^"\r\n]$/.test(source.csvDelimiter)) {
    throw new DatasetQueryError(
      'invalid_query',
      'The CSV delimiter must be one character other than a quote.',
      {
        field: 'csvDelimiter',
      },
    );
  }
  const seen = new Set<string>();
  for (const t of source.tables) {
    if (!t.name || seen.has(t.name.toLowerCase())) {
      throw new DatasetQueryError('invalid_query', `The table name "${t.name}" is empty or repeated.`, {
        field: 'tables',
      });
    }
    seen.add(t.name.toLowerCase());
  }
  return source.format;
}

export async function readManifest(dir: string): Promise<DatasetManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as DatasetManifest;
    return manifest.version === IMPORT_VERSION ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Streams one object to disk and returns its size. */
async function download(
  fetch: FetchObject,
  key: string,
  bytes: number,
  path: string,
  signal?: AbortSignal,
): Promise<number> {
  let body: NodeJS.ReadableStream | AsyncIterable<Uint8Array>;
  try {
    body = await fetch(key);
  } catch (err) {
    if (err instanceof Error && /NotFound|NoSuchKey/i.test(err.name)) {
      throw new DatasetQueryError('not_found', `The job's output file '${key}' is missing.`, { cause: err });
    }
    throw err;
  }
  await pipeline(
    body instanceof Readable ? body : Readable.from(body as AsyncIterable<Uint8Array>),
    createWriteStream(path),
    { signal },
  );
  const size = (await stat(path)).size;
  if (bytes > 0 && size !== bytes) {
    throw new Error(`output file '${key}' has ${size} bytes, expected ${bytes}`);
  }
  return size;
}

async function runAll<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

const list = (paths: string[]) => `[${paths.map(sqlText).join(', ')}]`;

/** Conversion errors mean the sniffer guessed from too small a sample: worth a slower, surer read. */
const isTypeGuessError = (err: unknown) =>
  /Conversion Error|Could not convert|Invalid Input Error|CSV Error|sniff/i.test(duckMessage(err));

async function importCsv(conn: DuckDBConnection, table: string, files: string[], delimiter: string) {
  const base = `${list(files)}, header=true, delim=${sqlText(delimiter)}, quote='"', escape='"'`;
  const attempts = [
    base,
    // Every row sniffed and each file's header matched by name: slower, right for odd columns.
    `${base}, sample_size=-1, union_by_name=true`,
    `${base}, all_varchar=true`,
  ];
  let last: unknown;
  for (const options of attempts) {
    try {
      await conn.run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_csv(${options})`);
      return;
    } catch (err) {
      if (!isTypeGuessError(err)) throw err;
      last = err;
    }
  }
  throw last;
}

/** The first lines of a JSONL file, parsed (for what the type sniffer cannot tell). */
async function firstObjects(path: string, count: number): Promise<Record<string, unknown>[]> {
  const lines = createInterface({ input: createReadStream(path, { end: 1 << 20 }), crlfDelay: Infinity });
  const out: Record<string, unknown>[] = [];
  try {
    for await (const line of lines) {
      if (out.length >= count) break;
      if (!line.trim()) continue;
      try {
        out.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // a line cut at the 1 MiB read window
      }
    }
  } finally {
    lines.close();
  }
  return out;
}

const ZONED = /(Z|[+-]\d{2}:?\d{2})$/i;

async function importJsonl(conn: DuckDBConnection, table: string, files: string[]) {
  const base = `${list(files)}, format='newline_delimited'`;
  try {
    await conn.run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_json(${base})`);
  } catch (err) {
    if (!isTypeGuessError(err)) throw err;
    await conn.run(
      `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_json(${base}, sample_size=-1)`,
    );
  }
  // read_json types every JSON integer column HUGEINT when any value is negative, and reads
  // instants with an offset as UTC TIMESTAMPs; give them the types CSV and Parquet get.
  const described = await conn.runAndReadAll(`DESCRIBE ${quoteIdent(table)}`);
  const samples = await firstObjects(files[0]!, 200);
  for (const [name, type] of described.getRows() as [string, string][]) {
    const col = quoteIdent(name);
    if (type === 'HUGEINT') {
      try {
        await conn.run(`ALTER TABLE ${quoteIdent(table)} ALTER ${col} TYPE BIGINT`);
      } catch {
        // values beyond BIGINT: keep HUGEINT
      }
    } else if (type === 'TIMESTAMP') {
      const zoned = samples.some((o) => typeof o[name] === 'string' && ZONED.test(o[name] as string));
      if (zoned) await conn.run(`ALTER TABLE ${quoteIdent(table)} ALTER ${col} TYPE TIMESTAMPTZ`);
    }
  }
}

async function importParquet(conn: DuckDBConnection, table: string, files: string[]) {
  await conn.run(
    `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_parquet(${list(files)})`,
  );
}

const EXTENSIONS: Record<DatasetFormat, string> = { csv: 'csv', jsonl: 'jsonl', parquet: 'parquet' };

async function removeStaleImports(cacheDir: string, id: string): Promise<void> {
  const prefix = `.${id}.importing-`;
  let names: string[];
  try {
    names = await readdir(cacheDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const path = join(cacheDir, name);
    const info = await stat(path).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > STALE_IMPORT_MS) await rm(path, { recursive: true, force: true });
  }
}

/**
 * Downloads a job's part files and imports each table into one DuckDB file. Everything is built in
 * a private folder that is renamed to `cacheDir/<id>` when complete, so a reader — in this process
 * or another — sees a whole dataset or none; when two processes race, the first rename wins.
 */
export async function importDataset(
  cacheDir: string,
  source: DatasetSource,
  fetch: FetchObject,
  options: { memoryLimit: string; signal?: AbortSignal },
): Promise<void> {
  const signal = options.signal;
  const format = checkSource(source);
  const target = join(cacheDir, source.id);
  if (await readManifest(target)) return;
  await mkdir(cacheDir, { recursive: true });
  await removeStaleImports(cacheDir, source.id);
  const work = join(cacheDir, `.${source.id}.importing-${process.pid}-${randomBytes(4).toString('hex')}`);
  const raw = join(work, 'raw');
  await mkdir(raw, { recursive: true });
  try {
    const byNumber = (a: { key: string }, b: { key: string }) =>
      a.key.localeCompare(b.key, 'en', { numeric: true });
    const tables = source.tables.map((t, ti) => ({
      name: t.name,
      files: [...t.files].sort(byNumber).map((f, fi) => ({
        ...f,
        path: join(raw, `${ti}-${fi}.${EXTENSIONS[format]}`),
        size: 0,
      })),
    }));
    await runAll(
      tables.flatMap((t) => t.files),
      DOWNLOADS_AT_ONCE,
      async (f) => {
        signal?.throwIfAborted();
        f.size = await download(fetch, f.key, f.bytes, f.path, signal);
      },
    );

    const instance = await DuckDBInstance.create(join(work, DATABASE_FILE));
    try {
      const conn = await instance.connect();
      const stop = () => conn.interrupt();
      signal?.addEventListener('abort', stop);
      try {
        await conn.run(`SET memory_limit=${sqlText(options.memoryLimit)}`);
        await conn.run(`SET temp_directory=${sqlText(join(work, 'tmp'))}`);
        await conn.run('SET autoinstall_known_extensions=false');
        // read_json turns instants with an offset into UTC TIMESTAMPs; widening them to
        // TIMESTAMPTZ below must read them as UTC whatever the host's zone.
        await conn.run("SET TimeZone='UTC'");
        // Rows land in file order, so rowid order is the generator's order and unsorted pages
        // (which have no ORDER BY) read the same way on every call. DuckDB's default, pinned.
        await conn.run('SET preserve_insertion_order=true');
        for (const t of tables) {
          signal?.throwIfAborted();
          const paths = t.files.map((f) => f.path);
          // A table without rows in JSONL has no columns to name: it is listed, empty.
          if (paths.length === 0 || (format === 'jsonl' && t.files.every((f) => f.size === 0))) continue;
          if (format === 'csv') await importCsv(conn, t.name, paths, source.csvDelimiter ?? ',');
          else if (format === 'jsonl') await importJsonl(conn, t.name, paths);
          else await importParquet(conn, t.name, paths);
        }
        await conn.run('CHECKPOINT');
      } finally {
        signal?.removeEventListener('abort', stop);
        conn.closeSync();
      }
    } finally {
      instance.closeSync();
    }
    await rm(raw, { recursive: true, force: true });
    await rm(join(work, 'tmp'), { recursive: true, force: true });
    const manifest: DatasetManifest = {
      version: IMPORT_VERSION,
      id: source.id,
      format,
      tables: source.tables.map((t) => t.name),
    };
    await writeFile(join(work, MANIFEST_FILE), JSON.stringify(manifest));
    try {
      await rename(work, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
      // Another process finished first; a folder without a manifest is a wreck to replace.
      if (await readManifest(target)) return;
      await rm(target, { recursive: true, force: true });
      await rename(work, target);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
