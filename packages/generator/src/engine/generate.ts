import type { GeneratorConfig, OutputSpec } from '@synoptic/contract';
import { GenerationError } from '../errors.ts';
import type { Column } from '../fields/field-gen.ts';
import { configDigest, type JobPlan, type ShardSpec, shardBlocks } from '../relations/plan.ts';
import { createWriter } from '../writers/writers.ts';
import { Model } from './model.ts';
import { ENGINE_VERSION } from './version.ts';

const CHUNK_BYTES = 1 << 20;

/** Row counts of every table, from the plan (so a shard never recounts its parents). */
export function planRows(plan: JobPlan): Record<string, number> {
  return Object.fromEntries(plan.tables.map((t) => [t.name, t.rows]));
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
  if (plan.engineVersion !== ENGINE_VERSION) {
    throw new GenerationError(
      `the plan was made by engine ${plan.engineVersion}, this is engine ${ENGINE_VERSION}; plan the job again`,
    );
  }
  if (plan.configDigest !== configDigest(config)) {
    throw new GenerationError('the plan was made for a different configuration; plan the job again');
  }
  const entry = plan.tables.find((t) => t.name === shard.table);
  if (!entry) throw new GenerationError(`the plan has no table '${shard.table}'`);
  const model = new Model(config, plan.seed, planRows(plan));
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
