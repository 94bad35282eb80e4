import type { Item } from './column-matcher.ts';
import { useItems } from './item-words.ts';
import type { ParseState } from './question-parser.ts';

// "customers sorted by age", "orders by total, highest first", "top 5 customers by income,
// ascending": the order rows are listed in. A direction said in words overrides the one a ranking
// word implies, and a "sorted by" with no ranking lists the rows in that order.

type Dir = 'asc' | 'desc';

const DIRECTIONS: Array<{ words: string[]; dir: Dir }> = [
  { words: ['ascending'], dir: 'asc' },
  { words: ['asc'], dir: 'asc' },
  { words: ['increasing'], dir: 'asc' },
  { words: ['low', 'to', 'high'], dir: 'asc' },
  { words: ['lowest', 'to', 'highest'], dir: 'asc' },
  { words: ['smallest', 'to', 'largest'], dir: 'asc' },
  { words: ['oldest', 'to', 'newest'], dir: 'asc' },
  { words: ['lowest', 'first'], dir: 'asc' },
  { words: ['smallest', 'first'], dir: 'asc' },
  { words: ['cheapest', 'first'], dir: 'asc' },
  { words: ['earliest', 'first'], dir: 'asc' },
  { words: ['least', 'first'], dir: 'asc' },
  { words: ['descending'], dir: 'desc' },
  { words: ['desc'], dir: 'desc' },
  { words: ['decreasing'], dir: 'desc' },
  { words: ['high', 'to', 'low'], dir: 'desc' },
  { words: ['highest', 'to', 'lowest'], dir: 'desc' },
  { words: ['largest', 'to', 'smallest'], dir: 'desc' },
  { words: ['newest', 'to', 'oldest'], dir: 'desc' },
  { words: ['highest', 'first'], dir: 'desc' },
  { words: ['largest', 'first'], dir: 'desc' },
  { words: ['biggest', 'first'], dir: 'desc' },
  { words: ['latest', 'first'], dir: 'desc' },
  { words: ['newest', 'first'], dir: 'desc' },
  { words: ['most', 'first'], dir: 'desc' },
  { words: ['in', 'reverse', 'order'], dir: 'desc' },
];

const SORT_MARKERS = [
  ['sorted', 'by'],
  ['sort', 'by'],
  ['ordered', 'by'],
  ['order', 'by'],
  ['ranked', 'by'],
  ['arranged', 'by'],
  ['in', 'order', 'of'],
];

/** The lower-case text of an unused item (a word, or a name that also reads as one: "order", "ordered"). */
function textAt(items: Item[], i: number): string | undefined {
  const it = items[i];
  return it && !it.used ? it.raw.toLowerCase() : undefined;
}

function phraseAt(items: Item[], i: number, words: string[]): boolean {
  return words.every((w, j) => textAt(items, i + j) === w);
}

/** Reads a direction said in words ("descending", "highest first"); run before ranking words are read. */
export function readSortDirection(items: Item[]): Dir | undefined {
  for (let i = 0; i < items.length; i++)
    for (const d of DIRECTIONS)
      if (phraseAt(items, i, d.words)) {
        useItems(items, i, d.words.length);
        return d.dir;
      }
  return undefined;
}

/** "customers sorted by age": rows listed in the order of a column, when nothing else ranks them. */
export function readSortedListing(items: Item[], st: ParseState, dir: Dir | undefined): void {
  if (st.shape) return;
  // with a direction said, a plain "by" sorts too ("orders by total, highest first")
  const markers = dir ? [...SORT_MARKERS, ['by']] : SORT_MARKERS;
  for (let i = 0; i < items.length; i++)
    for (const m of markers) {
      if (!phraseAt(items, i, m)) continue;
      let k = i + m.length;
      if (textAt(items, k) === 'the') k++;
      const it = items[k];
      if (!it || it.used || (it.k !== 'column' && !(it.k === 'concept' && it.dir === undefined))) continue;
      // ("customers by city" with a direction is still a count per city)
      if (m[0] === 'by' && it.k === 'column' && !it.refs.some((r) => r.column.kind !== 'text')) continue;
      useItems(items, i, m.length);
      useItems(items, k, 1);
      const n = items.findIndex(
        (x, j) => j < i && !x.used && x.k === 'num' && !x.year && Number.isInteger(x.value) && x.value > 0,
      );
      if (n >= 0) items[n]!.used = true;
      const limit = n >= 0 ? (items[n] as { value: number }).value : 50;
      st.shape = { kind: 'rank-rows', by: { subject: { type: 'item', item: it } }, dir: dir ?? 'asc', limit };
      return;
    }
}

/** A direction said in words wins over the one a ranking word implies. */
export function applySortDirection(st: ParseState, dir: Dir | undefined): void {
  if (!dir || !st.shape) return;
  if (st.shape.kind === 'rank-rows' || st.shape.kind === 'rank-groups') st.shape.dir = dir;
  // "average cost by reason, cheapest first": the groups in that order
  else if (st.shape.kind === 'aggregate' && st.groups.length) st.shape.dir = dir;
}
