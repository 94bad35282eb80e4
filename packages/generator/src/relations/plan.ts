import { createHash } from 'node:crypto';
import { type GeneratorConfig, uniqueValueSpace } from '@synoptic/contract';
import { type BlockSpec, Model, notFitted } from '../engine/model.ts';
import { BLOCK_ROWS, ENGINE_VERSION } from '../engine/version.ts';
import { GenerationError } from '../errors.ts';
import type { FittedSample } from '../learn/fitted-sample.ts';

/** One unit of work: whole blocks of one table, written as one standalone part file. Plain JSON. */
export type ShardSpec = {
  table: string;
  index: number;
  rows: number;
  /** Global row number of the shard's first row. */
  rowStart: number;
  /** Blocks [blockStart, blockEnd). */
  blockStart: number;
  blockEnd: number;
  /** Child tables: the parent block holding the parent of the first row, and the global row number of that parent block's first child. */
  parent: { block: number; firstRow: number } | null;
};

/** Plain JSON (it travels through a queue). */
export type JobPlan = {
  engineVersion: string;
  seed: string;
  /** SHA-256 of the configuration (canonical JSON): generateShard refuses a plan made for another config. */
  configDigest: string;
  shardRows: number;
  tables: Array<{ name: string; rows: number; shards: ShardSpec[] }>;
  /** Fitted models of the tables that learn from a sample, by table name: every shard samples from them. */
  samples?: Record<string, FittedSample>;
};

export const DEFAULT_SHARD_ROWS = 1_048_576;

/** JSON with object keys sorted, so a config read back from a database (jsonb reorders keys) digests the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function configDigest(config: GeneratorConfig): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex');
}

/**
 * Splits every table into shards of whole blocks; boundaries depend on config, seed, shardRows and
 * (for a table that learns from a sample and sets no row count) the sample's row count only.
 */
export function planJob(
  config: GeneratorConfig,
  opts: { seed: string | number; shardRows?: number; samples?: Record<string, FittedSample> },
): JobPlan {
  const seed = String(opts.seed);
  const shardBlocks = Math.max(1, Math.ceil((opts.shardRows ?? DEFAULT_SHARD_ROWS) / BLOCK_ROWS));
  const samples: Record<string, FittedSample> = {};
  for (const t of config.tables) {
    if (!t.sample) continue;
    const fitted = opts.samples?.[t.name];
    if (!fitted) throw notFitted(t);
    samples[t.name] = fitted;
  }
  const model = new Model(config, seed, undefined, samples);
  // a learned field that asks for a column the model lacks fails here, not in a shard
  for (const t of config.tables) if (t.sample) model.table(t.name).compile();
  const tables = config.tables.map((t) => {
    const rows = model.rowsOf(t.name);
    for (const f of t.fields) {
      if (!f.unique) continue;
      const u = uniqueValueSpace(f);
      if ('space' in u && u.space < rows) {
        throw new GenerationError(
          `table '${t.name}', field '${f.name}': only ${u.space} distinct values are possible but the table has ${rows} rows`,
          { table: t.name, field: f.name },
        );
      }
    }
    const blocks = Math.ceil(rows / BLOCK_ROWS);
    const shards: ShardSpec[] = [];
    const totals = t.parent ? model.perParentBlock(t.name) : null;
    let pb = 0;
    let pbFirst = 0;
    for (let b = 0, index = 0; b < Math.max(blocks, 1); b += shardBlocks, index++) {
      const end = Math.min(blocks, b + shardBlocks);
      const rowStart = b * BLOCK_ROWS;
      let parent: ShardSpec['parent'] = null;
      if (totals) {
        while (pb < totals.length - 1 && pbFirst + totals[pb]! <= rowStart) {
          pbFirst += totals[pb]!;
          pb++;
        }
        parent = { block: pb, firstRow: pbFirst };
      }
      shards.push({
        table: t.name,
        index,
        rows: Math.max(0, Math.min(rows, end * BLOCK_ROWS) - rowStart),
        rowStart,
        blockStart: b,
        blockEnd: end,
        parent,
      });
    }
    return { name: t.name, rows, shards };
  });
  return {
    engineVersion: ENGINE_VERSION,
    seed,
    configDigest: configDigest(config),
    shardRows: shardBlocks * BLOCK_ROWS,
    tables,
    ...(Object.keys(samples).length ? { samples } : {}),
  };
}

/** The blocks of a shard with each row's parent and series position. */
export function* shardBlocks(model: Model, shard: ShardSpec, totalRows: number): Generator<BlockSpec> {
  const spec = model.table(shard.table).spec;
  const end = Math.min(totalRows, shard.rowStart + shard.rows);
  if (!spec.parent) {
    for (let b = shard.blockStart; b < shard.blockEnd; b++) {
      const rowStart = b * BLOCK_ROWS;
      const n = Math.min(BLOCK_ROWS, end - rowStart);
      if (n <= 0) return;
      let seqPos: Float64Array | null = null;
      let seqLen: Float64Array | null = null;
      if (spec.sequence) {
        seqPos = new Float64Array(n);
        seqLen = new Float64Array(n).fill(totalRows);
        for (let i = 0; i < n; i++) seqPos[i] = rowStart + i;
      }
      yield { block: b, rowStart, n, parentRow: null, seqPos, seqLen };
    }
    return;
  }
  const parentName = spec.parent.table;
  const parentRows = model.rowsOf(parentName);
  const start = shard.parent ?? { block: 0, firstRow: 0 };
  let pb = start.block;
  let counts = model.childCounts(spec, pb, Math.max(0, Math.min(BLOCK_ROWS, parentRows - pb * BLOCK_ROWS)));
  let j = 0; // parent index within its block
  let pos = 0; // position within that parent's children
  let row = start.firstRow; // global child row of (pb, j, pos)
  const advanceParent = (): boolean => {
    j++;
    pos = 0;
    while (j >= counts.length) {
      pb++;
      if (pb * BLOCK_ROWS >= parentRows) return false;
      counts = model.childCounts(spec, pb, Math.min(BLOCK_ROWS, parentRows - pb * BLOCK_ROWS));
      j = 0;
    }
    return true;
  };
  // skip to the shard's first row
  const first = shard.rowStart;
  let alive = counts.length > 0;
  while (alive && counts[j] === 0) alive = advanceParent();
  while (alive && row + (counts[j]! - pos) <= first) {
    row += counts[j]! - pos;
    alive = advanceParent();
    while (alive && counts[j] === 0) alive = advanceParent();
  }
  if (alive) pos += first - row;
  row = first;
  for (let b = shard.blockStart; b < shard.blockEnd && alive; b++) {
    const rowStart = b * BLOCK_ROWS;
    const n = Math.min(BLOCK_ROWS, end - rowStart);
    if (n <= 0) return;
    const parentRow = new Float64Array(n);
    const seqPos = new Float64Array(n);
    const seqLen = new Float64Array(n);
    let i = 0;
    while (i < n && alive) {
      const c = counts[j]!;
      const take = Math.min(c - pos, n - i);
      const p = pb * BLOCK_ROWS + j;
      for (let k = 0; k < take; k++) {
        parentRow[i + k] = p;
        seqPos[i + k] = pos + k;
        seqLen[i + k] = c;
      }
      i += take;
      pos += take;
      if (pos >= c) {
        alive = advanceParent();
        while (alive && counts[j] === 0) alive = advanceParent();
      }
    }
    yield { block: b, rowStart, n: i, parentRow, seqPos, seqLen };
  }
}
