// How analysts abbreviate when they type: "cnt", "pct", "rev", "w/o", "# of", "'24", "YTD".
// Each is read as the words it stands for, before anything else looks at the question; a code
// typed in capitals ("MO", "NO") is left alone, since it may be a value of the data.

/** Abbreviated words and what they stand for. */
const WORDS: Record<string, string> = {
  cnt: 'count',
  pct: 'percent',
  perc: 'percent',
  num: 'number',
  nbr: 'number',
  tot: 'total',
  rev: 'revenue',
  val: 'value',
  amt: 'amount',
  yr: 'year',
  yrs: 'years',
  wk: 'week',
  wks: 'weeks',
  cust: 'customer',
  custs: 'customers',
  ytd: 'this year',
  mtd: 'this month',
};

/** The words an abbreviation stands for, or undefined; capitals are a code, not an abbreviation. */
export function expandWord(raw: string): string | undefined {
  if (
    raw.length <= 4 &&
    raw === raw.toUpperCase() &&
    raw.toLowerCase() !== 'ytd' &&
    raw.toLowerCase() !== 'mtd'
  )
    return undefined;
  return WORDS[raw.toLowerCase()];
}

/**
 * Shorthand written with symbols at the start of `rest`: the words it stands for and how many
 * characters it takes, or undefined. `afterWord`: the character before is part of a word.
 */
export function readSymbolShorthand(
  rest: string,
  afterWord: boolean,
): { words: string[]; length: number } | undefined {
  let m = /^w\/o(?![\p{L}\p{N}])/iu.exec(rest);
  if (m && !afterWord) return { words: ['without'], length: m[0].length };
  m = /^w\/(?=\s|\p{L})/iu.exec(rest);
  if (m && !afterWord) return { words: ['with'], length: m[0].length };
  // "# of orders", "# patients"
  m = /^#\s*(?:of\b)?(?!\s*\d)/iu.exec(rest);
  if (m) return { words: ['number', 'of'], length: m[0].length };
  // "% of customers" (a percent after a number is read with the number)
  m = /^%\s*(?=of\b)/iu.exec(rest);
  if (m) return { words: ['percent'], length: 1 };
  // "no. of customers"
  m = /^no\.\s*(?:of\b)?(?=\s*\p{L})/iu.exec(rest);
  if (m && !afterWord) return { words: ['number', 'of'], length: m[0].length };
  return undefined;
}

/** "'24" is 2024, "'98" 1998. */
export function readShortYear(rest: string): { year: number; length: number } | undefined {
  const m = /^['’](\d{2})(?![\p{L}\p{N}])/u.exec(rest);
  if (!m) return undefined;
  const n = Number(m[1]);
  return { year: n <= 50 ? 2000 + n : 1900 + n, length: m[0].length };
}
