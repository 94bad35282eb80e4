import { describe, expect, it } from 'vitest';
import { config, tableRows } from '../../test/helpers.ts';
import { countryPools, slug } from '../data/pools.ts';
import { luhnDigit } from './commerce.fields.ts';

const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'ES', 'JP'] as const;
const CURRENCY: Record<string, string> = { US: 'USD', GB: 'GBP', DE: 'EUR', FR: 'EUR', ES: 'EUR', JP: 'JPY' };

const cfg = config({
  referenceDate: '2025-01-01',
  tables: [
    {
      name: 'people',
      rows: 20_000,
      countries: [...COUNTRIES],
      fields: [
        { name: 'first', type: 'first_name' },
        { name: 'last', type: 'last_name' },
        { name: 'name', type: 'full_name' },
        { name: 'sex', type: 'sex' },
        { name: 'email', type: 'email' },
        { name: 'birth', type: 'birth_date', minAge: 20, maxAge: 70 },
        { name: 'age', type: 'age' },
        { name: 'city', type: 'city', locale: 'en' },
        { name: 'state', type: 'state', abbreviated: true },
        { name: 'postcode', type: 'postcode' },
        { name: 'country', type: 'country_code' },
        { name: 'currency', type: 'currency_code' },
        { name: 'zone', type: 'time_zone' },
        { name: 'lat', type: 'latitude' },
        { name: 'lon', type: 'longitude' },
        { name: 'phone', type: 'phone', format: 'e164' },
        { name: 'iban', type: 'iban' },
        { name: 'card', type: 'credit_card_number' },
        { name: 'brand', type: 'credit_card_type' },
        { name: 'ean', type: 'ean13' },
        { name: 'billing_city', type: 'city', entity: 'billing' },
      ],
    },
  ],
});

describe('coherent rows', async () => {
  const rows = await tableRows(cfg, 'coherent', 'people');

  it('derives the email from the same row’s name', () => {
    let matches = 0;
    for (const r of rows) {
      const local = String(r.email).split('@')[0]!;
      const country = String(r.country);
      const locale = { US: 'en', GB: 'en', DE: 'de', FR: 'fr', ES: 'es', JP: 'ja' }[country]!;
      if (locale === 'ja') continue; // romaji of kanji names is checked below
      const first = slug(String(r.first), locale);
      const last = slug(String(r.last).split(' ')[0]!, locale);
      if (local.includes(first) || local.includes(last)) matches++;
    }
    const nonJa = rows.filter((r) => r.country !== 'JP').length;
    expect(matches).toBe(nonJa);
  });

  it('makes the age agree with the birth date at the reference date', () => {
    for (const r of rows) {
      const [y, m, d] = String(r.birth).split('-').map(Number) as [number, number, number];
      const age = 2025 - y - (m > 1 || (m === 1 && d > 1) ? 1 : 0);
      expect(r.age).toBe(age);
      expect(r.age as number).toBeGreaterThanOrEqual(20);
      expect(r.age as number).toBeLessThanOrEqual(70);
    }
  });

  it('gives names of the country’s language and in its order', () => {
    const ja = rows.filter((r) => r.country === 'JP');
    expect(ja.length).toBeGreaterThan(1000);
    for (const r of ja.slice(0, 100)) expect(r.name).toBe(`${r.last} ${r.first}`);
    const es = rows.filter((r) => r.country === 'ES');
    for (const r of es.slice(0, 100)) expect(String(r.last).split(' ')).toHaveLength(2);
  });

  it('picks a currency that matches the country', () => {
    for (const r of rows) expect(r.currency).toBe(CURRENCY[String(r.country)]);
  });

  it('keeps city, state, postcode, time zone, coordinates and phone area code of one real city', () => {
    for (const r of rows) {
      const country = countryPools(r.country as (typeof COUNTRIES)[number]);
      const city = country.cities.find((c) => c.latin === r.city)!;
      expect(city, `${r.city} in ${r.country}`).toBeDefined();
      expect(r.state).toBe(city.state);
      expect(r.zone).toBe(city.tz);
      expect(Math.abs((r.lat as number) - city.lat)).toBeLessThan(0.06);
      expect(Math.abs((r.lon as number) - city.lon)).toBeLessThan(0.08);
      const matchesTemplate = city.postcodes.some((t) =>
        new RegExp(`^${t.replace(/#/g, '\\d').replace(/@/g, '[A-Z]')}$`).test(String(r.postcode)),
      );
      expect(matchesTemplate, `${r.postcode} for ${r.city}`).toBe(true);
      const national = String(r.phone).slice(1 + country.dial.length);
      expect(
        city.areaCodes.some((a) => national.startsWith(a.replace(/^0/, ''))),
        `${r.phone} for ${r.city}`,
      ).toBe(true);
    }
  });

  it('keeps a second address group independent of the first', () => {
    const same = rows.filter((r) => r.billing_city === r.city).length;
    expect(same).toBeLessThan(rows.length * 0.5);
  });

  it('produces valid IBANs for the country and Luhn-valid cards of its brand', () => {
    const mod97 = (s: string) => {
      const moved = s.slice(4) + s.slice(0, 4);
      let rem = 0;
      for (const ch of moved) {
        const v = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
        for (const d of v) rem = (rem * 10 + Number(d)) % 97;
      }
      return rem;
    };
    for (const r of rows) {
      const iban = String(r.iban);
      expect(mod97(iban)).toBe(1);
      if (['DE', 'FR', 'ES', 'GB'].includes(String(r.country))) expect(iban.slice(0, 2)).toBe(r.country);
      const card = String(r.card);
      expect(luhnDigit(card.slice(0, -1))).toBe(Number(card.at(-1)));
      const brand = String(r.brand);
      const prefix = { visa: /^4/, mastercard: /^5[1-5]/, amex: /^3[47]/, discover: /^6011/, jcb: /^35/ }[
        brand
      ]!;
      expect(card).toMatch(prefix);
      const ean = String(r.ean);
      const sum = [...ean.slice(0, 12)].reduce((a, d, k) => a + Number(d) * (k % 2 ? 3 : 1), 0);
      expect((10 - (sum % 10)) % 10).toBe(Number(ean[12]));
    }
  });

  it('looks real per locale: names and cities in the local script and language', async () => {
    const local = config({
      tables: ['en', 'de', 'fr', 'es', 'ja'].map((locale) => ({
        name: `t_${locale}`,
        rows: 50,
        locale,
        fields: [
          { name: 'name', type: 'full_name' },
          { name: 'city', type: 'city' },
          { name: 'street', type: 'street_address' },
          { name: 'job', type: 'job_title' },
          { name: 'country', type: 'country' },
          { name: 'email', type: 'email' },
        ],
      })),
    });
    const ja = await tableRows(local, 1, 't_ja');
    expect(ja.every((r) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(String(r.name)))).toBe(true);
    expect(ja.every((r) => String(r.country) === '日本')).toBe(true);
    expect(ja.every((r) => /^[a-z0-9._]+@/.test(String(r.email)))).toBe(true);
    const de = await tableRows(local, 1, 't_de');
    expect(de.every((r) => r.country === 'Deutschland')).toBe(true);
    expect(de.some((r) => /(straße|str\.|weg|platz|allee)/i.test(String(r.street)))).toBe(true);
    const fr = await tableRows(local, 1, 't_fr');
    expect(fr.every((r) => r.country === 'France')).toBe(true);
    const es = await tableRows(local, 1, 't_es');
    expect(es.some((r) => /^(Calle|Avenida|Plaza|Paseo|Camino|Ronda|Travesía) /.test(String(r.street)))).toBe(
      true,
    );
  });
});
