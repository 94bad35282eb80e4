// Values that arrive as text but mean something else: yes/no answers and dates written out.
// Pure functions, so fitting can read such columns the way profiling saw them.

const PAIRS: Array<[yes: string, no: string]> = [
  ['true', 'false'],
  ['yes', 'no'],
  ['y', 'n'],
  ['t', 'f'],
  ['ja', 'nein'],
  ['oui', 'non'],
  ['si', 'no'],
  ['sí', 'no'],
  ['1', '0'],
];

/** true/false for a yes/no word (true, yes, y, t, 1, ja, oui, sí … and their opposites), else undefined. */
export function booleanOfText(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (PAIRS.some(([yes]) => yes === word)) return true;
  if (PAIRS.some(([, no]) => no === word)) return false;
  return undefined;
}

/**
 * Whether a column's distinct values are the two words of one yes/no pair (or one of them).
 * 1/0 alone is too weak a sign: `digits` says whether the column's name suggests a flag.
 */
export function isBooleanText(values: string[], digits: boolean): boolean {
  if (values.length === 0) return false;
  const words = new Set(values.map((v) => v.trim().toLowerCase()));
  if (words.size > 2) return false;
  return PAIRS.some(([yes, no]) => (digits || yes !== '1') && [...words].every((w) => w === yes || w === no));
}

export type DateText = {
  kind: 'date' | 'datetime';
  /** Epoch milliseconds (UTC; an offset in the text is applied), or undefined for text that is not a date. */
  parse(text: string): number | undefined;
};

/** A date's numbers before the day/month order is known: year-first dates are always y-m-d. */
type DateParts = {
  year: number;
  a: number;
  b: number;
  time: number;
  yearFirst: boolean;
  slash: boolean;
  hasTime: boolean;
};

const TIME =
  /(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([AaPp])\.?[Mm]\.?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const YEAR_FIRST = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME.source}`, 'i');
const YEAR_LAST = new RegExp(`^(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})${TIME.source}`, 'i');

/** Milliseconds into the day (minus the offset), or NaN for an impossible time. */
function timeOf(m: RegExpExecArray, at: number): number {
  if (m[at] === undefined) return 0;
  let hour = Number(m[at]);
  const minute = Number(m[at + 1]);
  const second = Number(m[at + 2] ?? 0);
  const ms = Number(`${m[at + 3] ?? ''}000`.slice(0, 3));
  const meridiem = m[at + 4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return Number.NaN;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 60) return Number.NaN;
  let offset = 0;
  const zone = m[at + 5];
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    offset = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
  }
  return ((hour * 60 + minute - offset) * 60 + second) * 1000 + ms;
}

function partsOf(text: string): DateParts | undefined {
  const s = text.trim();
  const first = YEAR_FIRST.exec(s);
  const m = first ?? YEAR_LAST.exec(s);
  if (!m) return undefined;
  const time = timeOf(m, 5);
  if (Number.isNaN(time)) return undefined;
  const [year, a, b] = first ? [m[1], m[3], m[4]] : [m[4], m[1], m[3]];
  return {
    year: Number(year),
    a: Number(a),
    b: Number(b),
    time,
    yearFirst: first !== null,
    slash: m[2] === '/',
    hasTime: m[5] !== undefined,
  };
}

/** Epoch ms of a calendar day, or undefined when the day does not exist (31 April). */
function dayMs(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

/**
 * How a text column reads as dates, when at least `minShare` of `values` are dates in one
 * notation: ISO (2024-03-15, with an optional time and offset), 2024/03/15, 15.03.2024, 03/15/2024.
 * Day and month order of d/m/y dates comes from the column: a first number above 12 means the
 * day comes first, a second one above 12 that the month does; otherwise dots and dashes say day
 * first and slashes say month first.
 */
export function dateTextOf(values: string[], minShare = 0.95): DateText | undefined {
  if (values.length === 0) return undefined;
  const parts = values.map(partsOf);
  const parsed = parts.filter((p): p is DateParts => p !== undefined);
  if (parsed.length < minShare * values.length) return undefined;
  const yearLast = parsed.filter((p) => !p.yearFirst);
  const dayFirst = yearLast.some((p) => p.a > 12)
    ? true
    : yearLast.some((p) => p.b > 12)
      ? false
      : !yearLast[0]?.slash;
  const parse = (text: string): number | undefined => {
    const p = partsOf(text);
    if (!p) return undefined;
    const ms = !p.yearFirst && dayFirst ? dayMs(p.year, p.b, p.a) : dayMs(p.year, p.a, p.b);
    return ms === undefined ? undefined : ms + p.time;
  };
  const valid = values.filter((v) => parse(v) !== undefined).length;
  if (valid < minShare * values.length) return undefined;
  return { kind: parsed.some((p) => p.hasTime) ? 'datetime' : 'date', parse };
}
