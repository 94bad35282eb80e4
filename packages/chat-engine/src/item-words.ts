import type { Item } from './column-matcher.ts';

// Small readers over the items of a question, shared by the recognisers kept outside the parser.

/** The lower-case word of an unused word (or concept word) at i. */
export function wordAt(items: Item[], i: number): string | undefined {
  const it = items[i];
  return it && !it.used && (it.k === 'word' || it.k === 'concept') ? it.w : undefined;
}

/** Marks `length` items from `from` on as understood. */
export function useItems(items: Item[], from: number, length = 1): void {
  for (let j = from; j < from + length; j++) if (items[j]) items[j]!.used = true;
}
