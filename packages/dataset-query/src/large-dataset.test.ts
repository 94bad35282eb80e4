import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateShard, planJob, validateGeneratorConfig } from '@synoptic/generator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateDataset } from '../test/generated-dataset.ts';
import type { Dataset, DatasetCatalog } from './dataset.types.ts';
import { createDatasetCatalog } from './dataset-catalog.ts';

const BIG_ROWS = 1_000_000;

let root: string;
let catalog: DatasetCatalog;
let big: Dataset;
let small: Dataset;

/** A million rows of the generator's reference kind of data, as CSV parts. */
async function bigDataset(storeDir: string) {
  const checked = validateGeneratorConfig({
    tables: [
      {
        name: 'events',
        rows: BIG_ROWS,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'email', type: 'email' },
          { name: 'amount', type: 'decimal', min: 0, max: 1000 },
        ],
      },
    ],
  });
  if (!checked.ok) throw new Error('invalid config');
  const plan = planJob(checked.config, { seed: 3, shardRows: 262_144 });
  await mkdir(storeDir, { recursive: true });
  const files = await Promise.all(
    plan.tables[0]!.shards.map(async (shard) => {
      const chunks: Uint8Array[] = [];
      for await (const c of generateShard(checked.config, plan, shard, { format: 'csv' })) chunks.push(c);
      const key = `events-${shard.index}.csv`;
      const bytes = Buffer.concat(chunks);
      await writeFile(join(storeDir, key), bytes);
      return { key, bytes: bytes.length };
    }),
  );
  return {
    source: { id: 'big-1', format: 'csv' as const, tables: [{ name: 'events', files }] },
    fetch: async (key: string) => createReadStream(join(storeDir, key)),
  };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'synoptic-concurrency-'));
  catalog = createDatasetCatalog({ cacheDir: join(root, 'cache'), exactStatsRows: 500_000 });
  const b = await bigDataset(join(root, 'big-store'));
  const s = await generateDataset(join(root, 'store'), { id: 'small-1', format: 'csv', customers: 200 });
  [big, small] = await Promise.all([catalog.open(b.source, b.fetch), catalog.open(s.source, s.fetch)]);
});
afterAll(async () => {
  await catalog.close();
  await rm(root, { recursive: true, force: true });
});

test('a slow stats query on a large table blocks neither the event loop nor a page of another dataset', async () => {
  const finished: string[] = [];
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 5);
  try {
    const started = performance.now();
    const slow = big
      .columnStats('events', 'email', [{ column: 'email', op: 'contains', value: 'a' }])
      .then((stats) => {
        finished.push('stats');
        return { stats, ms: performance.now() - started, ticks };
      });
    const quick = small.rows('customers', { limit: 10 }).then((page) => {
      finished.push('rows');
      return { page, ms: performance.now() - started };
    });
    const [s, q] = await Promise.all([slow, quick]);
    expect(finished).toEqual(['rows', 'stats']);
    expect(q.page.rows).toHaveLength(10);
    expect(s.stats.count).toBeGreaterThan(BIG_ROWS / 2);
    expect(q.ms).toBeLessThan(s.ms);
    // Timers kept firing while DuckDB worked on its own threads.
    expect(s.ticks).toBeGreaterThan(0);
  } finally {
    clearInterval(ticker);
  }
});

describe('columnStats above exactStatsRows', () => {
  test('estimates the distinct count of a column of a million values and keeps the rest exact', async () => {
    const stats = await big.columnStats('events', 'id');
    expect(stats).toMatchObject({ approximate: true, count: BIG_ROWS, nulls: 0, min: 1, max: BIG_ROWS });
    expect(stats.mean).toBeCloseTo((BIG_ROWS + 1) / 2, 6);
    expect(Math.abs(stats.distinct - BIG_ROWS) / BIG_ROWS).toBeLessThan(0.25);
    expect(stats.top.length).toBeGreaterThan(0);
    expect(stats.top.every((t) => t.count === 1)).toBe(true);
    expect(stats.histogram.map((b) => b.count)).toEqual(new Array(20).fill(BIG_ROWS / 20));
  });

  test('counts the sampled top values exactly over all rows', async () => {
    const stats = await big.columnStats('events', 'email');
    const exact = await big.query('SELECT count(DISTINCT email) AS d FROM events');
    const distinct = Number(exact.rows[0]![0]);
    expect(stats.approximate).toBe(distinct > 200_000 ? true : undefined);
    for (const { value, count } of stats.top) {
      const check = await big.query(
        `SELECT count(*) FROM events WHERE email = '${String(value).replace(/'/g, "''")}'`,
      );
      expect(count).toBe(Number(check.rows[0]![0]));
    }
    expect(stats.top.map((t) => t.count)).toEqual([...stats.top.map((t) => t.count)].sort((a, b) => b - a));
  });

  test('stays exact for a column of few distinct values', async () => {
    const stats = await big.columnStats('events', 'amount', [{ column: 'amount', op: 'lt', value: 10 }]);
    const exact = await big.query('SELECT count(DISTINCT amount), count(*) FROM events WHERE amount < 10');
    expect(stats.approximate).toBeUndefined();
    expect([stats.distinct, stats.count]).toEqual(exact.rows[0]!.map(Number));
  });
});
