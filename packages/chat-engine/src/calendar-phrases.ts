import type { Item } from './column-matcher.ts';
import { wordAt } from './item-words.ts';

// Parts of a year said in words: "the first half of 2024", "H2 2024", "the third quarter of 2023",
// "the 4th quarter of 2024". They become a range of quarters of that year.

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, last: 4 };

/** Before the year at i: the part of the year named, as quarters, and where its words start. */
export function partOfYear(
  items: Item[],
  i: number,
): { start: number; from: number; to: number } | undefined {
  const it = items[i]!;
  if (!(it.k === 'num' && it.year) && !(it.k === 'date' && it.date.year !== undefined && !it.date.month))
    return undefined;
  const h = wordAt(items, i - 1);
  if (h === 'h1' || h === 'h2')
    return { start: i - 1, ...(h === 'h1' ? { from: 1, to: 2 } : { from: 3, to: 4 }) };
  let k = i - 1;
  if (wordAt(items, k) === 'of') k--;
  const part = wordAt(items, k);
  if (part !== 'half' && part !== 'quarter') return undefined;
  const before = items[k - 1];
  const said = wordAt(items, k - 1);
  let nth = said ? ORDINALS[said] : undefined;
  if (before?.k === 'num' && !before.used && before.value >= 1 && before.value <= 4) nth = before.value;
  if (nth === undefined || (part === 'half' && nth > 2 && said !== 'last')) return undefined;
  let start = k - 1;
  while (['the', 'in', 'during'].includes(wordAt(items, start - 1) ?? '')) start--;
  if (part === 'quarter') return { start, from: nth, to: nth };
  return { start, ...(nth === 1 ? { from: 1, to: 2 } : { from: 3, to: 4 }) };
}
