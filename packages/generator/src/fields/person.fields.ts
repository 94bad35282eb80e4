import type { FieldSpec } from '@synoptic/contract';
import type { CompileEnv } from './compile-env.ts';
import { dateRenderer } from './datetime.fields.ts';
import { personEntity } from './entities.ts';
import { type DateCol, type FieldGen, type NumCol, type PoolCol, simpleGen, strGen } from './field-gen.ts';

/** person.* and contact.email/username: everything derives from the row's person entity. */
export function personField(spec: FieldSpec, c: CompileEnv): FieldGen | null {
  const P = (ctx: Parameters<FieldGen['fill']>[0]) =>
    personEntity(ctx, c.env, c.group, c.autoLocale ? 'auto' : c.locale);
  switch (spec.type) {
    case 'first_name':
      return strGen(spec, (ctx) => {
        const p = P(ctx);
        return (i) => p.firstName(i);
      });
    case 'last_name':
      return strGen(spec, (ctx) => {
        const p = P(ctx);
        return (i) => p.lastName(i);
      });
    case 'full_name':
      return strGen(spec, (ctx) => {
        const p = P(ctx);
        const r = spec.withTitle ? ctx.rng(`f:${spec.name}`) : null;
        return (i) => {
          const pools = p.pools(i);
          const first = p.firstName(i);
          const last = p.lastName(i);
          const name = pools.locale === 'ja' ? `${last} ${first}` : `${first} ${last}`;
          if (!r) return name;
          const [f, m, dr] = pools.titles;
          const t = r.next() < 0.08 ? dr : p.sex[i] ? m[r.below(m.length)]! : f[r.below(f.length)]!;
          return pools.locale === 'ja' ? `${name} ${t}` : `${t} ${name}`;
        };
      });
    case 'sex': {
      const pool = spec.format === 'letter' ? ['F', 'M'] : ['female', 'male'];
      return simpleGen(spec, 'string', 'pool', (ctx, out) => {
        const col = out as PoolCol;
        col.pool = pool;
        const p = P(ctx);
        for (let i = 0; i < ctx.n; i++) col.data[i] = p.sex[i]!;
      });
    }
    case 'title':
      return strGen(spec, (ctx) => {
        const p = P(ctx);
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => {
          const [f, m, dr] = p.pools(i).titles;
          if (r.next() < 0.05) return dr;
          return p.sex[i] ? m[r.below(m.length)]! : f[r.below(f.length)]!;
        };
      });
    case 'birth_date': {
      const render = dateRenderer(spec.format, 'date');
      return simpleGen(spec, render.logical, render.kind, (ctx, out) => {
        const b = P(ctx).birthDay();
        if (render.kind === 'date') (out as DateCol).data.set(b.subarray(0, ctx.n));
        else render.fill(out, (i) => b[i]! * 86_400_000, ctx.n);
      });
    }
    case 'age':
      return simpleGen(spec, 'integer', 'num', (ctx, out) => {
        (out as NumCol).data.set(P(ctx).age().subarray(0, ctx.n));
      });
    case 'job_title':
      return strGen(spec, (ctx) => {
        const p = P(ctx);
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => {
          const jobs = p.pools(i).jobs;
          const k = Math.floor(jobs.male.length * r.next() ** 1.3);
          return (p.sex[i] ? jobs.male : jobs.female)[k]!;
        };
      });
    case 'username':
      return strGen(spec, (ctx) => {
        const p = P(ctx);
        const r = ctx.rng(`f:${spec.name}`);
        const perm = spec.unique ? c.perm(Math.max(100, c.rows())) : null;
        const b = p.birthDay();
        return (i) => {
          const f = p.firstAscii(i);
          const l = p.lastAscii(i);
          const style = r.below(6);
          let base =
            style === 0
              ? `${f}.${l}`
              : style === 1
                ? `${f}${l}`
                : style === 2
                  ? `${f[0]}${l}`
                  : style === 3
                    ? `${f}_${l}`
                    : `${f}${l[0]}`;
          if (perm) return `${base}${perm.map(ctx.rowStart + i)}`;
          if (style >= 4)
            base += String(new Date(b[i]! * 86_400_000).getUTCFullYear() % 100).padStart(2, '0');
          return base;
        };
      });
    case 'email': {
      const fixed = spec.domain ? [spec.domain] : spec.domains;
      return strGen(spec, (ctx) => {
        const p = P(ctx);
        const r = ctx.rng(`f:${spec.name}`);
        const perm = spec.unique ? c.perm(Math.max(100, c.rows())) : null;
        const b = p.birthDay;
        return (i) => {
          const f = p.firstAscii(i);
          const l = p.lastAscii(i);
          const s = r.below(100);
          let local: string;
          if (s < 35) local = `${f}.${l}`;
          else if (s < 45) local = `${f}${l}`;
          else if (s < 58) local = `${f[0]}${l}`;
          else if (s < 63) local = `${f}_${l}`;
          else if (s < 78) local = `${f}.${l}${10 + r.below(90)}`;
          else if (s < 88)
            local = `${f}${String(new Date(b()[i]! * 86_400_000).getUTCFullYear() % 100).padStart(2, '0')}`;
          else if (s < 93) local = `${l}.${f}`;
          else local = `${f}${100 + r.below(900)}`;
          if (perm) {
            // the base ends in a letter and the suffix is the row's permuted number: distinct rows, distinct addresses
            const base =
              s < 45
                ? `${f}.${l}`
                : s < 60
                  ? `${f}${l}`
                  : s < 75
                    ? `${f[0]}${l}`
                    : s < 88
                      ? `${f}_${l}`
                      : `${l}.${f}`;
            local = `${base}${perm.map(ctx.rowStart + i)}`;
          }
          let domain: string;
          if (fixed) domain = fixed[r.below(fixed.length)]!;
          else {
            const mail = p.pools(i).freeMail;
            domain = mail.values[mail.alias.pick(r.next())]!;
          }
          return `${local}@${domain}`;
        };
      });
    }
    default:
      return null;
  }
}
