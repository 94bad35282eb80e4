import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  type GeneratorConfig,
  generateShard,
  type OutputSpec,
  planJob,
  validateGeneratorConfig,
} from '@synoptic/generator';
import type { DatasetFormat, DatasetSource, FetchObject } from '../src/index.ts';

/** Every kind of column the generator writes, NULLs included, and a child table. */
export function viewerConfig(customers: number): GeneratorConfig {
  return {
    tables: [
      {
        name: 'customers',
        rows: customers,
        fields: [
          { name: 'id', type: 'sequence' },
          { name: 'full_name', type: 'full_name' },
          { name: 'email', type: 'email', nullPercent: 10 },
          { name: 'age', type: 'age' },
          {
            name: 'income',
            type: 'decimal',
            min: 0,
            distribution: { type: 'normal', mean: 55000, stddev: 18000 },
          },
          { name: 'signup_date', type: 'date', min: '2018-01-01', max: '2024-12-31' },
          { name: 'last_seen', type: 'datetime' },
          { name: 'local_seen', type: 'datetime', timeZone: 'Europe/Berlin' },
          { name: 'address', type: 'full_address' },
          { name: 'note', type: 'sentence', nullPercent: 20 },
          {
            name: 'category',
            type: 'categorical',
            values: ['bronze', 'silver', 'gold', 'platinum'],
            weights: [50, 30, 15, 5],
          },
          { name: 'active', type: 'boolean', probability: 0.8 },
          { name: 'uuid', type: 'uuid' },
          { name: 'score', type: 'integer', min: -5, max: 5, nullPercent: 5 },
        ],
      },
      {
        name: 'orders',
        parent: { table: 'customers', count: { distribution: 'uniform', min: 0, max: 3 } },
        fields: [
          { name: 'order_id', type: 'sequence' },
          { name: 'customer_id', type: 'reference', table: 'customers', field: 'id' },
          { name: 'amount', type: 'price' },
        ],
      },
    ],
  };
}

export type GeneratedRow = Record<string, string | number | boolean | null>;

export type GeneratedDataset = {
  source: DatasetSource;
  fetch: FetchObject;
  /** Keys fetched so far, one entry per call. */
  fetched: string[];
  /** The same rows parsed from JSON Lines: what the tests compare against. */
  rows: Record<string, GeneratedRow[]>;
};

const EXTENSIONS: Record<DatasetFormat, string> = { csv: 'csv', jsonl: 'jsonl', parquet: 'parquet' };

async function collect(iter: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const c of iter) chunks.push(c);
  return Buffer.concat(chunks);
}

/**
 * Generates a job's output with the real generator into `storeDir` (a stand-in object store, keys
 * as the pipeline names them) and returns a DatasetSource over it plus the rows as JS values.
 */
export async function generateDataset(
  storeDir: string,
  options: { id: string; format: DatasetFormat; customers: number; shardRows?: number; delimiter?: string },
): Promise<GeneratedDataset> {
  const checked = validateGeneratorConfig(viewerConfig(options.customers));
  if (!checked.ok) throw new Error(`invalid test config: ${JSON.stringify(checked)}`);
  const config = checked.config;
  const plan = planJob(config, { seed: 7, shardRows: options.shardRows ?? 1024 });
  const output: OutputSpec =
    options.format === 'csv' && options.delimiter
      ? { format: 'csv', csv: { delimiter: options.delimiter } }
      : { format: options.format };
  const source: DatasetSource = {
    id: options.id,
    format: options.format,
    ...(options.delimiter ? { csvDelimiter: options.delimiter } : {}),
    tables: [],
  };
  const rows: Record<string, GeneratedRow[]> = {};
  for (const table of plan.tables) {
    const files: { key: string; bytes: number }[] = [];
    rows[table.name] = [];
    for (const shard of table.shards) {
      const key = `jobs/${options.id}/${table.name}/part-${String(shard.index).padStart(5, '0')}.${EXTENSIONS[options.format]}`;
      const bytes = await collect(generateShard(config, plan, shard, output));
      await mkdir(dirname(join(storeDir, key)), { recursive: true });
      await writeFile(join(storeDir, key), bytes);
      files.push({ key, bytes: bytes.length });
      const json = await collect(generateShard(config, plan, shard, { format: 'jsonl' }));
      for (const line of json.toString('utf8').split('\n'))
        if (line) rows[table.name]!.push(JSON.parse(line));
    }
    // The api lists files in no particular order: the catalog must sort them itself.
    source.tables.push({ name: table.name, files: files.reverse() });
  }
  const fetched: string[] = [];
  const fetch: FetchObject = async (key) => {
    fetched.push(key);
    return createReadStream(join(storeDir, key));
  };
  return { source, fetch, fetched, rows };
}
