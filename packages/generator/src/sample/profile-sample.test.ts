import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  fieldSpecSchema,
  type SampleColumnProfile,
  type SampleProfile,
  sampleProfileSchema,
} from '@synoptic/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataColumn, DataTable } from '../tabular/data-table.ts';
import { type Customer, customers, seeded, toCsv, toJsonl } from './customers.fixture.ts';
import { profileSample, readSample } from './index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sample-profile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function profileOf(name: string, content: string): Promise<SampleProfile> {
  const path = join(dir, name);
  await writeFile(path, content);
  const format = name.endsWith('.jsonl') ? 'jsonl' : 'csv';
  const { table, totalRows } = await readSample(path, format);
  return sampleProfileSchema.parse(profileSample(table, { format, totalRows }));
}

function col(profile: SampleProfile, name: string): SampleColumnProfile {
  const found = profile.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

/** A text column built in memory, for profiles of values no file format would type for us. */
function textTable(columns: Record<string, Array<string | null>>): DataTable {
  const rows = Object.values(columns)[0]!.length;
  return {
    rows,
    columns: Object.entries(columns).map(([name, values]): DataColumn => {
      const dictionary: string[] = [];
      const index = new Map<string, number>();
      const codes = new Int32Array(rows);
      const nulls = new Uint8Array(rows);
      values.forEach((v, i) => {
        if (v === null) {
          nulls[i] = 1;
          codes[i] = -1;
          return;
        }
        if (!index.has(v)) index.set(v, dictionary.push(v) - 1);
        codes[i] = index.get(v)!;
      });
      return { name, type: 'text', codes, dictionary, nulls };
    }),
  };
}

function numberTable(name: string, values: number[], integer = true): DataTable {
  return {
    rows: values.length,
    columns: [
      {
        name,
        type: 'number',
        integer,
        values: Float64Array.from(values),
        nulls: new Uint8Array(values.length),
      },
    ],
  };
}

const profileTable = (table: DataTable) => profileSample(table, { format: 'csv', totalRows: table.rows });

describe('profileSample on a customers table', () => {
  const rows = customers(3000);
  let profile: SampleProfile;
  beforeAll(async () => {
    profile = await profileOf('customers.csv', toCsv(rows));
  });

  it('sees what a person would: types, personal data and the field to start from', () => {
    const summary = Object.fromEntries(
      profile.columns.map((c) => [
        c.name,
        { type: c.type, personal: c.personalData, field: c.suggested.type },
      ]),
    );
    expect(summary).toEqual({
      id: { type: 'identifier', personal: null, field: 'sequence' },
      first_name: { type: 'category', personal: 'first_name', field: 'first_name' },
      last_name: { type: 'category', personal: 'last_name', field: 'last_name' },
      full_name: { type: 'category', personal: 'full_name', field: 'full_name' },
      email: { type: 'identifier', personal: 'email', field: 'email' },
      phone: { type: 'text', personal: 'phone', field: 'phone' },
      street_address: { type: 'text', personal: 'street_address', field: 'street_address' },
      zip: { type: 'integer', personal: 'postcode', field: 'postcode' },
      birth_date: { type: 'date', personal: 'birth_date', field: 'birth_date' },
      signup_at: { type: 'datetime', personal: null, field: 'learned' },
      plan: { type: 'category', personal: null, field: 'learned' },
      monthly_spend: { type: 'decimal', personal: null, field: 'learned' },
      active: { type: 'boolean', personal: null, field: 'learned' },
      notes: { type: 'text', personal: null, field: 'sentence' },
      name: { type: 'category', personal: null, field: 'learned' },
    });
    expect(profile.rows).toBe(3000);
    expect(profile.format).toBe('csv');
  });

  it('reports shares, distinct counts and ranges', () => {
    expect(col(profile, 'id')).toMatchObject({ min: '1', max: '3000', distinct: 3000, nullShare: 0 });
    expect(col(profile, 'plan')).toMatchObject({ distinct: 4, min: null, max: null });
    expect(new Set(col(profile, 'plan').examples)).toEqual(new Set(['free', 'basic', 'pro', 'enterprise']));
    const notesNull = rows.filter((r) => r.notes === null).length / rows.length;
    expect(col(profile, 'notes').nullShare).toBeCloseTo(notesNull, 4);
    const spend = rows.map((r) => r.monthly_spend as number);
    expect(Number(col(profile, 'monthly_spend').min)).toBe(Math.min(...spend));
    expect(Number(col(profile, 'monthly_spend').max)).toBe(Math.max(...spend));
    expect(col(profile, 'signup_at').min).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('suggests generated fields shaped like the data', () => {
    expect(col(profile, 'id').suggested).toEqual({ name: 'id', type: 'sequence', start: 1 });
    expect(col(profile, 'email').suggested).toEqual({ name: 'email', type: 'email', unique: true });
    expect(col(profile, 'phone').suggested).toMatchObject({ type: 'phone', format: 'international' });
    const born = rows.map((r) => Date.parse(r.birth_date as string));
    const ageAt = (ms: number) => Math.floor((Date.parse('2025-01-01') - ms) / (365.2425 * 86_400_000));
    expect(col(profile, 'birth_date').suggested).toEqual({
      name: 'birth_date',
      type: 'birth_date',
      minAge: ageAt(Math.max(...born)),
      maxAge: ageAt(Math.min(...born)),
    });
    const notes = col(profile, 'notes').suggested;
    expect(notes).toMatchObject({
      type: 'sentence',
      minWords: expect.any(Number),
      maxWords: expect.any(Number),
    });
    expect((notes as { nullPercent?: number }).nullPercent).toBeCloseTo(
      col(profile, 'notes').nullShare * 100,
      1,
    );
    expect(col(profile, 'plan').suggested).toEqual({ name: 'plan', type: 'learned' });
  });

  it('never shows a personal value whole, in examples or ranges', () => {
    for (const c of profile.columns.filter((p) => p.personalData)) {
      const raw = new Set(rows.map((r) => String(r[c.name])));
      const shown = [...c.examples, c.min, c.max].filter((v): v is string => v !== null);
      expect(c.examples.length, c.name).toBeGreaterThanOrEqual(3);
      for (const value of shown) {
        expect(raw.has(value), `${c.name}: ${value}`).toBe(false);
        expect(value, c.name).toContain('••');
      }
    }
    expect(col(profile, 'email').examples.every((e) => /^[a-z]•••@•••\.com$/.test(e))).toBe(true);
    expect(col(profile, 'phone').examples.every((e) => /^\+••• •••-•••-\d{4}$/.test(e))).toBe(true);
    expect(col(profile, 'full_name').examples.every((e) => /^\p{Lu}••• \p{Lu}•••$/u.test(e))).toBe(true);
  });

  it('suggests only fields the configuration accepts', () => {
    for (const c of profile.columns) expect(() => fieldSpecSchema.parse(c.suggested), c.name).not.toThrow();
  });

  it('profiles the same table read from JSON lines the same way', async () => {
    const fromJson = await profileOf('customers.jsonl', toJsonl(rows));
    const kinds = (p: SampleProfile) => p.columns.map((c) => [c.name, c.personalData, c.suggested.type]);
    expect(kinds(fromJson)).toEqual(
      kinds(profile).map(([n, k, t]) => (n === 'zip' ? [n, k, 'postcode'] : [n, k, t])),
    );
  });
});

describe('personal data from names and values', () => {
  it('finds personal data by its values whatever the column is called', () => {
    const r = seeded(3);
    const n = 60;
    const digits = (k: number) => Array.from({ length: k }, () => Math.floor(r() * 10)).join('');
    const luhn = (body: string) => {
      for (let d = 0; d < 10; d++) {
        const s = body + d;
        let sum = 0;
        for (let i = 0; i < s.length; i++) {
          let x = Number(s[s.length - 1 - i]);
          if (i % 2) x = x * 2 > 9 ? x * 2 - 9 : x * 2;
          sum += x;
        }
        if (sum % 10 === 0) return s;
      }
      return body;
    };
    const iban = () => {
      const bban = `37040044${digits(10)}`;
      const check = 98 - Number(BigInt(`${bban}131400`) % 97n);
      return `DE${String(check).padStart(2, '0')}${bban}`;
    };
    const profile = profileTable(
      textTable({
        contact: Array.from({ length: n }, (_, i) => `person${i}@mail.example.org`),
        col_2: Array.from({ length: n }, iban),
        col_3: Array.from({ length: n }, () => luhn(`4${digits(14)}`)),
        col_4: Array.from(
          { length: n },
          () =>
            `${100 + Math.floor(r() * 600)}-${10 + Math.floor(r() * 89)}-${1000 + Math.floor(r() * 8999)}`,
        ),
        col_5: Array.from(
          { length: n },
          () => `10.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`,
        ),
        col_6: Array.from(
          { length: n },
          (_, i) =>
            `${['Emma', 'James', 'Olivia', 'Lucas', 'Noah'][i % 5]} ${['Smith', 'Brown', 'Garcia'][i % 3]}`,
        ),
      }),
    );
    expect(profile.columns.map((c) => [c.name, c.personalData, c.suggested.type])).toEqual([
      ['contact', 'email', 'email'],
      ['col_2', 'iban', 'iban'],
      ['col_3', 'card_number', 'credit_card_number'],
      ['col_4', 'national_id', 'pattern'],
      ['col_5', 'ip_address', 'ipv4'],
      ['col_6', 'full_name', 'full_name'],
    ]);
    expect(profile.columns[3]!.suggested).toMatchObject({ pattern: '\\d{3}-\\d{2}-\\d{4}' });
    expect(profile.columns[2]!.examples.every((e) => /^•••\d{4}$/.test(e))).toBe(true);
    expect(profile.columns[1]!.examples.every((e) => /^•••\d{4}$/.test(e))).toBe(true);
  });

  it('lets values overrule the name, with less confidence than when both agree', () => {
    const n = 50;
    const profile = profileTable(
      textTable({
        name: Array.from({ length: n }, (_, i) => `Model ${i % 12} Widget`),
        email: Array.from({ length: n }, (_, i) => (i % 2 ? 'yes' : 'no')),
        customer_name: Array.from({ length: n }, (_, i) => `user${i}@shop.example.com`),
        mail: Array.from({ length: n }, (_, i) => `user${i}@shop.example.com`),
      }),
    );
    const [name, email, customer, mail] = profile.columns;
    expect(name!.personalData).toBeNull();
    expect(name!.suggested).toEqual({ name: 'name', type: 'learned' });
    expect(email!.personalData).toBeNull();
    expect(email!.type).toBe('boolean');
    expect(customer!.personalData).toBe('email');
    expect(mail!.personalData).toBe('email');
    expect(customer!.confidence).toBeLessThan(mail!.confidence);
    expect(name!.confidence).toBeLessThan(mail!.confidence);
  });

  it('takes a name only where the type can hold it: a login time is not a username', () => {
    const rows = 40;
    const table: DataTable = {
      rows,
      columns: [
        {
          name: 'last_login',
          type: 'datetime',
          values: Float64Array.from({ length: rows }, (_, i) => Date.UTC(2024, 0, 1 + i, 9)),
          nulls: new Uint8Array(rows),
        },
        {
          name: 'name',
          type: 'number',
          integer: true,
          values: Float64Array.from({ length: rows }, (_, i) => i % 7),
          nulls: new Uint8Array(rows),
        },
      ],
    };
    const profile = profileTable(table);
    expect(profile.columns.map((c) => [c.personalData, c.suggested.type])).toEqual([
      [null, 'learned'],
      [null, 'learned'],
    ]);
  });

  it('is less sure of what it saw only a few times', () => {
    const few = profileTable(textTable({ email: ['a@x.org', 'b@y.org', 'c@z.org'] }));
    const many = profileTable(textTable({ email: Array.from({ length: 200 }, (_, i) => `p${i}@x.org`) }));
    expect(few.columns[0]!.personalData).toBe('email');
    expect(few.columns[0]!.confidence).toBeLessThan(many.columns[0]!.confidence);
  });

  it('recognises column names in several languages and spellings', () => {
    const n = 40;
    const first = ['Anna', 'Lukas', 'Marie', 'Jonas'];
    const profile = profileTable(
      textTable({
        Vorname: Array.from({ length: n }, (_, i) => first[i % 4]!),
        'E-Mail Adresse': Array.from({ length: n }, (_, i) => `k${i}@beispiel.de`),
        Telefon: Array.from({ length: n }, (_, i) => `030 ${1000000 + i * 7919}`),
        PLZ: Array.from({ length: n }, (_, i) => String(10115 + i * 3)),
        apellidos: Array.from({ length: n }, (_, i) => ['García', 'López', 'Martínez', 'Sánchez'][i % 4]!),
      }),
    );
    expect(profile.columns.map((c) => c.personalData)).toEqual([
      'first_name',
      'email',
      'phone',
      'postcode',
      'last_name',
    ]);
    expect(profile.columns.map((c) => c.suggested.name)).toEqual([
      'Vorname',
      'e_mail_adresse',
      'Telefon',
      'PLZ',
      'apellidos',
    ]);
    expect(profile.columns[2]!.suggested).toMatchObject({ type: 'phone', format: 'national' });
  });
});

describe('types', () => {
  it('reads yes/no and 1/0 flags and written-out dates in text as booleans and dates', () => {
    const n = 30;
    const profile = profileTable(
      textTable({
        newsletter: Array.from({ length: n }, (_, i) => (i % 3 ? 'Yes' : 'No')),
        is_member: Array.from({ length: n }, (_, i) => String(i % 2)),
        bucket: Array.from({ length: n }, (_, i) => String(i % 2)),
        ordered: Array.from(
          { length: n },
          (_, i) => `${String(1 + (i % 28)).padStart(2, '0')}.0${1 + (i % 9)}.2024`,
        ),
        shipped: Array.from(
          { length: n },
          (_, i) => `0${1 + (i % 9)}/${String(13 + (i % 15))}/2023 ${10 + (i % 12)}:30`,
        ),
      }),
    );
    const [newsletter, member, bucket, ordered, shipped] = profile.columns;
    expect(newsletter).toMatchObject({ type: 'boolean', suggested: { type: 'learned', as: 'boolean' } });
    expect(member).toMatchObject({ type: 'boolean', suggested: { type: 'learned', as: 'boolean' } });
    expect(bucket).toMatchObject({ type: 'category', suggested: { name: 'bucket', type: 'learned' } });
    expect(ordered).toMatchObject({ type: 'date', min: '2024-01-01', suggested: { as: 'date' } });
    expect(ordered!.max).toBe('2024-09-27');
    expect(shipped).toMatchObject({
      type: 'datetime',
      min: '2023-01-13T10:30:00Z',
      suggested: { as: 'datetime' },
    });
  });

  it('tells codes, keys and quantities apart among numbers', () => {
    const r = seeded(11);
    const status = profileTable(
      numberTable(
        'status_code',
        Array.from({ length: 500 }, () => 1 + Math.floor(r() * 4)),
      ),
    );
    expect(status.columns[0]).toMatchObject({
      type: 'category',
      suggested: { type: 'learned', as: 'category' },
    });
    const qty = profileTable(
      numberTable(
        'quantity',
        Array.from({ length: 500 }, () => 1 + Math.floor(r() * 4)),
      ),
    );
    expect(qty.columns[0]).toMatchObject({
      type: 'integer',
      suggested: { name: 'quantity', type: 'learned' },
    });
    const sparse = Array.from({ length: 500 }, (_, i) => 100_000 + i * 37 + Math.floor(r() * 30));
    const key = profileTable(numberTable('order_id', sparse)).columns[0]!;
    expect(key.type).toBe('identifier');
    expect(key.suggested).toMatchObject({ type: 'integer', min: sparse[0], max: sparse.at(-1) });
    const stepped = profileTable(
      numberTable(
        'row_id',
        Array.from({ length: 300 }, (_, i) => 10 + 5 * i),
      ),
    ).columns[0]!;
    expect(stepped.suggested).toEqual({ name: 'row_id', type: 'sequence', start: 10, step: 5 });
    const whole = profileTable(
      numberTable(
        'weight',
        Array.from({ length: 100 }, (_, i) => 50 + (i % 40)),
        false,
      ),
    );
    expect(whole.columns[0]).toMatchObject({
      type: 'integer',
      suggested: { type: 'learned', as: 'integer' },
    });
  });

  it('generates ids shaped like the sample and free text by its length', () => {
    const n = 200;
    const r = seeded(5);
    const word = () => ['alpha', 'beta', 'gamma', 'delta', 'echo'][Math.floor(r() * 5)]!;
    const profile = profileTable(
      textTable({
        ref: Array.from({ length: n }, (_, i) => `CUS-${String(i * 7).padStart(6, '0')}`),
        token: Array.from({ length: n }, () => crypto.randomUUID()),
        review: Array.from({ length: n }, (_, i) =>
          Array.from({ length: 3 + (i % 4) }, () => `${Array.from({ length: 8 }, word).join(' ')}.`).join(
            ' ',
          ),
        ),
      }),
    );
    const [ref, token, review] = profile.columns;
    expect(ref).toMatchObject({
      type: 'identifier',
      suggested: { type: 'pattern', pattern: 'CUS\\-\\d{6}', unique: true },
    });
    expect(token).toMatchObject({ type: 'identifier', suggested: { type: 'uuid' } });
    expect(review).toMatchObject({
      type: 'text',
      suggested: { type: 'paragraph', minSentences: 3, maxSentences: 6 },
    });
  });
});

describe('field names', () => {
  it('keeps valid column names and makes the others valid, unique identifiers', () => {
    const values = Array.from({ length: 20 }, (_, i) => ['red', 'green', 'blue'][i % 3]!);
    const profile = profileTable(
      textTable({
        'First Name': values,
        'e-mail': values,
        '2024 sales': values,
        Name: values,
        name: values,
        plan: values,
      }),
    );
    const fields = profile.columns.map((c) => c.suggested);
    expect(fields.map((f) => f.name)).toEqual([
      'first_name',
      'e_mail',
      'c_2024_sales',
      'Name',
      'name_2',
      'plan',
    ]);
    expect(fields[2]).toEqual({ name: 'c_2024_sales', type: 'learned', column: '2024 sales' });
    expect(fields[4]).toMatchObject({ column: 'name' });
    expect(fields[5]).toEqual({ name: 'plan', type: 'learned' });
  });
});

it('builds realistic customers the same way on every run', () => {
  const a: Customer[] = customers(5);
  expect(customers(5)).toEqual(a);
});
