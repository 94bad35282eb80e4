import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { createDatasetCatalog, type Dataset, type DatasetSource } from '@synoptic/dataset-query';
import { generateShard, planJob, validateGeneratorConfig } from '@synoptic/generator';
import { referenceConfig } from './generator.config.ts';

// `npm run bench:viewer`: the dataset viewer over a 10-million-row output of the reference schema
// (CSV parts written by the real generator): import time, then the viewer's calls against the
// targets (first page < 300 ms, sorts < 2 s, stats < 2 s) and against the same sort run directly
// on DuckDB over the same database file. ROWS (or BENCH_ROWS) changes the size.
const ROWS = Number(process.env.ROWS ?? process.env.BENCH_ROWS ?? 10_000_000);
const ID = 'bench-viewer';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => Number(n.toFixed(1));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** First run (nothing warm) and the median of `runs` more. */
async function measure(
  runs: number,
  work: () => Promise<unknown>,
): Promise<{ first: number; median: number }> {
  const first = (await timed(work)).ms;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work)).ms);
  return { first, median: median(times) };
}

async function generate(storeDir: string): Promise<{ source: DatasetSource; bytes: number }> {
  const checked = validateGeneratorConfig(referenceConfig(ROWS));
  if (!checked.ok) throw new Error('reference config invalid');
  const plan = planJob(checked.config, { seed: 1 });
  const files: { key: string; bytes: number }[] = [];
  for (const shard of plan.tables[0]!.shards) {
    const key = `jobs/${ID}/customers/part-${String(shard.index).padStart(5, '0')}.csv`;
    const path = join(storeDir, key);
    await mkdir(join(path, '..'), { recursive: true });
    await pipeline(
      Readable.from(generateShard(checked.config, plan, shard, { format: 'csv' })),
      createWriteStream(path),
    );
    files.push({ key, bytes: (await stat(path)).size });
  }
  return {
    source: { id: ID, format: 'csv', tables: [{ name: 'customers', files }] },
    bytes: files.reduce((s, f) => s + f.bytes, 0),
  };
}

/** The unsorted pages must come in import order (the generator's ids are 1, 2, 3 …). */
async function checkOrder(dataset: Dataset): Promise<void> {
  const middle = Math.floor(ROWS / 2);
  for (const offset of [0, middle, ROWS - 3]) {
    const page = await dataset.rows('customers', { offset, limit: 3 });
    const ids = page.rows.map((r) => r[0]);
    if (ids.join() !== [offset + 1, offset + 2, offset + 3].join()) {
      throw new Error(`page at ${offset} holds ids ${ids.join()}: not the import order`);
    }
  }
}

async function viewerFigures(dataset: Dataset) {
  const firstPage = await measure(7, () => dataset.rows('customers', { limit: 100 }));
  const deepPage = await measure(3, () =>
    dataset.rows('customers', { offset: Math.floor(ROWS / 2), limit: 100 }),
  );
  const sortNumber = await measure(3, () =>
    dataset.rows('customers', { sort: [{ column: 'income', direction: 'desc' }], limit: 100 }),
  );
  const sortText = await measure(3, () =>
    dataset.rows('customers', { sort: [{ column: 'full_name', direction: 'asc' }], limit: 100 }),
  );
  const statsNumber = await measure(2, () => dataset.columnStats('customers', 'income'));
  const statsText = await measure(2, () => dataset.columnStats('customers', 'email'));
  const statsCategory = await measure(2, () => dataset.columnStats('customers', 'city'));
  const filtered = await measure(3, () =>
    dataset.rows('customers', {
      filters: [
        { column: 'category', op: 'eq', value: 'gold' },
        { column: 'age', op: 'between', min: 30, max: 40 },
      ],
      limit: 100,
    }),
  );
  const filteredSorted = await measure(3, () =>
    dataset.rows('customers', {
      filters: [
        { column: 'city', op: 'contains', value: 'san' },
        { column: 'active', op: 'eq', value: true },
      ],
      sort: [{ column: 'signup_date', direction: 'desc' }],
      limit: 100,
    }),
  );
  await checkOrder(dataset);
  const profile = (await timed(() => dataset.profile())).ms;
  const exported = await timed(async () => {
    let chars = 0;
    const view = {
      filters: [{ column: 'category', op: 'eq' as const, value: 'gold' }],
      sort: [{ column: 'income', direction: 'desc' as const }],
    };
    for await (const chunk of dataset.exportCsv('customers', view)) chars += chunk.length;
    return chars;
  });
  const rssMB = process.memoryUsage().rss / 1e6;
  return {
    profile,
    exported,
    rssMB,
    firstPage,
    deepPage,
    sortNumber,
    sortText,
    statsNumber,
    statsText,
    statsCategory,
    filtered,
    filteredSorted,
  };
}

/** The same two sorts straight on DuckDB: no sandbox, no guard, no conversion to cells. */
async function baseline(databaseFile: string) {
  const instance = await DuckDBInstance.create(databaseFile, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  try {
    const run = (sql: string) => measure(3, () => conn.runAndReadAll(sql));
    const sortNumber = await run('SELECT * FROM customers ORDER BY income DESC LIMIT 100');
    const sortText = await run('SELECT * FROM customers ORDER BY full_name ASC LIMIT 100');
    const firstPage = await run('SELECT * FROM customers LIMIT 100');
    return { sortNumber, sortText, firstPage };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'synoptic-bench-viewer-'));
  try {
    const storeDir = join(dir, 'store');
    const cacheDir = join(dir, 'cache');
    const gen = await timed(() => generate(storeDir));
    console.log(
      `generated        : ${fmt(ROWS)} rows, ${(gen.value.bytes / 1e6).toFixed(0)} MB of CSV in ${gen.value.source.tables[0]!.files.length} parts (${(gen.ms / 1000).toFixed(1)} s)`,
    );

    const catalog = createDatasetCatalog({ cacheDir });
    const fetch = async (key: string) => createReadStream(join(storeDir, key));
    const opened = await timed(() => catalog.open(gen.value.source, fetch));
    const databaseFile = join(cacheDir, ID, 'dataset.duckdb');
    const dbBytes = (await stat(databaseFile)).size;
    console.log(
      `import (open #1) : ${(opened.ms / 1000).toFixed(2)} s = ${fmt(ROWS / (opened.ms / 1000))} rows/s; database ${(dbBytes / 1e6).toFixed(0)} MB`,
    );
    const dataset = opened.value;
    const f = await viewerFigures(dataset);
    await catalog.close();

    const again = createDatasetCatalog({ cacheDir });
    const reopen = await timed(() => again.open(gen.value.source, fetch));
    const afterRestart = (await timed(() => reopen.value.rows('customers', { limit: 100 }))).ms;
    await again.close();
    console.log(
      `open #2 (cached) : ${reopen.ms.toFixed(1)} ms after a restart, then first page ${afterRestart.toFixed(1)} ms`,
    );

    const base = await baseline(databaseFile);
    const line = (
      label: string,
      m: { first: number; median: number },
      target?: number,
      b?: { median: number },
    ) =>
      console.log(
        `${label.padEnd(17)}: ${m.median.toFixed(1)} ms median (first ${m.first.toFixed(1)} ms)${target ? `; target < ${fmt(target)} ms ${m.median < target ? 'met' : 'MISSED'}` : ''}${b ? `; plain DuckDB ${b.median.toFixed(1)} ms = ${(m.median / b.median).toFixed(2)}×` : ''}`,
      );
    line('first page', f.firstPage, 300, base.firstPage);
    line('page at middle', f.deepPage, 300);
    line('sort by number', f.sortNumber, 2000, base.sortNumber);
    line('sort by text', f.sortText, 2000, base.sortText);
    line('stats, number', f.statsNumber, 2000);
    line('stats, text', f.statsText, 2000);
    line('stats, city', f.statsCategory, 2000);
    line('2 filters', f.filtered, 300);
    line('2 filters + sort', f.filteredSorted, 2000);
    console.log(`profile (chat)   : ${f.profile.toFixed(1)} ms, once per dataset`);
    console.log(
      `export (gold, by income): ${(f.exported.value / 1e6).toFixed(0)} MB of CSV in ${(f.exported.ms / 1000).toFixed(2)} s = ${(f.exported.value / 1e6 / (f.exported.ms / 1000)).toFixed(0)} MB/s; process RSS after ${f.rssMB.toFixed(0)} MB`,
    );

    console.log(
      JSON.stringify({
        bench: 'viewer',
        rows: ROWS,
        csvMB: Number((gen.value.bytes / 1e6).toFixed(1)),
        databaseMB: Number((dbBytes / 1e6).toFixed(1)),
        generateS: Number((gen.ms / 1000).toFixed(2)),
        importS: Number((opened.ms / 1000).toFixed(2)),
        reopenMs: ms(reopen.ms),
        firstPageMs: ms(f.firstPage.median),
        firstPageColdMs: ms(f.firstPage.first),
        middlePageMs: ms(f.deepPage.median),
        sortNumberMs: ms(f.sortNumber.median),
        sortTextMs: ms(f.sortText.median),
        statsNumberMs: ms(f.statsNumber.median),
        statsTextMs: ms(f.statsText.median),
        statsCityMs: ms(f.statsCategory.median),
        filteredPageMs: ms(f.filtered.median),
        filteredSortedPageMs: ms(f.filteredSorted.median),
        profileMs: ms(f.profile),
        exportMB: Number((f.exported.value / 1e6).toFixed(1)),
        exportS: Number((f.exported.ms / 1000).toFixed(2)),
        rssMB: Math.round(f.rssMB),
        baselineSortNumberMs: ms(base.sortNumber.median),
        baselineSortTextMs: ms(base.sortText.median),
        baselineFirstPageMs: ms(base.firstPage.median),
        sortNumberRatio: Number((f.sortNumber.median / base.sortNumber.median).toFixed(2)),
        sortTextRatio: Number((f.sortText.median / base.sortText.median).toFixed(2)),
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
