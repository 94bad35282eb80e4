import { faker as fakerDe } from '@faker-js/faker/locale/de';
import { faker as fakerEn } from '@faker-js/faker/locale/en';
import { faker as fakerEs } from '@faker-js/faker/locale/es';
import { faker as fakerFr } from '@faker-js/faker/locale/fr';
import { faker as fakerJa } from '@faker-js/faker/locale/ja';
import type { CountryCode, Locale } from '@synoptic/contract';
import { AliasTable, rankWeights } from '../random/distributions.ts';
import * as misc from './misc.data.ts';
import { firstNamesFemale, firstNamesMale, industries, jobTitles, lastNames, titles } from './names.data.ts';
import { countries as countryData, streets } from './places.data.ts';

// Value pools, built once per locale or country on first use and cached for the process. faker
// is only read here (its word lists), never called per row.

export type WeightedList = { values: string[]; ascii: string[]; alias: AliasTable };

export type City = {
  name: string;
  latin: string;
  state: string;
  lat: number;
  lon: number;
  postcodes: string[];
  areaCodes: string[];
  tz: string;
  plate: string;
};

export type Country = {
  code: CountryCode;
  alpha3: string;
  names: Record<string, string>;
  currency: string;
  dial: string;
  states: Map<string, { name: string; latin: string }>;
  cities: City[];
  cityAlias: AliasTable;
};

export type LocalePools = {
  locale: Locale;
  female: WeightedList;
  male: WeightedList;
  last: WeightedList;
  titles: [string[], string[], string];
  jobs: { male: string[]; female: string[] };
  industries: string[];
  words: string[];
  colors: string[];
  materials: string[];
  productAdjectives: string[];
  productNouns: string[];
  departments: string[];
  companyWords: string[];
  freeMail: { values: string[]; alias: AliasTable };
  weekdays: { name: string[]; short: string[] };
  months: { name: string[]; short: string[] };
  streetNames: string[];
  streetPrefixes: string[];
};

const fakers = { en: fakerEn, de: fakerDe, fr: fakerFr, es: fakerEs, ja: fakerJa } as const;
export const defaultCountry: Record<Locale, CountryCode> = { en: 'US', de: 'DE', fr: 'FR', es: 'ES', ja: 'JP' };
const intlLocale: Record<Locale, string> = { en: 'en-US', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', ja: 'ja-JP' };

/** Lower-case ASCII for emails and domains: diacritics dropped, German umlauts spelled out. */
export function toAscii(text: string, locale: string): string {
  let s = text;
  if (locale === 'de') s = s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue');
  s = s
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return s;
}

export function slug(text: string, locale: string): string {
  return toAscii(text, locale)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function weighted(entries: string[], locale: string): WeightedList {
  const values: string[] = [];
  const ascii: string[] = [];
  for (const e of entries) {
    const [display, latin] = e.includes(':') ? (e.split(':') as [string, string]) : [e, e];
    values.push(display);
    ascii.push(slug(latin, locale));
  }
  return { values, ascii, alias: new AliasTable(rankWeights(values.length)) };
}

function weightedPairs<T>(pairs: Array<[T, number]>): { values: T[]; alias: AliasTable } {
  return { values: pairs.map((p) => p[0]), alias: new AliasTable(pairs.map((p) => p[1])) };
}

const words = (text: string, sep = ' '): string[] =>
  text
    .split(sep)
    .map((w) => w.replace(/_/g, ' ').trim())
    .filter(Boolean);

const localeCache = new Map<Locale, LocalePools>();

export function localePools(locale: Locale): LocalePools {
  const cached = localeCache.get(locale);
  if (cached) return cached;
  const defs = fakers[locale].rawDefinitions;
  const en = fakerEn.rawDefinitions;
  const jobs = words(jobTitles[locale]!, ';').map((j) => {
    const [m, f] = j.split('|') as [string, string | undefined];
    return { male: m, female: f === undefined ? m : f.startsWith('+') ? m + f.slice(1) : f };
  });
  let vocabulary: string[];
  if (locale === 'es') vocabulary = words(misc.spanishWords, ';');
  else if (locale === 'ja') vocabulary = [...(defs.lorem?.word ?? [])];
  else {
    const w = defs.word ?? en.word!;
    vocabulary = [
      ...(w.noun ?? []).slice(0, 600),
      ...(w.adjective ?? []).slice(0, 300),
      ...(w.verb ?? []).slice(0, 300),
    ].filter((x) => /^[\p{L}-]+$/u.test(x) && x.length > 1);
  }
  const dayFmt = (style: 'long' | 'short') => {
    const f = new Intl.DateTimeFormat(intlLocale[locale], { weekday: style, timeZone: 'UTC' });
    // 2024-01-01 is a Monday
    return Array.from({ length: 7 }, (_, i) => f.format(Date.UTC(2024, 0, 1 + i)));
  };
  const monthFmt = (style: 'long' | 'short') => {
    const f = new Intl.DateTimeFormat(intlLocale[locale], { month: style, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => f.format(Date.UTC(2024, i, 15)));
  };
  const commerce = defs.commerce ?? en.commerce!;
  const productName = commerce.product_name ?? en.commerce!.product_name!;
  let streetNames: string[] = [];
  let streetPrefixes: string[] = [];
  if (locale === 'de') streetNames = [...(defs.location?.street_name ?? [])];
  if (locale === 'fr') {
    streetPrefixes = [...(defs.location?.street_prefix ?? ['Rue'])];
    streetNames = [...(defs.location?.street_suffix ?? [])];
  }
  const pools: LocalePools = {
    locale,
    female: weighted(words(firstNamesFemale[locale]!), locale),
    male: weighted(words(firstNamesMale[locale]!), locale),
    last: weighted(words(lastNames[locale]!), locale),
    titles: titles[locale]!,
    jobs: { male: jobs.map((j) => j.male), female: jobs.map((j) => j.female) },
    industries: words(industries[locale]!, ';'),
    words: vocabulary,
    colors: words(misc.colors[locale]!, ';'),
    materials: [...(productName.material ?? en.commerce!.product_name!.material!)],
    productAdjectives: [...(productName.adjective ?? [])],
    productNouns: [...(productName.product ?? [])],
    departments: [...(commerce.department ?? [])],
    companyWords: words(misc.companyWords[locale]!, ';'),
    freeMail: weightedPairs(misc.freeMail[locale]!),
    weekdays: { name: dayFmt('long'), short: dayFmt('short') },
    months: { name: monthFmt('long'), short: monthFmt('short') },
    streetNames,
    streetPrefixes,
  };
  localeCache.set(locale, pools);
  return pools;
}

const countryCache = new Map<string, Country>();

export function countryPools(code: CountryCode): Country {
  const cached = countryCache.get(code);
  if (cached) return cached;
  const d = countryData.find((c) => c.code === code)!;
  const states = new Map<string, { name: string; latin: string }>();
  for (const s of d.states.split(';')) {
    const [c, n] = s.split('|') as [string, string];
    const [name, latin] = n.includes(':') ? (n.split(':') as [string, string]) : [n, n];
    states.set(c, { name, latin });
  }
  const cities: City[] = d.cities.split('\n').map((line) => {
    const [n, state, lat, lon, , postcodes, areas, tz, plate] = line.split('|') as string[];
    const [name, latin] = n!.includes(':') ? (n!.split(':') as [string, string]) : [n!, n!];
    return {
      name,
      latin,
      state: state!,
      lat: Number(lat),
      lon: Number(lon),
      postcodes: postcodes!.split(','),
      areaCodes: areas!.split(','),
      tz: tz || d.tz,
      plate: plate ?? '',
    };
  });
  const weightsOf = d.cities.split('\n').map((line) => Number(line.split('|')[4]));
  const country: Country = {
    code,
    alpha3: d.alpha3,
    names: d.names,
    currency: d.currency,
    dial: d.dial,
    states,
    cities,
    cityAlias: new AliasTable(weightsOf),
  };
  countryCache.set(code, country);
  return country;
}

export const streetData = streets;
export const miscData = misc;
export { weightedPairs };
