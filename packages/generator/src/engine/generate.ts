import type { GeneratorConfig, OutputSpec } from '@synoptic/contract';
import { GenerationError } from '../errors.ts';
import type { Column } from '../fields/field-gen.ts';
import { configDigest, type JobPlan, type ShardSpec, shardBlocks } from '../relations/plan.ts';
import type { DataTable } from '../tabular/data-table.ts';
import { createWriter } from '../writers/writers.ts';
import { columnBuilder } from './data-table-builder.ts';
import { Model } from './model.ts';
import { BLOCK_ROWS, ENGINE_VERSION } from './version.ts';

const CHUNK_BYTES = 1 << 20;

/** Row counts of every table, from the plan (so a shard never recounts its parents). */
export function planRows(plan: JobPlan): Record<string, number> {
  return Object.fromEntries(plan.tables.map((t) => [t.name, t.rows]));
}

/** The model a plan was made with, after checking the plan fits this engine and configuration. */
function planModel(config: GeneratorConfig, plan: JobPlan, tableName: string) {
  if (plan.engineVersion !== ENGINE_VERSION) {
    throw new GenerationError(
      `the plan was made by engine ${plan.engineVersion}, this is engine ${ENGINE_VERSION}; plan the job again`,
    );
  }
  if (plan.configDigest !== configDigest(config)) {
    throw new GenerationError('the plan was made for a different configuration; plan the job again');
  }
  const entry = plan.tables.find((t) => t.name === tableName);
  if (!entry) throw new GenerationError(`the plan has no table '${tableName}'`);
  return { model: new Model(config, plan.seed, planRows(plan), plan.samples), entry };
}

/**
 * Generates one shard as the bytes of one standalone part file. Yields about 1 MiB at a time,
 * checks the AbortSignal between blocks and reports rows done after each block.
 */
export async function* generateShard(
  config: GeneratorConfig,
  plan: JobPlan,
  shard: ShardSpec,
  output: OutputSpec,
  opts: { signal?: AbortSignal; onRows?: (rowsDone: number) => void } = {},
): AsyncIterable<Uint8Array> {
  const { model, entry } = planModel(config, plan, shard.table);
  const table = model.table(shard.table);
  table.compile();
  const writer = createWriter(output, { table: shard.table, fields: table.outputs });
  const columns = new Map<string, Column>();
  const names = table.outputs.map((g) => g.spec.name);
  writer.begin();
  let done = 0;
  for (const block of shardBlocks(model, shard, entry.rows)) {
    opts.signal?.throwIfAborted();
    table.generate(block, columns);
    writer.block(
      names.map((n) => columns.get(n)!),
      block.n,
    );
    done += block.n;
    opts.onRows?.(done);
    if (writer.sink.size >= CHUNK_BYTES) yield writer.sink.take();
  }
  opts.signal?.throwIfAborted();
  writer.end();
  if (writer.sink.size) yield writer.sink.take();
}

/**
 * The first `rows` rows of a table as a DataTable (columns named after the fields), generated block
 * for block as the output files hold them: what the quality and conformance reports compare.
 */
export function generateTableData(
  config: GeneratorConfig,
  plan: JobPlan,
  table: string,
  rows: number,
): DataTable {
  const { model, entry } = planModel(config, plan, table);
  const t = model.table(table);
  t.compile();
  const want = Math.max(0, Math.min(rows, entry.rows));
  const shard: ShardSpec = {
    table,
    index: 0,
    rows: want,
    rowStart: 0,
    blockStart: 0,
    blockEnd: Math.ceil(want / BLOCK_ROWS),
    parent: t.spec.parent ? { block: 0, firstRow: 0 } : null,
  };
  const builders = t.outputs.map((g) => columnBuilder(g, want));
  const columns = new Map<string, Column>();
  let done = 0;
  for (const block of shardBlocks(model, shard, entry.rows)) {
    t.generate(block, columns);
    const n = Math.min(block.n, want - done);
    t.outputs.forEach((g, k) => {
      builders[k]!.add(columns.get(g.spec.name)!, n, done);
    });
    done += n;
    if (done >= want) break;
  }
  return { rows: done, columns: builders.map((b) => b.finish(done)) };
}
