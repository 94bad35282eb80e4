import { parsePattern, patternSize } from '@synoptic/contract';

// A `pattern` that makes values shaped like a column's ids: `CUS-000123` → CUS-\d{6}.

const HEX = /^[0-9a-f]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

type Run = { cls: string; text: string };

const classOf = (ch: string) =>
  /\d/.test(ch) ? '\\d' : /[A-Z]/.test(ch) ? '[A-Z]' : /[a-z]/.test(ch) ? '[a-z]' : ch;

/** A value as runs of one character class; other characters are their own class. */
function runsOf(value: string): Run[] {
  const runs: Run[] = [];
  for (const ch of value) {
    const cls = classOf(ch);
    const last = runs.at(-1);
    if (last && last.cls === cls && cls.length > 1) last.text += ch;
    else runs.push({ cls, text: ch });
  }
  return runs;
}

const literal = (text: string) => text.replace(/[^A-Za-z0-9 ]/g, (c) => `\\${c}`);
const repeat = (min: number, max: number) =>
  min === max ? (min === 1 ? '' : `{${min}}`) : `{${min},${max}}`;

/** The UUID version most values carry (4 or 7), or undefined when they are not UUIDs. */
export function uuidVersionOf(values: string[], minShare = 0.9): 4 | 7 | undefined {
  const versions = values.map((v) => UUID.exec(v.trim())?.[1]);
  const found = versions.filter((v) => v !== undefined);
  if (found.length < minShare * values.length || found.length === 0) return undefined;
  return found.filter((v) => v === '7').length > found.length / 2 ? 7 : 4;
}

/**
 * A pattern matching the shape most values share: runs of digits, capitals and small letters with
 * their lengths, and the characters every value has in the same place (prefixes, dashes) kept as
 * they are. Undefined when the values share no shape.
 */
export function idPatternOf(values: string[]): string | undefined {
  const texts = values.map((v) => v.trim()).filter(Boolean);
  if (texts.length === 0) return undefined;
  const lengths = texts.map((t) => t.length);
  const [minLength, maxLength] = [Math.min(...lengths), Math.max(...lengths)];
  if (
    texts.every((t) => HEX.test(t)) &&
    texts.some((t) => /[a-f]/.test(t)) &&
    texts.some((t) => /\d/.test(t))
  ) {
    return `[0-9a-f]${repeat(minLength, maxLength)}`;
  }
  const shapes = new Map<string, Run[][]>();
  for (const t of texts) {
    const runs = runsOf(t);
    const key = runs.map((r) => r.cls).join(' ');
    shapes.set(key, [...(shapes.get(key) ?? []), runs]);
  }
  const [, common] = [...shapes].reduce((a, b) => (b[1].length > a[1].length ? b : a));
  if (common.length < 0.8 * texts.length) return undefined;
  const pattern = common[0]!
    .map((run, i) => {
      const column = common.map((runs) => runs[i]!.text);
      if (column.every((t) => t === run.text)) return literal(run.text);
      const lens = column.map((t) => t.length);
      return `${run.cls.length > 1 ? run.cls : literal(run.cls)}${repeat(Math.min(...lens), Math.max(...lens))}`;
    })
    .join('');
  return pattern.length <= 500 ? pattern : undefined;
}

/** How many distinct values a pattern can make (0 when it cannot be read). */
export function patternSpace(pattern: string): number {
  try {
    return patternSize(parsePattern(pattern));
  } catch {
    return 0;
  }
}
