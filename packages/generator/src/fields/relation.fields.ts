import type { FieldSpec } from '@synoptic/contract';
import { GenerationError } from '../errors.ts';
import type { CompileEnv } from './compile-env.ts';
import type { FieldGen } from './field-gen.ts';

/**
 * reference: the key of a parent row. For the table's driving parent it is the row's own parent;
 * otherwise a random row of the referenced table (optionally skewed towards its first rows, the
 * "popular" ones). Keys are pure functions of the row number, so integrity holds by construction.
 */
export function referenceField(spec: FieldSpec, c: CompileEnv): FieldGen | null {
  if (spec.type !== 'reference') return null;
  const ref = c.reference(spec.table, spec.field);
  const target = ref.gen();
  const power = 1 + (spec.skew ?? 0);
  return {
    spec,
    logical: target.logical,
    kind: target.kind,
    scale: target.scale,
    timeZone: target.timeZone,
    deps: [],
    fill(ctx, out) {
      const keyAt = target.keyAt!;
      if (out.kind === 'pool' && target.kind === 'pool') out.pool = [];
      if (ref.driving && ctx.parentRow) {
        for (let i = 0; i < ctx.n; i++) keyAt(ctx.parentRow[i]!, out, i);
        return;
      }
      const rows = ref.rows();
      if (rows === 0) {
        throw new GenerationError(
          `table '${c.tableName}', field '${spec.name}': table '${spec.table}' has no rows to reference`,
          { table: c.tableName, field: spec.name },
        );
      }
      const r = ctx.rng(`f:${spec.name}`);
      for (let i = 0; i < ctx.n; i++) {
        const u = power === 1 ? r.float() : r.float() ** power;
        keyAt(Math.min(rows - 1, Math.floor(u * rows)), out, i);
      }
    },
  };
}
