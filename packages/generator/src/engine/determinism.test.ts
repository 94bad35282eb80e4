import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { config, shardBytes, tableRows } from '../../test/helpers.ts';
import { BLOCK_ROWS, planJob } from '../index.ts';

const schema = (extra: unknown[] = []) =>
  config({
    tables: [
      {
        name: 'sensors',
        rows: 400,
        countries: ['US', 'DE', 'JP'],
        fields: [
          { name: 'id', type: 'uuid' },
          { name: 'owner', type: 'full_name' },
          { name: 'email', type: 'email', unique: true },
          { name: 'city', type: 'city' },
          { name: 'installed', type: 'date', nullPercent: 10 },
          { name: 'gain', type: 'decimal', distribution: { type: 'normal', mean: 1, stddev: 0.2 } },
          ...extra,
        ],
      },
      {
        name: 'readings',
        parent: { table: 'sensors', count: { distribution: 'poisson', mean: 30 } },
        sequence: {
          start: '2024-01-01T00:00:00Z',
          interval: { type: 'random', mean: '5m' },
          gaps: { rate: 0.01 },
        },
        fields: [
          { name: 'sensor_id', type: 'reference', table: 'sensors', field: 'id' },
          { name: 'at', type: 'series_timestamp' },
          {
            name: 'temp',
            type: 'series_value',
            base: 20,
            seasons: [{ period: 'daily', amplitude: 3 }],
            noise: { process: 'ar1', sigma: 0.5, phi: 0.9 },
          },
          {
            name: 'level',
            type: 'series_value',
            noise: { process: 'random_walk', sigma: 1 },
            outliers: { rate: 0.01 },
          },
          { name: 'note', type: 'expression', expression: 'if(temp > 22, "warm", "ok")' },
        ],
      },
    ],
  });

describe('reproducibility', () => {
  it('gives identical rows whatever the shard size and the order shards run in', async () => {
    const cfg = schema();
    const reference = await tableRows(cfg, 'fixed', 'readings', { shardRows: 1 << 30 });
    expect(reference.length).toBeGreaterThan(BLOCK_ROWS * 2);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.boolean(), async (blocks, reverse) => {
        const rows = await tableRows(cfg, 'fixed', 'readings', {
          shardRows: blocks * BLOCK_ROWS,
          order: (s) => (reverse ? s.reverse() : s),
        });
        expect(rows).toEqual(reference);
      }),
      { numRuns: 5 },
    );
  });

  it('writes byte-identical parts for the same seed', async () => {
    const cfg = schema();
    const a = planJob(cfg, { seed: 'same', shardRows: BLOCK_ROWS * 2 });
    const b = planJob(cfg, { seed: 'same', shardRows: BLOCK_ROWS * 2 });
    expect(b).toEqual(a);
    for (const format of ['csv', 'parquet'] as const) {
      const x = await shardBytes(cfg, a, a.tables[1]!.shards[1]!, { format });
      const y = await shardBytes(cfg, b, b.tables[1]!.shards[1]!, { format });
      expect(x.equals(y)).toBe(true);
    }
  });

  it('gives different data for different seeds', async () => {
    const cfg = schema();
    const a = await tableRows(cfg, 1, 'sensors');
    const b = await tableRows(cfg, 2, 'sensors');
    const same = a.filter((r, i) => r.owner === b[i]!.owner).length;
    expect(same).toBeLessThan(a.length * 0.05);
    expect(a.map((r) => r.id)).not.toEqual(b.map((r) => r.id));
  });

  it('leaves the values of other fields unchanged when a field is added', async () => {
    const before = await tableRows(schema(), 'stable', 'sensors');
    const after = await tableRows(
      schema([
        { name: 'extra', type: 'sentence' },
        { name: 'first', type: 'first_name' },
      ]),
      'stable',
      'sensors',
    );
    expect(after.map(({ extra: _e, first: _f, ...rest }) => rest)).toEqual(before);
    // the added first name belongs to the same person as the existing full name
    for (const r of after.slice(0, 200)) expect(String(r.owner)).toContain(String(r.first));
  });

  it('changes the row counts of the plan only with the seed, not with the shard size', () => {
    const cfg = schema();
    const counts = (shardRows: number) => planJob(cfg, { seed: 9, shardRows }).tables.map((t) => t.rows);
    expect(counts(BLOCK_ROWS)).toEqual(counts(BLOCK_ROWS * 7));
    const plan = planJob(cfg, { seed: 9, shardRows: BLOCK_ROWS });
    for (const t of plan.tables) {
      expect(t.shards.reduce((a, s) => a + s.rows, 0)).toBe(t.rows);
      expect(JSON.parse(JSON.stringify(t.shards))).toEqual(t.shards);
    }
  });
});
