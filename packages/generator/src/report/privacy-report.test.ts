import { type PersonalDataKind, type PrivacyReport, privacyReportSchema } from '@synoptic/contract';
import { describe, expect, it } from 'vitest';
import { normal } from '../random/distributions.ts';
import { Rng, streamKey } from '../random/prng.ts';
import type { DataTable } from '../tabular/data-table.ts';
import { type ComparedColumn, privacyReport } from './index.ts';
import { numberColumn, tableOf, textColumn } from './table-fixtures.ts';

type Person = { age: number; income: number; city: string; email: string; first_name: string };

const CITIES = ['Lyon', 'Porto', 'Graz', 'Turku', 'Gdansk', 'Bilbao'];
const FIRST_NAMES = ['Emma', 'Noah', 'Mia', 'Liam', 'Ava', 'Lucas', 'Ella', 'Leo', 'Ida', 'Max'];

/** People from one population; `who` keeps every draw's emails apart from every other's. */
function people(n: number, who: string): Person[] {
  const r = new Rng(streamKey('test', 'privacy', who));
  return Array.from({ length: n }, (_, i) => ({
    age: Math.max(18, Math.round(42 + 13 * normal(r))),
    income: Math.round(Math.exp(10 + 0.5 * normal(r)) * 100) / 100,
    city: CITIES[Math.floor(r.next() ** 1.5 * CITIES.length)]!,
    email: `${who}.${i}@mail.example`,
    first_name: FIRST_NAMES[Math.floor(r.next() * FIRST_NAMES.length)]!,
  }));
}

function tableOfPeople(rows: Person[]): DataTable {
  return tableOf(
    numberColumn(
      'age',
      rows.map((p) => p.age),
    ),
    numberColumn(
      'income',
      rows.map((p) => p.income),
    ),
    textColumn(
      'city',
      rows.map((p) => p.city),
    ),
    textColumn(
      'email',
      rows.map((p) => p.email),
    ),
    textColumn(
      'first_name',
      rows.map((p) => p.first_name),
    ),
  );
}

const sample = people(5000, 'sample');
const training = sample.slice(0, 4000);
const holdout = sample.slice(4000);
const compared: ComparedColumn[] = ['age', 'income', 'city'].map((n) => ({ sample: n, synthetic: n }));
const personal: Array<{ column: string; kind: PersonalDataKind }> = [
  { column: 'email', kind: 'email' },
  { column: 'first_name', kind: 'first_name' },
];

function report(
  synthetic: DataTable,
  trainingTable = tableOfPeople(training),
  holdoutTable = tableOfPeople(holdout),
) {
  const r = privacyReport({ training: trainingTable, holdout: holdoutTable, synthetic, compared, personal });
  return privacyReportSchema.parse(r);
}

const check = (r: PrivacyReport, id: PrivacyReport['checks'][number]['id']) =>
  r.checks.find((c) => c.id === id)!;

describe('privacy report', () => {
  it('fails a synthetic table that copies the training rows', () => {
    const r = report(tableOfPeople(training));
    expect(r.passed).toBe(false);
    expect(r.exactMatches).toMatchObject({ rate: 1, count: 4000, rowsChecked: 4000 });
    expect(r.closestRecord.syntheticMedian).toBe(0);
    expect(r.closestRecord.ratio).toBeLessThan(0.01);
    // a copy sits in the 1,000-row training subset a quarter of the time (distance 0, closer);
    // otherwise both sides are equally far: 0.25 + 0.75 × 0.5
    expect(r.closestRecord.shareCloserToTraining).toBeCloseTo(0.625, 1);
    expect(check(r, 'exact_matches').passed).toBe(false);
    expect(check(r, 'distance_to_closest_record').passed).toBe(false);
    expect(check(r, 'personal_data_leaks').passed).toBe(false);
    expect(r.personalDataLeaks.columns).toEqual([{ column: 'email', kind: 'email', count: 4000 }]);
  });

  it('passes fresh draws from the same population', () => {
    const r = report(tableOfPeople(people(4000, 'fresh')));
    expect(r.exactMatches.count).toBe(0);
    expect(r.exactMatches.holdoutRate).toBe(0);
    expect(r.closestRecord.ratio).toBeGreaterThan(0.8);
    expect(r.closestRecord.ratio).toBeLessThan(1.25);
    expect(r.closestRecord.shareCloserToTraining).toBeGreaterThan(0.4);
    expect(r.closestRecord.shareCloserToTraining).toBeLessThan(0.6);
    expect(r.checks.map((c) => [c.id, c.passed])).toEqual([
      ['exact_matches', true],
      ['distance_to_closest_record', true],
      ['personal_data_leaks', true],
    ]);
    expect(r.passed).toBe(true);
    expect(check(r, 'distance_to_closest_record').detail).toMatch(/at least 0\.5× is expected/);
  });

  it('counts the rows that equal a training row, numbers by value and text by its letters', () => {
    const copied = training.slice(0, 7);
    const fresh = people(3993, 'fresh');
    const r = report(tableOfPeople([...copied, ...fresh]));
    expect(r.exactMatches).toMatchObject({ count: 7, rowsChecked: 4000, rate: 7 / 4000 });
    // 0.175% is above the 0.1% a 4,000-row output may hold
    expect(check(r, 'exact_matches')).toMatchObject({ passed: false });
    expect(check(r, 'exact_matches').detail).toContain('0.18% of output rows (7 of 4,000)');

    // the same rows written with their numbers as text still match
    const asText = tableOf(
      textColumn(
        'age',
        copied.map((p) => String(p.age)),
      ),
      numberColumn(
        'income',
        copied.map((p) => p.income),
      ),
      textColumn(
        'city',
        copied.map((p) => p.city),
      ),
      textColumn(
        'email',
        copied.map(() => 'x@y.example'),
      ),
    );
    expect(report(asText).exactMatches.count).toBe(7);
  });

  it("allows as many exact matches as the data's own duplicates", () => {
    // two coarse columns: real rows repeat each other all the time
    const coarse = (rows: Person[]) =>
      tableOf(
        numberColumn(
          'age',
          rows.map((p) => Math.round(p.age / 10) * 10),
        ),
        numberColumn(
          'income',
          rows.map((p) => (p.income > 22_000 ? 1 : 0)),
        ),
        textColumn(
          'city',
          rows.map((p) => p.city),
        ),
        textColumn(
          'email',
          rows.map((p) => p.email),
        ),
        textColumn(
          'first_name',
          rows.map((p) => p.first_name),
        ),
      );
    const r = report(coarse(people(4000, 'fresh')), coarse(training), coarse(holdout));
    expect(r.exactMatches.holdoutRate).toBeGreaterThan(0.9);
    expect(r.exactMatches.rate).toBeGreaterThan(0.9);
    expect(check(r, 'exact_matches').passed).toBe(r.exactMatches.rate <= r.exactMatches.holdoutRate + 0.001);
    // holdout and synthetic rows are equally often exact duplicates: medians 0 on both sides
    expect(r.closestRecord.ratio).toBe(1);
    expect(check(r, 'distance_to_closest_record').passed).toBe(true);
  });

  it('counts leaked emails wherever they appear, but not common first names', () => {
    const fresh = people(4000, 'fresh');
    fresh[0]!.email = training[10]!.email;
    fresh[1]!.email = `  ${training[11]!.email.toUpperCase()} `;
    const synthetic = tableOfPeople(fresh);
    // a sample email inside another text column is a leak too
    synthetic.columns.push(
      textColumn(
        'note',
        fresh.map((_, i) => (i === 5 ? holdout[3]!.email : null)),
      ),
    );
    const r = report(synthetic);
    expect(r.personalDataLeaks).toEqual({
      count: 3,
      columns: [{ column: 'email', kind: 'email', count: 3 }],
    });
    expect(check(r, 'personal_data_leaks')).toMatchObject({ passed: false });
    expect(check(r, 'personal_data_leaks').detail).toContain('3 personal-data value(s)');
    expect(r.passed).toBe(false);
  });

  it('measures distances on 2,000 output and holdout rows against 10,000 training rows in seconds', () => {
    const big = people(60_000, 'big');
    const started = performance.now();
    const r = privacyReport({
      training: tableOfPeople(big.slice(0, 50_000)),
      holdout: tableOfPeople(big.slice(50_000)),
      synthetic: tableOfPeople(people(100_000, 'big-fresh')),
      compared,
      personal,
    });
    const seconds = (performance.now() - started) / 1000;
    console.info(`privacy report, 50,000 training / 100,000 output rows: ${seconds.toFixed(2)} s`);
    expect(r.passed).toBe(true);
    expect(r.exactMatches.rowsChecked).toBe(100_000);
    // generous against a busy shared machine
    expect(seconds).toBeLessThan(10);
  });
});
