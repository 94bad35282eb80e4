import { randomUUID } from 'node:crypto';
import type { ObjectStore } from '@synoptic/object-store';

/**
 * A realistic sample as a CSV: age and income move together, plan depends on income, city is a
 * category, members are more often on paid plans, and every row has a person's email (personal data).
 * Seeded, so a test's sample is the same on every run.
 */
export function peopleSampleCsv(rows: number, seed = 1): string {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const normal = () => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
  const cities = ['Berlin', 'Paris', 'Madrid', 'Lyon', 'Hamburg'];
  const lines = ['age,income,city,plan,member,signup_date,email'];
  for (let i = 0; i < rows; i++) {
    const age = Math.round(Math.min(90, Math.max(18, 42 + 13 * normal())));
    const income = Math.max(800, 900 * age + 9000 * normal() + 5000).toFixed(2);
    const city = cities[Math.floor(next() ** 1.6 * cities.length)]!;
    const plan = Number(income) > 45_000 ? (next() < 0.7 ? 'pro' : 'team') : next() < 0.8 ? 'free' : 'pro';
    const member = plan !== 'free' && next() < 0.8;
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 1500) * 86_400_000);
    lines.push(
      `${age},${income},${city},${plan},${member},${day.toISOString().slice(0, 10)},person${i}.${Math.floor(next() * 1e6)}@mail-example.org`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Puts a sample in the bucket as the control plane would; returns the job body's `samples` entry. */
export async function putSample(store: ObjectStore, bucket: string, csv: string) {
  const id = randomUUID();
  const key = `samples/${id}/people.csv`;
  await store.put(
    bucket,
    key,
    (async function* () {
      yield Buffer.from(csv);
    })(),
  );
  return { id, bucket, key, format: 'csv' as const };
}

/** A table learning every ordinary column of the people sample; email is generated, never copied. */
export function twinConfig(sampleId: string, options: { rows?: number; quality?: string } = {}) {
  return {
    tables: [
      {
        name: 'people',
        ...(options.rows ? { rows: options.rows } : {}),
        sample: { id: sampleId, quality: options.quality ?? 'balanced' },
        fields: [
          { name: 'age', type: 'learned' },
          { name: 'income', type: 'learned' },
          { name: 'city', type: 'learned' },
          { name: 'plan', type: 'learned' },
          { name: 'member', type: 'learned' },
          { name: 'signup_date', type: 'learned' },
          { name: 'email', type: 'email' },
        ],
      },
    ],
  };
}
