import type { DateValue, Token } from './question-tokenizer.ts';
import { tokenize } from './question-tokenizer.ts';
import { gradedConcept } from './superlatives.ts';
import type { ColumnProfile, TableProfile } from './types.ts';
import { COUNTRY_CODES, DEMONYMS, GENDER_NOUNS, singular } from './word-forms.ts';

export type ColumnRef = { table: TableProfile; column: ColumnProfile };

/** What a word can mean about a column without naming it: "older" means an age, "expensive" a price. */
export type Concept =
  | 'age'
  | 'birth'
  | 'money'
  | 'income'
  | 'date'
  | 'signup'
  | 'place'
  | 'temperature'
  | 'gender'
  | 'name'
  | 'quantity'
  | 'email'
  | 'phone'
  | 'duration';

/** Which way a word points along its concept: "oldest" is high age, "cheapest" low money. */
export type Direction = 'high' | 'low';

const CONCEPT_WORDS: Record<string, { concept: Concept; dir?: Direction; sum?: boolean }> = {
  age: { concept: 'age' },
  aged: { concept: 'age' },
  old: { concept: 'age', dir: 'high' },
  older: { concept: 'age', dir: 'high' },
  oldest: { concept: 'age', dir: 'high' },
  elderly: { concept: 'age', dir: 'high' },
  young: { concept: 'age', dir: 'low' },
  younger: { concept: 'age', dir: 'low' },
  youngest: { concept: 'age', dir: 'low' },
  born: { concept: 'birth' },
  birth: { concept: 'birth' },
  birthday: { concept: 'birth' },
  dob: { concept: 'birth' },
  price: { concept: 'money' },
  priced: { concept: 'money' },
  cost: { concept: 'money' },
  costing: { concept: 'money' },
  costly: { concept: 'money', dir: 'high' },
  expensive: { concept: 'money', dir: 'high' },
  pricey: { concept: 'money', dir: 'high' },
  pricier: { concept: 'money', dir: 'high' },
  priciest: { concept: 'money', dir: 'high' },
  cheap: { concept: 'money', dir: 'low' },
  cheaper: { concept: 'money', dir: 'low' },
  cheapest: { concept: 'money', dir: 'low' },
  inexpensive: { concept: 'money', dir: 'low' },
  amount: { concept: 'money' },
  value: { concept: 'money' },
  worth: { concept: 'money' },
  money: { concept: 'money', sum: true },
  revenue: { concept: 'money', sum: true },
  turnover: { concept: 'money', sum: true },
  sale: { concept: 'money', sum: true },
  spend: { concept: 'money', sum: true },
  spending: { concept: 'money', sum: true },
  spent: { concept: 'money', sum: true },
  paid: { concept: 'money' },
  fee: { concept: 'money' },
  charge: { concept: 'money' },
  charged: { concept: 'money' },
  income: { concept: 'income' },
  salary: { concept: 'income' },
  wage: { concept: 'income' },
  earning: { concept: 'income' },
  earn: { concept: 'income' },
  when: { concept: 'date' },
  date: { concept: 'date' },
  time: { concept: 'date' },
  timestamp: { concept: 'date' },
  recent: { concept: 'date', dir: 'high' },
  latest: { concept: 'date', dir: 'high' },
  newest: { concept: 'date', dir: 'high' },
  newer: { concept: 'date', dir: 'high' },
  earliest: { concept: 'date', dir: 'low' },
  signup: { concept: 'signup' },
  signed: { concept: 'signup' },
  joined: { concept: 'signup' },
  registered: { concept: 'signup' },
  registration: { concept: 'signup' },
  where: { concept: 'place' },
  location: { concept: 'place' },
  place: { concept: 'place' },
  town: { concept: 'place' },
  live: { concept: 'place' },
  located: { concept: 'place' },
  based: { concept: 'place' },
  temperature: { concept: 'temperature' },
  temp: { concept: 'temperature' },
  degree: { concept: 'temperature' },
  hot: { concept: 'temperature', dir: 'high' },
  hotter: { concept: 'temperature', dir: 'high' },
  hottest: { concept: 'temperature', dir: 'high' },
  warm: { concept: 'temperature', dir: 'high' },
  warmer: { concept: 'temperature', dir: 'high' },
  warmest: { concept: 'temperature', dir: 'high' },
  cold: { concept: 'temperature', dir: 'low' },
  colder: { concept: 'temperature', dir: 'low' },
  coldest: { concept: 'temperature', dir: 'low' },
  cool: { concept: 'temperature', dir: 'low' },
  cooler: { concept: 'temperature', dir: 'low' },
  coolest: { concept: 'temperature', dir: 'low' },
  gender: { concept: 'gender' },
  sex: { concept: 'gender' },
  name: { concept: 'name' },
  named: { concept: 'name' },
  called: { concept: 'name' },
  quantity: { concept: 'quantity' },
  qty: { concept: 'quantity' },
  item: { concept: 'quantity' },
  unit: { concept: 'quantity' },
  piece: { concept: 'quantity' },
  email: { concept: 'email' },
  'e-mail': { concept: 'email' },
  mail: { concept: 'email' },
  phone: { concept: 'phone' },
  telephone: { concept: 'phone' },
  mobile: { concept: 'phone' },
  duration: { concept: 'duration' },
  long: { concept: 'duration', dir: 'high' },
  longest: { concept: 'duration', dir: 'high' },
  shortest: { concept: 'duration', dir: 'low' },
};

export function conceptOf(word: {
  w: string;
  s: string;
}): { concept: Concept; dir?: Direction; sum?: boolean } | null {
  // "costliest", "chillier", "wealthiest": any degree of an adjective grading a kind of column
  return CONCEPT_WORDS[word.w] ?? CONCEPT_WORDS[word.s] ?? gradedConcept(word.w) ?? null;
}

/** Lower-case singular tokens of an identifier: "signupDate", "signup_date" → ["signup", "date"]. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(singular);
}

/** Column-name tokens too vague to name a column on their own. */
const VAGUE_TOKENS = new Set([
  'id',
  'at',
  'on',
  'of',
  'is',
  'the',
  'date',
  'time',
  'type',
  'name',
  'code',
  'number',
  'no',
  'count',
  'value',
  'amount',
  'total',
  'unit',
  'first',
  'last',
  'in',
  'by',
  'to',
  'has',
  'flag',
]);

const NUMERIC = new Set(['integer', 'decimal']);
export const isNumeric = (c: ColumnProfile) => NUMERIC.has(c.kind);
export const isTemporal = (c: ColumnProfile) => c.kind === 'date' || c.kind === 'timestamp';
export const isTextual = (c: ColumnProfile) => c.kind === 'text' || c.kind === 'other';

export function isIdColumn(c: ColumnProfile): boolean {
  const t = nameTokens(c.name);
  return t.at(-1) === 'id' || t.at(-1) === 'uuid' || t.at(-1) === 'key' || c.sqlType.toUpperCase() === 'UUID';
}

/** A column a person would aggregate: numeric and not an identifier. */
export const isMeasure = (c: ColumnProfile) => isNumeric(c) && !isIdColumn(c);

const MONEY_SCORES: Record<string, number> = {
  total: 6,
  amount: 5,
  revenue: 5,
  sale: 5,
  cost: 4,
  price: 4,
  spend: 4,
  fee: 3,
  charge: 3,
  paid: 3,
  payment: 3,
  balance: 2,
  value: 2,
};
const PLACE_SCORES: Record<string, number> = {
  city: 5,
  town: 5,
  location: 4,
  place: 4,
  region: 3,
  state: 3,
  country: 3,
  address: 2,
};

/** How well a column fits a concept (0: not at all). */
export function conceptScore(concept: Concept, c: ColumnProfile): number {
  const t = nameTokens(c.name);
  const has = (...words: string[]) => words.some((w) => t.includes(w));
  switch (concept) {
    case 'age':
      if (isNumeric(c) && has('age')) return 5;
      if (isTemporal(c) && has('birth', 'dob', 'born', 'birthday', 'birthdate')) return 3;
      return 0;
    case 'income':
      return isMeasure(c) && has('income', 'salary', 'wage', 'earning', 'earnings', 'pay') ? 5 : 0;
    case 'birth':
      return isTemporal(c) && has('birth', 'dob', 'born', 'birthday', 'birthdate') ? 5 : 0;
    case 'money': {
      if (!isMeasure(c)) return 0;
      const best = Math.max(0, ...t.map((w) => MONEY_SCORES[w] ?? 0));
      // "unit price" is the price of one unit, a weaker answer to "expensive" than the total.
      return best && has('unit') ? best - 2 : best;
    }
    case 'date': {
      if (!isTemporal(c)) return 0;
      if (has('birth', 'dob', 'born', 'birthday')) return 1;
      return c.kind === 'timestamp' ? 4 : 3;
    }
    case 'signup':
      return isTemporal(c) &&
        has('signup', 'signed', 'joined', 'registered', 'registration', 'created', 'join')
        ? 5
        : 0;
    case 'place': {
      if (!isTextual(c)) return 0;
      return Math.max(0, ...t.map((w) => PLACE_SCORES[w] ?? 0));
    }
    case 'temperature':
      return isNumeric(c) && has('temperature', 'temp') ? 5 : 0;
    case 'gender':
      return isTextual(c) && has('sex', 'gender') ? 5 : 0;
    case 'name':
      if (!isTextual(c) || !has('name')) return 0;
      return t.length === 1 ? 5 : has('full') ? 4 : 2;
    case 'quantity':
      return isMeasure(c) && has('quantity', 'qty', 'item', 'unit', 'piece') && !has('price', 'cost') ? 5 : 0;
    case 'email':
      return isTextual(c) && has('email', 'mail') ? 5 : 0;
    case 'phone':
      return isTextual(c) && has('phone', 'telephone', 'mobile') ? 5 : 0;
    case 'duration':
      return isMeasure(c) && has('duration', 'length', 'minute', 'second', 'hour', 'day') ? 5 : 0;
  }
}

/** The best columns of a table for a concept, best first. */
export function columnsFor(concept: Concept, table: TableProfile): ColumnRef[] {
  return table.columns
    .map((column) => ({ column, score: conceptScore(concept, column) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((x) => ({ table, column: x.column }));
}

/** A table whose rows are people: it has a name, an email, a phone, a sex or a birth date. */
export function isPeopleTable(t: TableProfile): boolean {
  const concepts = ['name', 'email', 'phone', 'gender', 'birth'] as const;
  return t.columns.some((c) => concepts.some((k) => conceptScore(k, c) > 0));
}

/** The date a table's rows happened on: the best non-birth temporal column. */
export function mainDate(table: TableProfile): ColumnRef | undefined {
  return (
    columnsFor('date', table).find((r) => conceptScore('date', r.column) > 1) ?? columnsFor('date', table)[0]
  );
}

/** The number a bare comparison ("orders over 100") is most likely about. */
export function mainMeasure(table: TableProfile, value?: number): ColumnRef | undefined {
  const age = columnsFor('age', table)[0];
  if (age && value !== undefined && value > 0 && value < 120) return age;
  const money = columnsFor('money', table)[0];
  if (money) return money;
  const measures = table.columns.filter(isMeasure);
  return measures.length === 1 ? { table, column: measures[0]! } : undefined;
}

// --- joins -----------------------------------------------------------------------------------

/** child.fk → parent.pk, found by naming convention (orders.customer_id → customers.id). */
export type Join = { child: TableProfile; fk: ColumnProfile; parent: TableProfile; pk: ColumnProfile };

export function findJoins(dataset: TableProfile[]): Join[] {
  const joins: Join[] = [];
  for (const parent of dataset) {
    const pk = parent.columns.find((c) => c.name.toLowerCase() === 'id');
    if (!pk) continue;
    const stems = new Set([singular(parent.name.toLowerCase()), parent.name.toLowerCase()]);
    for (const child of dataset) {
      if (child === parent) continue;
      const fk = child.columns.find((c) => {
        const t = nameTokens(c.name);
        return t.length >= 2 && t.at(-1) === 'id' && stems.has(t.slice(0, -1).join('_'));
      });
      if (fk) joins.push({ child, fk, parent, pk });
    }
  }
  return joins;
}

/** The chain of parent joins from a table to an ancestor (at most two hops), or undefined. */
export function parentPath(joins: Join[], from: TableProfile, to: TableProfile): Join[] | undefined {
  if (from === to) return [];
  for (const j of joins.filter((j) => j.child === from)) {
    if (j.parent === to) return [j];
    const next = joins.find((k) => k.child === j.parent && k.parent === to);
    if (next) return [j, next];
  }
  return undefined;
}

// --- recognising the dataset's words in a question ----------------------------------------------

/** brk: a new clause starts at this item (punctuation came before it). */
export type Item = { used: boolean; brk?: true } & (
  | { k: 'word'; raw: string; w: string; s: string }
  | { k: 'num'; raw: string; value: number; year: boolean }
  | { k: 'range'; raw: string; lo: number; hi: number }
  | { k: 'date'; raw: string; date: DateValue }
  | { k: 'quoted'; raw: string; text: string }
  | { k: 'sym'; raw: string; op: Extract<Token, { t: 'sym' }>['op'] }
  | { k: 'table'; raw: string; table: TableProfile; plural: boolean }
  | { k: 'column'; raw: string; refs: ColumnRef[]; full: boolean }
  | { k: 'value'; raw: string; refs: Array<ColumnRef & { value: string }> }
  /** table: set when the question names it first ("patient age"). */
  | {
      k: 'concept';
      raw: string;
      w: string;
      concept: Concept;
      dir?: Direction;
      sum?: boolean;
      table?: TableProfile;
    }
);

type Target =
  | { k: 'table'; table: TableProfile; rank: 0 }
  /** form: how a case-sensitive value must be typed when it is not the value itself ("A positive"). */
  | { k: 'value'; ref: ColumnRef; value: string; caseSensitive: boolean; rank: 1; form?: string }
  | { k: 'column'; ref: ColumnRef; full: boolean; rank: 2 | 3 };

/** Short words that happen to be category codes ("IN", "US", "NO") and match only as typed. */
const SHORT_COMMON_WORDS = new Set([
  'a',
  'i',
  'an',
  'am',
  'as',
  'at',
  'be',
  'by',
  'do',
  'go',
  'he',
  'hi',
  'if',
  'in',
  'is',
  'it',
  'me',
  'my',
  'no',
  'of',
  'oh',
  'ok',
  'on',
  'or',
  'so',
  'to',
  'up',
  'us',
  'we',
  'all',
  'and',
  'any',
  'are',
  'but',
  'can',
  'for',
  'has',
  'how',
  'not',
  'per',
  'the',
  'was',
  'who',
  'why',
  'yes',
  'top',
  'new',
  'old',
  'one',
  'two',
  'day',
  'age',
  'max',
  'min',
  'sum',
  'avg',
]);

function phraseOf(tokens: Token[]): string | undefined {
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.t === 'word') parts.push(t.s);
    else if (t.t === 'num') parts.push(t.raw.toLowerCase());
    else return undefined;
  }
  return parts.join(' ');
}

export class Lexicon {
  readonly joins: Join[];
  private readonly phrases = new Map<string, Target[]>();
  private longest = 1;

  constructor(readonly dataset: TableProfile[]) {
    this.joins = findJoins(dataset);
    for (const table of dataset) {
      const tt = nameTokens(table.name);
      this.add(tt.join(' '), { k: 'table', table, rank: 0 });
      for (const column of table.columns) {
        const ref = { table, column };
        const ct = nameTokens(column.name);
        this.add(ct.join(' '), { k: 'column', ref, full: true, rank: 2 });
        if (ct.length > 1) this.add(ct.join(''), { k: 'column', ref, full: true, rank: 2 });
        // "customer country", "order total": a column named through its table.
        if (ct.join(' ') !== tt.join(' '))
          this.add([...tt, ...ct].join(' '), { k: 'column', ref, full: true, rank: 2 });
        if (ct.length > 1)
          for (const token of ct)
            if (!VAGUE_TOKENS.has(token) && token.length > 2)
              this.add(token, { k: 'column', ref, full: false, rank: 3 });
        for (const value of column.categories ?? []) this.addValue(ref, value);
        if (column.categories?.length) this.addSynonyms(ref, column.categories);
      }
    }
  }

  private add(phrase: string, target: Target): void {
    if (!phrase) return;
    const list = this.phrases.get(phrase) ?? [];
    list.push(target);
    this.phrases.set(phrase, list);
    this.longest = Math.max(this.longest, phrase.split(' ').length);
  }

  /** Other English names of category values: countries and nationalities for codes, "women" for female. */
  private addSynonyms(ref: ColumnRef, categories: string[]): void {
    const value = (v: string) => ({
      k: 'value' as const,
      ref,
      value: v,
      caseSensitive: false,
      rank: 1 as const,
    });
    if (categories.every((v) => /^[A-Z]{2}$/.test(v))) {
      const codes = new Set(categories);
      for (const [country, code] of Object.entries(COUNTRY_CODES))
        if (codes.has(code)) this.add(country, value(code));
    }
    // "German customers": a nationality for a country given by its code or its English name
    if (conceptScore('place', ref.column) > 0) {
      const byCode = new Map<string, string>();
      for (const c of categories) {
        const code = /^[A-Z]{2}$/.test(c) ? c : COUNTRY_CODES[c.toLowerCase()];
        if (code) byCode.set(code, c);
      }
      if (byCode.size)
        for (const [demonym, code] of Object.entries(DEMONYMS)) {
          const named = byCode.get(code);
          if (named) this.add(demonym, value(named));
        }
    }
    if (conceptScore('gender', ref.column) > 0)
      for (const [sex, nouns] of Object.entries(GENDER_NOUNS)) {
        const named = categories.find((c) => [sex, sex[0]].includes(c.toLowerCase()));
        if (named) for (const n of nouns) this.add(n, value(named));
      }
  }

  private addValue(ref: ColumnRef, value: string): void {
    const tokens = tokenize(value);
    const phrase = phraseOf(tokens);
    if (!phrase || phrase.length > 60) return;
    const caseSensitive = SHORT_COMMON_WORDS.has(value.toLowerCase()) || SHORT_COMMON_WORDS.has(phrase);
    this.add(phrase, { k: 'value', ref, value, caseSensitive, rank: 1 });
    // "refunded" also as "refund"/"refunds", "shipped" as "ship", "cancelled" as "cancel"
    if (/^[a-z]{5,}ed$/.test(phrase)) {
      const base = phrase.slice(0, -2);
      const stems = [base, base.replace(/([b-df-hj-np-tv-z])\1$/, '$1')];
      // ... and as nouns: "cancellation", "shipment"
      const nouns = stems.flatMap((b) => (/[b-df-hj-np-tv-z]$/.test(b) ? [`${b}ation`, `${b}ment`] : []));
      const forms = new Set([...stems, phrase.slice(0, -1), ...nouns]);
      for (const f of forms)
        if (f.length >= 4) this.add(f, { k: 'value', ref, value, caseSensitive, rank: 1 });
    }
    // "O-" also as "O negative", "AB+" as "AB positive" ("A positive" only with a capital A)
    const sign = /^([A-Za-z]{1,3})([+-])$/.exec(value);
    if (sign) {
      const base = sign[1]!;
      const common = SHORT_COMMON_WORDS.has(base.toLowerCase());
      for (const word of sign[2] === '+' ? ['positive', 'pos'] : ['negative', 'neg'])
        this.add(`${base.toLowerCase()} ${word}`, {
          k: 'value',
          ref,
          value,
          caseSensitive: common,
          rank: 1,
          ...(common ? { form: `${base} ${word}` } : {}),
        });
    }
    // "check-up" also as "checkup" and "check up".
    if (/-/.test(phrase) && phrase.length > 3) {
      this.add(phrase.replaceAll('-', ''), { k: 'value', ref, value, caseSensitive, rank: 1 });
      this.add(phrase.replaceAll('-', ' '), { k: 'value', ref, value, caseSensitive, rank: 1 });
    }
  }

  /** Turns tokens into items, naming tables, columns and category values (longest phrase first). */
  recognize(tokens: Token[]): Item[] {
    const items: Item[] = [];
    for (let i = 0; i < tokens.length; ) {
      const match = this.matchAt(tokens, i);
      if (match) {
        items.push(tokens[i]!.brk ? { ...match.item, brk: true } : match.item);
        i += match.length;
        // "phone number", "email addresses": the noun after the column adds nothing
        const next = tokens[i];
        if (
          next?.t === 'word' &&
          (next.s === 'number' || next.s === 'address') &&
          match.item.k === 'column' &&
          match.item.refs.every((r) => isTextual(r.column))
        )
          i++;
        continue;
      }
      const t = tokens[i]!;
      const item = this.plainItem(t);
      if (t.brk) item.brk = true;
      items.push(item);
      i++;
      const next = tokens[i];
      if (
        item.k === 'concept' &&
        (item.concept === 'phone' || item.concept === 'email') &&
        next?.t === 'word' &&
        (next.s === 'number' || next.s === 'address')
      )
        i++;
      // "signed up"
      else if (item.k === 'concept' && item.concept === 'signup' && next?.t === 'word' && next.w === 'up')
        i++;
    }
    return items;
  }

  private plainItem(t: Token): Item {
    switch (t.t) {
      case 'word': {
        const c = conceptOf(t);
        if (c) return { k: 'concept', raw: t.raw, w: t.w, ...c, used: false };
        return { k: 'word', raw: t.raw, w: t.w, s: t.s, used: false };
      }
      case 'num':
        return { k: 'num', raw: t.raw, value: t.value, year: t.year, used: false };
      case 'range':
        return { k: 'range', raw: t.raw, lo: t.lo, hi: t.hi, used: false };
      case 'date':
        return { k: 'date', raw: t.raw, date: t.date, used: false };
      case 'quoted':
        return { k: 'quoted', raw: t.raw, text: t.text, used: false };
      case 'sym':
        return { k: 'sym', raw: t.raw, op: t.op, used: false };
    }
  }

  private matchAt(tokens: Token[], i: number): { item: Item; length: number } | undefined {
    for (let n = Math.min(this.longest, tokens.length - i); n >= 1; n--) {
      const span = tokens.slice(i, i + n);
      if (span[0]!.t !== 'word') continue;
      // "visited at least 8 times": the "at" of "at least" is not the "at" of a column "visited_at"
      const last = span.at(-1)!;
      const after = tokens[i + n];
      if (
        n > 1 &&
        last.t === 'word' &&
        last.w === 'at' &&
        after?.t === 'word' &&
        ['least', 'most'].includes(after.w)
      )
        continue;
      const phrase = phraseOf(span);
      if (!phrase) continue;
      const raw = span.map((t) => t.raw).join(' ');
      const targets = (this.phrases.get(phrase) ?? []).filter(
        (t) =>
          t.k !== 'value' ||
          !t.caseSensitive ||
          t.value === raw ||
          (t.form !== undefined && raw.toLowerCase() === t.form.toLowerCase() && raw[0] === t.form[0]),
      );
      if (!targets.length) continue;
      const rank = Math.min(...targets.map((t) => t.rank));
      const best = targets.filter((t) => t.rank === rank);
      const first = best[0]!;
      if (first.k === 'table') {
        const w = span.at(-1)!;
        const plural = w.t === 'word' && w.w !== w.s;
        return { item: { k: 'table', raw, table: first.table, plural, used: false }, length: n };
      }
      if (first.k === 'value') {
        const refs = best.flatMap((t) => (t.k === 'value' ? [{ ...t.ref, value: t.value }] : []));
        return { item: { k: 'value', raw, refs, used: false }, length: n };
      }
      // A single word that is also a concept word ("price", "age") keeps the concept's direction.
      const refs = best.flatMap((t) => (t.k === 'column' ? [t.ref] : []));
      return {
        item: { k: 'column', raw, refs, full: first.k === 'column' && first.full, used: false },
        length: n,
      };
    }
    return undefined;
  }
}
