import { type GeneratorConfig, type OutputSpec, validateGeneratorConfig } from '@synoptic/contract';
import { generateShard, type JobPlan, planJob, type ShardSpec } from '../src/index.ts';

/** Parses and validates a config literal, failing loudly when it is invalid. */
export function config(input: unknown): GeneratorConfig {
  const v = validateGeneratorConfig(input);
  if (!v.ok) throw new Error(`invalid test config: ${JSON.stringify(v.errors)}`);
  return v.config;
}

export async function shardBytes(
  cfg: GeneratorConfig,
  plan: JobPlan,
  shard: ShardSpec,
  output: OutputSpec,
): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of generateShard(cfg, plan, shard, output)) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Every row of a table as JSON objects, generated shard by shard (in the given shard order). */
export async function tableRows(
  cfg: GeneratorConfig,
  seed: string | number,
  table: string,
  opts: { shardRows?: number; order?: (shards: ShardSpec[]) => ShardSpec[] } = {},
): Promise<Array<Record<string, unknown>>> {
  const plan = planJob(cfg, { seed, ...(opts.shardRows ? { shardRows: opts.shardRows } : {}) });
  const shards = plan.tables.find((t) => t.name === table)!.shards;
  const ordered = opts.order ? opts.order([...shards]) : shards;
  const byIndex = new Map<number, Array<Record<string, unknown>>>();
  for (const s of ordered) {
    const text = (await shardBytes(cfg, plan, s, { format: 'jsonl' })).toString('utf8');
    byIndex.set(
      s.index,
      text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    );
  }
  return shards.flatMap((s) => byIndex.get(s.index)!);
}

export function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function stddev(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}
