import { describe, expect, it } from 'vitest';
import { config, mean, stddev, tableRows } from '../../test/helpers.ts';
import { BLOCK_ROWS } from '../index.ts';

describe('sequences', () => {
  it('orders each parent’s events in time at a regular interval with jitter and gaps', async () => {
    const cfg = config({
      tables: [
        { name: 'meters', rows: 40, fields: [{ name: 'id', type: 'sequence' }] },
        {
          name: 'readings',
          parent: { table: 'meters', count: { distribution: 'fixed', count: 3000 } },
          sequence: {
            start: '2024-03-01T00:00:00Z',
            startJitter: '1h',
            interval: { type: 'regular', every: '15m', jitter: 0.2 },
            gaps: { rate: 0.01, meanLength: 4 },
          },
          fields: [
            { name: 'meter_id', type: 'reference', table: 'meters', field: 'id' },
            { name: 'at', type: 'series_timestamp' },
          ],
        },
      ],
    });
    const rows = await tableRows(cfg, 's', 'readings', { shardRows: BLOCK_ROWS * 3 });
    expect(rows).toHaveLength(120_000);
    const byMeter = new Map<unknown, number[]>();
    for (const r of rows) {
      const list = byMeter.get(r.meter_id) ?? [];
      list.push(Date.parse(String(r.at)));
      byMeter.set(r.meter_id, list);
    }
    let gaps = 0;
    let steps = 0;
    for (const times of byMeter.values()) {
      expect(times).toHaveLength(3000);
      expect(times[0]!).toBeGreaterThanOrEqual(Date.parse('2024-03-01T00:00:00Z') - 0.2 * 900_000);
      for (let i = 1; i < times.length; i++) {
        const d = times[i]! - times[i - 1]!;
        expect(d).toBeGreaterThan(0);
        if (d > 1.5 * 900_000) gaps++;
        else steps++;
      }
    }
    // about 1 % of intervals are outages
    expect(gaps / (gaps + steps)).toBeGreaterThan(0.005);
    expect(gaps / (gaps + steps)).toBeLessThan(0.02);
  });

  it('keeps a long random-walk series continuous across segments, blocks and shards', async () => {
    const make = () =>
      config({
        tables: [
          {
            name: 'index',
            rows: 12_000,
            sequence: { start: '2020-01-01', interval: { type: 'random', mean: '1h' } },
            fields: [
              { name: 'at', type: 'series_timestamp' },
              {
                name: 'price',
                type: 'series_value',
                base: 100,
                precision: 4,
                noise: { process: 'random_walk', sigma: 1 },
              },
              {
                name: 'temp',
                type: 'series_value',
                base: 10,
                precision: 4,
                noise: { process: 'ar1', sigma: 1, phi: 0.95 },
              },
            ],
          },
        ],
      });
    const a = await tableRows(make(), 'rw', 'index', { shardRows: BLOCK_ROWS });
    const b = await tableRows(make(), 'rw', 'index', { shardRows: BLOCK_ROWS * 3 });
    expect(b).toEqual(a);
    const steps = a.slice(1).map((r, i) => (r.price as number) - (a[i]!.price as number));
    // a random walk's steps are N(0, σ²) everywhere, including where segments and blocks meet
    expect(stddev(steps)).toBeGreaterThan(0.95);
    expect(stddev(steps)).toBeLessThan(1.05);
    expect(Math.max(...steps.map(Math.abs))).toBeLessThan(6);
    // AR(1): stationary spread σ/√(1−φ²) ≈ 3.2, lag-1 autocorrelation ≈ φ
    const t = a.map((r) => (r.temp as number) - 10);
    expect(stddev(t)).toBeGreaterThan(2.4);
    expect(stddev(t)).toBeLessThan(4.2);
    const m = mean(t);
    let num = 0;
    let den = 0;
    for (let i = 1; i < t.length; i++) num += (t[i]! - m) * (t[i - 1]! - m);
    for (const x of t) den += (x - m) ** 2;
    expect(num / den).toBeGreaterThan(0.9);
    // Poisson process: mean gap one hour
    const gaps = a.slice(1).map((r, i) => Date.parse(String(r.at)) - Date.parse(String(a[i]!.at)));
    expect(gaps.every((g) => g >= 0)).toBe(true);
    expect(mean(gaps) / 3_600_000).toBeCloseTo(1, 1);
  });

  it('adds daily seasonality, trend and outliers at the set rate', async () => {
    const cfg = config({
      tables: [
        {
          name: 'load',
          rows: 24 * 200,
          sequence: { start: '2024-01-01T00:00:00Z', interval: { type: 'regular', every: '1h' } },
          fields: [
            { name: 'at', type: 'series_timestamp' },
            {
              name: 'kw',
              type: 'series_value',
              base: 50,
              trend: 0.1,
              seasons: [{ period: 'daily', amplitude: 10, peak: 18 }],
              noise: { process: 'white', sigma: 1 },
              outliers: { rate: 0.02, magnitude: 8 },
            },
          ],
        },
      ],
    });
    const rows = await tableRows(cfg, 'season', 'load');
    const byHour = (h: number) =>
      rows.filter((r) => new Date(String(r.at)).getUTCHours() === h).map((r) => r.kw as number);
    expect(mean(byHour(18)) - mean(byHour(6))).toBeGreaterThan(17);
    const first = mean(rows.slice(0, 240).map((r) => r.kw as number));
    const last = mean(rows.slice(-240).map((r) => r.kw as number));
    expect(last - first).toBeCloseTo(0.1 * 190, -1);
    // outliers: residuals beyond 5σ after removing trend and season
    const outliers = rows.filter((r, i) => {
      const t = Date.parse(String(r.at));
      const expected = 50 + (0.1 * i) / 24 + 10 * Math.cos((2 * Math.PI * ((t / 3_600_000 - 18) % 24)) / 24);
      return Math.abs((r.kw as number) - expected) > 5;
    }).length;
    expect(outliers / rows.length).toBeGreaterThan(0.01);
    expect(outliers / rows.length).toBeLessThan(0.03);
  });
});
