import { describe, expect, it } from 'vitest';
import { config, mean, stddev, tableRows } from '../../test/helpers.ts';
import { normalCdf } from '../random/distributions.ts';

const N = 60_000;

async function column(field: Record<string, unknown>): Promise<number[]> {
  const cfg = config({ tables: [{ name: 't', rows: N, fields: [{ name: 'v', ...field }] }] });
  return (await tableRows(cfg, 'dist', 't')).map((r) => r.v as number);
}

/** Kolmogorov–Smirnov statistic of a sample against a CDF. */
function ks(xs: number[], cdf: (x: number) => number): number {
  const s = [...xs].sort((a, b) => a - b);
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    const f = cdf(s[i]!);
    d = Math.max(d, Math.abs(f - i / s.length), Math.abs((i + 1) / s.length - f));
  }
  return d;
}

describe('number distributions', () => {
  it('draws a normal distribution that passes a KS test', async () => {
    const xs = await column({
      type: 'decimal',
      precision: 4,
      distribution: { type: 'normal', mean: 100, stddev: 15 },
    });
    expect(mean(xs)).toBeCloseTo(100, 0);
    expect(stddev(xs)).toBeGreaterThan(14.7);
    expect(stddev(xs)).toBeLessThan(15.3);
    // critical value at α = 0.01 is 1.63 / √n
    expect(ks(xs, (x) => normalCdf((x - 100) / 15))).toBeLessThan(1.63 / Math.sqrt(N));
  });

  it('truncates a normal distribution to its bounds without piling values on them', async () => {
    const xs = await column({
      type: 'integer',
      min: 0,
      max: 100,
      distribution: { type: 'normal', mean: 90, stddev: 20 },
    });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(100);
    expect(xs.filter((x) => x === 100).length).toBeLessThan(N * 0.02);
    expect(xs.every(Number.isInteger)).toBe(true);
  });

  it('draws uniform integers over the whole inclusive range', async () => {
    const xs = await column({ type: 'integer', min: 1, max: 6 });
    const counts = [1, 2, 3, 4, 5, 6].map((k) => xs.filter((x) => x === k).length);
    for (const c of counts) expect(Math.abs(c - N / 6)).toBeLessThan(N * 0.01);
  });

  it('draws a log-normal distribution with the right median and log spread', async () => {
    const xs = await column({
      type: 'decimal',
      precision: 4,
      distribution: { type: 'lognormal', mu: 3, sigma: 0.5 },
    });
    const logs = xs.map(Math.log);
    expect(mean(logs)).toBeCloseTo(3, 1);
    expect(stddev(logs)).toBeCloseTo(0.5, 1);
  });

  it('draws an exponential distribution from min', async () => {
    const xs = await column({
      type: 'decimal',
      precision: 4,
      min: 10,
      distribution: { type: 'exponential', rate: 0.5 },
    });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
    expect(mean(xs) - 10).toBeCloseTo(2, 1);
    expect(stddev(xs)).toBeCloseTo(2, 1);
  });

  it('draws Poisson counts with equal mean and variance', async () => {
    const xs = await column({ type: 'integer', distribution: { type: 'poisson', mean: 4 } });
    expect(mean(xs)).toBeCloseTo(4, 1);
    expect(stddev(xs) ** 2).toBeCloseTo(4, 0);
  });

  it('keeps the requested precision', async () => {
    const xs = await column({ type: 'decimal', min: 0, max: 1, precision: 3 });
    expect(xs.every((x) => Math.abs(x * 1000 - Math.round(x * 1000)) < 1e-9)).toBe(true);
  });
});

describe('other distributions', () => {
  it('draws booleans with the requested probability', async () => {
    const cfg = config({
      tables: [{ name: 't', rows: N, fields: [{ name: 'b', type: 'boolean', probability: 0.3 }] }],
    });
    const share = (await tableRows(cfg, 1, 't')).filter((r) => r.b).length / N;
    expect(share).toBeCloseTo(0.3, 2);
  });

  it('draws weighted categories in proportion to their weights', async () => {
    const cfg = config({
      tables: [
        {
          name: 't',
          rows: N,
          fields: [{ name: 'c', type: 'categorical', values: ['a', 'b', 'c'], weights: [6, 3, 1] }],
        },
      ],
    });
    const rows = await tableRows(cfg, 1, 't');
    for (const [v, p] of [
      ['a', 0.6],
      ['b', 0.3],
      ['c', 0.1],
    ] as const) {
      expect(rows.filter((r) => r.c === v).length / N).toBeCloseTo(p, 2);
    }
  });

  it('leaves the requested share of values null', async () => {
    const cfg = config({
      tables: [{ name: 't', rows: N, fields: [{ name: 'w', type: 'word', nullPercent: 25 }] }],
    });
    const share = (await tableRows(cfg, 1, 't')).filter((r) => r.w === null).length / N;
    expect(share).toBeCloseTo(0.25, 2);
  });

  it('spreads dates over the range and follows a normal date distribution', async () => {
    const cfg = config({
      tables: [
        {
          name: 't',
          rows: 20_000,
          fields: [
            { name: 'u', type: 'date', min: '2020-01-01', max: '2020-12-31' },
            {
              name: 'n',
              type: 'date',
              min: '2020-01-01',
              max: '2020-12-31',
              distribution: { type: 'normal', mean: '2020-07-01', stddevDays: 20 },
            },
          ],
        },
      ],
    });
    const rows = await tableRows(cfg, 1, 't');
    const days = (k: string) => rows.map((r) => Date.parse(String(r[k])) / 86_400_000);
    const u = days('u');
    expect(Math.min(...u)).toBe(Date.parse('2020-01-01') / 86_400_000);
    expect(Math.max(...u)).toBe(Date.parse('2020-12-31') / 86_400_000);
    // days are floored from instants, so the mean sits half a day before the centre
    expect(Math.abs(mean(days('n')) - Date.parse('2020-07-01') / 86_400_000)).toBeLessThan(1);
    expect(stddev(days('n'))).toBeCloseTo(20, 0);
  });
});
