import { Lexicon } from './column-matcher.ts';
import { QueryCompiler } from './query-compiler.ts';
import { type ParseState, QuestionParser } from './question-parser.ts';
import { type ParseResult, Resolver } from './question-resolver.ts';
import { suggestQuestions } from './question-suggestions.ts';
import { FOLLOW_UP_OPENERS } from './question-vocabulary.ts';
import type { ChatEngine, ChatPlan, ChatTurn, TableProfile } from './types.ts';

const MAX_QUESTION_LENGTH = 500;

export function unanswerable(dataset: TableProfile[], reason?: string): ChatPlan {
  const suggestions = suggestQuestions(dataset, 3);
  return {
    kind: 'unanswerable',
    message: `I can't answer that yet.${reason ? ` ${reason}` : ''}${suggestions.length ? ' Try one of these:' : ''}`,
    suggestions,
  };
}

function opensFollowUp(question: string): boolean {
  const words = question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return FOLLOW_UP_OPENERS.some((o) => o.every((w, i) => words[i] === w));
}

function subjectKey(c: ParseState['conditions'][number]): string {
  if (c.kind === 'values') return `col:${c.item.refs[0]?.column.name}`;
  if (c.kind === 'bool') return c.item.k === 'column' ? `col:${c.item.refs[0]?.column.name}` : 'bool';
  if (c.kind === 'related' || c.kind === 'related-count') return `rel:${c.table.name}`;
  const s = c.subject;
  if (s.type === 'item')
    return s.item.k === 'column' ? `col:${s.item.refs[0]?.column.name}` : `concept:${s.item.raw}`;
  if (s.type === 'concept') return `concept:${s.concept}`;
  return s.type;
}

/** A follow-up ("and by country?", "what about in Paris?") changes only what it mentions. */
function merge(prev: ParseState, next: ParseState): ParseState {
  const nextKeys = new Set(next.conditions.map(subjectKey));
  const explicitMeasure = next.measures.length > 0 && !next.assumedMeasure;
  // "and the median?" applies to the columns measured before
  const fields = prev.measures.flatMap((m) =>
    'field' in m && m.fn !== 'nulls' && m.fn !== 'count-distinct' ? [m.field] : [],
  );
  const bare =
    !explicitMeasure && next.bareAggregates?.length && fields.length
      ? next.bareAggregates.flatMap((fn) => fields.map((field) => ({ fn, field })))
      : undefined;
  const nextShapeMatters =
    next.shape && next.shape.kind !== 'rows' && !(next.shape.kind === 'aggregate' && next.assumedMeasure);
  return {
    conditions: [...prev.conditions.filter((c) => !nextKeys.has(subjectKey(c))), ...next.conditions],
    groups: next.groups.length ? next.groups : prev.groups,
    measures: explicitMeasure ? next.measures : (bare ?? prev.measures),
    shape: nextShapeMatters ? next.shape : (prev.shape ?? next.shape),
    subjectTable: next.subjectTable ?? prev.subjectTable,
    mentioned: [...new Set([...prev.mentioned, ...next.mentioned])],
    unknown: next.unknown,
    ...(next.outOfScope ? { outOfScope: next.outOfScope } : {}),
    ...(next.tolerated ? { tolerated: next.tolerated } : {}),
    ...(next.unverified ? { unverified: next.unverified } : {}),
    ...(explicitMeasure ? {} : prev.assumedMeasure ? { assumedMeasure: true } : {}),
  };
}

/** The meaning of the conversation so far: answered questions, follow-ups merged into what they follow. */
function conversationState(lex: Lexicon, history: ChatTurn[], today: Date): ParseState | undefined {
  let state: ParseState | undefined;
  for (let i = 0; i < history.length; i++) {
    const turn = history[i]!;
    if (turn.role !== 'user') continue;
    const reply = history.slice(i + 1).find((t) => t.role === 'assistant');
    if (!reply?.sql || turn.content.length > MAX_QUESTION_LENGTH) continue;
    const read = new QuestionParser(lex, today).read(turn.content);
    const merged =
      state && (opensFollowUp(turn.content) || !new Resolver(lex, read).resolve().ok)
        ? merge(state, read)
        : read;
    if (new Resolver(lex, merged).resolve().ok) state = merged;
  }
  return state;
}

export function planQuestion(
  question: string,
  dataset: TableProfile[],
  history: ChatTurn[] = [],
  today = new Date(),
): ChatPlan {
  if (!dataset.length)
    return {
      kind: 'unanswerable',
      message: "I can't answer that yet: this dataset has no tables.",
      suggestions: [],
    };
  if (!question.trim()) return unanswerable(dataset, 'Ask a question about the data.');
  if (question.length > MAX_QUESTION_LENGTH)
    return unanswerable(dataset, 'That question is too long for me.');
  const lex = new Lexicon(dataset);
  const state = new QuestionParser(lex, today).read(question);
  let result: ParseResult = new Resolver(lex, state).resolve();
  const previous = history.length ? conversationState(lex, history, today) : undefined;
  if (previous) {
    const standaloneComplete =
      result.ok && state.subjectTable !== undefined && state.measures.length > 0 && !state.assumedMeasure;
    if (!result.ok || (opensFollowUp(question) && !standaloneComplete)) {
      const merged = new Resolver(lex, merge(previous, state)).resolve();
      if (merged.ok) result = merged;
    }
  }
  if (!result.ok) return unanswerable(dataset, result.reason);
  try {
    const compiled = new QueryCompiler(lex.joins, result.query).compile();
    return {
      kind: 'sql',
      sql: compiled.sql,
      ...(compiled.chart ? { chart: compiled.chart } : {}),
      intent: JSON.stringify(compiled.intent),
    };
  } catch (e) {
    return unanswerable(dataset, e instanceof Error ? e.message : undefined);
  }
}

/** The default engine: rules over the dataset profile, no network. */
export function createBuiltInEngine(): ChatEngine {
  return {
    name: 'built-in',
    plan: async (question, dataset, history) => planQuestion(question, dataset, history),
  };
}
