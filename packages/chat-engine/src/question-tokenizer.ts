import { expandWord, readShortYear, readSymbolShorthand } from './shorthand.ts';
import { MONTHS, NUMBER_WORDS, singular } from './word-forms.ts';

/** A calendar value at the precision the question gave: a year, a quarter, a month (maybe of no year), a day, an instant. */
export type DateValue = { year?: number; quarter?: number; month?: number; day?: number; time?: string };

export type CompareSymbol = '>' | '>=' | '<' | '<=' | '=' | '!=';

/**
 * word: w is lower case, s its singular stem, raw as typed (category codes like "US" match
 * case-sensitively). brk: punctuation (a comma, colon, dash, full stop…) came before the token, so
 * a new clause starts there.
 */
export type Token = { brk?: true } & (
  | { t: 'word'; raw: string; w: string; s: string }
  | { t: 'num'; raw: string; value: number; year: boolean; ordinal: boolean }
  | { t: 'range'; raw: string; lo: number; hi: number }
  | { t: 'date'; raw: string; date: DateValue }
  | { t: 'quoted'; raw: string; text: string }
  | { t: 'sym'; raw: string; op: CompareSymbol }
);

const ABBREVIATIONS = new Set([
  'vs',
  'approx',
  'avg',
  'no',
  'nr',
  'etc',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'qty',
]);

/** Punctuation that separates clauses ("Quick question: …", "…, thanks"). */
const CLAUSE_BREAK = /[,;:!?()[\]…—–]/;

const SYMBOLS: Array<[string, CompareSymbol]> = [
  ['>=', '>='],
  ['=>', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['!=', '!='],
  ['<>', '!='],
  ['==', '='],
  ['=', '='],
  ['>', '>'],
  ['<', '<'],
];

const ISO_DATETIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?![\d:])/;
const YEAR_MONTH = /^(\d{4})-(\d{1,2})(?![\d-])/;
const SLASH_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/;
const DECADE = /^(')?(\d{3}0|[1-9]0)'?s(?![\p{L}\p{N}])/u;
const RANGE = /^(\d+(?:\.\d+)?)\s*(?:-|–|—)\s*(\d+(?:\.\d+)?)(?![\d.])/;
const NUMBER = /^([-+])?[$€£]?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?(k|m|%|st|nd|rd|th)?(?![\p{L}\p{N}])/iu;
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}_'.@&+-]*/u;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isValidDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function wordToken(raw: string): Token {
  let r = raw.replace(/[.']+$/, '');
  r = r.replace(/'s$/i, '');
  // A lone trailing hyphen is punctuation, except in short codes such as the blood type "AB-".
  if (r.length > 3) r = r.replace(/-+$/, '');
  const w = r.toLowerCase();
  return { t: 'word', raw: r, w, s: singular(w) };
}

function normalizeText(text: string): string {
  return text
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/≥/g, '>=')
    .replace(/≤/g, '<=')
    .replace(/≠/g, '!=')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a question into words, numbers, dates, quoted strings and comparison symbols. */
export function tokenize(question: string): Token[] {
  const text = normalizeText(question);
  const out: Token[] = [];
  let brk = false;
  const push = (t: Token) => {
    out.push(brk && out.length ? { ...t, brk: true } : t);
    brk = false;
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i]!;
    if (ch === ' ') {
      i++;
      continue;
    }
    const short = readShortYear(rest);
    if (short) {
      push({ t: 'num', raw: rest.slice(0, short.length), value: short.year, year: true, ordinal: false });
      i += short.length;
      continue;
    }
    if ('wW#%nN'.includes(ch)) {
      const sh = readSymbolShorthand(rest, i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!));
      if (sh) {
        for (const w of sh.words) push(wordToken(w));
        i += sh.length;
        continue;
      }
    }
    let m = DECADE.exec(rest);
    if (m) {
      // "the 1980s", "the '80s" are years; "in their 30s" is a number as said
      const digits = m[2]!;
      const lo = digits.length === 4 ? Number(digits) : m[1] ? 1900 + Number(digits) : Number(digits);
      push({ t: 'range', raw: m[0], lo, hi: lo + 9 });
      i += m[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      // A quote opens a string only at a word boundary and only if it closes before a boundary.
      const prev = i === 0 ? ' ' : text[i - 1]!;
      if (!/[\p{L}\p{N}]/u.test(prev)) {
        const close = findClosingQuote(text, i + 1, ch);
        if (close > i + 1) {
          push({ t: 'quoted', raw: text.slice(i, close + 1), text: text.slice(i + 1, close) });
          i = close + 1;
          continue;
        }
      }
      i++;
      continue;
    }
    const sym = SYMBOLS.find(([s]) => rest.startsWith(s));
    if (sym) {
      push({ t: 'sym', raw: sym[0], op: sym[1] });
      i += sym[0].length;
      continue;
    }
    m = ISO_DATETIME.exec(rest) ?? SLASH_DATE.exec(rest);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (isValidDay(y, mo, d)) {
        const date: DateValue = { year: y, month: mo, day: d };
        if (m[4] !== undefined) date.time = `${pad(Number(m[4]))}:${m[5]}:${m[6] ?? '00'}`;
        push({ t: 'date', raw: m[0], date });
        i += m[0].length;
        continue;
      }
    }
    m = YEAR_MONTH.exec(rest);
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
      push({ t: 'date', raw: m[0], date: { year: Number(m[1]), month: Number(m[2]) } });
      i += m[0].length;
      continue;
    }
    m = RANGE.exec(rest);
    if (m) {
      const lo = Number(m[1]);
      const hi = Number(m[2]);
      if (lo <= hi) {
        push({ t: 'range', raw: m[0], lo, hi });
        i += m[0].length;
        continue;
      }
    }
    m = NUMBER.exec(rest);
    if (m) {
      const digits = m[2]!.replaceAll(',', '');
      let value = Number(`${digits}${m[3] ?? ''}`);
      const suffix = m[4]?.toLowerCase();
      if (suffix === 'k') value *= 1000;
      if (suffix === 'm') value *= 1_000_000;
      if (m[1] === '-') value = -value;
      const plain = !m[1] && !m[3] && !suffix && !m[2]!.includes(',') && !/[$€£]/.test(m[0]);
      push({
        t: 'num',
        raw: m[0],
        value,
        year: plain && value >= 1900 && value <= 2100,
        ordinal: suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th',
      });
      i += m[0].length;
      // "65+" reads as "65 or more"
      if (text[i] === '+' && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) {
        push(wordToken('or'));
        push(wordToken('more'));
        i++;
      }
      continue;
    }
    m = WORD.exec(rest);
    if (m) {
      // "non-VIP" is "non" and "VIP", so the column still matches
      const non = /^(non)-(.{2,})$/i.exec(m[0]);
      // "Jan-Mar": from one month to the other
      const months = /^(\p{L}+)-(\p{L}+)$/u.exec(m[0]);
      const expanded = expandWord(m[0].replace(/\.$/, ''));
      if (months && MONTHS[months[1]!.toLowerCase()] && MONTHS[months[2]!.toLowerCase()]) {
        push(wordToken(months[1]!));
        push(wordToken('to'));
        push(wordToken(months[2]!));
      } else if (expanded) for (const w of expanded.split(' ')) push(wordToken(w));
      else if (non) {
        push(wordToken(non[1]!));
        push(wordToken(non[2]!));
      } else if (/[a-z0-9]_[a-z0-9]/i.test(m[0]) || (/[a-z][A-Z]/.test(m[0]) && !m[0].includes('@'))) {
        // "Signup_Date", "signupDate": written like a column name, read as its words
        for (const part of m[0].replace(/([a-z0-9])([A-Z])/g, '$1_$2').split('_'))
          if (part) push(wordToken(part));
      } else push(wordToken(m[0]));
      i += m[0].length;
      // "Thanks. How many …": a full stop before a capital ends the clause ("vs. Paris" does not)
      if (/\p{L}{2}\.$/u.test(m[0]) && !ABBREVIATIONS.has(m[0].slice(0, -1).toLowerCase()))
        brk = /^\s*\p{Lu}/u.test(text.slice(i));
      continue;
    }
    // "readings/sensor": per; "and/or" is neither
    const prev = out.at(-1);
    if (
      ch === '/' &&
      prev?.t === 'word' &&
      /\p{L}/u.test(text[i + 1] ?? '') &&
      !/^and\/or/i.test(text.slice(i - 3))
    )
      push(wordToken('per'));
    else if (CLAUSE_BREAK.test(ch) || (ch === '-' && text[i + 1] === ' ') || ch === '.') brk = true;
    i++; // punctuation
  }
  return joinCalendarWords(multiplyNumbers(spellNumbers(out)));
}

function findClosingQuote(text: string, from: number, quote: string): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] !== quote) continue;
    const next = text[j + 1];
    if (next === undefined || !/[\p{L}\p{N}]/u.test(next)) return j;
  }
  return -1;
}

/** "a thousand", "two hundred", "5 million": a count of hundreds, thousands or millions. */
function multiplyNumbers(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out.at(-1);
    const scale = t.t === 'num' && /^(hundred|thousand|million)$/i.test(t.raw) ? t.value : 0;
    if (scale && prev?.t === 'num' && !prev.year && !prev.ordinal)
      out[out.length - 1] = { ...prev, raw: `${prev.raw} ${t.raw}`, value: prev.value * scale };
    else if (scale && prev?.t === 'word' && prev.w === 'a')
      out[out.length - 1] = {
        ...t,
        raw: `${prev.raw} ${t.raw}`,
        ...(prev.brk ? { brk: true as const } : {}),
      };
    else out.push(t);
  }
  return out;
}

function spellNumbers(tokens: Token[]): Token[] {
  return tokens.map((t) =>
    t.t === 'word' && NUMBER_WORDS[t.w] !== undefined
      ? {
          t: 'num',
          raw: t.raw,
          value: NUMBER_WORDS[t.w]!,
          year: false,
          ordinal: false,
          ...(t.brk ? { brk: true as const } : {}),
        }
      : t,
  );
}

const isYear = (t: Token | undefined): t is Extract<Token, { t: 'num' }> => t?.t === 'num' && t.year;
const isDayNumber = (t: Token | undefined): t is Extract<Token, { t: 'num' }> =>
  t?.t === 'num' && Number.isInteger(t.value) && t.value >= 1 && t.value <= 31 && !t.year;

/** Month names with an optional day and year ("June 2024", "1 June 2024", "June 1st"), and quarters ("Q1 2024"). */
function joinCalendarWords(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.t === 'word' && /^q[1-4]$/.test(t.w)) {
      const next = tokens[i + 1];
      const date: DateValue = { quarter: Number(t.w[1]) };
      let raw = t.raw;
      if (isYear(next)) {
        date.year = next.value;
        raw += ` ${next.raw}`;
        i++;
      }
      out.push({ t: 'date', raw, date, ...(t.brk ? { brk: true as const } : {}) });
      continue;
    }
    if (t.t !== 'word' || MONTHS[t.w] === undefined) {
      out.push(t);
      continue;
    }
    const month = MONTHS[t.w]!;
    const prev = out.at(-1);
    const next = tokens[i + 1];
    const date: DateValue = { month };
    let raw = t.raw;
    let consumed = 0;
    let brk = t.brk;
    if (isDayNumber(prev) && (prev.ordinal || isYear(next) || t.w !== 'may')) {
      out.pop();
      brk = prev.brk;
      date.day = prev.value;
      raw = `${prev.raw} ${raw}`;
    } else if (isDayNumber(next)) {
      date.day = next.value;
      raw += ` ${next.raw}`;
      consumed++;
    }
    const after = tokens[i + 1 + consumed];
    if (isYear(after)) {
      date.year = after.value;
      raw += ` ${after.raw}`;
      consumed++;
    } else if (after?.t === 'word' && after.w === 'of' && isYear(tokens[i + 2 + consumed])) {
      date.year = (tokens[i + 2 + consumed] as Extract<Token, { t: 'num' }>).value;
      consumed += 2;
    }
    // "may" is a month only when a day or year comes with it.
    if (t.w === 'may' && date.day === undefined && date.year === undefined) {
      out.push(t);
      continue;
    }
    if (date.day !== undefined && date.year !== undefined && !isValidDay(date.year, month, date.day)) {
      out.push(t);
      continue;
    }
    out.push({ t: 'date', raw, date, ...(brk ? { brk: true as const } : {}) });
    i += consumed;
  }
  return out;
}
