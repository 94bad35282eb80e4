import { partOfYear } from './calendar-phrases.ts';
import {
  type Concept,
  columnsFor,
  conceptScore,
  type Direction,
  type Item,
  isIdColumn,
  isMeasure,
  isNumeric,
  isPeopleTable,
  isTemporal,
  isTextual,
  type Join,
  type Lexicon,
  mainMeasure,
} from './column-matcher.ts';
import { groupComparedValues } from './compared-values.ts';
import type { Aggregate, TimeUnit } from './query-model.ts';
import type { DateValue } from './question-tokenizer.ts';
import { tokenize } from './question-tokenizer.ts';
import {
  ADVERB_UNITS,
  AGGREGATES,
  type Cmp,
  COMPARATORS,
  FILLER,
  NEGATORS,
  POSTFIX,
  SHOW_WORDS,
  SUBJECT_SKIP,
  TIME_UNITS,
  UNIT_WORDS,
} from './question-vocabulary.ts';
import { readRelatedVerbs, verbedTimes } from './related-verbs.ts';
import { applySortDirection, readSortDirection, readSortedListing } from './sorting.ts';
import { isStopWord, PERSON_NOUNS } from './stop-words.ts';
import { countAdjective, superlative } from './superlatives.ts';
import type { TableProfile } from './types.ts';
import { type Leftovers, sortLeftovers } from './unknown-words.ts';
import { singular } from './word-forms.ts';

// Reads a question as a sequence of recognisers over the matched items. Each recogniser consumes
// the items it understood; whatever meaningful word is left over at the end makes the question
// unanswerable rather than silently ignored.

/** Something that will become a column once the table is known. */
export type Subject =
  | { type: 'item'; item: Item }
  | { type: 'concept'; concept: Concept; table?: TableProfile }
  | { type: 'default-date' }
  | { type: 'default-number'; value?: number };

export type PendingField = { subject: Subject; unit?: TimeUnit };

export type Operand = number | DateValue;

/** pos: where in the question it was said; or: joined to the condition said before it by "or". */
export type PendingCondition = { pos?: number; or?: boolean } & (
  | { kind: 'values'; item: Extract<Item, { k: 'value' }>; negate: boolean }
  | { kind: 'compare'; subject: Subject; cmp: Cmp | '=' | '!='; operand: Operand; yearLike: boolean }
  | { kind: 'between'; subject: Subject; low: Operand; high: Operand; yearLike: boolean }
  | { kind: 'period'; subject: Subject; date: DateValue }
  | { kind: 'recent'; subject: Subject; amount: number; unit: 'day' | 'week' | 'month' | 'year' }
  | { kind: 'null'; subject: Subject; negate: boolean }
  | {
      kind: 'text';
      subject: Subject;
      mode: 'contains' | 'starts' | 'ends' | 'equals';
      text: string;
      negate: boolean;
    }
  | { kind: 'bool'; item: Item; value: boolean }
  | { kind: 'related'; table: TableProfile; negate: boolean }
  | { kind: 'related-count'; table: TableProfile; cmp: Cmp | '='; value: number }
  | { kind: 'vs-average'; subject: Subject; cmp: Cmp }
);

export type PendingMeasure =
  | { fn: 'count'; table?: TableProfile }
  | { fn: 'count-distinct'; field: PendingField }
  | { fn: Aggregate; field: PendingField }
  | { fn: 'nulls'; field: PendingField }
  | { fn: 'percent' };

export type Shape =
  /** dir: the order groups are listed in, when the question says it ("cheapest first"). */
  | { kind: 'aggregate'; dir?: 'asc' | 'desc' }
  | { kind: 'rows'; limit?: number }
  | { kind: 'distinct'; field: PendingField }
  | { kind: 'histogram'; field: PendingField }
  | { kind: 'correlation'; a: PendingField; b: PendingField }
  | { kind: 'null-report' }
  /** agg: how a child's column is aggregated when rows of its parent are ranked by it. */
  | { kind: 'rank-rows'; by: PendingField; dir: 'asc' | 'desc'; limit: number; agg?: Aggregate }
  | { kind: 'rank-groups'; dir: 'asc' | 'desc'; limit: number }
  | { kind: 'per-parent'; parent: TableProfile };

/** Everything understood from one question, before the table is chosen. */
export type ParseState = {
  conditions: PendingCondition[];
  groups: PendingField[];
  measures: PendingMeasure[];
  shape?: Shape;
  subjectTable?: TableProfile;
  mentioned: TableProfile[];
  /** Words that bear content the engine did not understand: the question is refused. */
  unknown: string[];
  /** Words asking for a cause, a prediction or a future: the question is refused. */
  outOfScope?: string[];
  /** Unknown words in no slot of the question: dropped if the plan is complete without them. */
  tolerated?: string[];
  /** A noun for people ("folks") stood for the rows: of the tables that fit, the one of people. */
  aboutPeople?: boolean;
  /** Known words nothing used: kept if the plan already uses what they name. */
  unverified?: Leftovers['unverified'];
  /** The measure was not asked for but assumed (a count for "… by city"); a follow-up keeps the earlier one. */
  assumedMeasure?: boolean;
  /** Aggregates named without a column ("and the median?"): of the column the conversation was about. */
  bareAggregates?: Aggregate[];
  /** Columns named for a listing of rows ("the name and email of …"). */
  projection?: Item[];
  /** "show 5 random orders" */
  random?: boolean;
  /** Only groups whose count compares so ("cities with more than 300 customers"). */
  having?: { cmp: Cmp | '='; value: number };
};

/** Concepts that are quantities one can aggregate ("revenue by city"), unlike a place or a date. */
const QUANTITY_CONCEPTS = new Set<Concept>(['age', 'money', 'income', 'temperature', 'quantity', 'duration']);

/** Verbs whose "by" names who did it ("placed by VIPs"): a filter, not a grouping. */
const AGENT_VERBS = new Set(
  'placed made done bought purchased paid submitted created booked sent requested owned held'.split(' '),
);

/** Ways of asking for a number of rows. */
const COUNT_PATTERNS = [
  ['how', 'many'],
  ['total', 'number', 'of'],
  ['number', 'of'],
  ['count', 'of'],
  ['count'],
  ['#', 'of'],
  ['tally', 'of'],
  ['headcount'],
];

const isWordish = (it: Item | undefined): it is Extract<Item, { k: 'word' | 'concept' }> =>
  it !== undefined && (it.k === 'word' || it.k === 'concept');

export class QuestionParser {
  private items: Item[] = [];
  private readonly st: ParseState = { conditions: [], groups: [], measures: [], mentioned: [], unknown: [] };

  constructor(
    private readonly lex: Lexicon,
    private readonly today: Date = new Date(),
  ) {}

  private get joins(): Join[] {
    return this.lex.joins;
  }

  /** Understands one question (without resolving columns yet). */
  read(question: string): ParseState {
    this.items = this.lex.recognize(tokenize(question));
    this.qualifyTables();
    this.fixedPhrases();
    const sortDir = readSortDirection(this.items);
    this.relativeDates();
    this.betweens();
    this.comparisons();
    this.periods();
    this.nullPhrases();
    this.textMatches();
    this.relatedTables();
    this.values();
    this.placeNames();
    this.booleans();
    groupComparedValues(this.items, this.st);
    this.correlation();
    this.distribution();
    this.nullReport();
    this.perParent();
    this.ranking();
    readSortedListing(this.items, this.st, sortDir);
    this.grouping();
    this.percent();
    this.distinct();
    this.aggregates();
    this.counting();
    this.showing();
    this.alternatives();
    this.leftovers();
    applySortDirection(this.st, sortDir);
    return this.st;
  }

  private addCondition(pos: number, c: PendingCondition): void {
    c.pos = pos;
    this.st.conditions.push(c);
  }

  /** "younger than 30 or older than 70": conditions with an "or" between them are alternatives. */
  private alternatives(): void {
    const sorted = [...this.st.conditions].sort((a, b) => (a.pos ?? 0) - (b.pos ?? 0));
    for (let k = 1; k < sorted.length; k++) {
      const from = sorted[k - 1]!.pos ?? 0;
      const to = sorted[k]!.pos ?? 0;
      // an unused "or" only: the one in "on or after", "65 or older" belongs to its comparison
      for (let j = from + 1; j < to; j++)
        if (this.w(j) === 'or') {
          sorted[k]!.or = true;
          this.items[j]!.used = true;
          break;
        }
    }
    this.st.conditions = sorted;
  }

  // --- item helpers -------------------------------------------------------------------------

  private w(i: number): string | undefined {
    const it = this.items[i];
    if (!it || it.used) return undefined;
    if (it.k === 'word' || it.k === 'concept') return it.w;
    if (it.k === 'sym') return it.raw;
    return undefined;
  }

  /** Length of `words` if they start at i (unused word items), else 0. */
  private at(i: number, words: string[]): number {
    for (let j = 0; j < words.length; j++) if (this.w(i + j) !== words[j]) return 0;
    return words.length;
  }

  private find(words: string[], from = 0): number {
    for (let i = from; i < this.items.length; i++) if (this.at(i, words)) return i;
    return -1;
  }

  private use(from: number, length = 1): void {
    for (let j = from; j < from + length; j++) if (this.items[j]) this.items[j]!.used = true;
  }

  /** Skips "the", "a", "of" etc. forwards from i. */
  private skip(i: number, words = ['the', 'a', 'an', 'of', 'their', 'its', 'all']): number {
    for (;;) {
      const it = this.items[i];
      if (!it || it.used || !isWordish(it) || !words.includes(it.w)) return i;
      // a concept word is skipped only as filler ("the value of total"), not when it is the column
      if (it.k === 'concept' && (it.table || !this.field(i + 1 + (this.w(i + 1) === 'of' ? 1 : 0)))) return i;
      i++;
    }
  }

  private field(i: number): Subject | undefined {
    const it = this.items[i];
    if (!it || it.used) return undefined;
    if (it.k === 'column') return { type: 'item', item: it };
    if (it.k === 'concept') return { type: 'item', item: it };
    return undefined;
  }

  // --- recognisers ----------------------------------------------------------------------------

  /** "customer country", "order date": a table naming whose column follows. */
  private qualifyTables(): void {
    const NOUNS = new Set([
      'age',
      'date',
      'time',
      'price',
      'cost',
      'value',
      'amount',
      'revenue',
      'spend',
      'spending',
      'name',
      'email',
      'phone',
      'temperature',
      'temp',
      'quantity',
      'location',
      'gender',
      'sex',
      'birthday',
      'duration',
      'income',
      'salary',
    ]);
    // The table word is dropped: the column item now carries it.
    for (let i = 0; i + 1 < this.items.length; i++) {
      const t = this.items[i]!;
      const next = this.items[i + 1]!;
      if (t.k !== 'table') continue;
      if (next.k === 'column' && !next.full) {
        const own = next.refs.filter((r) => r.table === t.table);
        if (own.length) {
          next.refs = own;
          this.items.splice(i, 1);
          this.st.mentioned.push(t.table);
        }
      } else if (next.k === 'concept' && NOUNS.has(next.w) && columnsFor(next.concept, t.table).length) {
        this.items.splice(i, 2, { ...next, table: t.table });
        this.st.mentioned.push(t.table);
      }
    }
  }

  /** "in total", "in all": say nothing about a column called "total"; "total number of" is a count. */
  private fixedPhrases(): void {
    // "name the countries …": the verb, not a column called name
    const head = this.items[0];
    if (
      head?.k === 'column' &&
      head.raw.toLowerCase() === 'name' &&
      ['the', 'all', 'every'].includes(this.w(1) ?? '')
    )
      this.items[0] = { k: 'word', raw: head.raw, w: 'name', s: 'name', used: false };
    for (let i = 0; i < this.items.length; i++) {
      const a = this.items[i]!;
      const next = this.w(i + 1);
      const afterOf = this.items[i + 2];
      // "total order count": the count of a table, said around its name
      const afterTable = this.items[i + 1]?.k === 'table' ? this.w(i + 2) : undefined;
      // "total orders in 2024": a total of rows
      const rows = this.items[i + 1]?.k === 'table' && (this.items[i + 1] as { plural: boolean }).plural;
      // "how many customers total": said after the count, at the end
      const closing =
        this.items[i - 1]?.k === 'table' && (i + 1 === this.items.length || this.items[i + 1]!.brk === true);
      if (
        a.k === 'column' &&
        ['total', 'count', 'number'].includes(a.raw.toLowerCase()) &&
        (next === 'number' ||
          next === 'count' ||
          (next === 'of' && afterOf?.k !== 'table') ||
          afterTable === 'count' ||
          afterTable === 'number' ||
          rows ||
          closing)
      )
        this.items[i] = {
          k: 'word',
          raw: a.raw,
          w: a.raw.toLowerCase(),
          s: a.raw.toLowerCase(),
          used: false,
          ...(a.brk ? { brk: true as const } : {}),
        };
    }
    for (let i = 0; i + 1 < this.items.length; i++) {
      const a = this.items[i]!;
      const b = this.items[i + 1]!;
      if (
        isWordish(a) &&
        a.w === 'in' &&
        (b.raw.toLowerCase() === 'total' || b.raw.toLowerCase() === 'all') &&
        i + 2 >= this.items.length
      ) {
        a.used = true;
        b.used = true;
      }
    }
  }

  private operand(i: number): { value: Operand; yearLike: boolean } | undefined {
    const it = this.items[i];
    if (!it || it.used) return undefined;
    if (it.k === 'num') return { value: it.value, yearLike: it.year };
    if (it.k === 'date') return { value: it.date, yearLike: false };
    return undefined;
  }

  private relativeDates(): void {
    const UNITS: Record<string, 'day' | 'week' | 'month' | 'year'> = {
      day: 'day',
      days: 'day',
      week: 'week',
      weeks: 'week',
      month: 'month',
      months: 'month',
      year: 'year',
      years: 'year',
    };
    for (let i = 0; i < this.items.length; i++) {
      const w = this.w(i);
      if (w === 'last' || w === 'past' || w === 'previous' || w === 'recent') {
        const n = this.items[i + 1];
        if (n?.k === 'num' && !n.used && Number.isInteger(n.value) && n.value > 0) {
          const unit = UNITS[this.w(i + 2) ?? ''];
          if (unit) {
            this.addCondition(i, {
              kind: 'recent',
              subject: this.dateSubjectBefore(i) ?? { type: 'default-date' },
              amount: n.value,
              unit,
            });
            this.use(i, 3);
            if (this.w(i - 1) === 'the') this.use(i - 1);
            if (this.w(i - 2) === 'in' || this.w(i - 2) === 'within' || this.w(i - 2) === 'over')
              this.use(i - 2);
            continue;
          }
        }
        const unit = UNITS[this.w(i + 1) ?? ''];
        if (unit && (w === 'last' || w === 'past')) {
          const y = this.today.getUTCFullYear();
          const m = this.today.getUTCMonth() + 1;
          // "last year" is the previous calendar year; "last month" the previous calendar month.
          const date: DateValue | undefined =
            unit === 'year'
              ? { year: y - 1 }
              : unit === 'month'
                ? m === 1
                  ? { year: y - 1, month: 12 }
                  : { year: y, month: m - 1 }
                : undefined;
          const subject = this.dateSubjectBefore(i) ?? { type: 'default-date' as const };
          if (date) this.addCondition(i, { kind: 'period', subject, date });
          else this.addCondition(i, { kind: 'recent', subject, amount: 1, unit });
          this.use(i, 2);
        }
      }
      if (w === 'this' && (this.w(i + 1) === 'year' || this.w(i + 1) === 'month')) {
        const y = this.today.getUTCFullYear();
        const date: DateValue =
          this.w(i + 1) === 'year' ? { year: y } : { year: y, month: this.today.getUTCMonth() + 1 };
        this.addCondition(i, {
          kind: 'period',
          subject: this.dateSubjectBefore(i) ?? { type: 'default-date' },
          date,
        });
        this.use(i, 2);
      }
    }
  }

  private isTemporalItem(it: Item): boolean {
    if (it.k === 'column') return it.refs.some((r) => isTemporal(r.column));
    if (it.k === 'concept') return ['date', 'signup', 'birth'].includes(it.concept);
    return false;
  }

  /** Like subjectBefore, but only a date: "revenue in 2024" is about the date, not the revenue. */
  private dateSubjectBefore(i: number): Subject | undefined {
    const s = this.subjectBefore(i);
    if (s?.type === 'item' && this.isTemporalItem(s.item)) return s;
    // "customers with orders in 2024": the date of the related rows named just before
    let j = i - 1;
    while (['in', 'during', 'the', 'a', 'an', 'on', 'within', 'over'].includes(this.w(j) ?? '')) j--;
    const t = this.items[j];
    if (t?.k === 'table' && this.joins.some((jn) => jn.child === t.table))
      return { type: 'concept', concept: 'date', table: t.table };
    return undefined;
  }

  /** The column or concept a comparison at i is about, looking back over "whose … is". */
  private subjectBefore(i: number): Subject | undefined {
    for (let j = i - 1; j >= 0; j--) {
      const it = this.items[j]!;
      if (it.k === 'column' || (it.k === 'concept' && it.dir === undefined))
        return { type: 'item', item: it };
      if (isWordish(it) && SUBJECT_SKIP.has(it.w)) continue;
      if (it.k === 'word' && it.used) continue;
      if (it.k === 'sym' && (it.op === '=' || it.op === '!=')) continue;
      return undefined;
    }
    return undefined;
  }

  /** A subject named right after the operand: "more than 3 items", "over 60 years old". */
  private subjectAfter(i: number): { subject: Subject; length: number } | undefined {
    let j = i;
    while (this.w(j) !== undefined && UNIT_WORDS.has(this.w(j)!)) j++;
    const it = this.items[j];
    // "more than 5 times" counts, it is no time of day
    if (it && isWordish(it) && (it.w === 'times' || it.w === 'time') && j === i) return undefined;
    if (it && !it.used && (it.k === 'column' || it.k === 'concept'))
      return { subject: { type: 'item', item: it }, length: j - i + 1 };
    return j > i ? { subject: { type: 'default-number' }, length: j - i } : undefined;
  }

  private betweens(): void {
    for (let i = 0; i < this.items.length; i++) {
      const w = this.w(i);
      const it = this.items[i]!;
      let lo: { value: Operand; yearLike: boolean } | undefined;
      let hi: { value: Operand; yearLike: boolean } | undefined;
      let length = 0;
      if (w === 'between' || w === 'from') {
        lo = this.operand(i + 1);
        const sep = this.w(i + 2);
        if (
          lo &&
          (w === 'between'
            ? sep === 'and' || sep === '&'
            : sep === 'to' || sep === 'till' || sep === 'until' || sep === 'through')
        ) {
          hi = this.operand(i + 3);
          length = 4;
        }
        if (!hi && w === 'between') {
          const r = this.items[i + 1];
          if (r?.k === 'range' && !r.used) {
            lo = { value: r.lo, yearLike: false };
            hi = { value: r.hi, yearLike: false };
            length = 2;
          }
        }
      } else if (
        this.operand(i) &&
        (this.w(i + 1) === 'to' || this.w(i + 1) === 'and') &&
        this.operand(i + 2) &&
        this.subjectBefore(i) &&
        // "revenue in 2023 and 2024" names two years, not a range of amounts
        !(this.w(i + 1) === 'and' && this.operand(i)!.yearLike && this.operand(i + 2)!.yearLike)
      ) {
        // "aged 30 to 40", "total 100 to 200"
        lo = this.operand(i);
        hi = this.operand(i + 2);
        length = 3;
      } else if (it.k === 'range' && !it.used) {
        lo = { value: it.lo, yearLike: Number.isInteger(it.lo) && it.lo >= 1900 && it.lo <= 2100 };
        hi = { value: it.hi, yearLike: Number.isInteger(it.hi) && it.hi >= 1900 && it.hi <= 2100 };
        length = 1;
      }
      if (!lo || !hi || typeof lo.value !== typeof hi.value) continue;
      // "between January and March 2024": the year said once holds for both
      if (
        typeof lo.value === 'object' &&
        typeof hi.value === 'object' &&
        lo.value.year === undefined &&
        hi.value.year !== undefined
      ) {
        const late = (lo.value.month ?? 1) > (hi.value.month ?? 12);
        lo = { ...lo, value: { ...lo.value, year: hi.value.year - (late ? 1 : 0) } };
      }
      const after = this.subjectAfter(i + length);
      const subject =
        this.subjectBefore(i) ??
        after?.subject ??
        (typeof lo.value === 'number' && !(lo.yearLike && hi.yearLike)
          ? { type: 'default-number' as const, value: lo.value }
          : { type: 'default-date' as const });
      this.use(i, length + (after && !this.subjectBefore(i) ? after.length : 0));
      if (subject.type === 'item') subject.item.used = true;
      this.addCondition(i, {
        kind: 'between',
        subject,
        low: lo.value,
        high: hi.value,
        yearLike: lo.yearLike && hi.yearLike,
      });
    }
  }

  private comparisons(): void {
    for (let i = 0; i < this.items.length; i++) {
      const it = this.items[i]!;
      if (it.used) continue;
      let cmp: Cmp | '=' | '!=' | undefined;
      let length = 0;
      let concept: Concept | undefined;
      let temporal = false;
      if (it.k === 'sym') {
        cmp = it.op;
        length = 1;
      } else {
        for (const c of COMPARATORS) {
          const n = this.at(i, c.words);
          if (n) {
            cmp = c.cmp;
            length = n;
            concept = c.concept;
            temporal = c.temporal ?? false;
            break;
          }
        }
        // "aged 30", "customers aged 30"
        if (
          !cmp &&
          isWordish(it) &&
          it.w === 'aged' &&
          this.items[i + 1]?.k === 'num' &&
          !POSTFIX.some((p) => this.at(i + 2, p.words))
        ) {
          cmp = '=';
          length = 1;
          concept = 'age';
        }
      }
      if (!cmp) continue;
      // "the top 5 … over …" never: the operand must follow directly (or after "the"/"a").
      let j = i + length;
      if (this.w(j) === '$') j++;
      const op = this.operand(j);
      if (!op) {
        // "income above (the) average"
        const k = this.skip(j, ['the', 'their', 'its']);
        const w = this.w(k);
        if ((w === 'average' || w === 'mean' || w === 'avg') && cmp !== '=' && cmp !== '!=') {
          const subject: Subject | undefined = concept ? { type: 'concept', concept } : this.subjectBefore(i);
          if (!subject) continue;
          if (subject.type === 'item') subject.item.used = true;
          this.use(i, k - i + 1);
          this.addCondition(i, { kind: 'vs-average', subject, cmp });
        }
        continue;
      }
      if (temporal && typeof op.value === 'number' && !op.yearLike) continue;
      const after = this.subjectAfter(j + 1);
      let subject: Subject | undefined;
      let usedAfter = 0;
      if (concept) {
        subject = { type: 'concept', concept };
        if (
          after?.subject.type === 'item' &&
          after.subject.item.k === 'concept' &&
          after.subject.item.concept === concept
        )
          usedAfter = after.length;
        else if (after?.subject.type === 'default-number') usedAfter = after.length;
      } else {
        const dateOperand = temporal || typeof op.value !== 'number';
        subject = dateOperand ? this.dateSubjectBefore(i) : this.subjectBefore(i);
        // "VIP and over 60": a yes/no or text column is not what a number is compared with
        // (but "cities with more than 300 customers" counts rows per city)
        if (
          !dateOperand &&
          this.items[j + 1]?.k !== 'table' &&
          subject?.type === 'item' &&
          subject.item.k === 'column' &&
          subject.item.refs.every((r) => !isNumeric(r.column) && !isTemporal(r.column))
        )
          subject = undefined;
        if (!subject && after && !dateOperand) {
          subject = after.subject;
          usedAfter = after.length;
        }
        if (subject && after?.subject.type === 'default-number') usedAfter = after.length;
      }
      // "patients who visited more than 10 times": the verb of a related table, counted
      const verbed = verbedTimes(this.items, i, j, this.joins, this.lex.dataset);
      if (verbed && typeof op.value === 'number' && cmp !== '!=') {
        this.use(verbed.from, j - verbed.from + 2);
        this.addCondition(i, { kind: 'related-count', table: verbed.table, cmp, value: op.value });
        continue;
      }
      // "customers with more than 3 orders": counting related rows.
      const tableAfter = this.items[j + 1];
      // "which cities have more than 300 customers": groups with a count above a number
      if (
        subject?.type === 'item' &&
        tableAfter?.k === 'table' &&
        !tableAfter.used &&
        typeof op.value === 'number' &&
        cmp !== '!=' &&
        this.isCategoryLike(subject.item)
      ) {
        subject.item.used = true;
        this.st.groups.push({ subject });
        this.st.measures.push({ fn: 'count', table: tableAfter.table });
        this.st.subjectTable = tableAfter.table;
        this.st.having = { cmp, value: op.value };
        this.st.shape = { kind: 'aggregate' };
        this.use(i, j - i + 2);
        continue;
      }
      if (
        !subject &&
        tableAfter?.k === 'table' &&
        !tableAfter.used &&
        typeof op.value === 'number' &&
        cmp !== '!='
      ) {
        this.addCondition(i, { kind: 'related-count', table: tableAfter.table, cmp, value: op.value });
        this.use(i, j - i + 2);
        continue;
      }
      // "= 1" about nothing in particular is not a question about the data
      if (!subject && (cmp === '=' || cmp === '!=')) continue;
      if (!subject) {
        subject =
          temporal || typeof op.value !== 'number' || (op.yearLike && this.hasDateWords())
            ? { type: 'default-date' }
            : { type: 'default-number', value: op.value };
      }
      if (subject.type === 'item') subject.item.used = true;
      this.use(i, j - i + 1);
      if (usedAfter) this.use(j + 1, usedAfter);
      this.addCondition(i, { kind: 'compare', subject, cmp, operand: op.value, yearLike: op.yearLike });
    }
    // "a quantity of 1", "with age 30", "where status is 2": equality on a numeric column
    for (let i = 0; i < this.items.length; i++) {
      const it = this.items[i]!;
      if (it.used || it.k !== 'column' || !it.refs.some((r) => isNumeric(r.column))) continue;
      let j = i + 1;
      if (['of', 'is', 'was', 'equals', 'being'].includes(this.w(j) ?? '')) j++;
      const op = this.operand(j);
      if (!op || typeof op.value !== 'number' || this.w(j + 1) === 'or' || this.w(j + 1) === 'and') continue;
      this.use(i, j - i + 1);
      this.addCondition(i, {
        kind: 'compare',
        subject: { type: 'item', item: it },
        cmp: '=',
        operand: op.value,
        yearLike: op.yearLike,
      });
    }
    // "60 or older", "100 or more"
    for (let i = 0; i < this.items.length; i++) {
      const op = this.operand(i);
      if (!op || typeof op.value !== 'number') continue;
      for (const p of POSTFIX) {
        if (!this.at(i + 1, p.words)) continue;
        const subject: Subject = p.concept
          ? { type: 'concept', concept: p.concept }
          : (this.subjectBefore(i) ?? { type: 'default-number', value: op.value });
        if (subject.type === 'item') subject.item.used = true;
        this.use(i, 1 + p.words.length);
        this.addCondition(i, {
          kind: 'compare',
          subject,
          cmp: p.cmp,
          operand: op.value,
          yearLike: op.yearLike,
        });
        break;
      }
    }
  }

  private hasDateWords(): boolean {
    return this.items.some(
      (it) =>
        it.k === 'concept' && (it.concept === 'date' || it.concept === 'birth' || it.concept === 'signup'),
    );
  }

  /** "in 2024", "during June 2024", "on 2024-05-03", "in March". */
  private periods(): void {
    let lastYear: Extract<PendingCondition, { kind: 'period' }> | undefined;
    let comparedYears = false;
    for (let i = 0; i < this.items.length; i++) {
      const it = this.items[i]!;
      if (it.used) continue;
      let date: DateValue | undefined;
      const joined = it.k === 'num' && it.year && lastYear ? this.yearJoiner(i) : undefined;
      if (it.k === 'date') date = it.date;
      else if (it.k === 'num' && it.year) {
        const prev = this.w(i - 1);
        const next = this.items[i + 1];
        const after = this.items[i + 2];
        if (
          (prev && ['in', 'during', 'for', 'of', 'throughout', 'from'].includes(prev)) ||
          partOfYear(this.items, i) ||
          joined ||
          // "revenue 2023 vs 2024": the first of two years compared
          (['vs', 'versus', 'and', 'or', 'against'].includes(this.w(i + 1) ?? '') &&
            after?.k === 'num' &&
            after.year)
        )
          date = { year: it.value };
        // "2024 orders", "2023 revenue": a year said before what it dates
        else if (next && !next.used && (next.k === 'table' || (next.k === 'concept' && next.sum)))
          date = { year: it.value };
        // "total revenue 2024": a year said last, after what it dates
        else if (
          (!next || next.brk) &&
          ['table', 'concept', 'column', 'value'].includes(this.items[i - 1]?.k ?? '')
        )
          date = { year: it.value };
      }
      if (!date) continue;
      const part = partOfYear(this.items, i);
      if (part) {
        this.use(part.start, i - part.start + 1);
        this.addCondition(i, {
          kind: 'between',
          subject: this.dateSubjectBefore(part.start) ?? { type: 'default-date' },
          low: { year: date.year, quarter: part.from },
          high: { year: date.year, quarter: part.to },
          yearLike: false,
        });
        continue;
      }
      // "in 2023 and 2024": either year; "2023 vs 2024": either, one group per year
      if (joined && lastYear) {
        this.use(i - joined.length, joined.length + 1);
        this.addCondition(i, { kind: 'period', subject: lastYear.subject, date, or: true });
        if (joined.comparing && !comparedYears) {
          comparedYears = true;
          this.st.groups.push({ subject: lastYear.subject, unit: 'year' });
        }
        continue;
      }
      let start = i;
      const prev = this.w(i - 1);
      if (prev && ['in', 'during', 'for', 'on', 'of', 'throughout', 'within', 'from'].includes(prev))
        start = i - 1;
      const subject = this.dateSubjectBefore(start) ?? { type: 'default-date' as const };
      if (subject.type === 'item') subject.item.used = true;
      this.use(start, i - start + 1);
      const cond: Extract<PendingCondition, { kind: 'period' }> = { kind: 'period', subject, date };
      this.addCondition(i, cond);
      lastYear = Object.keys(date).length === 1 && date.year !== undefined ? cond : undefined;
    }
  }

  /** The words joining a year at i to one said before it: "and", "or", "vs", "compared to". */
  private yearJoiner(i: number): { length: number; comparing: boolean } | undefined {
    for (const [words, comparing] of [
      [['compared', 'to'], true],
      [['compared', 'with'], true],
      [['versus'], true],
      [['vs'], true],
      [['against'], true],
      [['and'], false],
      [['or'], false],
    ] as const) {
      if (this.at(i - words.length, [...words])) {
        // "compare … 2023 and 2024" compares too
        const comparing2 =
          comparing || this.items.some((x) => isWordish(x) && ['compare', 'comparing'].includes(x.w));
        return { length: words.length, comparing: comparing2 };
      }
    }
    return undefined;
  }

  /** "how many emails are missing", "customers without a phone", "visits with notes". */
  private nullPhrases(): void {
    const MISSING = ['missing', 'null', 'nulls', 'empty', 'blank', 'unknown', 'unset', 'absent'];
    for (let i = 0; i < this.items.length; i++) {
      const w = this.w(i);
      if (!w) continue;
      if (
        MISSING.includes(w) ||
        this.at(i, ['not', 'set']) ||
        this.at(i, ['not', 'provided']) ||
        this.at(i, ['not', 'filled'])
      ) {
        const len = MISSING.includes(w) ? 1 : 2;
        // the column is before ("emails are missing") or after ("missing emails", "missing values in email")
        let subject = this.subjectBefore(i);
        let k = this.skip(i + len, [
          'value',
          'values',
          'in',
          'for',
          'the',
          'a',
          'an',
          'of',
          'entries',
          'field',
        ]);
        if (!subject) {
          const f = this.field(k);
          if (f) subject = f;
        } else k = -1;
        if (!subject) continue;
        if (subject.type === 'item') subject.item.used = true;
        this.use(i, len);
        if (k >= 0) this.use(i + len, k - (i + len));
        this.addCondition(i, { kind: 'null', subject, negate: false });
        continue;
      }
      const negative =
        w === 'without' ||
        w === 'no' ||
        this.at(i, ['do', 'not', 'have']) ||
        this.at(i, ["don't", 'have']) ||
        this.at(i, ["doesn't", 'have']) ||
        this.at(i, ['lack']) ||
        this.at(i, ['lacking']);
      const positive = w === 'with' || w === 'have' || w === 'has' || w === 'having';
      if (!negative && !positive) continue;
      const len = this.at(i, ['do', 'not', 'have'])
        ? 3
        : this.at(i, ["don't", 'have']) || this.at(i, ["doesn't", 'have'])
          ? 2
          : 1;
      let k = this.skip(i + len, ['a', 'an', 'the', 'any', 'their', 'its', 'no']);
      const negated = negative || this.w(k - 1) === 'no';
      const it = this.items[k];
      if (!it || it.used || (it.k !== 'column' && it.k !== 'concept')) continue;
      if (it.k === 'concept' && it.dir !== undefined) continue;
      // Only for columns that can be missing in a meaningful way (text, not categories).
      const nullable =
        it.k === 'column'
          ? it.refs.some((r) => isTextual(r.column) && !r.column.categories)
          : ['email', 'phone', 'name'].includes(it.concept);
      if (!nullable) continue;
      // "with email containing …" is a text match, not presence.
      const next = this.w(k + 1);
      if (
        next &&
        ['containing', 'contains', 'like', 'starting', 'ending', 'that', 'which', 'is', 'equal'].includes(
          next,
        )
      )
        continue;
      if (this.items[k + 1]?.k === 'quoted' || this.w(k + 1) === 'number') {
        if (this.w(k + 1) === 'number') k++;
        else continue;
      }
      this.use(i, k - i + 1);
      this.addCondition(i, { kind: 'null', subject: { type: 'item', item: it }, negate: !negated });
    }
  }

  /** "names containing 'smith'", "emails ending with .org", "customers named John". */
  private textMatches(): void {
    const MODES: Array<{
      words: string[];
      mode: 'contains' | 'starts' | 'ends' | 'equals';
      concept?: Concept;
    }> = [
      { words: ['starting', 'with'], mode: 'starts' },
      { words: ['starts', 'with'], mode: 'starts' },
      { words: ['start', 'with'], mode: 'starts' },
      { words: ['beginning', 'with'], mode: 'starts' },
      { words: ['begins', 'with'], mode: 'starts' },
      { words: ['begin', 'with'], mode: 'starts' },
      { words: ['ending', 'with'], mode: 'ends' },
      { words: ['ending', 'in'], mode: 'ends' },
      { words: ['ends', 'with'], mode: 'ends' },
      { words: ['ends', 'in'], mode: 'ends' },
      { words: ['end', 'with'], mode: 'ends' },
      { words: ['containing'], mode: 'contains' },
      { words: ['contains'], mode: 'contains' },
      { words: ['contain'], mode: 'contains' },
      { words: ['including'], mode: 'contains' },
      { words: ['includes'], mode: 'contains' },
      { words: ['like'], mode: 'contains' },
      { words: ['matching'], mode: 'contains' },
      { words: ['named'], mode: 'contains', concept: 'name' },
      { words: ['called'], mode: 'contains', concept: 'name' },
    ];
    for (let i = 0; i < this.items.length; i++) {
      for (const m of MODES) {
        const n = this.at(i, m.words);
        if (!n) continue;
        const target = this.items[i + n];
        if (!target || target.used) continue;
        let text: string | undefined;
        if (target.k === 'quoted') text = target.text;
        else if (
          (target.k === 'word' &&
            !(m.words[0] === 'like' && (isStopWord(target.w) || FILLER.has(target.w)))) ||
          target.k === 'num' ||
          target.k === 'value' ||
          target.k === 'column' ||
          target.k === 'table'
        )
          text = target.raw;
        // "I'd like to know …": not a text to look for
        if (!text) continue;
        const negate = this.w(i - 1) === 'not' || this.w(i - 1) === "don't" || this.w(i - 1) === "doesn't";
        const subject: Subject = (m.concept
          ? { type: 'concept', concept: m.concept }
          : this.subjectBefore(i - (negate ? 1 : 0))) ?? { type: 'concept', concept: 'name' };
        if (subject.type === 'item') subject.item.used = true;
        this.use(i - (negate ? 1 : 0), n + 1 + (negate ? 1 : 0));
        this.addCondition(i, { kind: 'text', subject, mode: m.mode, text, negate });
        break;
      }
    }
    // "where status is 'paid'", "name = 'Ann Lee'": a quoted value after a column.
    for (let i = 0; i < this.items.length; i++) {
      const it = this.items[i]!;
      if (it.k !== 'quoted' || it.used) continue;
      const subject = this.subjectBefore(i);
      if (!subject) continue;
      const negate = this.w(i - 1) === 'not' || this.w(i - 1) === '!=';
      if (subject.type === 'item') subject.item.used = true;
      it.used = true;
      for (let j = i - 1; j >= 0 && isWordish(this.items[j]) && !this.items[j]!.used; j--) {
        if (!['is', 'equals', '=', '!=', 'not', 'of', 'equal', 'to'].includes(this.w(j)!)) break;
        this.use(j);
      }
      if (this.items[i - 1]?.k === 'sym') this.use(i - 1);
      this.addCondition(i, { kind: 'text', subject, mode: 'equals', text: it.text, negate });
    }
  }

  /** "customers with orders", "customers without any orders", "patients who have no visits". */
  private relatedTables(): void {
    for (let i = 0; i < this.items.length; i++) {
      const w = this.w(i);
      if (
        !w ||
        !['with', 'without', 'have', 'has', 'had', 'having', 'placed', 'made', 'no', 'never'].includes(w)
      )
        continue;
      let k = this.skip(i + 1, [
        'a',
        'an',
        'any',
        'some',
        'at',
        'least',
        'one',
        'no',
        'never',
        'placed',
        'made',
        'had',
      ]);
      const between = this.items.slice(i, k).map((x) => (isWordish(x) ? x.w : ''));
      const negate =
        between.some((x) => x === 'without' || x === 'no' || x === 'never') ||
        ['not', "don't", "didn't", 'never'].includes(this.w(i - 1) ?? '');
      const it = this.items[k];
      if (!it || it.used || it.k !== 'table') continue;
      // Only meaningful when another table, the parent, is what we talk about.
      const parentMentioned = this.items.some(
        (o) =>
          o.k === 'table' && o !== it && this.joins.some((j) => j.child === it.table && j.parent === o.table),
      );
      if (!parentMentioned) continue;
      // "customers with orders over 100": leave the table for the comparison (child conditions).
      if (
        this.items.slice(k + 1).some((o) => !o.used && (o.k === 'value' || o.k === 'num' || o.k === 'date'))
      ) {
        this.use(i, k - i);
        continue;
      }
      this.use(i, k - i + 1);
      if (['not', "don't", "didn't", 'never'].includes(this.w(i - 1) ?? '')) this.use(i - 1);
      this.addCondition(i, { kind: 'related', table: it.table, negate });
      k++;
    }
    readRelatedVerbs(this.items, this.joins, this.lex.dataset, (pos, c) => this.addCondition(pos, c));
  }

  private values(): void {
    const byColumn = new Map<string, Extract<PendingCondition, { kind: 'values' }>>();
    for (let i = 0; i < this.items.length; i++) {
      const it = this.items[i]!;
      if (it.k !== 'value' || it.used) continue;
      let negate = false;
      for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
        const w = this.w(j);
        if (w && NEGATORS.has(w)) {
          negate = true;
          this.use(j);
          if (this.at(j, ['other', 'than'])) this.use(j, 2);
          break;
        }
        if (this.at(j, ['other', 'than'])) {
          negate = true;
          this.use(j, 2);
          break;
        }
        const prev = this.items[j]!;
        if (
          !(
            isWordish(prev) &&
            ['in', 'is', 'are', 'a', 'an', 'the', 'from', 'with', 'status', 'of'].includes(prev.w)
          ) &&
          prev.k !== 'column'
        )
          break;
      }
      it.used = true;
      // the column named right before its value ("status shipped", "a status of paid") is part of it
      let pi = i - 1;
      while (pi > 0 && ['of', 'is', 'was', 'equals', '=', 'being'].includes(this.w(pi) ?? '')) pi--;
      const prev = this.items[pi];
      if (
        prev?.k === 'column' &&
        !prev.used &&
        prev.refs.some((r) => it.refs.some((v) => v.column === r.column))
      ) {
        prev.used = true;
        this.use(pi + 1, i - pi - 1);
        it.refs = it.refs.filter((v) => prev.refs.some((r) => r.column === v.column));
      }
      // ... or right after it ("the mobile channel", "in the store channel")
      const after = this.items[i + 1];
      if (
        after?.k === 'column' &&
        !after.used &&
        after.refs.some((r) => it.refs.some((v) => v.column === r.column))
      ) {
        after.used = true;
        it.refs = it.refs.filter((v) => after.refs.some((r) => r.column === v.column));
      }
      const key = it.refs.map((r) => `${r.table.name}.${r.column.name}`).join('|') + (negate ? '!' : '');
      const existing = byColumn.get(key);
      if (existing) {
        // "flu or injury": the "or" joins values of one condition, not two conditions
        if (['or', 'and', 'nor'].includes(this.w(i - 1) ?? '')) this.use(i - 1);
        existing.item = {
          ...existing.item,
          refs: [...existing.item.refs, ...it.refs],
          raw: `${existing.item.raw}, ${it.raw}`,
        };
        continue;
      }
      const cond: Extract<PendingCondition, { kind: 'values' }> = { kind: 'values', item: it, negate };
      byColumn.set(key, cond);
      this.addCondition(i, cond);
    }
  }

  /**
   * "customers in Springfield" when the city column has too many values to list as categories:
   * a capitalised name (or a quoted one) after "in"/"from"/"at" is compared with the place column.
   */
  private placeNames(): void {
    const open = this.lex.dataset.some((t) =>
      columnsFor('place', t).some((r) => !r.column.categories || r.column.categories.length === 0),
    );
    if (!open) return;
    for (let i = 0; i < this.items.length; i++) {
      if (!['in', 'from', 'at'].includes(this.w(i) ?? '')) continue;
      const first = this.items[i + 1];
      if (!first || first.used) continue;
      let text: string | undefined;
      let length = 1;
      if (first.k === 'quoted') text = first.text;
      else if (
        first.k === 'word' &&
        /^\p{Lu}/u.test(first.raw) &&
        !FILLER.has(first.w) &&
        !isStopWord(first.w)
      ) {
        const words = [first.raw];
        for (let j = i + 2; j < this.items.length; j++) {
          const it = this.items[j]!;
          if (it.used || it.k !== 'word' || !/^\p{Lu}/u.test(it.raw)) break;
          words.push(it.raw);
        }
        text = words.join(' ');
        length = words.length;
      }
      if (!text) continue;
      this.use(i, 1 + length);
      this.addCondition(i, {
        kind: 'text',
        subject: { type: 'concept', concept: 'place' },
        mode: 'equals',
        text,
        negate: false,
      });
    }
  }

  private booleans(): void {
    for (let i = 0; i < this.items.length; i++) {
      const it = this.items[i]!;
      if (it.k !== 'column' || it.used || !it.refs.every((r) => r.column.kind === 'boolean')) continue;
      // "by vip" groups; everything else filters
      // "by vip" groups, "by vip customers" filters
      const prev = this.w(i - 1);
      if (
        prev &&
        ['by', 'per', 'each', 'whether'].includes(prev) &&
        this.items[i + 1]?.k !== 'table' &&
        !this.agentBy(i - 1)
      )
        continue;
      let value = true;
      for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
        const w = this.w(j);
        if (w && (NEGATORS.has(w) || w === 'non')) {
          value = false;
          this.use(j);
          break;
        }
      }
      if (it.raw.toLowerCase().startsWith('non')) value = false;
      it.used = true;
      this.addCondition(i, { kind: 'bool', item: it, value });
    }
  }

  private fieldsAfter(i: number, max: number): Array<{ subject: Subject; index: number }> {
    const out: Array<{ subject: Subject; index: number }> = [];
    for (let j = i; j < this.items.length && out.length < max; j++) {
      const it = this.items[j]!;
      if (it.used) continue;
      if (it.k === 'column' || it.k === 'concept')
        out.push({ subject: { type: 'item', item: it }, index: j });
    }
    return out;
  }

  private correlation(): void {
    const TRIGGERS = [
      ['correlation'],
      ['correlated'],
      ['correlate'],
      ['correlates'],
      ['relationship'],
      ['relation'],
      ['association'],
      ['related'],
      ['relate'],
      ['corr'],
      ['vs'],
      ['versus'],
      ['against'],
    ];
    for (const t of TRIGGERS) {
      const i = this.find(t);
      if (i < 0) continue;
      const fields = this.fieldsAfter(0, 3).filter(
        (f) => f.subject.type === 'item' && this.items[f.index]!.k !== 'table',
      );
      if (fields.length < 2) continue;
      this.use(i);
      const [a, b] = [fields[0]!, fields[1]!];
      this.use(a.index);
      this.use(b.index);
      this.st.shape = { kind: 'correlation', a: { subject: a.subject }, b: { subject: b.subject } };
      for (let j = 0; j < this.items.length; j++)
        if (
          [
            'between',
            'and',
            'with',
            'of',
            'is',
            'there',
            'a',
            'do',
            'does',
            'how',
            'strong',
            'strongly',
            'any',
            'to',
            'what',
          ].includes(this.w(j) ?? '')
        )
          this.use(j);
      return;
    }
  }

  private distribution(): void {
    const TRIGGERS = [
      ['distribution'],
      ['histogram'],
      ['spread'],
      ['distributed'],
      ['frequency'],
      ['frequencies'],
    ];
    for (const t of TRIGGERS) {
      const i = this.find(t);
      if (i < 0) continue;
      let f = this.fieldsAfter(i + 1, 1)[0];
      if (!f) {
        const before = this.subjectBefore(i);
        if (before?.type === 'item') f = { subject: before, index: this.items.indexOf(before.item) };
      }
      const groupAfter = this.w(this.skip(i + 1, ['of', 'the', 'a']));
      // "distribution of orders by status" is a count by group
      if (!f || groupAfter === 'by') {
        const tbl = this.items.findIndex((x, j) => j > i && x.k === 'table' && !x.used);
        if (tbl >= 0) {
          this.use(i);
          this.st.subjectTable = (this.items[tbl] as Extract<Item, { k: 'table' }>).table;
          this.use(tbl);
          this.st.shape = { kind: 'aggregate' };
          this.st.measures.push({ fn: 'count' });
          return;
        }
        if (!f) continue;
      }
      this.use(i);
      this.use(f.index);
      this.st.shape = { kind: 'histogram', field: { subject: f.subject } };
      return;
    }
  }

  private nullReport(): void {
    const i =
      this.find(['missing', 'values']) >= 0
        ? this.find(['missing', 'values'])
        : this.find(['null', 'values']);
    const j = this.find(['completeness']);
    const columnsWord =
      this.find(['columns']) >= 0 || this.find(['column']) >= 0 || this.find(['fields']) >= 0;
    if (j >= 0 || (i >= 0 && (columnsWord || this.fieldsAfter(0, 1).length === 0))) {
      if (i >= 0) this.use(i, 2);
      if (j >= 0) this.use(j);
      for (let k = 0; k < this.items.length; k++)
        if (['columns', 'column', 'fields', 'field', 'each', 'per', 'which', 'any'].includes(this.w(k) ?? ''))
          this.use(k);
      this.st.shape = { kind: 'null-report' };
    }
  }

  /** "how many readings per sensor on average", "average number of orders per customer". */
  private perParent(): void {
    const avg = [['on', 'average'], ['average'], ['avg'], ['mean'], ['typically'], ['typical']]
      .map((w) => ({ i: this.find(w), n: w.length }))
      .find((x) => x.i >= 0);
    const cnt = [
      ['how', 'many'],
      ['number', 'of'],
      ['count', 'of'],
    ]
      .map((w) => ({ i: this.find(w), n: w.length }))
      .find((x) => x.i >= 0);
    if (!avg || !cnt) return;
    for (let i = 0; i < this.items.length; i++) {
      const len =
        this.at(i, ['per']) ||
        this.at(i, ['for', 'each']) ||
        this.at(i, ['for', 'every']) ||
        this.at(i, ['each']) ||
        this.at(i, ['by', 'each']) ||
        // "how many orders does a customer place on average"
        this.at(i, ['does', 'a']) ||
        this.at(i, ['does', 'an']) ||
        this.at(i, ['does', 'each']) ||
        this.at(i, ['does', 'every']);
      if (!len) continue;
      const k = this.skip(i + len, ['a', 'an', 'the', 'one']);
      const parent = this.items[k];
      if (parent?.k !== 'table' || parent.used) continue;
      const child = this.items.find(
        (it) =>
          it.k === 'table' &&
          it !== parent &&
          !it.used &&
          this.joins.some((j) => j.child === it.table && j.parent === parent.table),
      ) as Extract<Item, { k: 'table' }> | undefined;
      if (!child) continue;
      this.use(avg.i, avg.n);
      this.use(cnt.i, cnt.n);
      this.use(i, k - i + 1);
      child.used = true;
      this.st.subjectTable = child.table;
      this.st.shape = { kind: 'per-parent', parent: parent.table };
      return;
    }
  }

  /** Parses what a ranking is by: "number of customers", "average age", "revenue", "orders". */
  private measurePhrase(
    i: number,
  ): { measure: PendingMeasure | { field: PendingField }; end: number } | undefined {
    const k = this.skip(i, ['the', 'a', 'an', 'their', 'its', 'of']);
    if (this.at(k, ['number', 'of']) || this.at(k, ['count', 'of']) || this.at(k, ['amount', 'of'])) {
      const t = this.items[k + 2];
      if (t?.k === 'table' && !t.used) return { measure: { fn: 'count', table: t.table }, end: k + 3 };
      if (this.at(k, ['number', 'of']) || this.at(k, ['count', 'of']))
        return { measure: { fn: 'count' }, end: k + 2 };
    }
    if (
      this.w(k) === 'count' ||
      this.w(k) === 'frequency' ||
      this.w(k) === 'size' ||
      this.w(k) === 'popularity'
    )
      return { measure: { fn: 'count' }, end: k + 1 };
    const agg = AGGREGATES[this.w(k) ?? ''];
    if (agg && agg !== 'range') {
      const f = this.field(this.skip(k + 1));
      if (f) return { measure: { fn: agg, field: { subject: f } }, end: this.skip(k + 1) + 1 };
    }
    const it = this.items[k];
    if (it?.k === 'table' && !it.used) return { measure: { fn: 'count', table: it.table }, end: k + 1 };
    const f = this.field(k);
    if (f) return { measure: { field: { subject: f } }, end: k + 1 };
    return undefined;
  }

  private ranking(): void {
    type Trigger = {
      index: number;
      length: number;
      dir: 'asc' | 'desc';
      kind: 'top' | 'count' | 'generic' | 'concept';
      concept?: Extract<Item, { k: 'concept' }>;
    };
    let trig: Trigger | undefined;
    for (let i = 0; i < this.items.length && !trig; i++) {
      const w = this.w(i);
      if (!w) continue;
      const it = this.items[i]!;
      if (w === 'top' || w === 'bottom' || w === 'best' || w === 'worst')
        trig = { index: i, length: 1, dir: w === 'top' || w === 'best' ? 'desc' : 'asc', kind: 'top' };
      else if (
        this.at(i, ['most', 'common']) ||
        this.at(i, ['most', 'frequent']) ||
        this.at(i, ['most', 'popular']) ||
        this.at(i, ['most', 'often']) ||
        this.at(i, ['most', 'used'])
      )
        trig = { index: i, length: 2, dir: 'desc', kind: 'count' };
      else if (
        this.at(i, ['least', 'common']) ||
        this.at(i, ['least', 'frequent']) ||
        this.at(i, ['least', 'popular']) ||
        this.at(i, ['least', 'often']) ||
        this.at(i, ['least', 'used'])
      )
        trig = { index: i, length: 2, dir: 'asc', kind: 'count' };
      else if (w === 'rarest' || w === 'fewest')
        trig = { index: i, length: 1, dir: 'asc', kind: w === 'fewest' ? 'generic' : 'count' };
      // "the busiest month", "the quietest channel": adjectives that grade how many rows there are
      else if (superlative(w)?.scale.kind === 'count')
        trig = { index: i, length: 1, dir: superlative(w)!.dir === 'high' ? 'desc' : 'asc', kind: 'count' };
      else if ((w === 'most' || w === 'least') && countAdjective(this.w(i + 1) ?? '')?.degree === 'positive')
        trig = {
          index: i,
          length: 2,
          dir: (w === 'most') === (countAdjective(this.w(i + 1)!)!.dir === 'high') ? 'desc' : 'asc',
          kind: 'count',
        };
      else if (
        (w === 'most' || w === 'least') &&
        this.items[i + 1]?.k === 'concept' &&
        (this.items[i + 1] as { dir?: Direction }).dir === undefined &&
        ['expensive', 'recent'].includes(this.w(i + 1) ?? '')
      )
        trig = {
          index: i,
          length: 2,
          dir: w === 'most' ? 'desc' : 'asc',
          kind: 'concept',
          concept: this.items[i + 1] as Extract<Item, { k: 'concept' }>,
        };
      else if ((w === 'most' || w === 'least') && this.items[i + 1]?.k === 'concept')
        trig = {
          index: i,
          length: 2,
          dir: w === 'most' ? 'desc' : 'asc',
          kind: 'concept',
          concept: this.items[i + 1] as Extract<Item, { k: 'concept' }>,
        };
      else if (w === 'most' || w === 'least')
        trig = { index: i, length: 1, dir: w === 'most' ? 'desc' : 'asc', kind: 'generic' };
      else if (it.k === 'concept' && it.dir && /est$/.test(it.w))
        trig = { index: i, length: 1, dir: it.dir === 'high' ? 'desc' : 'asc', kind: 'concept', concept: it };
      else if (
        ['highest', 'largest', 'biggest', 'greatest', 'lowest', 'smallest', 'maximum', 'minimum'].includes(w)
      )
        trig = {
          index: i,
          length: 1,
          dir: ['lowest', 'smallest', 'minimum'].includes(w) ? 'asc' : 'desc',
          kind: 'generic',
        };
      else if ((w === 'first' || w === 'last') && this.items[i + 1]?.k === 'num')
        trig = {
          index: i,
          length: 1,
          dir: w === 'first' ? 'asc' : 'desc',
          kind: 'concept',
          concept: { k: 'concept', raw: w, w, concept: 'date', used: false },
        };
    }
    if (!trig) return;
    const { index: p, length } = trig;
    // "most expensive" with the concept's own direction ("least expensive" flips it)
    if (trig.kind === 'concept' && trig.concept?.dir && length === 2 && this.w(p) === 'least')
      trig.dir = trig.concept.dir === 'high' ? 'asc' : 'desc';
    else if (trig.kind === 'concept' && trig.concept?.dir)
      trig.dir = trig.concept.dir === 'high' ? 'desc' : 'asc';
    // N: "top 5", "5 most", "the 3 youngest", "youngest 3"
    let n: number | undefined;
    const numAt = (k: number) => {
      const it = this.items[k];
      return it?.k === 'num' &&
        !it.used &&
        !it.year &&
        Number.isInteger(it.value) &&
        it.value > 0 &&
        it.value <= 1000
        ? it
        : undefined;
    };
    let nIndex = -1;
    if (numAt(p + length)) nIndex = p + length;
    else if (numAt(p - 1)) nIndex = p - 1;
    if (nIndex >= 0) n = (this.items[nIndex] as { value: number }).value;
    // The subject: what is ranked.
    const start = Math.max(p + length, nIndex + 1);
    let subjectIndex = -1;
    const subjectOk = (k: number) => {
      const it = this.items[k];
      return (
        it &&
        !it.used &&
        (it.k === 'table' ||
          it.k === 'column' ||
          (it.k === 'concept' && it.dir === undefined) ||
          (isWordish(it) && TIME_UNITS[it.w] !== undefined))
      );
    };
    // "which city has the most customers", "what status is most common"
    const wh = this.items.findIndex(
      (it, k) => k < p && isWordish(it) && !it.used && ['which', 'what', 'who'].includes(it.w),
    );
    if (wh >= 0) {
      const k = this.skip(wh + 1, ['the', 'a', 'an']);
      if (k < p && subjectOk(k) && this.items[k]!.k !== 'concept') subjectIndex = k;
      else if (k < p && numAt(k) && subjectOk(k + 1)) {
        n = (this.items[k] as { value: number }).value;
        nIndex = k;
        subjectIndex = k + 1;
      }
    }
    // "where do most customers live": the place is what is ranked
    const where = this.items.findIndex(
      (it, k) => k < p && it.k === 'concept' && it.w === 'where' && !it.used,
    );
    if (subjectIndex < 0 && where >= 0) subjectIndex = where;
    if (subjectIndex < 0) {
      let k = this.skip(start, ['the', 'a', 'an', 'selling', 'performing', 'sold', 'rated']);
      // "the youngest VIP customer", "the cheapest refunded order": adjectives before the table
      for (let a = k; a < this.items.length; a++) {
        const it = this.items[a]!;
        // (already read as filters, so used or not)
        const adjective =
          it.k === 'value' || (it.k === 'column' && it.refs.every((r) => r.column.kind === 'boolean'));
        if (!adjective) {
          if (it.k === 'table' && !it.used && a > k) k = a;
          break;
        }
      }
      if (trig.kind === 'concept' || trig.kind === 'top' || trig.kind === 'count') {
        if (subjectOk(k)) subjectIndex = k;
      } else if (trig.kind === 'generic') {
        // "the 5 highest temperatures": generic with a number ranks the column itself
        if (n !== undefined && subjectOk(k)) subjectIndex = k;
        // "the largest order": an adjective ranks the table that follows it
        else if (
          this.items[k]?.k === 'table' &&
          !this.items[k]!.used &&
          !['most', 'least', 'fewest'].includes(this.w(p) ?? '')
        )
          subjectIndex = k;
      }
    }
    // "city with the most customers", "patients with the highest cost"
    if (subjectIndex < 0) {
      for (let k = p - 1; k >= 0; k--) {
        const w = this.w(k);
        if (
          w &&
          ['with', 'having', 'has', 'have', 'had', 'the', 'a', 'is', 'are', 'was', 'were', 'by'].includes(w)
        )
          continue;
        if (subjectOk(k)) subjectIndex = k;
        break;
      }
    }
    if (n === undefined && subjectIndex >= 0) {
      const k = subjectIndex - 1;
      if (numAt(k)) {
        n = (this.items[k] as { value: number }).value;
        nIndex = k;
      }
    }
    // "latest signup date", "the 5 highest temperatures": the subject is itself what is ranked
    const ranked = subjectIndex >= 0 ? this.items[subjectIndex]! : undefined;
    if (ranked && ranked.k !== 'table' && !this.isCategoryLike(ranked) && trig.kind !== 'count') {
      const field: PendingField = { subject: { type: 'item', item: ranked } };
      this.use(p, length);
      if (nIndex >= 0) this.use(nIndex);
      ranked.used = true;
      if (wh >= 0) this.use(wh);
      const rows =
        n !== undefined ||
        this.items.some((it) => isWordish(it) && ['show', 'list', 'display', 'give'].includes(it.w));
      if (rows) this.st.shape = { kind: 'rank-rows', by: field, dir: trig.dir, limit: n ?? 1 };
      else {
        this.st.measures.push({ fn: trig.dir === 'desc' ? 'max' : 'min', field });
        this.st.shape = { kind: 'aggregate' };
      }
      return;
    }
    // "when was the latest order", "how old is the oldest customer": a value, not a row
    if (
      n === undefined &&
      trig.kind === 'concept' &&
      this.asksForValue() &&
      (!ranked || ranked.k === 'table')
    )
      return;
    const isAggregateQuestion = this.isValueQuestion(p);
    if (subjectIndex < 0 && trig.kind !== 'count' && (n === undefined || isAggregateQuestion)) return; // left to aggregates ("what is the highest price")
    const subject = subjectIndex >= 0 ? this.items[subjectIndex]! : undefined;
    // What it is ranked by.
    let by: { measure: PendingMeasure | { field: PendingField }; end: number } | undefined;
    if (trig.kind === 'concept' && trig.concept) {
      const c = trig.concept;
      by = {
        measure: {
          field: {
            // "the most revenue" adds up (the item keeps that); "the most expensive" does not
            subject: c.sum
              ? { type: 'item', item: c }
              : c.table
                ? { type: 'concept', concept: c.concept, table: c.table }
                : { type: 'concept', concept: c.concept },
          },
        },
        end: p + length,
      };
    } else if (trig.kind === 'count') by = { measure: { fn: 'count' }, end: p + length };
    else {
      const after = subjectIndex > p ? subjectIndex + 1 : p + length;
      let k = this.skip(after, ['the', 'a', 'an']);
      let prefix = 0;
      for (const pre of [
        ['by'],
        ['in', 'terms', 'of'],
        ['ranked', 'by'],
        ['sorted', 'by'],
        ['ordered', 'by'],
        ['based', 'on'],
        ['with', 'the', 'most'],
        ['with', 'the', 'highest'],
        ['with', 'most'],
        ['for'],
      ]) {
        const m = this.at(k, pre);
        if (m) {
          prefix = m;
          break;
        }
      }
      if (trig.kind === 'generic' && subjectIndex < p) k = p + length;
      else k += prefix;
      by = this.measurePhrase(k);
      if (by) this.use(k - prefix, prefix);
      // "which customers spent the most": what comes before "the most"
      if (!by && trig.kind === 'generic') {
        let b = p - 1;
        while (b >= 0 && ['the', 'a'].includes(this.w(b) ?? '')) b--;
        const before = this.items[b];
        if (
          before &&
          !before.used &&
          b !== subjectIndex &&
          (before.k === 'column' || (before.k === 'concept' && before.dir === undefined))
        )
          by = { measure: { field: { subject: { type: 'item', item: before } } }, end: p + length };
        if (by) before!.used = true;
      }
      // "biggest 3 orders": a table ranked by its main quantity; "top 5 cities": by how many rows
      if (!by && trig.kind === 'generic' && subject?.k === 'table')
        by = { measure: { field: { subject: { type: 'default-number' } } }, end: k };
      if (!by && (trig.kind === 'top' || trig.kind === 'generic')) by = { measure: { fn: 'count' }, end: k };
    }
    if (!by) return;
    this.use(p, length);
    if (nIndex >= 0) this.use(nIndex);
    if (subject) subject.used = true;
    this.use(p + length, by.end - (p + length));
    if (wh >= 0) this.use(wh);
    const groupSubject = subject && subject.k !== 'table';
    const measure = by.measure;
    if (groupSubject && subject) {
      const groupField: PendingField =
        isWordish(subject) && TIME_UNITS[subject.w]
          ? { subject: { type: 'default-date' }, unit: TIME_UNITS[subject.w]! }
          : { subject: { type: 'item', item: subject } };
      this.st.groups.push(groupField);
      if ('fn' in measure) {
        this.st.measures.push(measure);
        if (measure.fn === 'count' && measure.table) this.st.subjectTable = measure.table;
      } else {
        // "the most expensive reason on average"
        this.st.measures.push({
          fn: this.takeAverage() ? 'avg' : this.defaultAggregate(measure.field),
          field: measure.field,
        });
      }
      this.st.shape = {
        kind: 'rank-groups',
        dir: trig.dir,
        limit: n ?? (this.isPluralItem(subject) ? 10 : 1),
      };
      return;
    }
    if (subject?.k === 'table') this.st.subjectTable = subject.table;
    const limit = n ?? (subject && !this.isPluralItem(subject) ? 1 : subject ? 10 : 1);
    if ('fn' in measure) {
      // "customers with the most orders": rank parents by an aggregate of a child table;
      // "the busiest sensor": by the rows of its only child table
      const child =
        measure.fn === 'count'
          ? (measure.table ??
            (trig.kind === 'count' && subject?.k === 'table' ? this.onlyChild(subject.table) : undefined))
          : undefined;
      if (subject?.k === 'table' && child && child !== subject.table) {
        const join = this.joins.find((j) => j.child === child && j.parent === subject.table);
        if (join) {
          this.st.subjectTable = child;
          this.st.groups.push({
            subject: {
              type: 'item',
              item: {
                k: 'column',
                raw: join.fk.name,
                refs: [{ table: child, column: join.fk }],
                full: true,
                used: true,
              },
            },
          });
          this.st.measures.push({ fn: 'count' });
          this.st.shape = { kind: 'rank-groups', dir: trig.dir, limit };
          return;
        }
      }
      if (measure.fn !== 'count' && measure.fn !== 'percent') {
        // "top 3 customers by average order total": the aggregate holds when ranking by a child's column
        const agg = measure.fn === 'count-distinct' || measure.fn === 'nulls' ? undefined : measure.fn;
        this.st.shape = {
          kind: 'rank-rows',
          by: measure.field,
          dir: trig.dir,
          limit,
          ...(agg ? { agg } : {}),
        };
        return;
      }
      return;
    }
    // "the 3 hottest sensors on average": ranked by the average of a child's column
    this.st.shape = {
      kind: 'rank-rows',
      by: measure.field,
      dir: trig.dir,
      limit,
      ...(subject?.k === 'table' && this.takeAverage() ? { agg: 'avg' as const } : {}),
    };
  }

  /** Uses an "on average"/"mean" said anywhere: whether there was one. */
  private takeAverage(): boolean {
    const avg = this.items.findIndex(
      (it) => isWordish(it) && !it.used && ['average', 'avg', 'mean'].includes(it.w),
    );
    if (avg < 0) return false;
    this.use(avg);
    if (this.w(avg - 1) === 'on') this.use(avg - 1);
    return true;
  }

  /** The one table whose rows refer to this one ("readings" for "sensors"), if there is exactly one. */
  private onlyChild(table: TableProfile): TableProfile | undefined {
    const children = this.joins.filter((j) => j.parent === table);
    return children.length === 1 ? children[0]!.child : undefined;
  }

  /** Something rows are grouped by (a city, a status, a sensor id), not a quantity to rank. */
  private isCategoryLike(it: Item): boolean {
    if (isWordish(it) && TIME_UNITS[it.w]) return true;
    if (it.k === 'column')
      return it.refs.some((r) => isTextual(r.column) || r.column.kind === 'boolean' || isIdColumn(r.column));
    if (it.k === 'concept') return ['place', 'gender', 'name', 'email', 'phone'].includes(it.concept);
    return false;
  }

  private isPluralItem(it: Item): boolean {
    if (it.k === 'table') return it.plural;
    const last = it.raw.split(' ').at(-1)!.toLowerCase();
    return singular(last) !== last;
  }

  /** The question word asks for a value: "when …", "how old …", "how much …". */
  private asksForValue(): boolean {
    const first = this.items.findIndex((it) => isWordish(it));
    if (first < 0) return false;
    const w0 = (this.items[first] as { w: string }).w;
    return (
      w0 === 'when' ||
      ['old', 'much', 'long', 'expensive', 'big'].includes(
        this.items[first + 1] && isWordish(this.items[first + 1]) && w0 === 'how'
          ? (this.items[first + 1] as { w: string }).w
          : '',
      )
    );
  }

  /** "what is the highest price", "when was the latest order": asks for one value, not rows. */
  private isValueQuestion(p: number): boolean {
    const first = this.items.findIndex((it) => isWordish(it));
    const w0 = first >= 0 ? (this.items[first] as { w: string }).w : '';
    if (
      w0 === 'when' ||
      this.at(first, ['how', 'old']) ||
      this.at(first, ['how', 'much']) ||
      this.at(first, ['how', 'long'])
    )
      return true;
    if (['what', "what's", 'whats'].includes(w0)) {
      const k = this.skip(first + 1, ['is', 'was', 'are', 'the', "'s", 's']);
      return k >= p;
    }
    return false;
  }

  private defaultAggregate(f: PendingField): Aggregate {
    const it = f.subject.type === 'item' ? f.subject.item : undefined;
    if (it?.k === 'concept' && it.sum) return 'sum';
    if (it?.k === 'concept' && it.concept === 'money') return 'sum';
    if (
      it?.k === 'column' &&
      it.refs.some((r) => columnsFor('money', r.table).some((m) => m.column === r.column))
    )
      return 'sum';
    // units add up like money: "quantity sold by channel" is how many were sold
    if (it?.k === 'concept' && it.concept === 'quantity') return 'sum';
    if (it?.k === 'column' && it.refs.some((r) => conceptScore('quantity', r.column) > 0)) return 'sum';
    return 'avg';
  }

  private grouping(): void {
    // "where are our customers located?": how many in each place
    const head = this.items.findIndex((it) => isWordish(it));
    const where = this.items[head];
    if (where?.k === 'concept' && where.w === 'where' && !where.used) {
      where.used = true;
      this.st.groups.push({ subject: { type: 'concept', concept: 'place' } });
    }
    const MARKERS = [
      ['grouped', 'by'],
      ['broken', 'down', 'by'],
      ['broken', 'out', 'by'],
      ['broken', 'up', 'by'],
      ['break', 'down', 'by'],
      ['breakdown', 'by'],
      ['split', 'out', 'by'],
      ['split', 'by'],
      ['for', 'each'],
      ['for', 'every'],
      ['in', 'each'],
      ['by', 'each'],
      ['per'],
      ['by'],
      ['across'],
      ['each'],
      ['over'],
    ];
    for (let i = 0; i < this.items.length; i++) {
      let len = 0;
      if (!this.at(i, ['over', 'time']))
        for (const m of MARKERS) {
          len = this.at(i, m);
          if (len) break;
        }
      // "placed by VIPs" names who; "10 dollars per unit" is a rate: neither is a grouping
      const rate = this.items[i + 1];
      if (
        len &&
        (this.agentBy(i) || (this.w(i) === 'per' && rate?.k === 'concept' && rate.concept === 'quantity'))
      )
        continue;
      if (!len) {
        const w = this.w(i);
        if (w && ADVERB_UNITS.has(w)) {
          this.use(i);
          this.st.groups.push({ subject: this.dateSubjectNear(i), unit: TIME_UNITS[w]! });
        } else if (this.at(i, ['over', 'time']) || w === 'trend' || w === 'trends') {
          this.use(i, w === 'over' ? 2 : 1);
          this.st.groups.push({ subject: this.dateSubjectNear(i), unit: 'month' });
        }
        continue;
      }
      let k = this.skip(i + len, ['the', 'a', 'an', 'their', 'its']);
      const marker = this.w(i)!;
      const found: PendingField[] = [];
      const end = () => k;
      for (;;) {
        const it = this.items[k];
        if (!it || it.used) break;
        const w = isWordish(it) ? it.w : undefined;
        // "by month of year"/"by day of week" are not supported; "by month" truncates the date
        if (w && TIME_UNITS[w] && !ADVERB_UNITS.has(w)) {
          // "per month of ordered_at", "by signup month"
          const f = this.field(k + 1) ?? (this.w(k + 1) === 'of' ? this.field(k + 2) : undefined);
          found.push({ subject: f ?? this.dateSubjectNear(i), unit: TIME_UNITS[w]! });
          if (f) {
            const fi = this.items[k + 1] === (f as { item: Item }).item ? k + 1 : k + 2;
            this.use(k, fi - k + 1);
            k = fi + 1;
          } else {
            this.use(k);
            k++;
          }
        } else if (it.k === 'column' || (it.k === 'concept' && it.dir === undefined)) {
          // "by signup month": column then unit
          const unitWord = this.w(k + 1);
          if (unitWord && TIME_UNITS[unitWord] && !ADVERB_UNITS.has(unitWord)) {
            found.push({ subject: { type: 'item', item: it }, unit: TIME_UNITS[unitWord]! });
            this.use(k, 2);
            k += 2;
          } else {
            found.push({ subject: { type: 'item', item: it } });
            this.use(k);
            k++;
          }
        } else if (it.k === 'table' && marker !== 'over') {
          // "orders per customer": group by the key that refers to that table
          found.push({ subject: { type: 'item', item: it } });
          this.use(k);
          k++;
        } else break;
        if (this.w(end()) === 'and' || this.w(end()) === '&') {
          const after = this.items[k + 1];
          if (
            after &&
            !after.used &&
            (after.k === 'column' ||
              (after.k === 'concept' && after.dir === undefined) ||
              (isWordish(after) && TIME_UNITS[after.w]))
          ) {
            this.use(k);
            k++;
            continue;
          }
        }
        break;
      }
      if (!found.length) continue;
      if (marker === 'over' && found.every((f) => f.unit === undefined)) continue;
      this.use(i, len);
      this.st.groups.push(...found);
    }
  }

  /** "placed by VIPs", "made by customers in Paris": "by" after such a verb names who, not a group. */
  private agentBy(i: number): boolean {
    const before = this.items[i - 1];
    return this.w(i) === 'by' && isWordish(before) && AGENT_VERBS.has(before.w);
  }

  private dateSubjectNear(i: number): Subject {
    for (let j = i - 1; j >= 0; j--) {
      const it = this.items[j]!;
      if (it.k === 'column' && it.refs.some((r) => isTemporal(r.column)) && !it.used) {
        it.used = true;
        return { type: 'item', item: it };
      }
      if (
        it.k === 'concept' &&
        !it.used &&
        !it.dir &&
        ['date', 'signup', 'birth'].includes(it.concept) &&
        it.w !== 'when'
      ) {
        it.used = true;
        return { type: 'item', item: it };
      }
    }
    return { type: 'default-date' };
  }

  private percent(): void {
    let i = -1;
    let len = 0;
    for (const t of [
      ['what', 'percentage', 'of'],
      ['what', 'percent', 'of'],
      ['percentage', 'of'],
      ['percent', 'of'],
      ['share', 'of'],
      ['proportion', 'of'],
      ['fraction', 'of'],
      ['%', 'of'],
      ['percentage'],
      ['percent'],
      ['share'],
      ['proportion'],
      ['fraction'],
      ['ratio'],
      ['rate'],
    ]) {
      i = this.find(t);
      if (i >= 0) {
        len = t.length;
        break;
      }
    }
    if (i < 0) return;
    this.use(i, len);
    if (this.w(i - 1) === 'what' || this.w(i - 1) === 'the') this.use(i - 1);
    const t = this.items.slice(i).find((it) => it.k === 'table' && !it.used) as
      | Extract<Item, { k: 'table' }>
      | undefined;
    if (t) {
      this.st.subjectTable = t.table;
      t.used = true;
    }
    this.st.measures.push({ fn: 'percent' });
    this.st.shape = { kind: 'aggregate' };
  }

  private distinct(): void {
    const DISTINCT = ['distinct', 'unique', 'different', 'possible', 'various', 'deduplicated', 'deduped'];
    let di = -1;
    for (let i = 0; i < this.items.length; i++) if (DISTINCT.includes(this.w(i) ?? '')) di = i;
    // "list all cities without duplicates"
    const dup =
      this.find(['without', 'duplicates']) >= 0
        ? this.find(['without', 'duplicates'])
        : this.find(['no', 'duplicates']);
    if (dup >= 0) this.use(dup, 2);
    const counted = [['how', 'many'], ['number', 'of'], ['count', 'of'], ['count']]
      .map((w) => ({ i: this.find(w), n: w.length }))
      .find((x) => x.i >= 0);
    const countIdx = counted?.i ?? -1;
    if (di >= 0) {
      const k = this.skip(di + 1, ['the', 'a', 'of', 'values', 'value']);
      let f = this.field(k);
      let fi = k;
      if (!f) {
        const before = this.subjectBefore(di);
        if (before?.type === 'item') {
          f = before;
          fi = this.items.indexOf(before.item);
        }
      }
      const t = this.items[k];
      if (t?.k === 'table' && !t.used && countIdx >= 0 && countIdx < di) {
        // "number of unique customers who ordered in 2024": customers, with related orders
        this.use(di);
        return;
      }
      if (f && f.type === 'item' && f.item.k !== 'table') {
        // "unique values of status": the words between go with it
        this.use(di, fi === k ? k - di : 1);
        this.use(fi);
        if (countIdx >= 0 && countIdx < di) {
          this.use(countIdx, counted!.n);
          this.st.measures.push({ fn: 'count-distinct', field: { subject: f } });
          this.st.shape = { kind: 'aggregate' };
        } else this.st.shape = { kind: 'distinct', field: { subject: f } };
        if (this.w(fi + 1) === 'values' || this.w(fi + 1) === 'value') this.use(fi + 1);
        return;
      }
    }
    // "how many cities are there", "which statuses are there", "what are the blood types", "list the cities"
    let first = this.items.findIndex((it) => !it.used && isWordish(it));
    if (first < 0) return;
    // "which values appear in the channel column", "what values does status take"
    const values = this.items.findIndex(
      (it) => !it.used && isWordish(it) && ['values', 'value'].includes(it.w),
    );
    const asked = this.items.findIndex(
      (it, k) =>
        k > values &&
        !it.used &&
        it.k === 'column' &&
        it.refs.some((r) => isTextual(r.column) || r.column.kind === 'boolean'),
    );
    if (values >= 0 && asked >= 0 && ['which', 'what', 'list', 'show'].includes(this.w(first) ?? '')) {
      this.use(first);
      this.use(values);
      this.items[asked]!.used = true;
      if (['column', 'field'].includes(this.w(asked + 1) ?? '')) this.use(asked + 1);
      this.st.shape = { kind: 'distinct', field: { subject: { type: 'item', item: this.items[asked]! } } };
      return;
    }
    // "in which countries …", "from what cities …"
    if (
      ['in', 'from', 'at', 'for', 'to', 'on'].includes(this.w(first) ?? '') &&
      ['which', 'what'].includes(this.w(first + 1) ?? '')
    )
      first++;
    let k = -1;
    let counting = false;
    if (this.at(first, ['how', 'many'])) {
      k = this.skip(first + 2);
      counting = true;
    } else if (this.at(first, ['number', 'of'])) {
      k = this.skip(first + 2);
      counting = true;
    } else if (
      ['which', 'what', 'list', 'show', 'give', 'display', 'name', 'get', 'enumerate', 'tell'].includes(
        this.w(first) ?? '',
      )
    ) {
      k = this.skip(first + 1, [
        'us',
        'are',
        'is',
        'the',
        'all',
        'of',
        'me',
        'kinds',
        'kind',
        'types',
        'values',
        'possible',
        'every',
        'our',
        'your',
        'list',
        'set',
      ]);
    }
    if (k < 0) return;
    const it = this.items[k];
    if (!it || it.used || it.k !== 'column') return;
    if (!it.refs.some((r) => isTextual(r.column) || r.column.kind === 'boolean')) return;
    // "list every channel", "what types of channel": one of each is all of them
    const plural =
      this.isPluralItem(it) ||
      this.w(k - 1) === 'every' ||
      (this.w(k - 1) === 'of' && ['types', 'kinds', 'sorts'].includes(this.w(k - 2) ?? ''));
    const rest = this.items.slice(k + 1).filter((x) => !x.used);
    const onlyFiller = rest.every(
      (x) =>
        isWordish(x) &&
        (FILLER.has(x.w) ||
          isStopWord(x.w) ||
          ['exist', 'there', 'values', 'appear', 'occur', 'used'].includes(x.w)),
    );
    const hasTable = rest.some((x) => x.k === 'table');
    if (!counting && !plural) return;
    if (!onlyFiller && !hasTable && !counting) return;
    if (counting && this.st.conditions.some((c) => c.kind === 'null')) return;
    it.used = true;
    this.use(first, k - first);
    if (counting) {
      this.st.measures.push({ fn: 'count-distinct', field: { subject: { type: 'item', item: it } } });
      this.st.shape = { kind: 'aggregate' };
    } else this.st.shape = { kind: 'distinct', field: { subject: { type: 'item', item: it } } };
  }

  private aggregates(): void {
    for (let i = 0; i < this.items.length; i++) {
      const fns: Array<Aggregate | 'range'> = [];
      let k = i;
      for (;;) {
        const w = this.w(k);
        if (w === 'standard' && this.w(k + 1) === 'deviation') {
          fns.push('stddev');
          k += 2;
        } else if (w && AGGREGATES[w] && !(w === 'total' && this.w(k + 1) === 'number')) {
          fns.push(AGGREGATES[w]!);
          k++;
        } else if (this.aggregateColumnWord(k)) {
          // a column called "total" used as the word: "total order amount"
          fns.push(AGGREGATES[this.items[k]!.raw.toLowerCase()]!);
          this.items[k]!.used = true;
          k++;
        } else if (fns.length && w && ['and', '&', 'or', 'the', ','].includes(w)) k++;
        else break;
      }
      if (!fns.length) continue;
      let f = this.skip(k, ['of', 'the', 'a', 'an', 'value', 'values']);
      const subjects: Array<{ subject: Subject; index: number }> = [];
      for (;;) {
        const s = this.field(f);
        if (
          !s ||
          (s.type === 'item' &&
            s.item.k === 'concept' &&
            s.item.dir !== undefined &&
            !/est$/.test(s.item.w) &&
            fns.length === 0)
        )
          break;
        subjects.push({ subject: s, index: f });
        f++;
        if ((this.w(f) === 'and' || this.w(f) === '&') && this.field(f + 1)) f++;
        else break;
      }
      if (!subjects.length) {
        // "what's the total" with a column called total; "total" alone as the word
        const it = this.items[i];
        if (fns.length === 1 && fns[0] === 'sum' && it?.k === 'word') continue;
        // "the maximum is"/"the oldest" etc. without a column: try the column right before ("age: average")
        const before = this.subjectBefore(i);
        if (before?.type === 'item' && !before.item.used)
          subjects.push({ subject: before, index: this.items.indexOf(before.item) });
      }
      // "the average reading", "the largest order": of one row of a table, its main quantity
      const row = this.items[f];
      if (
        !subjects.length &&
        row?.k === 'table' &&
        !row.used &&
        !row.plural &&
        !fns.includes('sum') &&
        mainMeasure(row.table)
      ) {
        this.st.mentioned.push(row.table);
        subjects.push({ subject: { type: 'default-number' }, index: f });
        f++;
      }
      if (!subjects.length) {
        // "and the median?": an aggregate of whatever the conversation was measuring
        const rest = this.items
          .slice(k)
          .filter((x) => !x.used && !(isWordish(x) && (FILLER.has(x.w) || isStopWord(x.w))));
        if (!rest.length && fns.every((f) => f !== 'sum' || this.w(i) !== 'total')) {
          this.use(i, k - i);
          this.st.bareAggregates = fns.flatMap((f) => (f === 'range' ? (['min', 'max'] as const) : [f]));
          this.st.shape ??= { kind: 'aggregate' };
        }
        continue;
      }
      this.use(i, k - i);
      this.use(k, f - k);
      for (const s of subjects) this.use(s.index);
      for (const fn of fns)
        for (const s of subjects) {
          if (fn === 'range') {
            this.st.measures.push(
              { fn: 'min', field: { subject: s.subject } },
              { fn: 'max', field: { subject: s.subject } },
            );
          } else this.st.measures.push({ fn, field: { subject: s.subject } });
        }
      this.st.shape ??= { kind: 'aggregate' };
      i = f;
    }
    // "what was the highest temperature", "when was the earliest order", "how old is the oldest customer"
    for (let i = 0; i < this.items.length; i++) {
      let it = this.items[i]!;
      const w = this.w(i);
      if ((w === 'first' || w === 'last') && this.isValueQuestion(i)) {
        it = {
          k: 'concept',
          raw: it.raw,
          w,
          concept: 'date',
          dir: w === 'first' ? 'low' : 'high',
          used: false,
        };
        this.items[i] = it;
      }
      if (it.k !== 'concept' || it.used || !it.dir || !/(est|first|last)$/.test(it.w)) continue;
      if (!this.isValueQuestion(i)) continue;
      const fn: Aggregate = it.dir === 'high' ? 'max' : 'min';
      it.used = true;
      // "how old is …", "how much was …": the question word is said
      const first = this.items.findIndex((x) => isWordish(x));
      if (this.w(first) === 'how' && isWordish(this.items[first + 1])) this.use(first, 2);
      const concept = it.concept === 'age' ? 'age' : it.concept;
      this.st.measures.push({
        fn,
        field: {
          subject: it.table ? { type: 'concept', concept, table: it.table } : { type: 'concept', concept },
        },
      });
      this.st.shape ??= { kind: 'aggregate' };
    }
    // "how much revenue", "how much did customers spend": money without an aggregate word sums
    const hm = this.find(['how', 'much']);
    if (hm >= 0) {
      const money = this.items.findIndex((it) => !it.used && it.k === 'concept' && it.concept === 'money');
      const col = this.items.findIndex(
        (it) => !it.used && it.k === 'column' && it.refs.some((r) => isMeasure(r.column)),
      );
      const idx = money >= 0 ? money : col;
      if (idx >= 0) {
        this.use(hm, 2);
        this.use(idx);
        this.st.measures.push({ fn: 'sum', field: { subject: { type: 'item', item: this.items[idx]! } } });
        this.st.shape ??= { kind: 'aggregate' };
      }
    }
    // "revenue from web orders in 2023", "sales in 2024": a money noun that adds up, when no rows are counted
    if (!this.st.shape && !COUNT_PATTERNS.some((p) => this.find(p) >= 0)) {
      const money = this.items.find((it) => !it.used && it.k === 'concept' && it.sum);
      if (money) {
        money.used = true;
        this.st.measures.push({ fn: 'sum', field: { subject: { type: 'item', item: money } } });
        this.st.shape = { kind: 'aggregate' };
      }
    }
  }

  /** A column whose name is an aggregate word, followed by what it aggregates. */
  private aggregateColumnWord(k: number): boolean {
    const it = this.items[k];
    if (!it || it.used || it.k !== 'column' || !AGGREGATES[it.raw.toLowerCase()]) return false;
    const j = this.skip(k + 1, ['of', 'the']);
    const next = this.items[j];
    if (!next || next.used) return false;
    if (next.k === 'column') return next.refs.some((r) => isMeasure(r.column));
    return next.k === 'concept' && next.dir === undefined;
  }

  private counting(): void {
    for (const p of COUNT_PATTERNS) {
      const i = this.find(p);
      if (i < 0) continue;
      this.use(i, p.length);
      const what = this.items[this.skip(i + p.length)];
      // "how many people came in for a check-up": the table of people, whatever the rest is about
      const people = this.lex.dataset.filter(isPeopleTable);
      if (isWordish(what) && PERSON_NOUNS.has(what.w) && people.length === 1) {
        what.used = true;
        this.st.subjectTable ??= people[0];
      }
      // "how many units were sold": units are counted by adding up a quantity
      if (what?.k === 'concept' && what.concept === 'quantity' && !what.used && p[0] !== 'count') {
        what.used = true;
        this.st.measures.push({ fn: 'sum', field: { subject: { type: 'item', item: what } } });
        this.st.shape ??= { kind: 'aggregate' };
        return;
      }
      // "how many sales": the rows of the one table that records money
      if (what?.k === 'concept' && what.sum && !what.used) {
        const tables = this.lex.dataset.filter((t) => columnsFor('money', t).length);
        if (tables.length === 1) {
          what.used = true;
          this.st.subjectTable ??= tables[0];
        }
      }
      let t = this.items.slice(i + p.length).find((it) => it.k === 'table' && !it.used) as
        | Extract<Item, { k: 'table' }>
        | undefined;
      // "patient visits": of two table nouns together, the last one is what is counted
      const head = t && this.items[this.items.indexOf(t) + 1];
      if (t && head?.k === 'table' && !head.used) {
        t.used = true;
        t = head;
      }
      if (t) {
        t.used = true;
        this.st.subjectTable ??= t.table;
      }
      const nulls = this.st.conditions.filter((c) => c.kind === 'null' && !c.negate);
      // "how many emails are missing" counts the missing ones, with the total for scale
      if (nulls.length === 1 && !t && !this.st.measures.length && !this.st.groups.length) {
        const n = nulls[0]! as Extract<PendingCondition, { kind: 'null' }>;
        this.st.conditions.splice(this.st.conditions.indexOf(n), 1);
        this.st.measures.push({ fn: 'nulls', field: { subject: n.subject } });
      } else if (!this.st.measures.some((m) => m.fn === 'percent' || m.fn === 'count'))
        this.st.measures.unshift({ fn: 'count' });
      this.st.shape ??= { kind: 'aggregate' };
      return;
    }
    // "total visits in 2024": a total of rows is their number
    for (let i = 0; i < this.items.length; i++) {
      const next = this.items[i + 1];
      if (this.w(i) !== 'total' || next?.k !== 'table' || next.used || !next.plural) continue;
      this.use(i, 2);
      this.st.subjectTable ??= next.table;
      if (!this.st.measures.some((m) => m.fn === 'count')) this.st.measures.unshift({ fn: 'count' });
      this.st.shape ??= { kind: 'aggregate' };
      return;
    }
  }

  private showing(): void {
    let limit: number | undefined;
    let show = false;
    const random = this.items.findIndex(
      (it) => isWordish(it) && !it.used && ['random', 'randomly', 'arbitrary'].includes(it.w),
    );
    if (random >= 0) {
      this.use(random);
      this.st.random = true;
      show = true;
    }
    for (let i = 0; i < this.items.length; i++) {
      const w = this.w(i);
      if (!w || !SHOW_WORDS.has(w)) continue;
      show = true;
      const n = this.items[this.skip(i + 1, ['me', 'us', 'the', 'a', 'first', 'some'])];
      if (
        n?.k === 'num' &&
        !n.used &&
        Number.isInteger(n.value) &&
        n.value > 0 &&
        n.value <= 1000 &&
        !n.year
      ) {
        limit = n.value;
        n.used = true;
      }
      this.use(i);
    }
    for (let i = 0; i < this.items.length; i++)
      if (this.at(i, ['first']) && this.items[i + 1]?.k === 'num') {
        const n = this.items[i + 1] as Extract<Item, { k: 'num' }>;
        limit ??= n.value;
        this.use(i, 2);
      }
    const t = this.items.find((it) => it.k === 'table' && !it.used) as
      | Extract<Item, { k: 'table' }>
      | undefined;
    if (this.st.shape) return;
    if (t) {
      t.used = true;
      this.st.subjectTable = t.table;
    }
    if (show || t || this.st.conditions.length) {
      if (!this.st.measures.length && !this.st.groups.length)
        this.st.shape = { kind: 'rows', ...(limit ? { limit } : {}) };
    }
  }

  private leftovers(): void {
    // groups without a measure count rows; a measure column mentioned with groups is aggregated
    if (!this.st.shape && this.st.groups.length) {
      // ("where do they live": a word for a place or a date is not a quantity)
      const col = this.items.find(
        (it) =>
          !it.used &&
          (it.k === 'column' ||
            (it.k === 'concept' && it.dir === undefined && QUANTITY_CONCEPTS.has(it.concept))),
      );
      if (col) {
        const f: PendingField = { subject: { type: 'item', item: col } };
        col.used = true;
        this.st.measures.push({ fn: this.defaultAggregate(f), field: f });
      } else {
        this.st.measures.push({ fn: 'count' });
        this.st.assumedMeasure = true;
      }
      this.st.shape = { kind: 'aggregate' };
    }
    if (!this.st.shape) {
      // "revenue in 2024", "total sales by month" without a verb: money sums
      const money = this.items.find((it) => !it.used && it.k === 'concept' && it.sum);
      if (money) {
        money.used = true;
        this.st.measures.push({ fn: 'sum', field: { subject: { type: 'item', item: money } } });
        this.st.shape = { kind: 'aggregate' };
      }
    }
    if (this.st.shape?.kind === 'rows' || this.st.shape?.kind === 'rank-rows') {
      // "the name and email of customers in Paris": columns to show
      const named = this.items.filter((it) => !it.used && it.k === 'column');
      if (named.length) {
        for (const it of named) it.used = true;
        this.st.projection = named;
      }
    }
    for (const it of this.items) {
      if (it.used || it.k !== 'table') continue;
      if (!this.st.mentioned.includes(it.table)) this.st.mentioned.push(it.table);
      it.used = true;
    }
    // "how many folks …": a table of people is meant
    if (this.items.some((it) => !it.used && isWordish(it) && PERSON_NOUNS.has(it.w)))
      this.st.aboutPeople = true;
    // words nothing used: dropped, checked against the plan, or the reason to refuse (unknown-words.ts)
    const left = sortLeftovers(this.items, (w) => FILLER.has(w), this.lex.dataset);
    this.st.unknown.push(...left.content);
    if (left.outOfScope.length) this.st.outOfScope = left.outOfScope;
    if (left.tolerated.length) this.st.tolerated = left.tolerated;
    if (left.unverified.length) this.st.unverified = left.unverified;
  }
}
