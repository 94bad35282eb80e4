import type { GeneratorConfig } from '@synoptic/contract';
import { describe, expect, it } from 'vitest';
import { config, shardBytes } from '../../test/helpers.ts';
import {
  BLOCK_ROWS,
  estimateOutput,
  type FittedSample,
  fitSample,
  GenerationError,
  generateTableData,
  type JobPlan,
  planJob,
  previewConfig,
} from '../index.ts';
import {
  cells,
  dataTable,
  dateColumn,
  normal,
  numberColumn,
  rngFor,
  textColumn,
} from '../learn/sample-table.fixture.ts';

const SAMPLE = { id: '0b9f5c1e-7a43-4e2b-8d6f-2c5e9a1b3f70' };

/** 3,000 trips: a distance, a fare that follows it, a vehicle class and a day. */
const sample = (() => {
  const r = rngFor('trips');
  const rows = 3000;
  const distance: number[] = [];
  const fare: number[] = [];
  const vehicle: string[] = [];
  const day: Array<string | null> = [];
  for (let i = 0; i < rows; i++) {
    const d = Math.exp(1 + 0.6 * normal(r));
    const v = r.next() < 0.7 ? 'car' : r.next() < 0.5 ? 'van' : 'bike';
    distance.push(Math.round(d * 10) / 10);
    fare.push(Math.round((3 + d * (v === 'van' ? 2.5 : 1.8) + normal(r)) * 100) / 100);
    vehicle.push(v);
    day.push(r.next() < 0.02 ? null : `2024-0${1 + r.below(9)}-1${r.below(10)}`);
  }
  return dataTable(
    numberColumn('distance', distance),
    numberColumn('fare', fare),
    textColumn('vehicle', vehicle),
    dateColumn('day', day),
  );
})();

const everyColumn = sample.columns.map((c) => ({ column: c.name }));
const high = fitSample(sample, everyColumn, { quality: 'high', seed: 'f', sourceRows: 3750 });

const trips = (extra: Record<string, unknown> = {}, fields?: unknown[]): GeneratorConfig =>
  config({
    tables: [
      {
        name: 'trips',
        sample: SAMPLE,
        ...extra,
        fields: fields ?? [
          { name: 'id', type: 'uuid' },
          { name: 'distance', type: 'learned' },
          { name: 'fare', type: 'learned' },
          { name: 'vehicle', type: 'learned' },
          { name: 'day', type: 'learned' },
        ],
      },
    ],
  });

const plan = (cfg: GeneratorConfig, seed: string, shardRows?: number, model: FittedSample = high) =>
  planJob(cfg, { seed, samples: { trips: model }, ...(shardRows ? { shardRows } : {}) });

async function jsonRows(cfg: GeneratorConfig, p: JobPlan): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  for (const shard of p.tables[0]!.shards) {
    const text = (await shardBytes(cfg, p, shard, { format: 'jsonl' })).toString('utf8');
    for (const line of text.split('\n')) if (line) rows.push(JSON.parse(line) as Record<string, unknown>);
  }
  return rows;
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(GenerationError);
    return (e as Error).message;
  }
  throw new Error('no error was thrown');
}

describe('learned fields', () => {
  it('write the same bytes for the same seed, and other bytes for another seed', async () => {
    const cfg = trips({ rows: 10_000 });
    const bytes = (seed: string) =>
      shardBytes(cfg, plan(cfg, seed), plan(cfg, seed).tables[0]!.shards[0]!, { format: 'csv' });
    const a = await bytes('a');
    expect((await bytes('a')).equals(a)).toBe(true);
    expect((await bytes('b')).equals(a)).toBe(false);
  });

  it('give the same rows whether a table is written as one shard or three', async () => {
    const cfg = trips({ rows: 5 * BLOCK_ROWS + 123 });
    const one = plan(cfg, 's');
    const three = plan(cfg, 's', 2 * BLOCK_ROWS);
    expect(three.tables[0]!.shards).toHaveLength(3);
    expect(await jsonRows(cfg, three)).toEqual(await jsonRows(cfg, one));
  });

  it('default a table’s row count to the sample’s', () => {
    const cfg = trips();
    expect(plan(cfg, 's').tables[0]!.rows).toBe(3750);
    expect(estimateOutput(cfg, { format: 'csv' }, { samples: { trips: high } }).rows).toBe(3750);
    const counted = fitSample(sample, everyColumn, { quality: 'fast', seed: 'f' });
    expect(plan(cfg, 's', undefined, counted).tables[0]!.rows).toBe(3000);
  });

  it('give the report the rows the output files hold', async () => {
    const cfg = trips({ rows: 2 * BLOCK_ROWS + 10 });
    const p = plan(cfg, 'r', BLOCK_ROWS);
    const written = await jsonRows(cfg, p);
    const data = generateTableData(cfg, p, 'trips', BLOCK_ROWS + 5);
    expect(data.rows).toBe(BLOCK_ROWS + 5);
    expect(data.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'text'],
      ['distance', 'number'],
      ['fare', 'number'],
      ['vehicle', 'text'],
      ['day', 'date'],
    ]);
    const [distance, fare, vehicle, day] = ['distance', 'fare', 'vehicle', 'day'].map((c) => cells(data, c));
    const rows = cells(data, 'id').map((id, i) => ({
      id,
      distance: distance![i],
      fare: fare![i],
      vehicle: vehicle![i],
      day: day![i] === null ? null : new Date(day![i] as number).toISOString().slice(0, 10),
    }));
    expect(rows).toEqual(written.slice(0, BLOCK_ROWS + 5));
  });

  it('preview with a model fitted on more columns than the table learns, beside rules and expressions', () => {
    const cfg = trips({ rows: 50 }, [
      { name: 'rider', type: 'first_name' },
      { name: 'fare', type: 'learned' },
      { name: 'mode', type: 'learned', column: 'vehicle' },
      { name: 'with_tip', type: 'expression', expression: 'round(fare * 1.1, 2)' },
      { name: 'label', type: 'template', template: '{{mode}} for {{rider}}' },
    ]);
    const preview = previewConfig(cfg, { seed: 1, rows: 20, samples: { trips: high } });
    const table = preview.tables[0]!;
    expect(table.columns.map((c) => c.type)).toEqual(['string', 'decimal', 'string', 'decimal', 'string']);
    expect(table.rows).toHaveLength(20);
    for (const row of table.rows) {
      expect(['car', 'van', 'bike']).toContain(row.mode);
      expect(row.with_tip).toBeCloseTo(Math.round((row.fare as number) * 1.1 * 100) / 100, 6);
      expect(row.label).toBe(`${row.mode} for ${row.rider}`);
    }
    // the sub-model keeps the fare–vehicle dependence: vans cost more per trip
    const pair = trips({ rows: 20_000 }, [
      { name: 'fare', type: 'learned' },
      { name: 'mode', type: 'learned', column: 'vehicle' },
    ]);
    const out = generateTableData(
      pair,
      planJob(pair, { seed: 3, samples: { trips: high } }),
      'trips',
      20_000,
    );
    const meanFare = (t: typeof out, column: string, mode: string) => {
      const modes = cells(t, column);
      const fares = cells(t, 'fare').filter((_, i) => modes[i] === mode) as number[];
      return fares.reduce((a, b) => a + b, 0) / fares.length;
    };
    for (const mode of ['car', 'van', 'bike']) {
      expect(meanFare(out, 'mode', mode)).toBeCloseTo(meanFare(sample, 'vehicle', mode), 0);
    }
  });

  it('refuse to plan a table whose sample has not been fitted', () => {
    const cfg = trips({ rows: 10 });
    expect(messageOf(() => planJob(cfg, { seed: 1 }))).toBe(
      `table 'trips' learns from sample ${SAMPLE.id}, which has not been fitted`,
    );
    expect(messageOf(() => previewConfig(cfg, { seed: 1 }))).toBe(
      `table 'trips' learns from sample ${SAMPLE.id}, which has not been fitted`,
    );
  });

  it('name the field and the column when the model does not fit the field', () => {
    const partial = fitSample(sample, [{ column: 'fare' }], { quality: 'balanced', seed: 'f' });
    expect(messageOf(() => plan(trips({ rows: 10 }), 's', undefined, partial))).toBe(
      "table 'trips', field 'distance': the sample's model has no column 'distance' (it has 'fare'); fit the sample again",
    );
    const asInteger = trips({ rows: 10 }, [{ name: 'fare', type: 'learned', as: 'integer' }]);
    expect(messageOf(() => plan(asInteger, 's'))).toBe(
      "table 'trips', field 'fare': column 'fare' is learned as integer but was fitted as decimal; fit the sample again",
    );
  });
});
