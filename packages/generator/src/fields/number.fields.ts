import { effectiveNumberSpec, type FieldOf, type FieldSpec, fieldPrecision } from '@synoptic/contract';
import { poisson, truncatedExponential, truncatedNormal } from '../random/distributions.ts';
import type { Rng } from '../random/prng.ts';
import type { CompileEnv } from './compile-env.ts';
import { type FieldGen, type NumCol, simpleGen } from './field-gen.ts';

type NumberField = FieldOf<'integer'> | FieldOf<'decimal'> | FieldOf<'amount'> | FieldOf<'price'>;

/** A sampler for the field's distribution, truncated to its bounds through the inverse CDF. */
export function numberSampler(field: NumberField): (r: Rng) => number {
  const { min, max, distribution: d } = effectiveNumberSpec(field);
  const lo = min ?? Number.NEGATIVE_INFINITY;
  const hi = max ?? Number.POSITIVE_INFINITY;
  const integer = field.type === 'integer';
  switch (d.type) {
    case 'uniform': {
      if (integer) {
        const a = Math.ceil(lo);
        const span = Math.floor(hi) - a + 1;
        return (r) => a + r.below(span);
      }
      return (r) => lo + r.float() * (hi - lo);
    }
    case 'normal':
      return truncatedNormal(d.mean, d.stddev, lo, hi);
    case 'lognormal': {
      const n = truncatedNormal(
        d.mu,
        d.sigma,
        lo > 0 ? Math.log(lo) : Number.NEGATIVE_INFINITY,
        hi > 0 ? Math.log(hi) : Number.NEGATIVE_INFINITY,
      );
      return (r) => Math.exp(n(r));
    }
    case 'exponential':
      return truncatedExponential(d.rate, Number.isFinite(lo) ? lo : 0, hi);
    case 'poisson':
      return (r) => {
        const v = poisson(r, d.mean);
        return v < lo ? Math.ceil(lo) : v > hi ? Math.floor(hi) : v;
      };
  }
}

/** integer, decimal, amount and price. */
export function numberField(spec: FieldSpec, c: CompileEnv): FieldGen | null {
  if (spec.type !== 'integer' && spec.type !== 'decimal' && spec.type !== 'amount' && spec.type !== 'price')
    return null;
  const integer = spec.type === 'integer';
  const scale = integer ? 0 : fieldPrecision(spec);
  const f = 10 ** scale;
  const sample = numberSampler(spec);
  const { min, max } = effectiveNumberSpec(spec);
  const lo = integer
    ? Math.ceil(min ?? Number.NEGATIVE_INFINITY)
    : Math.ceil((min ?? Number.NEGATIVE_INFINITY) * f - 1e-9) / f;
  const hi = integer
    ? Math.floor(max ?? Number.POSITIVE_INFINITY)
    : Math.floor((max ?? Number.POSITIVE_INFINITY) * f + 1e-9) / f;
  const charm = spec.type === 'price' && spec.charm;
  let perm: ReturnType<CompileEnv['perm']> | null = null;
  if (spec.unique) perm = c.perm(Math.round((hi - lo) * f) + 1);
  return simpleGen(
    spec,
    integer ? 'integer' : 'decimal',
    'num',
    (ctx, out) => {
      const d = (out as NumCol).data;
      if (perm) {
        for (let i = 0; i < ctx.n; i++) d[i] = (Math.round(lo * f) + perm.map(ctx.rowStart + i)) / f;
        return;
      }
      const r = ctx.rng(`f:${spec.name}`);
      for (let i = 0; i < ctx.n; i++) {
        let v = Math.round(sample(r) * f) / f;
        if (charm) {
          const whole = Math.floor(v);
          const ending = [0.99, 0.99, 0.95, 0.49][r.below(4)]!;
          v = whole + ending > hi ? Math.max(lo, whole - 1 + ending) : whole + ending;
          v = Math.round(v * f) / f;
        }
        d[i] = v < lo ? lo : Math.min(v, hi);
      }
    },
    { scale },
  );
}
