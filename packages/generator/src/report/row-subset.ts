import { Rng, streamKey } from '../random/prng.ts';

/**
 * Up to `max` distinct row indices of `total`, drawn with a fixed seed so a report on the same data
 * always gives the same figures (all rows when there are no more than `max`). The subset comes in
 * random order, so any prefix of it is itself a random subset; sort it for sequential reads.
 */
export function rowSubset(total: number, max: number, stream: string): Int32Array {
  const all = new Int32Array(total);
  for (let i = 0; i < total; i++) all[i] = i;
  const take = Math.min(total, max);
  const rng = new Rng(streamKey('report', '', stream));
  // A partial Fisher–Yates shuffle: only the first `take` places need drawing.
  for (let i = 0; i < take; i++) {
    const j = i + rng.below(total - i);
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return take === total ? all : all.slice(0, take);
}

/** rowSubset sorted ascending, for reading columns front to back. */
export function sortedRowSubset(total: number, max: number, stream: string): Int32Array {
  return rowSubset(total, max, stream).sort();
}
