// The regular-expression subset of `pattern` fields: literals, escapes (\d \w \s \. …), classes
// ([A-Z0-9], [^aeiou]), `.`, groups with alternation, and the quantifiers ? * + {n} {n,} {n,m}.
// Open quantifiers (* + {n,}) repeat at most 8 more times than their minimum, so every pattern
// has a finite value space: uniqueness can be checked and guaranteed by unranking.

export type PatternNode =
  | { kind: 'chars'; chars: string[] }
  | { kind: 'seq'; items: PatternNode[] }
  | { kind: 'alt'; options: PatternNode[] }
  | { kind: 'repeat'; node: PatternNode; min: number; max: number };

const OPEN_REPEAT = 8;
const MAX_REPEAT = 1000;
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const DIGITS = '0123456789'.split('');
const WORD = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', ...DIGITS, '_'];

export class PatternSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternSyntaxError';
  }
}

/** Parses a pattern such as `[A-Z]{3}-\d{4}`; throws PatternSyntaxError with a readable message. */
export function parsePattern(src: string): PatternNode {
  let i = 0;
  if (src.startsWith('^')) i = 1;
  const end = src.endsWith('$') && !src.endsWith('\\$') ? src.length - 1 : src.length;

  const escapeClass = (c: string): string[] => {
    switch (c) {
      case 'd':
        return DIGITS;
      case 'w':
        return WORD;
      case 's':
        return [' '];
      case 'n':
        return ['\n'];
      case 't':
        return ['\t'];
      default:
        if (/[A-Za-z0-9]/.test(c)) throw new PatternSyntaxError(`unsupported escape '\\${c}'`);
        return [c];
    }
  };

  const parseClass = (): string[] => {
    // at '['
    i++;
    let negate = false;
    if (src[i] === '^') {
      negate = true;
      i++;
    }
    const set = new Set<string>();
    let first = true;
    while (i < end && (src[i] !== ']' || first)) {
      first = false;
      let c = src[i]!;
      let chars: string[];
      if (c === '\\') {
        i++;
        if (i >= end) throw new PatternSyntaxError('pattern ends after a backslash');
        chars = escapeClass(src[i]!);
        c = chars.length === 1 ? chars[0]! : '';
      } else {
        chars = [c];
      }
      i++;
      if (c && src[i] === '-' && i + 1 < end && src[i + 1] !== ']') {
        let hi = src[i + 1]!;
        i += 2;
        if (hi === '\\') {
          hi = escapeClass(src[i]!)[0]!;
          i++;
        }
        const a = c.codePointAt(0)!;
        const b = hi.codePointAt(0)!;
        if (b < a) throw new PatternSyntaxError(`range '${c}-${hi}' is out of order`);
        if (b - a > 5000) throw new PatternSyntaxError(`range '${c}-${hi}' is too large`);
        for (let x = a; x <= b; x++) set.add(String.fromCodePoint(x));
      } else {
        for (const ch of chars) set.add(ch);
      }
    }
    if (src[i] !== ']') throw new PatternSyntaxError("a character class '[' is not closed");
    i++;
    const chars = negate ? PRINTABLE.filter((c) => !set.has(c)) : [...set];
    if (chars.length === 0) throw new PatternSyntaxError('a character class matches nothing');
    return chars;
  };

  const parseAtom = (): PatternNode => {
    const c = src[i]!;
    if (c === '(') {
      i++;
      if (src.startsWith('?:', i)) i += 2;
      const inner = parseAlt();
      if (src[i] !== ')') throw new PatternSyntaxError("a group '(' is not closed");
      i++;
      return inner;
    }
    if (c === '[') return { kind: 'chars', chars: parseClass() };
    if (c === '.') {
      i++;
      return { kind: 'chars', chars: PRINTABLE };
    }
    if (c === '\\') {
      i++;
      if (i >= end) throw new PatternSyntaxError('pattern ends after a backslash');
      const chars = escapeClass(src[i]!);
      i++;
      return { kind: 'chars', chars };
    }
    if ('*+?{'.includes(c)) throw new PatternSyntaxError(`quantifier '${c}' has nothing to repeat`);
    if (c === ')') throw new PatternSyntaxError("unbalanced ')'");
    const cp = src.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    return { kind: 'chars', chars: [ch] };
  };

  const parseQuantified = (): PatternNode => {
    const atom = parseAtom();
    const c = src[i];
    let min: number;
    let max: number;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, OPEN_REPEAT];
    else if (c === '+') [min, max] = [1, 1 + OPEN_REPEAT];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, end));
      if (!m) throw new PatternSyntaxError(`malformed quantifier at ${i + 1}`);
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? min + OPEN_REPEAT : Number(m[3]);
      if (max < min) throw new PatternSyntaxError(`quantifier {${min},${max}} is out of order`);
      if (max > MAX_REPEAT) throw new PatternSyntaxError(`quantifier repeats more than ${MAX_REPEAT} times`);
      i += m[0].length;
      return { kind: 'repeat', node: atom, min, max };
    } else return atom;
    i++;
    return { kind: 'repeat', node: atom, min, max };
  };

  const parseSeq = (): PatternNode => {
    const items: PatternNode[] = [];
    while (i < end && src[i] !== '|' && src[i] !== ')') items.push(parseQuantified());
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  };

  function parseAlt(): PatternNode {
    const options = [parseSeq()];
    while (src[i] === '|') {
      i++;
      options.push(parseSeq());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  const root = parseAlt();
  if (i < end) throw new PatternSyntaxError(`unexpected '${src[i]}' at ${i + 1}`);
  return root;
}

/** Number of distinct strings a pattern can produce (may exceed 2^53, then it is approximate). */
export function patternSize(node: PatternNode): number {
  switch (node.kind) {
    case 'chars':
      return node.chars.length;
    case 'seq':
      return node.items.reduce((acc, n) => acc * patternSize(n), 1);
    case 'alt':
      return node.options.reduce((acc, n) => acc + patternSize(n), 0);
    case 'repeat': {
      const s = patternSize(node.node);
      let total = 0;
      for (let k = node.min; k <= node.max; k++) total += s ** k;
      return total;
    }
  }
}
