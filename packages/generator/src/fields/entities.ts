import type { CountryCode, Locale } from '@synoptic/contract';
import {
  type City,
  type Country,
  countryPools,
  defaultCountry,
  type LocalePools,
  localePools,
  miscData,
  slug,
  streetData,
  weightedPairs,
} from '../data/pools.ts';
import { AliasTable } from '../random/distributions.ts';
import type { Rng } from '../random/prng.ts';
import { type BlockContext, civilFromDays, daysFromCivil } from './field-gen.ts';

// Entities make a row coherent: every person field of one group reads the same sex, names and
// birth date; every address field the same country and city. Each component has its own random
// stream, computed lazily once per block, so adding a field never shifts another's values.

export const LOCALES: Locale[] = ['en', 'de', 'fr', 'es', 'ja'];
const COUNTRY_LOCALE: Record<string, number> = { US: 0, GB: 0, DE: 1, FR: 2, ES: 3, JP: 4 };

/** Table-wide settings the entities need. */
export type TableEnv = {
  seed: string;
  table: string;
  locale: Locale;
  countries: Country[];
  countryAlias: AliasTable;
  referenceDay: number;
  ageBounds: Map<string, [number, number]>;
};

export function makeTableEnv(
  seed: string,
  table: string,
  locale: Locale,
  countries: Array<CountryCode | { code: CountryCode; weight: number }> | undefined,
  referenceDay: number,
): TableEnv {
  const list = (countries ?? [defaultCountry[locale]]).map((c) =>
    typeof c === 'string' ? { code: c, weight: 1 } : c,
  );
  return {
    seed,
    table,
    locale,
    countries: list.map((c) => countryPools(c.code)),
    countryAlias: new AliasTable(list.map((c) => c.weight)),
    referenceDay,
    ageBounds: new Map(),
  };
}

/** Place names of all the table's cities as flat lists, indexed by AddressEntity.place. */
export type PlacePools = {
  city: string[];
  state: string[];
  stateCode: string[];
  zone: string[];
  country: string[];
  code: string[];
  alpha3: string[];
};

const placeCache = new WeakMap<TableEnv, Map<Locale, PlacePools>>();

export function placePools(env: TableEnv, locale: Locale): PlacePools {
  let byLocale = placeCache.get(env);
  if (!byLocale) {
    byLocale = new Map();
    placeCache.set(env, byLocale);
  }
  let p = byLocale.get(locale);
  if (!p) {
    p = { city: [], state: [], stateCode: [], zone: [], country: [], code: [], alpha3: [] };
    for (const c of env.countries) {
      const latin = isLatinDisplay(locale, c);
      p.country.push(c.names[locale]!);
      p.code.push(c.code);
      p.alpha3.push(c.alpha3);
      for (const city of c.cities) {
        const st = c.states.get(city.state)!;
        p.city.push(latin ? city.latin : city.name);
        p.state.push(latin ? st.latin : st.name);
        p.stateCode.push(city.state);
        p.zone.push(city.tz);
      }
    }
    byLocale.set(locale, p);
  }
  return p;
}

export type AddressEntity = {
  country: Int32Array;
  city: Int32Array;
  /** Index of the row's city in the PlacePools lists. */
  place: Int32Array;
  countryOf(i: number): Country;
  cityOf(i: number): City;
};

export function addressEntity(ctx: BlockContext, env: TableEnv, group: string): AddressEntity {
  return ctx.memo(`addr:${group}`, () => {
    const n = ctx.n;
    const country = new Int32Array(n);
    const city = new Int32Array(n);
    const place = new Int32Array(n);
    const offsets: number[] = [];
    let off = 0;
    for (const c of env.countries) {
      offsets.push(off);
      off += c.cities.length;
    }
    const rc = ctx.rng(`e:addr:${group}:country`);
    const rcity = ctx.rng(`e:addr:${group}:city`);
    const single = env.countries.length === 1;
    for (let i = 0; i < n; i++) {
      const c = single ? 0 : env.countryAlias.pick(rc.next());
      country[i] = c;
      city[i] = env.countries[c]!.cityAlias.pick(rcity.next());
      place[i] = offsets[c]! + city[i]!;
    }
    return {
      country,
      city,
      place,
      countryOf: (i: number) => env.countries[country[i]!]!,
      cityOf: (i: number) => env.countries[country[i]!]!.cities[city[i]!]!,
    };
  });
}

export type PersonEntity = {
  loc: Uint8Array;
  sex: Uint8Array;
  first: Int32Array;
  last: Int32Array;
  last2: Int32Array;
  pools(i: number): LocalePools;
  firstName(i: number): string;
  lastName(i: number): string;
  firstAscii(i: number): string;
  lastAscii(i: number): string;
  birthDay(): Float64Array;
  /** Age in whole years at the reference day (agrees with birthDay by construction). */
  age(): Float64Array;
};

/** Person of a group; `locale` 'auto' follows each row's address country. */
export function personEntity(
  ctx: BlockContext,
  env: TableEnv,
  group: string,
  locale: Locale | 'auto',
): PersonEntity {
  return ctx.memo(`person:${group}:${locale}`, () => {
    const n = ctx.n;
    const loc = new Uint8Array(n);
    if (locale === 'auto') {
      const a = addressEntity(ctx, env, group);
      for (let i = 0; i < n; i++) loc[i] = COUNTRY_LOCALE[a.countryOf(i).code] ?? 0;
    } else loc.fill(LOCALES.indexOf(locale));
    const all = LOCALES.map((l) => (loc.includes(LOCALES.indexOf(l)) ? localePools(l) : null));
    const sex = new Uint8Array(n);
    const first = new Int32Array(n);
    const last = new Int32Array(n);
    const last2 = new Int32Array(n);
    const key = `e:person:${group}:${locale}`;
    const rs = ctx.rng(`${key}:sex`);
    const rf = ctx.rng(`${key}:first`);
    const rl = ctx.rng(`${key}:last`);
    for (let i = 0; i < n; i++) {
      const p = all[loc[i]!]!;
      const s = rs.u32() & 1;
      sex[i] = s;
      first[i] = (s ? p.male : p.female).alias.pick(rf.next());
      last[i] = p.last.alias.pick(rl.next());
      last2[i] = p.last.alias.pick(rl.next());
    }
    let birth: { birth: Float64Array; age: Float64Array } | null = null;
    const births = () => {
      birth ??= birthDays(ctx.rng(`${key}:birth`), n, env.referenceDay, env.ageBounds.get(group) ?? [18, 80]);
      return birth;
    };
    const e: PersonEntity = {
      loc,
      sex,
      first,
      last,
      last2,
      pools: (i) => all[loc[i]!]!,
      firstName: (i) => {
        const p = all[loc[i]!]!;
        return (sex[i] ? p.male : p.female).values[first[i]!]!;
      },
      lastName: (i) => {
        const p = all[loc[i]!]!;
        const l = p.last.values[last[i]!]!;
        return p.locale === 'es' ? `${l} ${p.last.values[last2[i]!]!}` : l;
      },
      firstAscii: (i) => {
        const p = all[loc[i]!]!;
        return (sex[i] ? p.male : p.female).ascii[first[i]!]!;
      },
      lastAscii: (i) => all[loc[i]!]!.last.ascii[last[i]!]!,
      birthDay: () => births().birth,
      age: () => births().age,
    };
    return e;
  });
}

type AgeTable = { alias: AliasTable; lo: Float64Array; hi: Float64Array };
const ageTables = new Map<string, AgeTable>();

/** Birth days so that ages at the reference day follow an adult population curve in [min, max]. */
function birthDays(
  rng: Rng,
  n: number,
  referenceDay: number,
  [minAge, maxAge]: [number, number],
): { birth: Float64Array; age: Float64Array } {
  const k = `${referenceDay}:${minAge}:${maxAge}`;
  let t = ageTables.get(k);
  if (!t) {
    const w: number[] = [];
    const lo = new Float64Array(maxAge - minAge + 1);
    const hi = new Float64Array(maxAge - minAge + 1);
    const [ry, rm, rd] = civilFromDays(referenceDay);
    for (let a = minAge; a <= maxAge; a++) {
      w.push(a < 55 ? 1 : Math.max(0.04, 1 - (a - 55) / 38));
      // born in (ref − (age+1) years, ref − age years]
      hi[a - minAge] = shiftYears(ry, rm, rd, -a);
      lo[a - minAge] = shiftYears(ry, rm, rd, -a - 1);
    }
    t = { alias: new AliasTable(w), lo, hi };
    ageTables.set(k, t);
  }
  const birth = new Float64Array(n);
  const age = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = t.alias.pick(rng.next());
    const lo = t.lo[a]!;
    birth[i] = lo + 1 + Math.floor(rng.next() * (t.hi[a]! - lo));
    age[i] = minAge + a;
  }
  return { birth, age };
}

function shiftYears(y: number, m: number, d: number, years: number): number {
  const yy = y + years;
  const leap = (yy % 4 === 0 && yy % 100 !== 0) || yy % 400 === 0;
  return daysFromCivil(yy, m, m === 2 && d === 29 && !leap ? 28 : d);
}

/** Whole years between a birth day and the reference day. */
export function ageAt(birthDay: number, referenceDay: number): number {
  const [by, bm, bd] = civilFromDays(birthDay);
  const [ry, rm, rd] = civilFromDays(referenceDay);
  let age = ry - by;
  if (rm < bm || (rm === bm && rd < bd)) age--;
  return age;
}

export type CompanyEntity = { name: string[]; domain: string[]; industry: Int32Array };

export function companyEntity(ctx: BlockContext, group: string, locale: Locale): CompanyEntity {
  return ctx.memo(`company:${group}:${locale}`, () => {
    const n = ctx.n;
    const p = localePools(locale);
    const country = defaultCountry[locale];
    const forms = weightedPairs(miscData.legalForms[country]!);
    const tlds = weightedPairs(miscData.tlds[country]!);
    const r = ctx.rng(`e:company:${group}:${locale}`);
    const ri = ctx.rng(`e:company:${group}:${locale}:industry`);
    const name: string[] = new Array(n);
    const domain: string[] = new Array(n);
    const industry = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const l1 = p.last.alias.pick(r.next());
      const l2 = p.last.alias.pick(r.next());
      const last1 = p.last.values[l1]!;
      const last2 = p.last.values[l2]!;
      const word = p.companyWords[r.below(p.companyWords.length)]!;
      const form = forms.values[forms.alias.pick(r.next())]!;
      const style = r.below(4);
      let base: string;
      let stem: string;
      if (locale === 'ja') {
        base = style < 2 ? `${form}${last1}${word}` : `${last1}${word}${form}`;
        stem = p.last.ascii[l1]!;
      } else if (style === 0) {
        base = `${last1} ${word} ${form}`;
        stem = slug(`${last1}${word}`, locale);
      } else if (style === 1) {
        const and = locale === 'de' ? 'und' : locale === 'fr' ? 'et' : locale === 'es' ? 'y' : '&';
        base = `${last1} ${and} ${last2} ${form}`;
        stem = `${slug(last1, locale)}-${slug(last2, locale)}`;
      } else if (style === 2 && locale === 'de') {
        base = `${last1}-${last2} ${form}`;
        stem = `${slug(last1, locale)}-${slug(last2, locale)}`;
      } else {
        base = `${last1} ${form}`;
        stem = slug(last1, locale);
      }
      name[i] = base;
      domain[i] = `${stem}.${tlds.values[tlds.alias.pick(r.next())]!}`;
      industry[i] = ri.below(p.industries.length);
    }
    return { name, domain, industry };
  });
}

/** Street, number and postcode of a group's address, drawn once per block. */
export type StreetParts = { street: string[]; streetLatin: string[]; number: string[]; postcode: string[] };

export function streetParts(ctx: BlockContext, env: TableEnv, group: string): StreetParts {
  return ctx.memo(`street:${group}`, () => {
    const a = addressEntity(ctx, env, group);
    const n = ctx.n;
    const rs = ctx.rng(`e:addr:${group}:street`);
    const rn = ctx.rng(`e:addr:${group}:number`);
    const rp = ctx.rng(`e:addr:${group}:postcode`);
    const street: string[] = new Array(n);
    const streetLatin: string[] = new Array(n);
    const number: string[] = new Array(n);
    const postcode: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const c = a.countryOf(i);
      const city = a.cityOf(i);
      postcode[i] = fillTemplate(city.postcodes[rp.below(city.postcodes.length)]!, rp, GB_LETTERS);
      switch (c.code) {
        case 'US':
        case 'GB': {
          const { names, suffixes } = c.code === 'US' ? US_STREETS : GB_STREETS;
          const nm = names[Math.floor(names.length * rs.next() ** 1.6)]!;
          const sx = suffixes[Math.floor(suffixes.length * rs.next() ** 1.8)]!;
          street[i] = `${nm} ${sx}`;
          const digits = c.code === 'US' ? 1 + rn.below(4) : 1 + rn.below(2);
          number[i] = String(Math.max(1, Math.floor(rn.next() * 10 ** digits)));
          break;
        }
        case 'DE': {
          const names = localePools('de').streetNames;
          street[i] = names[rs.below(names.length)]!;
          const num = 1 + Math.floor(150 * rn.next() ** 1.5);
          number[i] = rn.next() < 0.06 ? `${num}${'abc'[rn.below(3)]}` : String(num);
          break;
        }
        case 'FR': {
          const p = localePools('fr');
          street[i] =
            `${p.streetPrefixes[Math.floor(p.streetPrefixes.length * rs.next() ** 2)]} ${p.streetNames[rs.below(p.streetNames.length)]}`;
          const num = 1 + Math.floor(150 * rn.next() ** 1.5);
          number[i] = rn.next() < 0.05 ? `${num} bis` : String(num);
          break;
        }
        case 'ES': {
          const { pre, names } = ES_STREETS;
          street[i] = `${pre[rs.below(pre.length)]} ${names[rs.below(names.length)]}`;
          number[i] = String(1 + Math.floor(150 * rn.next() ** 1.5));
          break;
        }
        case 'JP': {
          const [kanji, latin] = towns[rs.below(towns.length)]!.split(':') as [string, string];
          const chome = 1 + rn.below(6);
          street[i] = `${kanji}${chome}丁目`;
          streetLatin[i] = latin;
          number[i] = `${chome}-${1 + rn.below(30)}-${1 + rn.below(20)}`;
          break;
        }
      }
      if (streetLatin[i] === undefined) streetLatin[i] = street[i]!;
    }
    return { street, streetLatin, number, postcode };
  });
}

const US_STREETS = { names: streetData.US.names.split(';'), suffixes: streetData.US.suffixes.split(';') };
const GB_STREETS = { names: streetData.GB.names.split(';'), suffixes: streetData.GB.suffixes.split(';') };
const ES_STREETS = { pre: streetData.ES.prefixes.split(';'), names: streetData.ES.names.split(';') };
const towns = streetData.JP.towns.split(';');
const GB_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Replaces # with a digit and @ with a letter from `letters`. */
export function fillTemplate(template: string, rng: Rng, letters = UPPER): string {
  let out = '';
  for (let k = 0; k < template.length; k++) {
    const ch = template[k]!;
    if (ch === '#') out += String.fromCharCode(48 + rng.below(10));
    else if (ch === '@') out += letters[rng.below(letters.length)];
    else out += ch;
  }
  return out;
}

export function isLatinDisplay(locale: Locale, country: Country): boolean {
  return !(country.code === 'JP' && locale === 'ja');
}
