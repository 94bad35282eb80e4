// A realistic customers table for the tests: people with names (a few outside any name list),
// contact details and addresses, alongside ordinary columns and a `name` column of products.

const FIRST = [
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
  'James',
  'Sophia',
  'Lucas',
  'Mia',
  'Ethan',
  'Chloe',
  'Xiomara',
  'Daniel',
  'Grace',
  'Henry',
  'Zoe',
  'Marcus',
  'Leila',
  'Oscar',
  'Nadia',
];
const LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Okonkwo',
  'Martin',
  'Lee',
  'Clark',
  'Lewis',
  'Walker',
  'Young',
];
const STREETS = [
  'Oak Street',
  'Maple Avenue',
  'Cedar Lane',
  'Main Street',
  'Park Road',
  'Hill Drive',
  'Lake Boulevard',
  'Pine Court',
];
const PLANS = ['free', 'basic', 'pro', 'enterprise'];
const PRODUCTS = [
  'Ergonomic Wooden Chair',
  'Sleek Steel Lamp',
  'Rustic Cotton Towel',
  'Practical Granite Table',
  'Handcrafted Bronze Clock',
  'Small Plastic Bottle',
  'Gorgeous Marble Vase',
  'Intelligent Rubber Mat',
];
const NOTE_WORDS = [
  'customer',
  'asked',
  'about',
  'the',
  'invoice',
  'delivery',
  'was',
  'late',
  'and',
  'support',
  'called',
  'back',
  'twice',
  'happy',
  'with',
  'service',
  'wants',
  'a',
  'discount',
  'next',
  'year',
];

/** A small seeded generator (mulberry32): the fixture is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Customer = Record<string, string | number | boolean | null>;

export function customers(count: number, seed = 7): Customer[] {
  const r = seeded(seed);
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return Array.from({ length: count }, (_, i) => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const born = Date.UTC(1950, 0, 1) + Math.floor(r() * 18_000) * 86_400_000;
    const signup = Date.UTC(2022, 0, 1) + Math.floor(r() * 900 * 86_400) * 1000;
    const words = Array.from({ length: 6 + Math.floor(r() * 10) }, () => pick(NOTE_WORDS));
    return {
      id: i + 1,
      first_name: first,
      last_name: last,
      full_name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@example.com`,
      phone: `+1 ${200 + Math.floor(r() * 700)}-555-${pad(Math.floor(r() * 10_000), 4)}`,
      street_address: `${1 + Math.floor(r() * 9000)} ${pick(STREETS)}`,
      zip: pad(10_000 + Math.floor(r() * 89_999), 5),
      birth_date: new Date(born).toISOString().slice(0, 10),
      signup_at: new Date(signup).toISOString().replace('.000Z', 'Z'),
      plan: pick(PLANS),
      monthly_spend: Math.round(r() * 50_000) / 100,
      active: r() < 0.7,
      notes: r() < 0.2 ? null : `${words.join(' ')}.`,
      name: pick(PRODUCTS),
    };
  });
}

const csvCell = (v: Customer[string]) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(rows: Customer[], delimiter = ','): string {
  const header = Object.keys(rows[0]!);
  const lines = rows.map((row) => header.map((h) => csvCell(row[h]!)).join(delimiter));
  return `${[header.join(delimiter), ...lines].join('\n')}\n`;
}

export const toJsonl = (rows: Customer[]) => `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
