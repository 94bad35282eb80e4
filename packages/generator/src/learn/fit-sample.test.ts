import { type SampleQuality, validateGeneratorConfig } from '@synoptic/contract';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../fields/field-gen.ts';
import { type FittedSample, fitSample, GenerationError, generateTableData, planJob } from '../index.ts';
import type { DataTable } from '../tabular/data-table.ts';
import {
  booleanColumn,
  cells,
  dataTable,
  dateColumn,
  normal,
  numberColumn,
  pearson,
  rngFor,
  textColumn,
  totalVariation,
} from './sample-table.fixture.ts';

const SAMPLE_ID = '6f1c2a64-0c1e-4d7a-9a57-3c1f0b8e2d11';
const SEGMENTS = ['retail', 'online', 'wholesale', 'partner', 'staff'];
const SEGMENT_SHARES = [0.35, 0.25, 0.2, 0.15, 0.05];
// spend depends on the segment, and not monotonically in the segments' frequency order
const SEGMENT_SPEND = [10, 40, 20, 60, 5];

/** 20,000 customers: a correlated pair (ρ ≈ 0.75), a segment that drives spend, counts, dates, nulls. */
function customers(rows = 20_000): DataTable {
  const r = rngFor('customers');
  const cols = {
    income: [] as Array<number | null>,
    basket: [] as number[],
    segment: [] as string[],
    spend: [] as number[],
    items: [] as number[],
    joined: [] as string[],
    seen: [] as string[],
    member: [] as Array<boolean | null>,
  };
  for (let i = 0; i < rows; i++) {
    const z1 = normal(r);
    const z2 = normal(r);
    cols.income.push(r.next() < 0.05 ? null : Math.round((50 + 10 * z1) * 100) / 100);
    cols.basket.push(Math.round(Math.exp(0.5 * (0.8 * z1 + 0.6 * z2)) * 1000) / 1000);
    let u = r.next();
    let k = 0;
    while (k < SEGMENTS.length - 1 && u >= SEGMENT_SHARES[k]!) u -= SEGMENT_SHARES[k++]!;
    cols.segment.push(SEGMENTS[k]!);
    cols.spend.push(Math.round((SEGMENT_SPEND[k]! + 8 * normal(r)) * 100) / 100);
    cols.items.push(Math.min(6, Math.floor(-Math.log(1 - r.next()) * 1.5)));
    cols.joined.push(new Date(Date.UTC(2020, 0, 1) + r.below(1500) * DAY_MS).toISOString().slice(0, 10));
    cols.seen.push(new Date(Date.UTC(2024, 0, 1) + r.below(86_400 * 90) * 1000).toISOString());
    cols.member.push(r.next() < 0.1 ? null : r.next() < 0.3);
  }
  return dataTable(
    numberColumn('income', cols.income),
    numberColumn('basket', cols.basket),
    textColumn('segment', cols.segment),
    numberColumn('spend', cols.spend),
    numberColumn('items', cols.items, true),
    dateColumn('joined', cols.joined),
    dateColumn('seen', cols.seen, 'datetime'),
    booleanColumn('member', cols.member),
  );
}

const sample = customers();
const ALL = sample.columns.map((c) => ({ column: c.name }));

/** A twin table learning `columns` of the sample, generated through a plan as a job would. */
function twin(model: FittedSample, rows: number, fields = model.columns.map((c) => ({ name: c.column }))) {
  const checked = validateGeneratorConfig({
    tables: [
      {
        name: 'twin',
        rows,
        sample: { id: SAMPLE_ID, quality: model.quality },
        fields: fields.map((f) => ({ type: 'learned', ...f })),
      },
    ],
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const plan = planJob(checked.config, { seed: 'twin', samples: { twin: model } });
  return generateTableData(checked.config, plan, 'twin', rows);
}

const fit = (quality: SampleQuality, table = sample, columns = ALL) =>
  fitSample(table, columns, { quality, seed: 'fit' });

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function segmentMeanError(segments: unknown[], spend: unknown[]): number {
  const real = cells(sample, 'segment');
  const realSpend = cells(sample, 'spend') as number[];
  const sd = Math.sqrt(realSpend.reduce((s, v) => s + (v - 25) ** 2, 0) / realSpend.length);
  const meanOf = (seg: unknown[], values: unknown[], s: string) => {
    const v = values.filter((_, i) => seg[i] === s) as number[];
    return v.reduce((a, b) => a + b, 0) / v.length;
  };
  const errors = SEGMENTS.map((s) => Math.abs(meanOf(segments, spend, s) - meanOf(real, realSpend, s)) / sd);
  return errors.reduce((a, b) => a + b, 0) / errors.length;
}

describe('fitting a sample', () => {
  it('keeps the correlation of a numeric pair with balanced, and drops it with fast', () => {
    const real = pearson(cells(sample, 'income'), cells(sample, 'basket'));
    expect(real).toBeGreaterThan(0.7);
    const balanced = twin(fit('balanced'), 50_000);
    expect(Math.abs(pearson(cells(balanced, 'income'), cells(balanced, 'basket')) - real)).toBeLessThan(0.05);
    const fast = twin(fit('fast'), 50_000);
    expect(Math.abs(pearson(cells(fast, 'income'), cells(fast, 'basket')))).toBeLessThan(0.03);
  });

  it('keeps category frequencies at every quality', () => {
    for (const quality of ['fast', 'balanced', 'high'] as const) {
      const out = twin(fit(quality), 50_000);
      expect(totalVariation(cells(out, 'segment'), cells(sample, 'segment'))).toBeLessThan(0.03);
    }
  });

  it('keeps how a category shifts a number: balanced closely, high more closely still', () => {
    const errorOf = (quality: SampleQuality) => {
      const out = twin(fit(quality), 50_000);
      return segmentMeanError(cells(out, 'segment'), cells(out, 'spend'));
    };
    const fast = errorOf('fast');
    const balanced = errorOf('balanced');
    const high = errorOf('high');
    expect(fast).toBeGreaterThan(0.5);
    expect(balanced).toBeLessThan(0.25);
    expect(high).toBeLessThan(balanced / 2);
    expect(high).toBeLessThan(0.05);
  });

  it('conditions high on the categorical column most associated with the others', () => {
    const model = fit('high');
    expect(model.conditionedOn).toBe('segment');
    expect(model.groups?.filter(Boolean)).toHaveLength(SEGMENTS.length);
    expect(fit('balanced').conditionedOn).toBeNull();
  });

  it('models a rare category with its own marginals, and a rarer one from the whole sample', () => {
    const real = cells(sample, 'segment');
    const realSpend = cells(sample, 'spend');
    const realBasket = cells(sample, 'basket');
    const withStaff = (keepStaff: number) => {
      let staff = 0;
      const rows = real.flatMap((s, i) => (s !== 'staff' || staff++ < keepStaff ? [i] : []));
      return dataTable(
        textColumn(
          'segment',
          rows.map((i) => real[i] as string),
        ),
        numberColumn(
          'spend',
          rows.map((i) => realSpend[i] as number),
        ),
        numberColumn(
          'basket',
          rows.map((i) => realBasket[i] as number),
        ),
      );
    };
    const staffSpend = (keepStaff: number) => {
      const table = withStaff(keepStaff);
      const model = fitSample(table, [{ column: 'segment' }, { column: 'spend' }, { column: 'basket' }], {
        quality: 'high',
        seed: 'g',
      });
      const out = twin(model, 50_000);
      const segments = cells(out, 'segment');
      const spend = (cells(out, 'spend') as number[]).filter((_, i) => segments[i] === 'staff');
      expect(Math.abs(spend.length / out.rows - keepStaff / table.rows)).toBeLessThan(0.002);
      return { group: model.groups![model.columns[0]!.categories.indexOf('staff')], mean: mean(spend) };
    };
    const realStaff = mean((realSpend as number[]).filter((_, i) => real[i] === 'staff').slice(0, 40));
    const forty = staffSpend(40);
    expect(forty.group?.rows).toBe(40);
    expect(Math.abs(forty.mean - realStaff)).toBeLessThan(3);
    const eight = staffSpend(8);
    expect(eight.group).toBeNull();
    // staff spend least of all segments: the whole sample's copula, conditioned on staff, agrees
    expect(eight.mean).toBeLessThan(mean(realSpend as number[]) - 10);
  });

  it('writes integers, decimals at the sample’s precision, whole days and whole seconds', () => {
    const out = twin(fit('balanced'), 20_000);
    const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;
    const income = cells(out, 'income').filter((v) => v !== null) as number[];
    expect(Math.max(...income.map(decimals))).toBe(2);
    expect(income.filter((v) => decimals(v) === 2).length).toBeGreaterThan(income.length / 2);
    const basket = cells(out, 'basket').filter((v) => v !== null) as number[];
    expect(Math.max(...basket.map(decimals))).toBe(3);
    const items = out.columns.find((c) => c.name === 'items')!;
    expect(items.type === 'number' && items.integer).toBe(true);
    expect((cells(out, 'items') as number[]).every((v) => Number.isInteger(v) && v >= 0 && v <= 6)).toBe(
      true,
    );
    const joined = out.columns.find((c) => c.name === 'joined')!;
    expect(joined.type).toBe('date');
    expect((cells(out, 'joined') as number[]).every((v) => v % DAY_MS === 0)).toBe(true);
    expect((cells(out, 'seen') as number[]).every((v) => v % 1000 === 0)).toBe(true);
    const one = twin(fit('balanced'), 2000, [{ name: 'income', precision: 1 } as { name: string }]);
    expect(Math.max(...(cells(one, 'income').filter((v) => v !== null) as number[]).map(decimals))).toBe(1);
  });

  it('keeps each column’s share of empty cells', () => {
    const out = twin(fit('high'), 50_000);
    const share = (t: DataTable, c: string) => cells(t, c).filter((v) => v === null).length / t.rows;
    for (const column of ['income', 'member', 'segment']) {
      expect(Math.abs(share(out, column) - share(sample, column))).toBeLessThan(0.01);
    }
  });

  it('draws numbers that match sample values no more often than a fresh draw from the same population', () => {
    const r = rngFor('privacy');
    const draw = (n: number) =>
      Array.from({ length: n }, () => Math.round((100 + 15 * normal(r)) * 1e4) / 1e4);
    const training = draw(5000);
    const held = new Set(training);
    const matchRate = (values: unknown[]) =>
      values.filter((v) => held.has(v as number)).length / values.length;
    const chance = matchRate(draw(20_000));
    for (const quality of ['fast', 'balanced'] as const) {
      const model = fitSample(dataTable(numberColumn('x', training)), [{ column: 'x' }], {
        quality,
        seed: 'p',
      });
      const out = twin(model, 20_000);
      expect(matchRate(cells(out, 'x'))).toBeLessThanOrEqual(2 * chance + 0.002);
    }
  });

  it('leaves out a category seen fewer than 5 times in a large sample', () => {
    const values = cells(sample, 'segment') as string[];
    const withRare = values.map((v, i) => (i % 5000 === 7 ? 'vip-4711' : v));
    const table = dataTable(textColumn('segment', withRare));
    const model = fitSample(table, [{ column: 'segment' }], { quality: 'balanced', seed: 'r' });
    expect(model.columns[0]!.categories).not.toContain('vip-4711');
    expect(cells(twin(model, 20_000), 'segment')).not.toContain('vip-4711');
  });

  it('gives the same model for the same data, columns, quality and seed, as plain JSON', () => {
    const a = fit('high');
    expect(fit('high')).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('fits booleans, numbers and dates written as text when asked to, US-style dates too', () => {
    const r = rngFor('text');
    const rows = Array.from({ length: 500 }, (_, i) => ({
      ok: r.next() < 0.7 ? 'yes' : 'no',
      n: String(10 + r.below(90)),
      day: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
      usDay: `03/${String(1 + (i % 28)).padStart(2, '0')}/2024`,
    }));
    const table = dataTable(
      textColumn(
        'ok',
        rows.map((x) => x.ok),
      ),
      textColumn(
        'n',
        rows.map((x) => x.n),
      ),
      textColumn(
        'day',
        rows.map((x) => x.day),
      ),
      textColumn(
        'us_day',
        rows.map((x) => x.usDay),
      ),
    );
    const model = fitSample(
      table,
      [
        { column: 'ok', as: 'boolean' },
        { column: 'n', as: 'integer' },
        { column: 'day', as: 'date' },
        { column: 'us_day', as: 'date' },
      ],
      { quality: 'balanced', seed: 't' },
    );
    const out = twin(model, 5000);
    const ok = cells(out, 'ok');
    expect(Math.abs(ok.filter((v) => v === true).length / ok.length - 0.7)).toBeLessThan(0.03);
    expect((cells(out, 'n') as number[]).every((v) => Number.isInteger(v) && v >= 10 && v <= 99)).toBe(true);
    const first = Date.UTC(2024, 2, 1);
    for (const day of ['day', 'us_day'])
      expect((cells(out, day) as number[]).every((v) => v >= first && v <= first + 27 * DAY_MS)).toBe(true);
  });
});

describe('fitting refuses what it cannot learn', () => {
  const refuse = (table: DataTable, columns: Parameters<typeof fitSample>[1]) => {
    try {
      fitSample(table, columns, { quality: 'balanced', seed: 'e' });
    } catch (e) {
      expect(e).toBeInstanceOf(GenerationError);
      return (e as Error).message;
    }
    throw new Error('fitting succeeded');
  };

  it('names a column that looks like free text or an identifier', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `order-${i * 7919}`);
    expect(refuse(dataTable(textColumn('order_ref', ids)), [{ column: 'order_ref' }])).toBe(
      "column 'order_ref' looks like free text or an identifier (300 distinct of 300); generate it from a rule such as sentence or uuid instead",
    );
  });

  it('names a column the sample does not have', () => {
    expect(refuse(sample, [{ column: 'income' }, { column: 'incme' }])).toMatch(
      /^the sample has no column 'incme' \(it has 'income', 'basket'/,
    );
  });

  it('names a column whose values are not of the type asked for', () => {
    expect(refuse(sample, [{ column: 'segment', as: 'integer' }])).toBe(
      "column 'segment' has values that are not numbers (such as 'retail'); learn it as category or choose another type",
    );
    expect(refuse(sample, [{ column: 'income', as: 'date' }])).toBe(
      "column 'income' holds numbers, which cannot be learned as date; choose another type for it",
    );
  });

  it('names an empty column', () => {
    const empty = dataTable(numberColumn('x', [null, null, null]));
    expect(refuse(empty, [{ column: 'x' }])).toBe(
      "column 'x' is empty in the sample, so there is nothing to learn; generate it from a rule instead",
    );
  });
});
