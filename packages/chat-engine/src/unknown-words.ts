import { type ColumnRef, type Concept, conceptScore, type Item, isTemporal } from './column-matcher.ts';
import type { Condition, Field, Query } from './query-model.ts';
import { AGGREGATES, KEYWORDS, NEGATORS, UNIT_WORDS } from './question-vocabulary.ts';
import { tablesVerbed } from './related-verbs.ts';
import { isStopWord, ROW_NOUNS, VERB_WORDS } from './stop-words.ts';
import { graded, superlative } from './superlatives.ts';
import type { TableProfile } from './types.ts';

// What to do with the words of a question that no recogniser used. A word the engine does not know
// does not by itself make a question unanswerable: it is dropped when it sits where nothing is
// expected (a greeting, a hedge, a side remark) and the rest of the question makes a complete plan.
// It refuses the question when the word bears content, that is when it stands where the engine
// would have needed a column, a table, a value or a condition ("average *salary*", "by *region*",
// "how many *doctors*", "customers who *churned*", "*premium* customers"), or when it asks for
// something the data cannot tell (a cause, a prediction, a future date). Known words left over
// are kept only when the plan already uses what they name ("the average amount *charged*").

const words = (text: string) => text.trim().split(/\s+/);

/** Words that ask for something other than a look-up of the data: a cause, a prediction, advice. */
const OUT_OF_SCOPE = new Set(
  words(`
    why predict predicts predicted predicting prediction predictions forecast forecasts forecasted
    forecasting projection projections projected expect expects expected expectation expectations
    future upcoming tomorrow next should recommend recommends recommended recommendation
    recommendations advise advice cause causes caused causing because explain explains explained
    explanation likely likelihood probability probable chance chances odds optimal optimise
    optimize improve won't
  `),
);

/** Times relative to now that the engine does not read: ignoring one would count every row. */
const DEICTIC_TIMES = new Set(words(`today tonight yesterday recently lately soon ago`));

/** A negation left over negates something the engine did not understand. */
const NEGATIONS = new Set([...NEGATORS, 'never', 'neither', 'nor', "didn't", "haven't", "hasn't", "can't"]);

/** Words looked through when finding what an unknown word stands next to. */
const TRANSPARENT = new Set(
  words(`
    the a an this these those our my your their his her its all any some very really quite so just
    ever even also too still already rather pretty
  `),
);

/** After these, a word names how rows are grouped ("by region"). */
const GROUP_MARKERS = new Set(words(`by per each every across grouped split`));

/** After these, a word names what is counted, measured or ranked ("average salary", "how many doctors"). */
const MEASURE_MARKERS = new Set([
  ...Object.keys(AGGREGATES),
  ...words(`many much number count amount sum top bottom most least fewest best worst which what whose`),
]);

/** After these, a word says something of the rows: a predicate or the object of a verb. */
const PREDICATE_MARKERS = new Set([
  ...VERB_WORDS,
  ...NEGATIONS,
  ...words(`who that which whose where is are was were be been being am become became seem seems
    we you they i he she`),
]);

/** After these, a word is a value, a place, a time or a thing compared. */
const VALUE_MARKERS = new Set(
  words(`in from at on during for to into with without near within via like vs versus against
    compared than between and or`),
);

/** After a noun these say something of it ("doctors in Berlin", "patients who …"). */
const HEAD_FOLLOWERS = new Set(
  words(`in from at on during with without near within via who that which whose where like vs versus
    against compared and or`),
);

/** Nouns of measuring: the word before one is what is measured ("refund rate", "cancellation count"). */
const MEASURE_NOUNS = new Set(
  words(`count counts number numbers total totals rate rates share ratio percentage percent average
    sum amount volume breakdown split distribution trend`),
);

/** Before these, a word is what a comparison is about ("rating above 4"). */
const COMPARISON_WORDS = new Set(
  words(`more less greater higher larger bigger lower smaller fewer older younger over above under
    below exceeding exceeds exceed between equals equal`),
);

export type Leftovers = {
  /** Words that say what to count, measure or filter, which the answer would silently ignore. */
  content: string[];
  /** Words asking for what the data cannot tell: a cause, a prediction, a future. */
  outOfScope: string[];
  /** Unknown words in no slot: dropped, provided the plan is complete without them. */
  tolerated: string[];
  /** Known words left over: kept only if the plan already uses what they name. */
  unverified: Array<{ raw: string; concept?: Concept; refs?: ColumnRef[]; verbOf?: TableProfile[] }>;
};

const wordOf = (it: Item | undefined): string | undefined =>
  it && (it.k === 'word' || it.k === 'concept') ? it.w : undefined;

/** Sorts the items no recogniser used. `known(w)`: a word of the engine's own grammar ("show", "count"). */
export function sortLeftovers(
  items: Item[],
  known: (w: string) => boolean,
  tables: TableProfile[] = [],
): Leftovers {
  const out: Leftovers = { content: [], outOfScope: [], tolerated: [], unverified: [] };
  const open = new Set<number>();
  items.forEach((it, i) => {
    if (it.used || it.k === 'table') return;
    const w = wordOf(it);
    // "the most anyone has ordered": the verb of the table asked about says nothing more
    const verbOf = tablesVerbed(it.raw, tables);
    if (verbOf.length && (it.k === 'word' || it.k === 'column')) {
      out.unverified.push({ raw: it.raw, verbOf, ...(it.k === 'column' ? { refs: it.refs } : {}) });
      return;
    }
    if (w === undefined) {
      if (it.k === 'column') out.unverified.push({ raw: it.raw, refs: it.refs });
      // a number, a date or a value that nothing used: a condition not understood
      else out.content.push(it.raw);
      return;
    }
    if (
      OUT_OF_SCOPE.has(w) ||
      (w === 'will' && !isRequest(items, i)) ||
      (w === 'how' && wordOf(items[i + 1]) === 'come')
    )
      out.outOfScope.push(it.raw);
    else if (DEICTIC_TIMES.has(w) || NEGATIONS.has(w)) out.content.push(it.raw);
    else if (it.k === 'concept') {
      // "where"/"when" also join clauses ("rows where age > 70"); "place" is also a verb ("place an order")
      if (w === 'where' || w === 'when' || isStopWord(w)) return;
      // "expensive", "late": a graded adjective that nothing applied is a condition not understood
      if (it.dir) out.content.push(it.raw);
      else out.unverified.push({ raw: it.raw, concept: it.concept });
    } else if (
      known(w) ||
      isStopWord(w) ||
      UNIT_WORDS.has(w) ||
      w === 'will' ||
      /^[^\p{L}\p{N}]+$/u.test(it.raw)
    )
      return;
    // a word of the engine's grammar that nothing used: part of the question was not understood
    else if (KEYWORDS.has(w) || graded(w)) out.content.push(it.raw);
    else open.add(i);
  });
  for (const i of open) {
    const it = items[i]!;
    if (isSideRemark(items, i, open) || !bearsContent(items, i, open)) out.tolerated.push(it.raw);
    else out.content.push(it.raw);
  }
  // in the order they were said
  const at = (raw: string) => items.findIndex((it) => it.raw === raw);
  out.content.sort((a, b) => at(a) - at(b));
  return out;
}

/** "Will you list …" asks; "what will revenue be" predicts. */
function isRequest(items: Item[], i: number): boolean {
  return ['you', 'u', 'ya'].includes(wordOf(items[i + 1]) ?? '');
}

/** The items of the clause around i (between punctuation). */
function clauseOf(items: Item[], i: number): { from: number; to: number } {
  let from = i;
  while (from > 0 && !items[from]!.brk) from--;
  let to = i + 1;
  while (to < items.length && !items[to]!.brk) to++;
  return { from, to };
}

/** A short clause of greetings and asides ("Quick question: …", "…, mate?"): nothing in it was read. */
function isSideRemark(items: Item[], i: number, open: Set<number>): boolean {
  const { from, to } = clauseOf(items, i);
  if ((from === 0 && to === items.length) || to - from > 3) return false;
  for (let j = from; j < to; j++) {
    const it = items[j]!;
    if (open.has(j)) continue;
    const w = wordOf(it);
    if (it.used || it.k !== 'word' || w === undefined || ROW_NOUNS.has(w)) return false;
  }
  return true;
}

/** The nearest item before (step -1) or after (+1) i in its clause, looking through determiners and other unknown words. */
function neighbour(items: Item[], i: number, step: 1 | -1, open: Set<number>): Item | undefined {
  for (let j = i + step; j >= 0 && j < items.length; j += step) {
    if (step === -1 ? items[j + 1]!.brk : items[j]!.brk) return undefined;
    const w = wordOf(items[j]);
    if (open.has(j) || (w !== undefined && TRANSPARENT.has(w))) continue;
    return items[j];
  }
  return undefined;
}

const isEntity = (it: Item | undefined) =>
  it !== undefined &&
  (it.k === 'table' ||
    it.k === 'column' ||
    it.k === 'value' ||
    it.k === 'concept' ||
    (it.k === 'word' && ROW_NOUNS.has(it.w)));

/** Whether the unknown word at i stands where a column, a table, a value or a condition would. */
function bearsContent(items: Item[], i: number, open: Set<number>): boolean {
  const it = items[i]!;
  const clauseStart = clauseOf(items, i).from === i;
  // a name typed with a capital in the middle of a sentence: a value the data does not have
  if (!clauseStart && /^\p{Lu}/u.test(it.raw) && it.raw !== it.raw.toUpperCase()) return true;
  const prev = neighbour(items, i, -1, open);
  const next = neighbour(items, i, 1, open);
  if (prev) {
    // "orders online", "3 complaints", "in 2024 onwards": what a noun or a number is said of
    if (isEntity(prev) || prev.k === 'num' || prev.k === 'date' || prev.k === 'range') return true;
    const p = wordOf(prev);
    if (p !== undefined) {
      if (GROUP_MARKERS.has(p) || MEASURE_MARKERS.has(p) || superlative(p) || graded(p)) return true;
      if (PREDICATE_MARKERS.has(p) || VALUE_MARKERS.has(p)) return true;
      if (p === 'of') {
        // "average of …", "number of …", "the price of …"; not "out of curiosity"
        const before = neighbour(items, items.indexOf(prev), -1, open);
        const b = wordOf(before);
        if (isEntity(before) || (b !== undefined && (MEASURE_MARKERS.has(b) || GROUP_MARKERS.has(b))))
          return true;
      }
    }
  }
  if (next) {
    // "premium customers", "loyal ones": a modifier of what is counted
    if (isEntity(next)) return true;
    // "rating above 4", "weight > 5": what a comparison is about
    if (next.k === 'sym' || next.k === 'num' || COMPARISON_WORDS.has(wordOf(next) ?? '')) return true;
    const n = wordOf(next);
    if (n !== undefined) {
      // "doctors in Berlin", "rev by month", "refund rate", "cancellation count": the head of the
      // question, said of a place, a group or a measure
      if (GROUP_MARKERS.has(n) || HEAD_FOLLOWERS.has(n) || MEASURE_NOUNS.has(n)) return true;
      // "pct of orders": what is asked of a table
      if (n === 'of' && isEntity(neighbour(items, items.indexOf(next), 1, open))) return true;
    }
  }
  return false;
}

// --- checking leftovers against the plan --------------------------------------------------------

function conditionFields(c: Condition): Field[] {
  switch (c.op) {
    case 'related':
      return c.where.flatMap(conditionFields);
    case 'any':
      return c.options.flat().flatMap(conditionFields);
    case 'related-count':
      return [];
    default:
      return [c.field];
  }
}

/** Every column a query reads, as refs. */
export function queryColumns(q: Query): ColumnRef[] {
  const fields: Field[] = [];
  const where = 'where' in q ? q.where : [];
  fields.push(...where.flatMap(conditionFields));
  switch (q.kind) {
    case 'aggregate':
      for (const m of q.measures) {
        if ('field' in m) fields.push(m.field);
        if (m.fn === 'percent') fields.push(...m.where.flatMap(conditionFields));
      }
      fields.push(...q.groupBy);
      break;
    case 'rows':
      if (q.orderBy) fields.push(q.orderBy.field);
      fields.push(...(q.columns ?? []));
      break;
    case 'distinct':
    case 'histogram':
      fields.push(q.field);
      break;
    case 'correlation':
      fields.push(q.a, q.b);
      break;
    case 'null-report':
      return q.table.columns.map((column) => ({ table: q.table, column }));
    case 'per-parent':
      break;
  }
  return fields.map((f) => f.ref);
}

/** The leftover known words the plan does not back: a concept none of its columns fits, a column it does not read. */
export function unbacked(q: Query, unverified: Leftovers['unverified']): string[] {
  const refs = queryColumns(q);
  return unverified
    .filter((u) => {
      if (u.verbOf?.includes(q.table)) return false;
      if (u.refs) return !u.refs.some((r) => refs.some((x) => x.column === r.column));
      const concept = u.concept!;
      return !refs.some(
        (r) => conceptScore(concept, r.column) > 0 || (concept === 'date' && isTemporal(r.column)),
      );
    })
    .map((u) => u.raw);
}

/** A listing of every row of a table: too little to drop unknown words for. */
export function isBareListing(q: Query): boolean {
  return q.kind === 'rows' && q.where.length === 0 && !q.orderBy && !q.random;
}
