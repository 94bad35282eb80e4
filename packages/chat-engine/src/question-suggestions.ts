import { isIdColumn, isMeasure, isTemporal, Lexicon, mainDate } from './column-matcher.ts';
import { capitalize, humanize, plural } from './query-compiler.ts';
import { QuestionParser } from './question-parser.ts';
import { Resolver } from './question-resolver.ts';
import type { ColumnProfile, TableProfile } from './types.ts';

function categoryColumns(t: TableProfile): ColumnProfile[] {
  return t.columns.filter(
    (c) =>
      !isIdColumn(c) &&
      (c.kind === 'boolean' || (c.categories && c.categories.length >= 2 && c.categories.length <= 40)),
  );
}

function candidates(t: TableProfile): string[] {
  const noun = humanize(t.name);
  const cats = categoryColumns(t);
  const measures = t.columns.filter(isMeasure);
  const date = mainDate(t);
  const out: string[] = [];
  const cat = cats[0];
  const measure = measures[0];
  if (cat) out.push(`Number of ${noun} by ${humanize(cat.name)}`);
  if (measure && cat) out.push(`Average ${humanize(measure.name)} by ${humanize(cat.name)}`);
  if (date && isTemporal(date.column)) out.push(`${capitalize(noun)} per month`);
  if (measure) out.push(`Distribution of ${humanize(measure.name)}`);
  out.push(`How many ${noun} are there?`);
  const other = cats[1];
  if (other) out.push(`Top 5 ${plural(humanize(other.name))} by number of ${noun}`);
  if (measures[1]) out.push(`Average ${humanize(measures[1].name)}`);
  if (date) out.push(`Latest ${humanize(date.column.name)}`);
  out.push(`Show me 10 ${noun}`, `Missing values per column in ${noun}`);
  return out;
}

/** Questions the built-in engine answers about this dataset, drawn from its actual columns. */
export function suggestQuestions(dataset: TableProfile[], count = 3): string[] {
  if (!dataset.length) return [];
  const lex = new Lexicon(dataset);
  const tables = [...dataset].sort((a, b) => b.rows - a.rows);
  const lists = tables.map(candidates);
  const ordered: string[] = [];
  // one from each table in turn, so a two-table dataset gets suggestions about both
  for (let i = 0; ordered.length < lists.flat().length; i++) {
    let added = false;
    for (const list of lists)
      if (list[i] !== undefined) {
        ordered.push(list[i]!);
        added = true;
      }
    if (!added) break;
  }
  const answerable = ordered.filter((q) => new Resolver(lex, new QuestionParser(lex).read(q)).resolve().ok);
  const unique = [...new Set(answerable)];
  return unique.slice(0, count);
}
