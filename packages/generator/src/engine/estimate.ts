import type { GeneratorConfig, OutputSpec } from '@synoptic/contract';
import type { Column } from '../fields/field-gen.ts';
import type { FittedSample } from '../learn/fitted-sample.ts';
import { shardBlocks } from '../relations/plan.ts';
import { createWriter } from '../writers/writers.ts';
import { Model } from './model.ts';

const SAMPLE_ROWS = 2000;
const ESTIMATE_SEED = 'estimate';

export type SizeEstimate = {
  rows: number;
  bytes: number;
  tables: Array<{ name: string; rows: number; bytes: number }>;
};

/**
 * Rows (exact for root tables; child tables counted with a fixed seed, so within a fraction of a
 * percent of any seed's count) and bytes, extrapolated from encoding the first rows of each table.
 */
export function estimateOutput(
  config: GeneratorConfig,
  output: OutputSpec,
  opts: { samples?: Record<string, FittedSample> } = {},
): SizeEstimate {
  const model = new Model(config, ESTIMATE_SEED, undefined, opts.samples);
  const tables = config.tables.map((t) => {
    const rows = model.rowsOf(t.name);
    const table = model.table(t.name);
    table.compile();
    const writer = createWriter(output, { table: t.name, fields: table.outputs });
    writer.begin();
    const headerBytes = writer.sink.size;
    const sample = Math.min(rows, SAMPLE_ROWS);
    const cols = new Map<string, Column>();
    let sampled = 0;
    if (sample > 0) {
      const shard = {
        table: t.name,
        index: 0,
        rows: sample,
        rowStart: 0,
        blockStart: 0,
        blockEnd: 1,
        parent: t.parent ? { block: 0, firstRow: 0 } : null,
      };
      for (const block of shardBlocks(model, shard, rows)) {
        table.generate(block, cols);
        writer.block(
          table.outputs.map((g) => cols.get(g.spec.name)!),
          block.n,
        );
        sampled += block.n;
      }
    }
    writer.end();
    const body = writer.sink.size - headerBytes;
    const bytes = sampled ? Math.round(headerBytes + (body / sampled) * rows) : writer.sink.size;
    return { name: t.name, rows, bytes };
  });
  return {
    rows: tables.reduce((a, t) => a + t.rows, 0),
    bytes: tables.reduce((a, t) => a + t.bytes, 0),
    tables,
  };
}
