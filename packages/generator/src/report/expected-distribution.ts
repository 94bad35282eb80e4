import {
  type DateDistribution,
  effectiveNumberSpec,
  type FieldOf,
  type FieldSpec,
  fieldPrecision,
  type NumberDistribution,
  parseInstant,
  portRange,
} from '@synoptic/contract';
import { normalCdf } from '../random/distributions.ts';
import { clampShare } from './statistics.ts';

// What a rule-based field asked for, as a distribution its output can be tested against. The CDFs
// follow the engine's samplers (fields/number.fields.ts, fields/datetime.fields.ts): inverse-CDF
// draws truncated to [min, max], then rounded (numbers) or cut down (dates to the day, date-times
// to the second) onto a grid, so each output value carries the mass of one grid cell.

/** How the values of a column are read: numbers, instants (epoch ms) or times of day (seconds). */
export type ValueScale = 'number' | 'instant' | 'time';

export type ExpectedDistribution =
  | {
      metric: 'KSComplement';
      expected: string;
      scale: ValueScale;
      /** P(X ≤ x) and P(X < x) for an output value x. */
      cdf: (x: number) => number;
      cdfBelow: (x: number) => number;
    }
  | { metric: 'TVComplement'; expected: string; shares: Map<string, number> }
  | { metric: 'RangeConformance'; expected: string; scale: ValueScale; min: number; max: number };

const DAY_MS = 86_400_000;
type Cdf = (x: number) => number;

const trim = (x: number) => String(Number(x.toPrecision(6)));

function uniformCdf(lo: number, hi: number): Cdf {
  return hi > lo ? (x) => clampShare((x - lo) / (hi - lo)) : (x) => (x >= lo ? 1 : 0);
}

function normalTruncatedCdf(mean: number, sd: number, lo: number, hi: number): Cdf {
  const a = normalCdf((lo - mean) / sd);
  const w = normalCdf((hi - mean) / sd) - a;
  return (x) => (x < lo ? 0 : x >= hi ? 1 : clampShare((normalCdf((x - mean) / sd) - a) / w));
}

function exponentialCdf(rate: number, start: number, hi: number): Cdf {
  const cap = Number.isFinite(hi) ? 1 - Math.exp(-rate * (hi - start)) : 1;
  return (x) => (x <= start ? 0 : clampShare((1 - Math.exp(-rate * (x - start))) / cap));
}

function numberCdf(d: Exclude<NumberDistribution, { type: 'poisson' }>, lo: number, hi: number): Cdf {
  switch (d.type) {
    case 'uniform':
      return uniformCdf(lo, hi);
    case 'normal':
      return normalTruncatedCdf(d.mean, d.stddev, lo, hi);
    case 'lognormal': {
      const inLogs = normalTruncatedCdf(
        d.mu,
        d.sigma,
        lo > 0 ? Math.log(lo) : Number.NEGATIVE_INFINITY,
        hi > 0 ? Math.log(hi) : Number.NEGATIVE_INFINITY,
      );
      return (x) => (x <= 0 ? 0 : inLogs(Math.log(x)));
    }
    case 'exponential':
      return exponentialCdf(d.rate, Number.isFinite(lo) ? lo : 0, hi);
  }
}

/**
 * The CDF of values drawn from `continuous` and then moved onto a grid: a value x stands for draws
 * in [x + from, x + to), and nothing lies below the first grid value or above the last.
 */
function onGrid(continuous: Cdf, from: number, to: number, first: number, last: number) {
  return {
    cdf: (x: number) => (x >= last ? 1 : continuous(x + to)),
    cdfBelow: (x: number) => (x <= first ? 0 : continuous(x + from)),
  };
}

function rangeWords(lo: number, hi: number, show: (x: number) => string = trim): string {
  if (Number.isFinite(lo) && Number.isFinite(hi)) return `from ${show(lo)} to ${show(hi)}`;
  if (Number.isFinite(lo)) return `from ${show(lo)}`;
  if (Number.isFinite(hi)) return `up to ${show(hi)}`;
  return 'unbounded';
}

function numberWords(d: NumberDistribution): string {
  switch (d.type) {
    case 'uniform':
      return 'uniform';
    case 'normal':
      return `normal (mean ${trim(d.mean)}, sd ${trim(d.stddev)})`;
    case 'lognormal':
      return `log-normal (mu ${trim(d.mu)}, sigma ${trim(d.sigma)})`;
    case 'exponential':
      return `exponential (rate ${trim(d.rate)})`;
    case 'poisson':
      return `Poisson (mean ${trim(d.mean)})`;
  }
}

function wholeUniform(lo: number, hi: number, expected: string, scale: ValueScale = 'number') {
  return {
    metric: 'KSComplement' as const,
    expected,
    scale,
    ...onGrid(uniformCdf(lo - 0.5, hi + 0.5), -0.5, 0.5, lo, hi),
  };
}

type NumberField = FieldOf<'integer'> | FieldOf<'decimal'> | FieldOf<'amount'> | FieldOf<'price'>;

function numberExpected(field: NumberField): ExpectedDistribution | null {
  const { min, max, distribution: d } = effectiveNumberSpec(field);
  const lo = min ?? Number.NEGATIVE_INFINITY;
  const hi = max ?? Number.POSITIVE_INFINITY;
  const words = `${numberWords(d)} ${rangeWords(lo, hi)}`;
  // Poisson counts and charm endings follow no continuous curve: only their bounds can be checked.
  if (d.type === 'poisson' || (field.type === 'price' && field.charm)) {
    return min === undefined && max === undefined
      ? null
      : { metric: 'RangeConformance', expected: words, scale: 'number', min: lo, max: hi };
  }
  if (field.type === 'integer') {
    const first = Math.ceil(lo);
    const last = Math.floor(hi);
    if (d.type === 'uniform') return wholeUniform(first, last, words);
    return {
      metric: 'KSComplement',
      expected: words,
      scale: 'number',
      ...onGrid(numberCdf(d, lo, hi), -0.5, 0.5, first, last),
    };
  }
  const f = 10 ** fieldPrecision(field);
  const step = 1 / f;
  const first = Math.ceil(lo * f - 1e-9) / f;
  const last = Math.floor(hi * f + 1e-9) / f;
  return {
    metric: 'KSComplement',
    expected: words,
    scale: 'number',
    ...onGrid(numberCdf(d, lo, hi), -step / 2, step / 2, first, last),
  };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoInstant = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function instantCdf(min: number, max: number, d: DateDistribution | undefined): Cdf {
  if (!d || d.type === 'uniform') return uniformCdf(min, max);
  if (d.type === 'normal') return normalTruncatedCdf(parseInstant(d.mean), d.stddevDays * DAY_MS, min, max);
  const fromAnchor = exponentialCdf(1 / (d.meanDays * DAY_MS), 0, max - min);
  return d.anchor === 'min' ? (x) => fromAnchor(x - min) : (x) => 1 - fromAnchor(max - x);
}

function dateWords(d: DateDistribution | undefined, show: (ms: number) => string): string {
  if (!d || d.type === 'uniform') return 'uniform';
  if (d.type === 'normal')
    return `normal around ${show(parseInstant(d.mean))} (sd ${trim(d.stddevDays)} days)`;
  return `exponential (mean ${trim(d.meanDays)} days from the ${d.anchor === 'min' ? 'earliest' : 'latest'})`;
}

function timeSeconds(t: string): number {
  const [h, m, s] = t.split(':').map(Number);
  return h! * 3600 + m! * 60 + (s ?? 0);
}

function categoricalShares(field: FieldOf<'categorical'>): Map<string, number> {
  const shares = new Map<string, number>();
  const weights = field.unique ? null : field.weights;
  // A unique field deals its distinct values out evenly; otherwise repeated values add their weights.
  field.values.forEach((value, i) => {
    const label = String(value);
    const w = weights ? weights[i]! : 1;
    shares.set(label, field.unique ? 1 : (shares.get(label) ?? 0) + w);
  });
  const total = [...shares.values()].reduce((a, b) => a + b, 0);
  for (const [label, w] of shares) shares.set(label, w / total);
  return shares;
}

function sharesWords(shares: Map<string, number>): string {
  const listed = [...shares].slice(0, 6).map(([label, p]) => `${label} ${trim(p * 100)}%`);
  return shares.size > 6 ? `${listed.join(', ')} … (${shares.size} values)` : listed.join(', ');
}

/** What the field's output should look like, or null when nothing about its shape can be tested. */
export function expectedDistribution(field: FieldSpec): ExpectedDistribution | null {
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'amount':
    case 'price':
      return numberExpected(field);
    case 'year': {
      const lo = field.min ?? 1970;
      const hi = field.max ?? 2024;
      return wholeUniform(lo, hi, `uniform ${rangeWords(lo, hi)}`);
    }
    case 'port': {
      const [lo, hi] = portRange(field.range);
      return wholeUniform(lo, hi, `uniform ${rangeWords(lo, hi)}`);
    }
    case 'time': {
      const lo = timeSeconds(field.min ?? '00:00:00');
      const hi = timeSeconds(field.max ?? '23:59:59');
      return wholeUniform(
        lo,
        hi,
        `uniform from ${field.min ?? '00:00:00'} to ${field.max ?? '23:59:59'}`,
        'time',
      );
    }
    case 'age': {
      const lo = field.minAge ?? 18;
      const hi = field.maxAge ?? 80;
      return {
        metric: 'RangeConformance',
        expected: `ages ${rangeWords(lo, hi)}`,
        scale: 'number',
        min: lo,
        max: hi,
      };
    }
    case 'series_value':
      if (field.min === undefined && field.max === undefined) return null;
      return {
        metric: 'RangeConformance',
        expected: `values ${rangeWords(field.min ?? Number.NEGATIVE_INFINITY, field.max ?? Number.POSITIVE_INFINITY)}`,
        scale: 'number',
        min: field.min ?? Number.NEGATIVE_INFINITY,
        max: field.max ?? Number.POSITIVE_INFINITY,
      };
    case 'date': {
      const first = Math.floor(parseInstant(field.min ?? '2020-01-01') / DAY_MS) * DAY_MS;
      const last = Math.floor(parseInstant(field.max ?? '2024-12-31') / DAY_MS) * DAY_MS;
      // Draws fall in [first, last + 1 day) and are cut down to their day.
      const continuous = instantCdf(first, last + DAY_MS - 1, field.distribution);
      return {
        metric: 'KSComplement',
        expected: `${dateWords(field.distribution, isoDay)} ${rangeWords(first, last, isoDay)}`,
        scale: 'instant',
        ...onGrid(continuous, 0, DAY_MS, first, last),
      };
    }
    case 'datetime': {
      const min = parseInstant(field.min ?? '2020-01-01');
      const max = parseInstant(field.max ?? '2024-12-31T23:59:59Z');
      // Hour weights reshape every day: only the range still holds.
      if (field.hourWeights) {
        return {
          metric: 'RangeConformance',
          expected: `instants ${rangeWords(min, max, isoInstant)}`,
          scale: 'instant',
          min,
          max,
        };
      }
      return {
        metric: 'KSComplement',
        expected: `${dateWords(field.distribution, isoInstant)} ${rangeWords(min, max, isoInstant)}`,
        scale: 'instant',
        ...onGrid(instantCdf(min, max, field.distribution), 0, 1000, min, max),
      };
    }
    case 'boolean': {
      const p = field.probability ?? 0.5;
      return {
        metric: 'TVComplement',
        expected: `true with probability ${trim(p)}`,
        shares: new Map([
          ['true', p],
          ['false', 1 - p],
        ]),
      };
    }
    case 'categorical': {
      const shares = categoricalShares(field);
      return { metric: 'TVComplement', expected: sharesWords(shares), shares };
    }
    default:
      return null;
  }
}
