import { Rng, streamKey } from '../random/prng.ts';
import type { DataColumn, DataTable } from '../tabular/data-table.ts';

/** The rows of a table listed (ascending) in `rows`. */
function takeRows(table: DataTable, rows: Int32Array): DataTable {
  const pick = <T extends Float64Array | Uint8Array | Int32Array>(from: T, to: T): T => {
    for (let i = 0; i < rows.length; i++) to[i] = from[rows[i]!]!;
    return to;
  };
  const n = rows.length;
  const takeColumn = (c: DataColumn): DataColumn => {
    const nulls = pick(c.nulls, new Uint8Array(n));
    if (c.type === 'text') return { ...c, codes: pick(c.codes, new Int32Array(n)), nulls };
    if (c.type === 'boolean') return { ...c, values: pick(c.values, new Uint8Array(n)), nulls };
    return { ...c, values: pick(c.values, new Float64Array(n)), nulls };
  };
  const columns = table.columns.map(takeColumn);
  return { rows: n, columns };
}

/**
 * Sets aside a seeded random share of a sample's rows (at most maxHoldout) that fitting never sees,
 * so the privacy report can tell memorisation (output closer to training rows than to these) from
 * generalisation. Both halves keep the sample's row order.
 */
export function splitHoldout(
  table: DataTable,
  opts: { seed: string; share?: number; maxHoldout?: number },
): { training: DataTable; holdout: DataTable } {
  const share = opts.share ?? 0.2;
  const want = Math.min(opts.maxHoldout ?? 20_000, Math.floor(table.rows * share));
  // a partial Fisher–Yates shuffle of the row numbers picks `want` distinct rows
  const order = new Int32Array(table.rows);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const rng = new Rng(streamKey(opts.seed, '$holdout', 'rows'), 0, 0);
  for (let i = 0; i < want; i++) {
    const j = i + rng.below(table.rows - i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const chosen = new Uint8Array(table.rows);
  for (let i = 0; i < want; i++) chosen[order[i]!] = 1;
  const holdout = new Int32Array(want);
  const training = new Int32Array(table.rows - want);
  for (let i = 0, h = 0, t = 0; i < table.rows; i++) {
    if (chosen[i]) holdout[h++] = i;
    else training[t++] = i;
  }
  return { training: takeRows(table, training), holdout: takeRows(table, holdout) };
}
