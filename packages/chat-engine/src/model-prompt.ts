import type { CellValue, ChartSpec, ChatPlan, TableProfile } from './types.ts';

const MAX_CATEGORIES = 25;
const MAX_EXAMPLE_CHARS = 40;

function example(v: CellValue): string {
  const s =
    typeof v === 'string'
      ? JSON.stringify(v.length > MAX_EXAMPLE_CHARS ? `${v.slice(0, MAX_EXAMPLE_CHARS)}…` : v)
      : String(v);
  return s;
}

/** The schema, a few values per column and the rules, as the system message. */
export function systemPrompt(dataset: TableProfile[]): string {
  const tables = dataset.map((t) => {
    const columns = t.columns.map((c) => {
      const values = c.categories?.length
        ? `values: ${c.categories.slice(0, MAX_CATEGORIES).map(example).join(', ')}${c.categories.length > MAX_CATEGORIES ? ', …' : ''}`
        : c.examples.length
          ? `e.g. ${c.examples.slice(0, 3).map(example).join(', ')}`
          : '';
      return `  - "${c.name}" ${c.sqlType} (${c.kind})${values ? `; ${values}` : ''}`;
    });
    return `Table "${t.name}" (${t.rows.toLocaleString('en-US')} rows):\n${columns.join('\n')}`;
  });
  return [
    'You answer questions about a dataset by writing one DuckDB SQL query.',
    '',
    tables.join('\n\n'),
    '',
    'Rules:',
    '- Write exactly one SELECT statement (WITH … SELECT is fine) over the tables above and nothing else: no other statements, no table functions, no files, no settings.',
    '- Quote identifiers with double quotes. Give result columns short snake_case names.',
    '- When listing rows, LIMIT to 50.',
    '- Reply with one JSON object and nothing else:',
    '  {"sql": "<the query>", "chart": {"type": "bar" | "line" | "histogram" | "scatter", "x": "<result column>", "y": "<result column>", "title": "<title>"} or null, "answer": "<one sentence saying what the result shows>"}',
    '- If the tables cannot answer the question, reply {"unanswerable": "<why, in one sentence>"}.',
  ].join('\n');
}

const CHART_TYPES = new Set(['bar', 'line', 'histogram', 'scatter']);

function chartOf(v: unknown): ChartSpec | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const c = v as Record<string, unknown>;
  if (typeof c.type !== 'string' || !CHART_TYPES.has(c.type) || typeof c.x !== 'string' || !c.x)
    return undefined;
  return {
    type: c.type as ChartSpec['type'],
    x: c.x,
    ...(typeof c.y === 'string' && c.y ? { y: c.y } : {}),
    title: typeof c.title === 'string' ? c.title : '',
  };
}

function cleanSql(sql: string): string {
  return sql.trim().replace(/;\s*$/, '').trim();
}

function jsonCandidates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/```(?:json|JSON)?\s*\n?([\s\S]*?)```/g)) out.push(m[1]!.trim());
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start >= 0 && end > start) out.push(text.slice(start, end + 1));
  return out;
}

export type ModelReply =
  | { kind: 'sql'; sql: string; chart?: ChartSpec; answer: string }
  | { kind: 'unanswerable'; message: string }
  | { kind: 'invalid'; reason: string };

/** Reads the model's reply: JSON (bare or in a code fence), or bare SQL in a ```sql fence. */
export function parseModelReply(text: string): ModelReply {
  for (const candidate of jsonCandidates(text)) {
    let v: unknown;
    try {
      v = JSON.parse(candidate);
    } catch {
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    if (typeof o.unanswerable === 'string' || o.unanswerable === true)
      return {
        kind: 'unanswerable',
        message: typeof o.unanswerable === 'string' ? o.unanswerable : String(o.answer ?? ''),
      };
    if (typeof o.sql === 'string' && o.sql.trim()) {
      const chart = chartOf(o.chart);
      return {
        kind: 'sql',
        sql: cleanSql(o.sql),
        ...(chart ? { chart } : {}),
        answer: typeof o.answer === 'string' ? o.answer : '',
      };
    }
  }
  const fenced = /```(?:sql|SQL|duckdb)\s*\n?([\s\S]*?)```/.exec(text);
  if (fenced?.[1]?.trim()) return { kind: 'sql', sql: cleanSql(fenced[1]), answer: '' };
  if (/^\s*(select|with)\b/i.test(text)) return { kind: 'sql', sql: cleanSql(text), answer: '' };
  if (text.trim()) return { kind: 'unanswerable', message: text.trim().slice(0, 500) };
  return { kind: 'invalid', reason: 'the model replied with nothing' };
}

export function replyToPlan(
  reply: Exclude<ModelReply, { kind: 'invalid' }>,
  suggestions: string[],
): ChatPlan {
  if (reply.kind === 'unanswerable')
    return {
      kind: 'unanswerable',
      message: reply.message || "I can't answer that with this dataset.",
      suggestions,
    };
  return {
    kind: 'sql',
    sql: reply.sql,
    ...(reply.chart ? { chart: reply.chart } : {}),
    intent: reply.answer,
  };
}
