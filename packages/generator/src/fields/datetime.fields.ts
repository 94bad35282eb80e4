import { type DateDistribution, type FieldSpec, parseInstant } from '@synoptic/contract';
import { localePools } from '../data/pools.ts';
import { AliasTable, truncatedExponential, truncatedNormal } from '../random/distributions.ts';
import type { Rng } from '../random/prng.ts';
import type { CompileEnv } from './compile-env.ts';
import { addressEntity, placePools } from './entities.ts';
import {
  type Column,
  type ColumnKind,
  civilFromDays,
  DAY_MS,
  type DateCol,
  type FieldGen,
  type LogicalType,
  type NumCol,
  type PoolCol,
  poolGen,
  type StrCol,
  simpleGen,
  strGen,
  type TsCol,
} from './field-gen.ts';

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
const zoneOffsets = new Map<string, Map<number, number>>();

/** UTC offset in minutes of an IANA zone at an instant (cached per zone and hour). */
export function zoneOffset(zone: string, ms: number): number {
  let cache = zoneOffsets.get(zone);
  if (!cache) {
    cache = new Map();
    zoneOffsets.set(zone, cache);
  }
  const hour = Math.floor(ms / 3_600_000);
  const hit = cache.get(hour);
  if (hit !== undefined) return hit;
  let f = zoneFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormatters.set(zone, f);
  }
  const probe = hour * 3_600_000;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(probe)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  const off = Math.round((local - probe) / 60_000);
  if (cache.size > 200_000) cache.clear();
  cache.set(hour, off);
  return off;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO 8601: `YYYY-MM-DDTHH:mm:ss[.SSS]Z` in UTC, or with the zone's offset. */
export function formatInstant(ms: number, zone: string | null): string {
  const off = zone ? zoneOffset(zone, ms) : 0;
  const local = ms + off * 60_000;
  const days = Math.floor(local / DAY_MS);
  const [y, m, d] = civilFromDays(days);
  const rem = local - days * DAY_MS;
  const h = Math.floor(rem / 3_600_000);
  const mi = Math.floor((rem % 3_600_000) / 60_000);
  const s = Math.floor((rem % 60_000) / 1000);
  const frac = rem % 1000;
  const year = y >= 0 && y < 10000 ? String(y).padStart(4, '0') : String(y);
  let out = `${year}-${pad2(m)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}`;
  if (frac) out += `.${String(frac).padStart(3, '0')}`;
  if (!off) return `${out}${zone ? '+00:00' : 'Z'}`;
  const a = Math.abs(off);
  return `${out}${off < 0 ? '-' : '+'}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
}

export function formatDay(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

type Token = string | ((ms: number, off: number) => string);

function compileFormat(format: string): Token[] {
  const out: Token[] = [];
  const re = /\[([^\]]*)\]|YYYY|YY|MM|M|DD|D|HH|H|mm|ss|SSS|Z/g;
  let last = 0;
  const part = (ms: number, off: number) => {
    const local = ms + off * 60_000;
    const days = Math.floor(local / DAY_MS);
    return { ymd: civilFromDays(days), rem: local - days * DAY_MS };
  };
  for (let m = re.exec(format); m; m = re.exec(format)) {
    if (m.index > last) out.push(format.slice(last, m.index));
    last = m.index + m[0].length;
    const t = m[0];
    if (m[1] !== undefined) out.push(m[1]);
    else if (t === 'YYYY') out.push((ms, o) => String(part(ms, o).ymd[0]).padStart(4, '0'));
    else if (t === 'YY') out.push((ms, o) => pad2(part(ms, o).ymd[0] % 100));
    else if (t === 'MM') out.push((ms, o) => pad2(part(ms, o).ymd[1]));
    else if (t === 'M') out.push((ms, o) => String(part(ms, o).ymd[1]));
    else if (t === 'DD') out.push((ms, o) => pad2(part(ms, o).ymd[2]));
    else if (t === 'D') out.push((ms, o) => String(part(ms, o).ymd[2]));
    else if (t === 'HH') out.push((ms, o) => pad2(Math.floor(part(ms, o).rem / 3_600_000)));
    else if (t === 'H') out.push((ms, o) => String(Math.floor(part(ms, o).rem / 3_600_000)));
    else if (t === 'mm') out.push((ms, o) => pad2(Math.floor((part(ms, o).rem % 3_600_000) / 60_000)));
    else if (t === 'ss') out.push((ms, o) => pad2(Math.floor((part(ms, o).rem % 60_000) / 1000)));
    else if (t === 'SSS') out.push((ms, o) => String(part(ms, o).rem % 1000).padStart(3, '0'));
    else
      out.push((_ms, o) => {
        const a = Math.abs(o);
        return `${o < 0 ? '-' : '+'}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
      });
  }
  if (last < format.length) out.push(format.slice(last));
  return out;
}

/** Formats an instant with tokens (YYYY-MM-DD HH:mm …) in a zone. */
export function formatWith(format: string, zone: string | null): (ms: number) => string {
  const tokens = compileFormat(format);
  return (ms) => {
    const off = zone ? zoneOffset(zone, ms) : 0;
    let s = '';
    for (const t of tokens) s += typeof t === 'string' ? t : t(ms, off);
    return s;
  };
}

export type DateRenderer = {
  logical: LogicalType;
  kind: ColumnKind;
  fill(out: Column, msAt: (i: number) => number, n: number): void;
};

/** How a date or instant column is emitted: typed (default), unix numbers or a formatted string. */
export function dateRenderer(
  format: string | undefined,
  base: 'date' | 'ts',
  zone: string | null = null,
): DateRenderer {
  if (format === undefined) {
    return {
      logical: base === 'date' ? 'date' : 'timestamp',
      kind: base,
      fill(out, msAt, n) {
        const d = (out as DateCol | TsCol).data;
        for (let i = 0; i < n; i++) d[i] = base === 'date' ? Math.floor(msAt(i) / DAY_MS) : msAt(i);
      },
    };
  }
  if (format === 'unix' || format === 'unix_ms') {
    const div = format === 'unix' ? 1000 : 1;
    return {
      logical: 'integer',
      kind: 'num',
      fill(out, msAt, n) {
        const d = (out as NumCol).data;
        for (let i = 0; i < n; i++) d[i] = Math.floor(msAt(i) / div);
      },
    };
  }
  const f = formatWith(format, zone);
  return {
    logical: 'string',
    kind: 'str',
    fill(out, msAt, n) {
      const d = (out as StrCol).data;
      for (let i = 0; i < n; i++) d[i] = f(msAt(i));
    },
  };
}

/** Sampler of instants (ms) in [min, max] following a date distribution. */
export function instantSampler(
  min: number,
  max: number,
  dist: DateDistribution | undefined,
): (r: Rng) => number {
  if (!dist || dist.type === 'uniform') return (r) => min + r.float() * (max - min);
  if (dist.type === 'normal') {
    const s = truncatedNormal(parseInstant(dist.mean), dist.stddevDays * DAY_MS, min, max);
    return s;
  }
  const e = truncatedExponential(1 / (dist.meanDays * DAY_MS), 0, max - min);
  return dist.anchor === 'min' ? (r) => min + e(r) : (r) => max - e(r);
}

function timeSeconds(t: string): number {
  const [h, m, s] = t.split(':').map(Number);
  return h! * 3600 + m! * 60 + (s ?? 0);
}

export function datetimeField(spec: FieldSpec, c: CompileEnv): FieldGen | null {
  switch (spec.type) {
    case 'date': {
      const minDay = Math.floor(parseInstant(spec.min ?? '2020-01-01') / DAY_MS);
      const maxDay = Math.floor(parseInstant(spec.max ?? '2024-12-31') / DAY_MS);
      const sample = instantSampler(minDay * DAY_MS, (maxDay + 1) * DAY_MS - 1, spec.distribution);
      const render = dateRenderer(spec.format, 'date');
      const perm = spec.unique ? c.perm(maxDay - minDay + 1) : null;
      return simpleGen(spec, render.logical, render.kind, (ctx, out) => {
        const r = ctx.rng(`f:${spec.name}`);
        const days = new Float64Array(ctx.n);
        for (let i = 0; i < ctx.n; i++) {
          days[i] = perm
            ? minDay + perm.map(ctx.rowStart + i)
            : Math.min(maxDay, Math.floor(sample(r) / DAY_MS));
        }
        render.fill(out, (i) => days[i]! * DAY_MS, ctx.n);
      });
    }
    case 'datetime': {
      const min = parseInstant(spec.min ?? '2020-01-01');
      const max = parseInstant(spec.max ?? '2024-12-31T23:59:59Z');
      const zone = spec.timeZone ?? null;
      const render = dateRenderer(spec.format, 'ts', zone);
      const sample = instantSampler(min, max, spec.distribution);
      const hours = spec.hourWeights ? new AliasTable(spec.hourWeights) : null;
      const perm = spec.unique ? c.perm(Math.floor((max - min) / 1000) + 1) : null;
      return {
        ...simpleGen(spec, render.logical, render.kind, (ctx, out) => {
          const r = ctx.rng(`f:${spec.name}`);
          const ms = new Float64Array(ctx.n);
          for (let i = 0; i < ctx.n; i++) {
            let v: number;
            if (perm) v = min + perm.map(ctx.rowStart + i) * 1000;
            else if (hours) {
              // the day from the distribution, the hour from the weights (local time of the zone)
              const day = Math.floor(sample(r) / DAY_MS) * DAY_MS;
              const local = day + hours.pick(r.next()) * 3_600_000 + Math.floor(r.next() * 3600) * 1000;
              v = zone ? local - zoneOffset(zone, local) * 60_000 : local;
              v = Math.min(max, Math.max(min, v));
            } else v = Math.floor(sample(r) / 1000) * 1000;
            ms[i] = v;
          }
          render.fill(out, (i) => ms[i]!, ctx.n);
        }),
        timeZone: zone,
      };
    }
    case 'time': {
      const lo = timeSeconds(spec.min ?? '00:00:00');
      const hi = timeSeconds(spec.max ?? '23:59:59');
      const perm = spec.unique ? c.perm(hi - lo + 1) : null;
      return strGen(spec, (ctx) => {
        const r = ctx.rng(`f:${spec.name}`);
        return (i) => {
          const s = perm ? lo + perm.map(ctx.rowStart + i) : lo + r.below(hi - lo + 1);
          return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
        };
      });
    }
    case 'time_zone':
      return poolGen(spec, placePools(c.env, c.locale).zone, (ctx) => {
        const a = addressEntity(ctx, c.env, c.group);
        return (i) => a.place[i]!;
      });
    case 'weekday':
    case 'month': {
      const count = spec.type === 'weekday' ? 7 : 12;
      if (spec.format === 'number') {
        return simpleGen(spec, 'integer', 'num', (ctx, out) => {
          const r = ctx.rng(`f:${spec.name}`);
          const d = (out as NumCol).data;
          for (let i = 0; i < ctx.n; i++) d[i] = 1 + r.below(count);
        });
      }
      const p = localePools(c.locale);
      const names = spec.type === 'weekday' ? p.weekdays : p.months;
      const pool = spec.format === 'short' ? names.short : names.name;
      return simpleGen(spec, 'string', 'pool', (ctx, out) => {
        const col = out as PoolCol;
        col.pool = pool;
        const r = ctx.rng(`f:${spec.name}`);
        for (let i = 0; i < ctx.n; i++) col.data[i] = r.below(count);
      });
    }
    case 'year': {
      const lo = spec.min ?? 1970;
      const hi = spec.max ?? 2024;
      const perm = spec.unique ? c.perm(hi - lo + 1) : null;
      return simpleGen(spec, 'integer', 'num', (ctx, out) => {
        const r = ctx.rng(`f:${spec.name}`);
        const d = (out as NumCol).data;
        for (let i = 0; i < ctx.n; i++)
          d[i] = perm ? lo + perm.map(ctx.rowStart + i) : lo + r.below(hi - lo + 1);
      });
    }
    default:
      return null;
  }
}
