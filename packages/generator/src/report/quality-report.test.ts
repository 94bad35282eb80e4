import { type QualityReport, qualityReportSchema } from '@synoptic/contract';
import { describe, expect, it } from 'vitest';
import { normal } from '../random/distributions.ts';
import { Rng, streamKey } from '../random/prng.ts';
import type { DataColumn, DataTable } from '../tabular/data-table.ts';
import { type ComparedColumn, qualityReport } from './index.ts';
import { booleanColumn, dateColumn, numberColumn, tableOf, textColumn } from './table-fixtures.ts';

const same = (...names: string[]): ComparedColumn[] => names.map((n) => ({ sample: n, synthetic: n }));
const range = <T = number>(n: number, f: (i: number) => T = (i) => i as T): T[] =>
  Array.from({ length: n }, (_, i) => f(i));
const rng = (name: string) => new Rng(streamKey('test', 'report', name));

/** A report that the contract accepts, as report.json will carry it. */
function report(real: DataTable, synthetic: DataTable, compared: ComparedColumn[]): QualityReport {
  const r = qualityReport(real, synthetic, compared);
  return qualityReportSchema.parse(r);
}

const shape = (r: QualityReport, column: string) => r.columns.find((c) => c.column === column)!;

describe('quality report', () => {
  it('scores a table against itself as 1', () => {
    const t = tableOf(
      numberColumn('age', [31, 45, null, 27, 60, 45]),
      textColumn('city', ['Oslo', 'Rome', 'Oslo', null, 'Lima', 'Rome']),
      booleanColumn('member', [true, false, true, true, null, false]),
      dateColumn('joined', ['2020-01-05', '2021-03-01', '2020-07-19', '2022-11-30', null, '2021-03-01']),
    );
    const r = report(t, t, same('age', 'city', 'member', 'joined'));
    expect(r.score).toBe(1);
    expect(r.columnShapes).toBe(1);
    expect(r.columnPairTrends).toBe(1);
    expect(r.columns.map((c) => [c.column, c.type, c.metric])).toEqual([
      ['age', 'numeric', 'KSComplement'],
      ['city', 'categorical', 'TVComplement'],
      ['member', 'boolean', 'TVComplement'],
      ['joined', 'datetime', 'KSComplement'],
    ]);
    expect(r.pairs).toHaveLength(6);
    expect(r.rowsCompared).toEqual({ real: 6, synthetic: 6 });
  });

  it('lowers the shape score by the KS statistic computed by hand', () => {
    // F_real steps at 1, 2, 3 and F_synthetic at 2, 3, 4: the largest gap is 1/3
    const r = report(tableOf(numberColumn('x', [1, 2, 3])), tableOf(numberColumn('x', [4, 3, 2])), same('x'));
    expect(shape(r, 'x').score).toBeCloseTo(2 / 3, 12);
    expect(r.columnPairTrends).toBeNull();
    expect(r.score).toBeCloseTo(2 / 3, 12);
  });

  it('lowers the shape score by the size of a shift or a stretch', () => {
    const real = tableOf(numberColumn('x', range(1000)));
    // shifted by a tenth of the range: a tenth of the mass is out of place
    const shifted = report(
      real,
      tableOf(
        numberColumn(
          'x',
          range(1000, (i) => i + 100),
        ),
      ),
      same('x'),
    );
    expect(shape(shifted, 'x').score).toBeCloseTo(0.9, 12);
    // stretched ×2: at 999 the real CDF is 1, the synthetic one 1/2
    const stretched = report(
      real,
      tableOf(
        numberColumn(
          'x',
          range(1000, (i) => 2 * i),
        ),
      ),
      same('x'),
    );
    expect(shape(stretched, 'x').score).toBeCloseTo(0.5, 12);
  });

  it('leaves empty cells out of a shape and reports their shares', () => {
    const r = report(
      tableOf(numberColumn('x', [1, 2, null, null])),
      tableOf(numberColumn('x', [1, 2, 2, 1])),
      same('x'),
    );
    expect(shape(r, 'x').score).toBe(1);
    expect(shape(r, 'x').nullShare).toEqual({ real: 0.5, synthetic: 0 });
  });

  it('scores categories by their total variation computed by hand', () => {
    // real a .5 b .25 c .25, synthetic a .25 b .5 c .25: TVD = (.25 + .25) / 2
    const r = report(
      tableOf(textColumn('c', ['a', 'a', 'b', 'c'])),
      tableOf(textColumn('c', ['a', 'b', 'b', 'c'])),
      same('c'),
    );
    expect(shape(r, 'c').score).toBeCloseTo(0.75, 12);
    expect(shape(r, 'c').histogram).toEqual({
      kind: 'categorical',
      categories: ['a', 'b', 'c'],
      real: [0.5, 0.25, 0.25],
      synthetic: [0.25, 0.5, 0.25],
    });
  });

  it('scores a perfectly correlated pair against an uncorrelated one as 0.5', () => {
    const real = tableOf(numberColumn('x', [1, 2, 3, 4]), numberColumn('y', [1, 2, 3, 4]));
    // ρ = 0 exactly: the centred products .75 − .25 + .25 − .75 cancel
    const synthetic = tableOf(numberColumn('x', [1, 2, 3, 4]), numberColumn('y', [1, 2, 2, 1]));
    const r = report(real, synthetic, same('x', 'y'));
    expect(r.pairs).toEqual([
      { columns: ['x', 'y'], metric: 'CorrelationSimilarity', score: 0.5, real: 1, synthetic: 0 },
    ]);
    expect(r.correlation.real).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(r.correlation.synthetic[0]![1]).toBeCloseTo(0, 12);
  });

  it('keeps a correlation of 0.8 visible on 50,000 rows', () => {
    const n = 50_000;
    const r1 = rng('corr');
    const x = range(n, () => normal(r1));
    const y = x.map((v) => 0.8 * v + 0.6 * normal(r1));
    const independent = range(n, () => normal(r1));
    const real = tableOf(numberColumn('x', x), numberColumn('y', y));
    const r = report(real, tableOf(numberColumn('x', x), numberColumn('y', independent)), same('x', 'y'));
    expect(r.pairs[0]!.real).toBeCloseTo(0.8, 1);
    expect(Math.abs(r.pairs[0]!.synthetic!)).toBeLessThan(0.02);
    expect(r.pairs[0]!.score).toBeGreaterThan(0.58);
    expect(r.pairs[0]!.score).toBeLessThan(0.62);
    expect(report(real, real, same('x', 'y')).pairs[0]!.score).toBe(1);
  });

  it('scores two boolean columns by their 2×2 contingency tables', () => {
    // real TT .5 TF .25 FT .25 FF 0, synthetic .25 each: 1 − (.25 + .25) / 2
    const real = tableOf(
      booleanColumn('a', [true, true, true, false]),
      booleanColumn('b', [true, true, false, true]),
    );
    const synthetic = tableOf(
      booleanColumn('a', [true, true, false, false]),
      booleanColumn('b', [true, false, true, false]),
    );
    const r = report(real, synthetic, same('a', 'b'));
    expect(r.pairs).toEqual([
      { columns: ['a', 'b'], metric: 'ContingencySimilarity', score: 0.75, real: null, synthetic: null },
    ]);
  });

  it('cuts a number into ten bins of the real range to pair it with a category', () => {
    const size = range(100, (i) => i);
    const kind = size.map((v) => (v < 50 ? 'small' : 'large'));
    const real = tableOf(numberColumn('size', size), textColumn('kind', kind));
    const r = report(real, real, same('size', 'kind'));
    expect(r.pairs[0]!.metric).toBe('ContingencySimilarity');
    expect(r.pairs[0]!.score).toBe(1);
    // the kind is one bin's business: every bin holds one kind only
    expect(r.correlation.real[0]![1]).toBeCloseTo(1, 12);
    // the same sizes with the kinds swapped put every row in the wrong cell
    const swapped = tableOf(
      numberColumn('size', size),
      textColumn(
        'kind',
        kind.map((k) => (k === 'small' ? 'large' : 'small')),
      ),
    );
    expect(report(real, swapped, same('size', 'kind')).pairs[0]!.score).toBe(0);
  });

  it("fills the heat map with Cramér's V for categories", () => {
    const a = range(900, (i) => ['red', 'green', 'blue'][i % 3]!);
    const real = tableOf(
      textColumn('a', a),
      textColumn(
        'b',
        a.map((v) => v.toUpperCase()),
      ),
    );
    const synthetic = tableOf(
      textColumn('a', a),
      textColumn(
        'b',
        a.map((_, i) => ['RED', 'GREEN', 'BLUE'][Math.floor(i / 300)]!),
      ),
    );
    const r = report(real, synthetic, same('a', 'b'));
    expect(r.correlation.real[0]![1]).toBeCloseTo(1, 12);
    // √ of rounding dust in χ² is 1e-8, not 1e-16
    expect(r.correlation.synthetic[0]![1]).toBeCloseTo(0, 6);
  });

  it('compares a column as categories when the two sides disagree on its type', () => {
    const r = report(
      tableOf(numberColumn('grade', [1, 2, 3, 3])),
      tableOf(textColumn('grade', ['1', '2', '3', '3'])),
      same('grade'),
    );
    expect(shape(r, 'grade')).toMatchObject({ type: 'categorical', metric: 'TVComplement', score: 1 });
  });

  it('compares a sample column with the output field learned from it', () => {
    const r = report(tableOf(numberColumn('Age (years)', [30, 40])), tableOf(numberColumn('age', [30, 40])), [
      { sample: 'Age (years)', synthetic: 'age' },
    ]);
    expect(r.columns[0]!.column).toBe('age');
    expect(() =>
      qualityReport(tableOf(numberColumn('a', [1])), tableOf(numberColumn('a', [1])), same('b')),
    ).toThrow("the sample table has no column 'b'");
  });

  it('draws twenty bins over the real range, or one per value for a few whole numbers', () => {
    const r = report(
      tableOf(
        numberColumn(
          'x',
          range(100, (i) => i / 10),
        ),
        numberColumn(
          'stars',
          range(100, (i) => 1 + (i % 5)),
        ),
      ),
      tableOf(
        numberColumn(
          'x',
          range(100, (i) => i / 5),
        ),
        numberColumn(
          'stars',
          range(100, () => 5),
        ),
      ),
      same('x', 'stars'),
    );
    const x = shape(r, 'x').histogram;
    if (x.kind !== 'numeric') throw new Error('expected a numeric histogram');
    expect(x.edges).toHaveLength(21);
    expect(x.edges[0]).toBe(0);
    expect(x.edges[20]).toBeCloseTo(9.9, 12);
    expect(x.real.every((s) => s === 0.05)).toBe(true);
    // half the synthetic values lie beyond the real range and land in the last bin with 9.6 and 9.8
    expect(x.synthetic[19]).toBeCloseTo(0.5 + 0.02, 12);
    expect(shape(r, 'stars').histogram).toEqual({
      kind: 'numeric',
      edges: [0.5, 1.5, 2.5, 3.5, 4.5, 5.5],
      real: [0.2, 0.2, 0.2, 0.2, 0.2],
      synthetic: [0, 0, 0, 0, 1],
    });
  });

  it('shows the twenty most frequent categories and gathers the rest', () => {
    const labels = range(1000, (i) => `c${String(Math.floor(Math.sqrt(i))).padStart(2, '0')}`);
    const r = report(tableOf(textColumn('c', labels)), tableOf(textColumn('c', labels)), same('c'));
    const h = shape(r, 'c').histogram;
    if (h.kind !== 'categorical') throw new Error('expected a categorical histogram');
    expect(h.categories).toHaveLength(21);
    // c30 holds 900..960, the most rows of any
    expect(h.categories[0]).toBe('c30');
    expect(h.categories[20]).toBe('(other)');
    expect(h.real.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('compares up to 100,000 rows a side of a 20-column table in a couple of seconds', () => {
    const n = 150_000;
    const r1 = rng('wide');
    const nulls = new Uint8Array(n);
    // typed arrays straight away: building a million JS strings would dwarf the report itself
    const build = (): DataTable => ({
      rows: n,
      columns: [
        ...range(10, (k): DataColumn => {
          const values = Float64Array.from({ length: n }, () => Math.round(normal(r1) * 1000) / 100);
          return { name: `n${k}`, type: 'number', integer: false, values, nulls };
        }),
        ...range(8, (k): DataColumn => {
          const dictionary = range(5 + k * 10, (i) => `v${i}`);
          const codes = Int32Array.from({ length: n }, () => Math.floor(r1.next() * dictionary.length));
          return { name: `c${k}`, type: 'text', codes, dictionary, nulls };
        }),
        {
          name: 'b',
          type: 'boolean',
          values: Uint8Array.from({ length: n }, () => (r1.next() < 0.3 ? 1 : 0)),
          nulls,
        },
        {
          name: 'd',
          type: 'date',
          values: Float64Array.from(
            { length: n },
            () => 1_600_000_000_000 + Math.floor(r1.next() * 1000) * 86_400_000,
          ),
          nulls,
        },
      ],
    });
    const real = build();
    const synthetic = build();
    const names = real.columns.map((c) => c.name);
    const started = performance.now();
    const r = qualityReport(real, synthetic, same(...names));
    const seconds = (performance.now() - started) / 1000;
    console.info(`quality report, 20 columns × 100,000 rows a side: ${seconds.toFixed(2)} s`);
    expect(r.rowsCompared).toEqual({ real: 100_000, synthetic: 100_000 });
    expect(r.pairs).toHaveLength(190);
    expect(r.score).toBeGreaterThan(0.97);
    // generous against a busy shared machine; typically well under the couple of seconds asked for
    expect(seconds).toBeLessThan(8);
    qualityReportSchema.parse(r);
  });
});
