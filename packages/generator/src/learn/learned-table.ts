import type { TableSpec } from '@synoptic/contract';
import { GenerationError } from '../errors.ts';
import { invNormal, normal, normalCdf } from '../random/distributions.ts';
import type { Rng } from '../random/prng.ts';
import { cholesky, subMatrix } from './correlation-matrix.ts';
import {
  FITTED_SAMPLE_FORMAT,
  type FittedColumn,
  type FittedPart,
  type FittedSample,
} from './fitted-sample.ts';
import { inverseCdf } from './marginals.ts';

/** One block of a table's learned columns, by slot: numbers in the learned unit (unrounded), or category indexes. */
export type LearnedBlock = { values: Float64Array[]; nulls: Array<Uint8Array | null> };

/**
 * How to draw some columns from one part of the model: each output slot's inverse CDF and null
 * share, and the Cholesky factor of their correlation (null: independent). With `lead`, the factor
 * has one more leading dimension, the conditioning column's latent normal, which the caller fixes.
 */
type DrawPlan = {
  slots: Int32Array;
  inverse: Array<(u: number) => number>;
  nullShares: Float64Array;
  chol: Float64Array[] | null;
  lead: boolean;
};

function drawPlan(
  part: FittedPart,
  wanted: Array<{ column: number; slot: number }>,
  lead: number | null,
): DrawPlan {
  const position = (column: number) => part.columns.indexOf(column);
  const positions = wanted.map((w) => position(w.column));
  let chol: number[][] | null = null;
  if (part.copula) {
    const keep = lead === null ? positions : [position(lead), ...positions];
    const whole = keep.length === part.columns.length && keep.every((p, i) => p === i);
    chol = whole ? part.copula.cholesky : cholesky(subMatrix(part.copula.correlation, keep));
  }
  return {
    slots: Int32Array.from(wanted, (w) => w.slot),
    inverse: positions.map((p) => inverseCdf(part.marginals[p]!)),
    nullShares: Float64Array.from(positions, (p) => part.nullShares[p]!),
    chol: chol?.map((row) => Float64Array.from(row)) ?? null,
    lead: lead !== null && chol !== null,
  };
}

/**
 * A table's fitted sample compiled for the columns its learned fields use. All learned fields of a
 * table draw jointly, one block at a time from one random stream, so a row's values depend only on
 * the seed and its block, and the copula's dependence holds across them. A model fitted on more
 * columns than the table uses works: a Gaussian copula's marginal over some columns is the copula
 * of their correlation sub-matrix.
 */
export class LearnedTable {
  /** Learned fields' columns, by field name: their slot in a block and how they were fitted. */
  private readonly fields = new Map<string, { slot: number; column: FittedColumn }>();
  private readonly slots: number;
  private readonly plain: DrawPlan | null = null;
  private readonly conditioning: {
    slot: number;
    inverse: (u: number) => number;
    nullShare: number;
    groups: Array<DrawPlan | null>;
    fallback: DrawPlan;
  } | null = null;

  constructor(model: FittedSample, table: TableSpec) {
    if (model.format !== FITTED_SAMPLE_FORMAT) {
      throw new GenerationError(
        `table '${table.name}': its sample's model was made by another version of the engine; fit the sample again`,
        { table: table.name },
      );
    }
    const slotOfColumn = new Map<number, number>();
    for (const f of table.fields) {
      if (f.type !== 'learned') continue;
      const name = f.column ?? f.name;
      // A preview model may hold a column more than once, learned as different types.
      const named = model.columns.flatMap((c, i) => (c.column === name ? [i] : []));
      const index = named.find((i) => model.columns[i]!.as === f.as) ?? named[0] ?? -1;
      const fitted = model.columns[index];
      if (!fitted) {
        throw new GenerationError(
          `table '${table.name}', field '${f.name}': the sample's model has no column '${name}' (it has ${model.columns.map((c) => `'${c.column}'`).join(', ')}); fit the sample again`,
          { table: table.name, field: f.name },
        );
      }
      if (f.as !== undefined && f.as !== fitted.as) {
        const refusal = model.refused?.find((r) => r.column === name && r.as === f.as);
        throw new GenerationError(
          `table '${table.name}', field '${f.name}': ${refusal ? refusal.reason : `column '${name}' is learned as ${f.as} but was fitted as ${fitted.as}; fit the sample again`}`,
          { table: table.name, field: f.name },
        );
      }
      let slot = slotOfColumn.get(index);
      if (slot === undefined) {
        slot = slotOfColumn.size;
        slotOfColumn.set(index, slot);
      }
      this.fields.set(f.name, { slot, column: fitted });
    }
    this.slots = slotOfColumn.size;
    const c =
      model.conditionedOn === null
        ? -1
        : model.columns.findIndex((col) => col.column === model.conditionedOn);
    if (c < 0 || !model.groups) {
      const wanted = [...slotOfColumn].map(([column, slot]) => ({ column, slot }));
      this.plain = drawPlan(model.global, wanted, null);
      return;
    }
    const wanted = [...slotOfColumn]
      .filter(([column]) => column !== c)
      .map(([column, slot]) => ({ column, slot }));
    const global = model.global;
    this.conditioning = {
      slot: slotOfColumn.get(c) ?? -1,
      inverse: inverseCdf(global.marginals[global.columns.indexOf(c)]!),
      nullShare: global.nullShares[global.columns.indexOf(c)]!,
      groups: model.groups.map((part) => part && drawPlan(part, wanted, null)),
      fallback: drawPlan(global, wanted, c),
    };
  }

  /** The block slot of a learned field's column and how the column was fitted. */
  fieldOf(name: string): { slot: number; column: FittedColumn } {
    return this.fields.get(name)!;
  }

  /** Draws the learned columns of n rows. */
  draw(rng: Rng, n: number): LearnedBlock {
    const block: LearnedBlock = {
      values: Array.from({ length: this.slots }, () => new Float64Array(n)),
      nulls: Array.from({ length: this.slots }, () => null),
    };
    const e = new Float64Array(this.slots + 1);
    const z = new Float64Array(this.slots + 1);
    const cond = this.conditioning;
    for (let i = 0; i < n; i++) {
      if (!cond) {
        drawRow(this.plain!, rng, block, i, e, z, Number.NaN);
        continue;
      }
      const u = rng.float();
      const code = cond.inverse(u);
      if (cond.slot >= 0) {
        block.values[cond.slot]![i] = code;
        if (cond.nullShare > 0 && rng.next() < cond.nullShare) markNull(block, cond.slot, i);
      }
      const group = cond.groups[code];
      if (group) drawRow(group, rng, block, i, e, z, Number.NaN);
      else drawRow(cond.fallback, rng, block, i, e, z, invNormal(Math.min(1 - 1e-12, Math.max(1e-12, u))));
    }
    return block;
  }
}

function markNull(block: LearnedBlock, slot: number, i: number): void {
  let nulls = block.nulls[slot];
  if (!nulls) {
    nulls = new Uint8Array(block.values[slot]!.length);
    block.nulls[slot] = nulls;
  }
  nulls[i] = 1;
}

/** One row of a plan's columns; `lead` is the fixed latent normal of the conditioning column. */
function drawRow(
  plan: DrawPlan,
  rng: Rng,
  block: LearnedBlock,
  i: number,
  e: Float64Array,
  z: Float64Array,
  lead: number,
): void {
  const d = plan.slots.length;
  const chol = plan.chol;
  if (chol) {
    const offset = plan.lead ? 1 : 0;
    if (plan.lead) e[0] = lead;
    for (let k = 0; k < d; k++) e[k + offset] = normal(rng);
    for (let k = offset; k < d + offset; k++) {
      const row = chol[k]!;
      let s = 0;
      for (let j = 0; j <= k; j++) s += row[j]! * e[j]!;
      z[k - offset] = s;
    }
  }
  for (let k = 0; k < d; k++) {
    const slot = plan.slots[k]!;
    const u = chol ? normalCdf(z[k]!) : rng.float();
    block.values[slot]![i] = plan.inverse[k]!(u);
    const p = plan.nullShares[k]!;
    if (p > 0 && rng.next() < p) markNull(block, slot, i);
  }
}
