import type { GeneratorConfig } from '@synoptic/contract';
import { cellValue } from '../fields/column-values.ts';
import type { Column, LogicalType } from '../fields/field-gen.ts';
import type { FittedSample } from '../learn/fitted-sample.ts';
import { shardBlocks } from '../relations/plan.ts';
import { Model } from './model.ts';
import { BLOCK_ROWS } from './version.ts';

export type Preview = {
  tables: Array<{
    name: string;
    columns: Array<{ name: string; type: LogicalType }>;
    rows: Array<Record<string, unknown>>;
  }>;
};

/** The first rows of every table, exactly as a full run with the same seed starts. */
export function previewConfig(
  config: GeneratorConfig,
  opts: { seed: string | number; rows?: number; samples?: Record<string, FittedSample> },
): Preview {
  const want = Math.max(0, Math.min(opts.rows ?? 20, BLOCK_ROWS));
  const model = new Model(config, String(opts.seed), undefined, opts.samples);
  return {
    tables: config.tables.map((t) => {
      const table = model.table(t.name);
      table.compile();
      const columns = table.outputs.map((g) => ({ name: g.spec.name, type: g.logical }));
      const rows: Array<Record<string, unknown>> = [];
      const parentRows = t.parent ? model.rowsOf(t.parent.table) : 0;
      // a root table's row count is known; a child's first rows never need its total
      const total = t.parent ? Number.MAX_SAFE_INTEGER : model.rowsOf(t.name);
      if (want > 0 && (!t.parent || parentRows > 0)) {
        const shard = {
          table: t.name,
          index: 0,
          rows: want,
          rowStart: 0,
          blockStart: 0,
          blockEnd: 1,
          parent: t.parent ? { block: 0, firstRow: 0 } : null,
        };
        const cols = new Map<string, Column>();
        for (const block of shardBlocks(model, shard, Math.min(total, want))) {
          table.generate(block, cols);
          for (let i = 0; i < block.n; i++) {
            const row: Record<string, unknown> = {};
            for (const g of table.outputs) row[g.spec.name] = cellValue(cols.get(g.spec.name)!, i, g);
            rows.push(row);
          }
        }
      }
      return { name: t.name, columns, rows };
    }),
  };
}
