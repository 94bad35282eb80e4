import type { CellValue, ChatPlan, QueryResult } from './types.ts';

/** How the built-in engine wants a result phrased; travels as JSON in ChatPlan.intent. Labels come from the profile. */
export type AnswerIntent =
  | { tag: 'count'; noun: string; one: string; qualifier: string }
  | { tag: 'values'; labels: string[]; of: string }
  | {
      tag: 'groups';
      measure: string;
      group: string;
      /** How many leading result columns are group keys. */
      keys: number;
      of: string;
      order: 'asc' | 'desc' | 'time';
      limit?: number;
      percent?: boolean;
      /** Set when the groups are periods of time. */
      unit?: string;
    }
  | {
      tag: 'rows';
      noun: string;
      one: string;
      qualifier: string;
      limit: number;
      order?: { column: string; label: string; dir: 'asc' | 'desc'; temporal?: boolean };
    }
  | { tag: 'distinct'; label: string; of: string }
  | { tag: 'histogram'; label: string; of: string; integral: boolean }
  | { tag: 'correlation'; a: string; b: string; of: string }
  | { tag: 'nulls'; label: string; noun: string; qualifier: string }
  | { tag: 'percent'; of: string; condition: string }
  | { tag: 'null-report'; of: string }
  | { tag: 'per-parent'; noun: string; parent: string; one: string };

const TAGS = new Set([
  'count',
  'values',
  'groups',
  'rows',
  'distinct',
  'histogram',
  'correlation',
  'nulls',
  'percent',
  'null-report',
  'per-parent',
]);

function parseIntent(intent: string): AnswerIntent | undefined {
  if (!intent.startsWith('{')) return undefined;
  try {
    const v = JSON.parse(intent) as { tag?: unknown };
    return typeof v.tag === 'string' && TAGS.has(v.tag) ? (v as AnswerIntent) : undefined;
  } catch {
    return undefined;
  }
}

export function formatValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return 'nothing (null)';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v.toLocaleString('en-US');
    const abs = Math.abs(v);
    const digits = abs >= 100 ? 2 : abs >= 1 ? 2 : 4;
    return v.toLocaleString('en-US', { maximumFractionDigits: digits });
  }
  // DuckDB renders midnight timestamps in full; the day is what a reader wants.
  return v.replace(/^(\d{4}-\d{2}-\d{2})[ T]00:00:00(?:\.0+)?(?:\+00(?::00)?|Z)?$/, '$1');
}

const num = (v: CellValue | undefined): number | undefined =>
  typeof v === 'number'
    ? v
    : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))
      ? Number(v)
      : undefined;

function columnIndex(result: QueryResult, name: string): number {
  return result.columns.findIndex((c) => c.name === name);
}

function list(items: string[], max: number): string {
  const shown = items.slice(0, max);
  const more = items.length > max ? `, … (${(items.length - max).toLocaleString('en-US')} more)` : '';
  return `${shown.join(', ')}${more}`;
}

function sentence(s: string): string {
  const t = s.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}

/** Words for a plan's result, using only what is in the result rows. */
export function describeAnswer(
  _question: string,
  plan: Extract<ChatPlan, { kind: 'sql' }>,
  result: QueryResult,
): string {
  const intent = parseIntent(plan.intent);
  const text = intent ? describeIntent(intent, result) : undefined;
  const body = text ?? describeGeneric(result);
  return result.truncated && !/first|showing/i.test(body)
    ? `${body} (The result was cut off at ${result.rows.length.toLocaleString('en-US')} rows.)`
    : body;
}

function describeIntent(intent: AnswerIntent, r: QueryResult): string | undefined {
  const first = r.rows[0];
  switch (intent.tag) {
    case 'count': {
      const n = num(first?.[0]);
      if (n === undefined) return undefined;
      const q = intent.qualifier ? ` ${intent.qualifier}` : '';
      if (n === 0) return `There are no ${intent.noun}${q}.`;
      if (n === 1) return `There is 1 ${intent.one}${q}.`;
      return `There are ${formatValue(n)} ${intent.noun}${q}.`;
    }
    case 'values': {
      if (!first) return `There are no ${intent.of} to measure.`;
      const parts = intent.labels.map((label, i) => `the ${label} is ${formatValue(first[i])}`);
      if (parts.length === 1) return sentence(`${parts[0]!.replace(/ is /, ` of ${intent.of} is `)}`);
      return sentence(`for ${intent.of}, ${joinAnd(parts)}`);
    }
    case 'nulls': {
      const missing = num(first?.[0]);
      const total = num(first?.[1]);
      const pct = num(first?.[2]);
      if (missing === undefined || total === undefined) return undefined;
      const of = `${intent.noun}${intent.qualifier ? ` ${intent.qualifier}` : ''}`;
      if (missing === 0) return `No ${intent.label} is missing: all ${formatValue(total)} ${of} have one.`;
      return `${intent.label.charAt(0).toUpperCase()}${intent.label.slice(1)} is missing for ${formatValue(missing)} of ${formatValue(total)} ${of} (${formatValue(pct ?? 0)}%).`;
    }
    case 'percent': {
      const pct = num(first?.[0]);
      const matching = num(first?.[1]);
      const total = num(first?.[2]);
      if (total === undefined || matching === undefined) return undefined;
      if (total === 0) return `There are no ${intent.of}.`;
      return `${formatValue(pct ?? 0)}% of ${intent.of} ${intent.condition} (${formatValue(matching)} of ${formatValue(total)}).`;
    }
    case 'groups':
      return describeGroups(intent, r);
    case 'rows': {
      const n = r.rows.length;
      const q = intent.qualifier ? ` ${intent.qualifier}` : '';
      if (n === 0) return `There are no ${intent.noun}${q}.`;
      if (intent.order) {
        const idx = columnIndex(r, intent.order.column);
        const word = intent.order.temporal
          ? intent.order.dir === 'desc'
            ? 'latest'
            : 'earliest'
          : intent.order.dir === 'desc'
            ? 'highest'
            : 'lowest';
        const values = idx >= 0 ? r.rows.map((row) => row[idx]) : [];
        const range =
          values.length > 1 && formatValue(values[0]) !== formatValue(values.at(-1))
            ? ` (${intent.order.label} from ${formatValue(values[0])} to ${formatValue(values.at(-1))})`
            : values.length >= 1
              ? ` (${intent.order.label} ${values.length > 1 ? 'all ' : ''}${formatValue(values[0])})`
              : '';
        // one row of a few named columns: say the other values too ("… (age 81): Ivan Petrov")
        const others =
          n === 1 && r.columns.length <= 4
            ? r.columns
                .map((_, i) => (i === idx ? undefined : formatValue(r.rows[0]![i])))
                .filter((v): v is string => v !== undefined)
                .join(', ')
            : '';
        const tail = others ? `: ${others}.` : '.';
        if (intent.order.label === 'age') {
          const adj = intent.order.dir === 'desc' ? 'oldest' : 'youngest';
          return n === 1
            ? `The ${adj} ${intent.one}${q.replaceAll(' that are ', ' that is ')}${range}${tail}`
            : `The ${n.toLocaleString('en-US')} ${adj} ${intent.noun}${q}${range}.`;
        }
        return n === 1
          ? `The ${intent.one}${q.replaceAll(' that are ', ' that is ')} with the ${word} ${intent.order.label}${range}${tail}`
          : `The ${n.toLocaleString('en-US')} ${intent.noun}${q} with the ${word} ${intent.order.label}${range}.`;
      }
      const capped =
        n >= intent.limit || r.truncated ? ` (showing the first ${n.toLocaleString('en-US')})` : '';
      return n === 1
        ? `Here is the 1 ${intent.one}${q}.`
        : `Here are ${n.toLocaleString('en-US')} ${intent.noun}${q}${capped}.`;
    }
    case 'distinct': {
      const values = r.rows.map((row) => formatValue(row[0]));
      if (!values.length) return `There are no ${intent.label} among ${intent.of}.`;
      const count = `${values.length.toLocaleString('en-US')}${r.truncated ? '+' : ''}`;
      return `There ${values.length === 1 ? 'is 1 distinct value' : `are ${count} distinct ${intent.label}`} among ${intent.of}: ${list(values, 20)}.`;
    }
    case 'histogram': {
      if (!r.rows.length) return `There are no values of ${intent.label} among ${intent.of}.`;
      const counts = r.rows.map((row) => num(row[2]) ?? 0);
      const total = counts.reduce((a, b) => a + b, 0);
      const lo = r.rows[0]![0];
      const hiRow = r.rows.at(-1)!;
      const hi = intent.integral ? (num(hiRow[1]) ?? 0) - 1 : hiRow[1];
      let mode = 0;
      for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[mode]!) mode = i;
      const m = r.rows[mode]!;
      const mEnd = intent.integral ? (num(m[1]) ?? 0) - 1 : m[1];
      return `${sentence(`${intent.label} ranges from ${formatValue(lo)} to ${formatValue(hi)} across ${formatValue(total)} ${intent.of}`).slice(0, -1)}; the most common range is ${formatValue(m[0])}–${formatValue(mEnd)} with ${formatValue(counts[mode])}.`;
    }
    case 'correlation': {
      const rho = num(first?.[0]);
      const pairs = num(first?.[1]);
      if (!first || rho === undefined)
        return `There is not enough data to correlate ${intent.a} and ${intent.b}.`;
      return `The correlation between ${intent.a} and ${intent.b} is ${rho.toFixed(2)} (${strength(rho)}), over ${formatValue(pairs ?? 0)} ${intent.of}.`;
    }
    case 'per-parent': {
      const avg = num(first?.[0]);
      const children = num(first?.[1]);
      const parents = num(first?.[2]);
      if (avg === undefined || children === undefined || parents === undefined) return undefined;
      return `On average there are ${formatValue(avg)} ${intent.noun} per ${intent.one} (${formatValue(children)} ${intent.noun}, ${formatValue(parents)} ${intent.parent}).`;
    }
    case 'null-report': {
      if (!first) return undefined;
      const rows = num(first[0]) ?? 0;
      const missing = r.columns
        .map((c, i) => ({ name: c.name, n: num(first[i]) ?? 0 }))
        .slice(1)
        .filter((x) => x.n > 0)
        .sort((a, b) => b.n - a.n);
      if (!missing.length) return `No values are missing in ${intent.of} (${formatValue(rows)} rows).`;
      return `Missing values in ${intent.of} (${formatValue(rows)} rows): ${list(
        missing.map((x) => `${x.name} ${formatValue(x.n)}`),
        12,
      )}; every other column is complete.`;
    }
  }
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function strength(rho: number): string {
  const a = Math.abs(rho);
  const dir = rho > 0 ? 'positive' : 'negative';
  if (a < 0.1) return 'no meaningful linear relationship';
  if (a < 0.3) return `a weak ${dir} relationship`;
  if (a < 0.5) return `a moderate ${dir} relationship`;
  if (a < 0.8) return `a strong ${dir} relationship`;
  return `a very strong ${dir} relationship`;
}

function describeGroups(intent: Extract<AnswerIntent, { tag: 'groups' }>, r: QueryResult): string {
  const keyCount = intent.keys;
  const title = `${intent.measure.charAt(0).toUpperCase()}${intent.measure.slice(1)} by ${intent.group}`;
  if (!r.rows.length) return `There are no ${intent.of} to group.`;
  const period = (v: CellValue) => {
    const s = formatValue(v);
    if (intent.unit === 'year') return s.slice(0, 4);
    if (intent.unit === 'quarter')
      return `${s.slice(0, 4)} Q${Math.floor((Number(s.slice(5, 7)) - 1) / 3) + 1}`;
    if (intent.unit === 'month') return s.slice(0, 7);
    if (intent.unit === 'hour') return s.replace(/:00(\.0+)?([+-]\d\d(:\d\d)?|Z)?$/, '');
    return s;
  };
  const label = (row: CellValue[]) =>
    row
      .slice(0, keyCount)
      .map((v, i) => (intent.unit && i === 0 ? period(v) : formatValue(v)))
      .join(' / ');
  const value = (row: CellValue[]) => `${formatValue(row[keyCount])}${intent.percent ? '%' : ''}`;
  const n = r.rows.length;
  if (intent.limit === 1) {
    const row = r.rows[0]!;
    const word = intent.order === 'asc' ? 'lowest' : 'highest';
    return `The ${intent.group} with the ${word} ${intent.measure} is ${label(row)} (${value(row)}).`;
  }
  if (intent.order === 'time' && n > 2) {
    let hi = 0;
    let lo = 0;
    const vals = r.rows.map((row) => num(row[keyCount]) ?? 0);
    for (let i = 1; i < n; i++) {
      if (vals[i]! > vals[hi]!) hi = i;
      if (vals[i]! < vals[lo]!) lo = i;
    }
    return `${title}, ${label(r.rows[0]!)} to ${label(r.rows[n - 1]!)} (${n} periods): highest ${label(r.rows[hi]!)} (${value(r.rows[hi]!)}), lowest ${label(r.rows[lo]!)} (${value(r.rows[lo]!)}).`;
  }
  const all = r.rows.map((row) => `${label(row)} (${value(row)})`);
  if (intent.limit !== undefined)
    return `${title}, ${intent.order === 'asc' ? 'bottom' : 'top'} ${n}: ${list(all, 20)}.`;
  if (n <= 12) return `${title}: ${all.join(', ')}.`;
  return `${title} (${n.toLocaleString('en-US')} groups), ${intent.order === 'asc' ? 'lowest' : 'highest'} first: ${list(all, 8)}.`;
}

/** Plain words for any result, e.g. from the model engine. */
function describeGeneric(r: QueryResult): string {
  const n = r.rows.length;
  if (n === 0) return 'The query returned no rows.';
  if (n === 1 && r.columns.length === 1) return `The result is ${formatValue(r.rows[0]![0])}.`;
  if (n === 1)
    return `The result: ${r.columns.map((c, i) => `${c.name} ${formatValue(r.rows[0]![i])}`).join(', ')}.`;
  if (r.columns.length === 2 && /INT|DECIMAL|DOUBLE|FLOAT|REAL|NUMERIC/i.test(r.columns[1]!.sqlType)) {
    const items = r.rows.map((row) => `${formatValue(row[0])} (${formatValue(row[1])})`);
    return `${n.toLocaleString('en-US')} rows of ${r.columns[1]!.name} by ${r.columns[0]!.name}: ${list(items, 8)}.`;
  }
  return `The query returned ${n.toLocaleString('en-US')} rows with the columns ${r.columns.map((c) => c.name).join(', ')}.`;
}
