import { type Item, isPeopleTable, type Join } from './column-matcher.ts';
import { useItems, wordAt } from './item-words.ts';
import type { PendingCondition } from './question-parser.ts';
import { PERSON_NOUNS } from './stop-words.ts';
import type { TableProfile } from './types.ts';
import { singular } from './word-forms.ts';

// A table's name used as a verb: "customers who have ever ordered" are those with orders,
// "patients who visited more than 10 times" those with more than 10 visits. The verb is only the
// table's own name with -ed, so it carries over to any dataset whose tables are named for events.

/** The tables a word is the verb of ("ordered" of orders, "visited" of visits). */
export function tablesVerbed(w: string, tables: TableProfile[]): TableProfile[] {
  const word = w.toLowerCase();
  return tables.filter((t) => {
    const noun = singular(t.name.toLowerCase());
    return word === `${noun}ed` || word === `${noun}d`;
  });
}

const NEGATING = ['never', 'not', "didn't", "haven't", "hasn't", "don't", "doesn't"];
const AUXILIARY = ['ever', 'have', 'has', 'had', 'already', 'yet'];

/** The child table an item is the verb of, when the parent table is named too. */
function verbedChild(
  items: Item[],
  it: Item,
  joins: Join[],
  dataset: TableProfile[],
): TableProfile | undefined {
  if (it.used || (it.k !== 'word' && !(it.k === 'column' && !it.full))) return undefined;
  return tablesVerbed(it.raw, dataset).find((t) =>
    joins.some((j) => j.child === t && items.some((o) => o.k === 'table' && o.table === j.parent)),
  );
}

/** "customers who have ever ordered", "patients who never visited": conditions on related rows. */
export function readRelatedVerbs(
  items: Item[],
  joins: Join[],
  dataset: TableProfile[],
  add: (pos: number, c: PendingCondition) => void,
): void {
  for (let i = 0; i < items.length; i++) {
    const child = verbedChild(items, items[i]!, joins, dataset);
    // with a date or a value after it, the verb stands for its date column ("ordered in 2024");
    // "ordered by income" sorts
    if (
      !child ||
      wordAt(items, i + 1) === 'by' ||
      items.slice(i + 1).some((o) => !o.used && ['num', 'date', 'value'].includes(o.k))
    )
      continue;
    let from = i;
    let negate = false;
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const v = wordAt(items, j);
      if (!v) break;
      if (NEGATING.includes(v)) negate = true;
      else if (!AUXILIARY.includes(v)) break;
      from = j;
    }
    useItems(items, from, i - from + 1);
    add(i, { kind: 'related', table: child, negate });
  }
}

/** For "<verb> more than <n> times" (comparison at i, number at j): the related table and where the verb starts. */
export function verbedTimes(
  items: Item[],
  i: number,
  j: number,
  joins: Join[],
  dataset: TableProfile[],
): { table: TableProfile; from: number } | undefined {
  if (wordAt(items, j + 1) !== 'times' && wordAt(items, j + 1) !== 'time') return undefined;
  let from = i - 1;
  while (AUXILIARY.includes(wordAt(items, from) ?? '')) from--;
  const verb = items[from];
  const table = verb && verbedChild(items, verb, joins, dataset);
  if (table) return { table, from };
  // "patients who came in more than 5 times": times are the rows of the one related table
  // (of the table of people, for "people who …")
  const named = items.flatMap((o) => (o.k === 'table' ? [o.table] : []));
  if (!named.length && items.some((o) => o.k === 'word' && PERSON_NOUNS.has(o.w)))
    named.push(...dataset.filter(isPeopleTable));
  const children = [...new Set(joins.filter((jn) => named.includes(jn.parent)).map((jn) => jn.child))];
  return children.length === 1 ? { table: children[0]!, from: i } : undefined;
}
