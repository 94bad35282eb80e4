import {
  type FieldSpec,
  fieldPrecision,
  parseDuration,
  parseInstant,
  type SequenceSpec,
} from '@synoptic/contract';
import { binomial, gamma, geometric, normal } from '../random/distributions.ts';
import { Rng, type StreamKey } from '../random/prng.ts';
import type { CompileEnv } from './compile-env.ts';
import { dateRenderer } from './datetime.fields.ts';
import { type BlockContext, DAY_MS, type FieldGen, type NumCol, simpleGen } from './field-gen.ts';

// Time series. Positions of a series are split into segments of K events. A cheap "coarse" chain
// gives each segment's starting state (time, noise level, outage total); a segment's events are
// then filled from its own stream and, for random walks and AR(1), bridged exactly onto the next
// segment's start. A block can therefore start anywhere in a series without replaying it, and the
// values do not depend on how rows are split into blocks or shards.

export const SEGMENT = 1024;

type Runs = Array<{ parent: number; from: number; to: number; pos: number }>;

/** Consecutive rows of the block that belong to one series. */
function runsOf(ctx: BlockContext): Runs {
  return ctx.memo('series:runs', () => {
    const runs: Runs = [];
    const pr = ctx.parentRow;
    const sp = ctx.seqPos!;
    let i = 0;
    while (i < ctx.n) {
      const parent = pr ? pr[i]! : 0;
      let j = i + 1;
      while (j < ctx.n && (pr ? pr[j]! : 0) === parent) j++;
      runs.push({ parent, from: i, to: j, pos: sp[i]! });
      i = j;
    }
    return runs;
  });
}

type TimeKeys = {
  jitter: StreamKey;
  coarse: StreamKey;
  fine: StreamKey;
  gapCoarse: StreamKey;
  gapFine: StreamKey;
  start: StreamKey;
};

/** Event times (epoch ms) of the block's rows. */
export function seriesTimes(ctx: BlockContext, seq: SequenceSpec, keys: TimeKeys): Float64Array {
  return ctx.memo('series:times', () => {
    const out = new Float64Array(ctx.n);
    const start = parseInstant(seq.start);
    const startJitter = seq.startJitter ? parseDuration(seq.startJitter) : 0;
    const regular = seq.interval.type === 'regular';
    const step = parseDuration(seq.interval.type === 'regular' ? seq.interval.every : seq.interval.mean);
    const jitter = seq.interval.type === 'regular' ? (seq.interval.jitter ?? 0) : 0;
    const gapRate = seq.gaps?.rate ?? 0;
    const gapMean = seq.gaps?.meanLength ?? 5;

    const gapCoarse = (parent: number, s: number): { total: number; lens: number[] } => {
      if (!gapRate) return { total: 0, lens: [] };
      const r = new Rng(keys.gapCoarse, parent, s);
      const g = binomial(r, SEGMENT, gapRate);
      const lens: number[] = [];
      let total = 0;
      for (let k = 0; k < g; k++) {
        const l = geometric(r, gapMean);
        lens.push(l);
        total += l;
      }
      return { total, lens };
    };
    const timeCoarse = (parent: number, s: number): number =>
      gamma(new Rng(keys.coarse, parent, s), SEGMENT) * step;

    for (const run of runsOf(ctx)) {
      const t0 = start + (startJitter ? new Rng(keys.start, run.parent, 0).float() * startJitter : 0);
      const firstSeg = Math.floor(run.pos / SEGMENT);
      const lastSeg = Math.floor((run.pos + run.to - run.from - 1) / SEGMENT);
      let extra = 0;
      let elapsed = 0;
      for (let s = 0; s < firstSeg; s++) {
        extra += gapCoarse(run.parent, s).total;
        if (!regular) elapsed += timeCoarse(run.parent, s);
      }
      for (let s = firstSeg; s <= lastSeg; s++) {
        const base = s * SEGMENT;
        const lo = Math.max(run.pos, base);
        const hi = Math.min(run.pos + run.to - run.from, base + SEGMENT);
        // extra slots before each offset of this segment
        const gaps = gapCoarse(run.parent, s);
        const extraAt = new Float64Array(SEGMENT);
        if (gaps.lens.length) {
          const rf = new Rng(keys.gapFine, run.parent, s);
          const chosen = new Set<number>();
          for (let j = SEGMENT - gaps.lens.length; j < SEGMENT; j++) {
            const t = rf.below(j + 1);
            chosen.add(chosen.has(t) ? j : t);
          }
          const offsets = [...chosen].sort((a, b) => a - b);
          let k = 0;
          let acc = 0;
          for (let o = 0; o < SEGMENT; o++) {
            while (k < offsets.length && offsets[k] === o) acc += gaps.lens[k++]!;
            extraAt[o] = acc;
          }
        }
        let span = 0;
        let cumulative: Float64Array | null = null;
        if (!regular) {
          span = timeCoarse(run.parent, s);
          const rf = new Rng(keys.fine, run.parent, s);
          cumulative = new Float64Array(SEGMENT + 1);
          for (let o = 1; o <= SEGMENT; o++) cumulative[o] = cumulative[o - 1]! - Math.log(1 - rf.float());
        }
        const rj = jitter ? new Rng(keys.jitter, run.parent, s) : null;
        const jit = rj ? new Float64Array(hi - base) : null;
        if (jit && rj) for (let o = 0; o < jit.length; o++) jit[o] = (rj.float() * 2 - 1) * jitter * step;
        for (let p = lo; p < hi; p++) {
          const o = p - base;
          const i = run.from + (p - run.pos);
          const slots = extra + extraAt[o]!;
          let t: number;
          if (regular) t = t0 + (p + slots) * step + (jit ? jit[o]! : 0);
          else t = t0 + elapsed + (cumulative![o]! / cumulative![SEGMENT]!) * span + slots * step;
          out[i] = Math.round(t);
        }
        extra += gaps.total;
        elapsed += span;
      }
    }
    return out;
  });
}

const PEAK_DEFAULT = { daily: 14, weekly: 2, yearly: 196 };

/** series_timestamp and series_value. */
export function seriesField(spec: FieldSpec, c: CompileEnv): FieldGen | null {
  if (spec.type !== 'series_timestamp' && spec.type !== 'series_value') return null;
  const seq = c.sequence!;
  const keys: TimeKeys = {
    jitter: c.key('s:time:jitter'),
    coarse: c.key('s:time:coarse'),
    fine: c.key('s:time:fine'),
    gapCoarse: c.key('s:gap:coarse'),
    gapFine: c.key('s:gap:fine'),
    start: c.key('s:time:start'),
  };
  if (spec.type === 'series_timestamp') {
    const zone = spec.timeZone ?? null;
    const render = dateRenderer(spec.format, 'ts', zone);
    return {
      ...simpleGen(spec, render.logical, render.kind, (ctx, out) => {
        const t = seriesTimes(ctx, seq, keys);
        render.fill(out, (i) => t[i]!, ctx.n);
      }),
      timeZone: zone,
    };
  }
  const scale = fieldPrecision(spec);
  const f = 10 ** scale;
  const base = spec.base ?? 0;
  const trend = spec.trend ?? 0;
  const seasons = (spec.seasons ?? []).map((s) => ({
    period: s.period === 'daily' ? DAY_MS : s.period === 'weekly' ? 7 * DAY_MS : 365.2425 * DAY_MS,
    amplitude: s.amplitude,
    // phase origin: daily from midnight UTC, weekly from Monday 1970-01-05, yearly from 1 January
    peak: (s.peak ?? PEAK_DEFAULT[s.period]) * (s.period === 'daily' ? 3_600_000 : DAY_MS),
    origin: s.period === 'weekly' ? 4 * DAY_MS : 0,
  }));
  const process = spec.noise?.process ?? 'white';
  const sigma = spec.noise?.sigma ?? 0;
  const phi = process === 'random_walk' ? 1 : process === 'ar1' ? (spec.noise?.phi ?? 0.8) : 0;
  const outRate = spec.outliers?.rate ?? 0;
  const outSize = (spec.outliers?.magnitude ?? 6) * (sigma || Math.abs(base) * 0.1 || 1);
  const kCoarse = c.key(`f:${spec.name}:coarse`);
  const kFine = c.key(`f:${spec.name}:fine`);
  const kOut = c.key(`f:${spec.name}:outliers`);
  const K = SEGMENT;
  const phiK = phi ** K;
  const stepSd =
    process === 'random_walk'
      ? sigma * Math.sqrt(K)
      : sigma * Math.sqrt((1 - phi ** (2 * K)) / (1 - phi * phi));
  const stationary = process === 'ar1' ? sigma / Math.sqrt(1 - phi * phi) : 0;
  const lo = spec.min ?? Number.NEGATIVE_INFINITY;
  const hi = spec.max ?? Number.POSITIVE_INFINITY;

  return simpleGen(
    spec,
    'decimal',
    'num',
    (ctx, out) => {
      const times = seriesTimes(ctx, seq, keys);
      const d = (out as NumCol).data;
      const noise = new Float64Array(K + 1);
      for (const run of runsOf(ctx)) {
        const origin = seriesOrigin(seq);
        const firstSeg = Math.floor(run.pos / K);
        const lastSeg = Math.floor((run.pos + run.to - run.from - 1) / K);
        // coarse chain: level at the start of each segment
        let x = 0;
        if (process === 'random_walk' || process === 'ar1') {
          x = process === 'ar1' ? stationary * normal(new Rng(kCoarse, run.parent, 0)) : 0;
          for (let s = 1; s <= firstSeg; s++) x = phiK * x + stepSd * normal(new Rng(kCoarse, run.parent, s));
        }
        for (let s = firstSeg; s <= lastSeg; s++) {
          const segBase = s * K;
          const lo2 = Math.max(run.pos, segBase);
          const hi2 = Math.min(run.pos + run.to - run.from, segBase + K);
          const rf = new Rng(kFine, run.parent, s);
          if (process === 'white') {
            for (let o = 0; o < hi2 - segBase; o++) noise[o] = sigma * normal(rf);
          } else {
            const next = phiK * x + stepSd * normal(new Rng(kCoarse, run.parent, s + 1));
            noise[0] = x;
            for (let o = 1; o <= K; o++) noise[o] = phi * noise[o - 1]! + sigma * normal(rf);
            const miss = next - noise[K]!;
            for (let o = 0; o <= K; o++) {
              const cst =
                process === 'random_walk'
                  ? o / K
                  : (phi ** (K - o) * (1 - phi ** (2 * o))) / (1 - phi ** (2 * K));
              noise[o] = noise[o]! + cst * miss;
            }
            x = next;
          }
          const ro = outRate ? new Rng(kOut, run.parent, s) : null;
          for (let o = 0; o < hi2 - segBase; o++) {
            const outlier = ro ? (ro.next() < outRate ? (ro.next() < 0.5 ? -1 : 1) : 0) : 0;
            const p = segBase + o;
            if (p < lo2) continue;
            const i = run.from + (p - run.pos);
            const t = times[i]!;
            let v = base + (trend * (t - origin)) / DAY_MS + noise[o]! + outlier * outSize;
            for (const se of seasons) {
              const phase = ((t - se.origin - se.peak) % se.period) / se.period;
              v += se.amplitude * Math.cos(2 * Math.PI * phase);
            }
            v = Math.round(v * f) / f;
            d[i] = v < lo ? lo : Math.min(v, hi);
          }
        }
      }
    },
    { scale },
  );
}

function seriesOrigin(seq: SequenceSpec): number {
  return parseInstant(seq.start);
}
