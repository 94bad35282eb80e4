import type { FieldSpec } from '@synoptic/contract';
import type { LearnedType } from '../learn/fitted-sample.ts';
import type { CompileEnv } from './compile-env.ts';
import {
  type Column,
  type ColumnKind,
  type FieldGen,
  type LogicalType,
  type PoolCol,
  simpleGen,
} from './field-gen.ts';

const TYPES: Record<LearnedType, { logical: LogicalType; kind: ColumnKind }> = {
  integer: { logical: 'integer', kind: 'num' },
  decimal: { logical: 'decimal', kind: 'num' },
  boolean: { logical: 'boolean', kind: 'bool' },
  category: { logical: 'string', kind: 'pool' },
  date: { logical: 'date', kind: 'date' },
  datetime: { logical: 'timestamp', kind: 'ts' },
};

/** A column learned from the table's sample: its slot of the table's joint per-block draw, rounded to its type. */
export function learnedField(spec: FieldSpec, c: CompileEnv): FieldGen | null {
  if (spec.type !== 'learned') return null;
  const table = c.learned();
  const { slot, column } = table.fieldOf(spec.name);
  const { logical, kind } = TYPES[column.as];
  const scale = column.as === 'decimal' ? (spec.precision ?? column.precision) : 0;
  const f = 10 ** scale;
  const step = column.stepMs;
  const round: (v: number) => number =
    column.as === 'decimal'
      ? (v) => Math.round(v * f) / f
      : column.as === 'datetime'
        ? (v) => Math.round(v / step) * step
        : column.as === 'boolean'
          ? (v) => (v >= 0.5 ? 1 : 0)
          : Math.round;
  return simpleGen(
    spec,
    logical,
    kind,
    (ctx, out: Column) => {
      const block = ctx.memo('learned', () => table.draw(ctx.rng('learned'), ctx.n));
      const values = block.values[slot]!;
      const nulls = block.nulls[slot];
      if (out.kind === 'pool') {
        (out as PoolCol).pool = column.categories;
        for (let i = 0; i < ctx.n; i++) out.data[i] = values[i]!;
      } else {
        const data = out.data as Float64Array | Uint8Array;
        for (let i = 0; i < ctx.n; i++) data[i] = round(values[i]!);
      }
      out.nulls = nulls ? nulls.slice(0, ctx.n) : null;
    },
    { scale },
  );
}
