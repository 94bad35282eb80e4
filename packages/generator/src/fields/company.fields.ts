import { type FieldSpec, portRange } from '@synoptic/contract';
import { defaultCountry, localePools, miscData, weightedPairs } from '../data/pools.ts';
import { AliasTable } from '../random/distributions.ts';
import { rowHash } from '../random/prng.ts';
import type { CompileEnv } from './compile-env.ts';
import { companyEntity } from './entities.ts';
import { type FieldGen, type NumCol, poolGen, simpleGen, strGen } from './field-gen.ts';

const HEX = '0123456789abcdef';
const hex2 = (b: number) => HEX[(b >>> 4) & 15]! + HEX[b & 15]!;

const URL_PATHS = [
  '',
  '',
  'about',
  'contact',
  'products',
  'services',
  'blog',
  'careers',
  'news',
  'support',
  'shop',
  'team',
];

/** company.* and internet.* fields. */
export function companyField(spec: FieldSpec, c: CompileEnv): FieldGen | null {
  const C = (ctx: Parameters<FieldGen['fill']>[0]) => companyEntity(ctx, c.group, c.locale);
  switch (spec.type) {
    case 'company_name':
      return strGen(spec, (ctx) => {
        const e = C(ctx);
        return (i) => e.name[i]!;
      });
    case 'company_domain':
      return strGen(spec, (ctx) => {
        const e = C(ctx);
        return (i) => e.domain[i]!;
      });
    case 'industry': {
      const pool = localePools(c.locale).industries;
      return poolGen(spec, pool, (ctx) => {
        const e = C(ctx);
        return (i) => e.industry[i]!;
      });
    }
    case 'url':
      return strGen(spec, (ctx) => {
        const e = C(ctx);
        const r = ctx.rng(`f:${spec.name}`);
        const words = localePools('en').words;
        return (i) => {
          const path = URL_PATHS[r.below(URL_PATHS.length)]!;
          const deep =
            path === 'blog' || path === 'products'
              ? `/${words[r.below(words.length)]!.toLowerCase()}-${words[r.below(words.length)]!.toLowerCase()}`
              : '';
          return `https://www.${e.domain[i]}/${path}${deep}`;
        };
      });
    case 'domain': {
      const tlds = weightedPairs(miscData.tlds[defaultCountry[c.locale]]!);
      return strGen(spec, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        const words = localePools('en').words.filter((w) => /^[a-z]+$/.test(w) && w.length < 9);
        return () =>
          `${words[r.below(words.length)]}${r.below(3) ? words[r.below(words.length)] : ''}.${tlds.values[tlds.alias.pick(r.next())]}`;
      });
    }
    case 'ipv4': {
      let base = 0;
      let size = 2 ** 32;
      if (spec.cidr) {
        const [addr, bits] = spec.cidr.split('/') as [string, string];
        const b = Math.min(32, Number(bits));
        size = 2 ** (32 - b);
        base = addr.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
        base -= base % size;
      }
      const perm = spec.unique ? c.perm(size) : null;
      return strGen(spec, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => {
          let v: number;
          if (perm) v = base + perm.map(ctx.rowStart + i);
          else if (spec.cidr) v = base + r.below(size);
          else {
            // public unicast: skip 0/8, 10/8, 127/8 and 224/4 and above
            let first = 1 + r.below(222);
            if (first === 10 || first === 127) first++;
            v = first * 16777216 + r.below(16777216);
          }
          return `${Math.floor(v / 16777216)}.${Math.floor(v / 65536) & 255}.${Math.floor(v / 256) & 255}.${v & 255}`;
        };
      });
    }
    case 'ipv6': {
      const perm = spec.unique ? c.perm(2 ** 52) : null;
      const key = c.key(`f:${spec.name}`);
      return strGen(spec, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => {
          const h: number[] = [0x2000 + r.below(0x2000)];
          for (let k = 1; k < 8; k++) h.push(r.below(65536));
          if (perm) {
            const u = perm.map(ctx.rowStart + i);
            const hi = Math.floor(u / 2 ** 32);
            const lo = u >>> 0;
            h[4] = (rowHash(key, ctx.rowStart + i, 9) & 0xfff0) | (hi >>> 16);
            h[5] = hi & 0xffff;
            h[6] = lo >>> 16;
            h[7] = lo & 0xffff;
          }
          return h.map((x) => x.toString(16)).join(':');
        };
      });
    }
    case 'mac_address': {
      const perm = spec.unique ? c.perm(2 ** 46) : null;
      return strGen(spec, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => {
          const b: number[] = [];
          if (perm) {
            const u = perm.map(ctx.rowStart + i);
            const hi = Math.floor(u / 2 ** 40);
            b.push((hi << 2) & 0xfc);
            let rest = u % 2 ** 40;
            const tail: number[] = [];
            for (let k = 0; k < 5; k++) {
              tail.unshift(rest % 256);
              rest = Math.floor(rest / 256);
            }
            b.push(...tail);
          } else {
            b.push(r.below(256) & 0xfc);
            for (let k = 0; k < 5; k++) b.push(r.below(256));
          }
          return b.map(hex2).join(':');
        };
      });
    }
    case 'user_agent': {
      const w = weightedPairs(miscData.userAgents);
      return poolGen(spec, w.values, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return () => w.alias.pick(r.next());
      });
    }
    case 'http_method': {
      const w = weightedPairs(miscData.httpMethods);
      return poolGen(spec, w.values, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return () => w.alias.pick(r.next());
      });
    }
    case 'http_status_code': {
      const codes = miscData.httpStatuses.map((s) => s[0]);
      const alias = new AliasTable(miscData.httpStatuses.map((s) => s[1]));
      return simpleGen(spec, 'integer', 'num', (ctx, out) => {
        const r = ctx.rng(`f:${spec.name}`);
        const d = (out as NumCol).data;
        for (let i = 0; i < ctx.n; i++) d[i] = codes[alias.pick(r.next())]!;
      });
    }
    case 'port': {
      const [lo, hi] = portRange(spec.range);
      const perm = spec.unique ? c.perm(hi - lo + 1) : null;
      return simpleGen(spec, 'integer', 'num', (ctx, out) => {
        const r = ctx.rng(`f:${spec.name}`);
        const d = (out as NumCol).data;
        for (let i = 0; i < ctx.n; i++)
          d[i] = perm ? lo + perm.map(ctx.rowStart + i) : lo + r.below(hi - lo + 1);
      });
    }
    default:
      return null;
  }
}
