import type { Instant } from './query-model.ts';
import type { DateValue } from './question-tokenizer.ts';

export type Range = { start: Instant; end: Instant };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function day(y: number, m: number, d: number): Instant {
  const date = new Date(Date.UTC(y, m - 1, d));
  return {
    day: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`,
  };
}

/** The half-open range [start, end) a date value covers, or undefined when it has no year. */
export function dateRange(d: DateValue): Range | undefined {
  if (d.year === undefined) return undefined;
  const y = d.year;
  if (d.time !== undefined && d.month !== undefined && d.day !== undefined) {
    const at = `${y}-${pad(d.month)}-${pad(d.day)} ${d.time}`;
    return { start: { at }, end: { at } };
  }
  if (d.day !== undefined && d.month !== undefined)
    return { start: day(y, d.month, d.day), end: day(y, d.month, d.day + 1) };
  if (d.month !== undefined) return { start: day(y, d.month, 1), end: day(y, d.month + 1, 1) };
  if (d.quarter !== undefined)
    return { start: day(y, d.quarter * 3 - 2, 1), end: day(y, d.quarter * 3 + 1, 1) };
  return { start: day(y, 1, 1), end: day(y + 1, 1, 1) };
}
