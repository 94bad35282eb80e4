import { DEFAULT_SKU_PATTERN, type FieldSpec, parsePattern } from '@synoptic/contract';
import { localePools, miscData, weightedPairs } from '../data/pools.ts';
import type { Rng } from '../random/prng.ts';
import type { CompileEnv } from './compile-env.ts';
import { addressEntity, fillTemplate } from './entities.ts';
import { civilFromDays, type FieldGen, type PoolCol, poolGen, simpleGen, strGen } from './field-gen.ts';
import { numberField } from './number.fields.ts';
import { patternGen } from './pattern.ts';

const CURRENCIES = ['USD', 'GBP', 'EUR', 'JPY'];
const CURRENCY_INDEX: Record<string, number> = { USD: 0, GBP: 1, EUR: 2, JPY: 3 };

/** ISO 13616 check digits of an IBAN. */
export function ibanCheck(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`;
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 ? String(code - 55) : ch;
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return String(98 - rem).padStart(2, '0');
}

/** Luhn check digit for a string of digits. */
export function luhnDigit(payload: string): number {
  let sum = 0;
  let double = true;
  for (let k = payload.length - 1; k >= 0; k--) {
    let d = payload.charCodeAt(k) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

const BRANDS = ['visa', 'mastercard', 'amex', 'discover', 'jcb'];

function cardPrefix(brand: string, r: Rng): [string, number] {
  switch (brand) {
    case 'mastercard':
      return [`5${1 + r.below(5)}`, 16];
    case 'amex':
      return [r.below(2) ? '34' : '37', 15];
    case 'discover':
      return ['6011', 16];
    case 'jcb':
      return [`35${28 + r.below(62)}`, 16];
    default:
      return ['4', 16];
  }
}

const brandMixes = new Map<string, { index: number[]; alias: ReturnType<typeof weightedPairs>['alias'] }>();
function brandMix(country: string) {
  let m = brandMixes.get(country);
  if (!m) {
    const p = weightedPairs(miscData.cardBrands[country] ?? miscData.cardBrands.default!);
    m = { index: p.values.map((b) => BRANDS.indexOf(b)), alias: p.alias };
    brandMixes.set(country, m);
  }
  return m;
}

const padDigits = (n: number, len: number) => String(n).padStart(len, '0');

function randomDigits(r: Rng, len: number): string {
  let s = '';
  for (let k = 0; k < len; k++) s += String.fromCharCode(48 + r.below(10));
  return s;
}

/** finance.*, commerce.* and misc fields. */
export function commerceField(spec: FieldSpec, c: CompileEnv): FieldGen | null {
  const A = (ctx: Parameters<FieldGen['fill']>[0]) => addressEntity(ctx, c.env, c.group);
  const card = (ctx: Parameters<FieldGen['fill']>[0]) =>
    ctx.memo(`card:${c.group}`, () => {
      const a = A(ctx);
      const r = ctx.rng(`e:card:${c.group}:brand`);
      const brand = new Int32Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) {
        const p = brandMix(a.countryOf(i).code);
        brand[i] = p.index[p.alias.pick(r.next())]!;
      }
      return brand;
    });
  switch (spec.type) {
    case 'amount':
    case 'price':
      return numberField(spec, c);
    case 'currency_code':
      return poolGen(spec, CURRENCIES, (ctx) => {
        const a = A(ctx);
        return (i) => CURRENCY_INDEX[a.countryOf(i).currency]!;
      });
    case 'iban': {
      const perm = spec.unique ? c.perm(1e10) : null;
      return strGen(spec, (ctx) => {
        const a = A(ctx);
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => {
          const own = a.countryOf(i).code;
          const cc = miscData.ibanFormats[own] ? own : (spec.country ?? 'DE');
          let bban = fillTemplate(miscData.ibanFormats[cc]!, r);
          if (perm) bban = bban.slice(0, bban.length - 10) + padDigits(perm.map(ctx.rowStart + i), 10);
          return `${cc}${ibanCheck(cc, bban)}${bban}`;
        };
      });
    }
    case 'credit_card_number': {
      const perm = spec.unique ? c.perm(1e11) : null;
      const fixed = spec.brand ? BRANDS.indexOf(spec.brand) : -1;
      return strGen(spec, (ctx) => {
        const brands = fixed < 0 ? card(ctx) : null;
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => {
          const [prefix, len] = cardPrefix(BRANDS[brands ? brands[i]! : fixed]!, r);
          const payloadLen = len - prefix.length - 1;
          const body = perm ? padDigits(perm.map(ctx.rowStart + i), payloadLen) : randomDigits(r, payloadLen);
          const payload = prefix + body;
          return payload + luhnDigit(payload);
        };
      });
    }
    case 'credit_card_type':
      return poolGen(spec, BRANDS, (ctx) => {
        const b = card(ctx);
        return (i) => b[i]!;
      });
    case 'credit_card_expiry': {
      const [y, m] = civilFromDays(c.referenceDay);
      return strGen(spec, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return () => {
          const k = m - 1 + 1 + r.below(60);
          return `${String((k % 12) + 1).padStart(2, '0')}/${String((y + Math.floor(k / 12)) % 100).padStart(2, '0')}`;
        };
      });
    }
    case 'cvv': {
      const perm = spec.unique ? c.perm(1000) : null;
      return strGen(spec, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => (perm ? padDigits(perm.map(ctx.rowStart + i), 3) : randomDigits(r, 3));
      });
    }
    case 'transaction_type': {
      const w = weightedPairs(miscData.transactionTypes);
      return poolGen(spec, w.values, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return () => w.alias.pick(r.next());
      });
    }
    case 'account_number': {
      const len = spec.digits ?? 10;
      const perm = spec.unique ? c.perm(10 ** len) : null;
      return strGen(spec, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => (perm ? padDigits(perm.map(ctx.rowStart + i), len) : randomDigits(r, len));
      });
    }
    case 'product_name': {
      const p = localePools(c.locale);
      const adjectives = p.productAdjectives;
      const materials = p.materials;
      const nouns = p.productNouns;
      const romance = c.locale === 'fr' || c.locale === 'es';
      return strGen(spec, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return () => {
          const adj = adjectives[r.below(adjectives.length)]!;
          const noun = nouns[r.below(nouns.length)]!;
          const mat = materials[r.below(materials.length)]!;
          return romance ? `${noun} ${adj}` : `${adj} ${mat} ${noun}`;
        };
      });
    }
    case 'department': {
      const pool = localePools(c.locale).departments;
      return poolGen(spec, pool, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return () => Math.floor(pool.length * r.next() ** 1.4);
      });
    }
    case 'color':
    case 'material': {
      const p = localePools(c.locale);
      const pool = spec.type === 'color' ? p.colors : p.materials;
      return poolGen(spec, pool, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return () => Math.floor(pool.length * r.next() ** 1.5);
      });
    }
    case 'sku':
      return patternGen(spec, parsePattern(spec.pattern ?? DEFAULT_SKU_PATTERN), c);
    case 'ean13': {
      const perm = spec.unique ? c.perm(1e9) : null;
      const prefixes: Record<string, string[]> = {
        US: ['0', '1'],
        GB: ['50'],
        DE: ['40', '41', '42', '43', '44'],
        FR: ['30', '31', '32', '33', '34', '35', '36', '37'],
        ES: ['84'],
        JP: ['45', '49'],
      };
      return strGen(spec, (ctx) => {
        const a = A(ctx);
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => {
          const list = prefixes[a.countryOf(i).code]!;
          let prefix = list[r.below(list.length)]!;
          prefix = prefix.padEnd(3, String(r.below(10)));
          const body = perm ? padDigits(perm.map(ctx.rowStart + i), 9) : randomDigits(r, 9);
          const payload = prefix + body;
          // EAN-13 weights 1,3,1,3… from the left, i.e. Luhn-like with weight 3 on even positions
          let sum = 0;
          for (let k = 0; k < 12; k++) sum += (payload.charCodeAt(k) - 48) * (k % 2 ? 3 : 1);
          return payload + ((10 - (sum % 10)) % 10);
        };
      });
    }
    case 'file_name': {
      const stems = miscData.fileStems.split(';');
      const mimes = weightedPairs(miscData.mimeTypes.map((m) => [m[1], m[2]] as [string, number]));
      return strGen(spec, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return () => {
          const stem = stems[r.below(stems.length)]!;
          const ext = spec.extension ?? mimes.values[mimes.alias.pick(r.next())]!;
          const tail = r.below(3) === 0 ? `_${2015 + r.below(11)}` : r.below(2) ? `_${1 + r.below(99)}` : '';
          return `${stem}${tail}.${ext}`;
        };
      });
    }
    case 'mime_type': {
      const w = weightedPairs(miscData.mimeTypes.map((m) => [m[0], m[2]] as [string, number]));
      return simpleGen(spec, 'string', 'pool', (ctx, out) => {
        const col = out as PoolCol;
        col.pool = w.values;
        const r = ctx.rng(`f:${spec.name}`);
        for (let i = 0; i < ctx.n; i++) col.data[i] = w.alias.pick(r.next());
      });
    }
    default:
      return null;
  }
}
