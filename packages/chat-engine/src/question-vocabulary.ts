import type { Concept } from './column-matcher.ts';
import type { Aggregate, TimeUnit } from './query-model.ts';

export type Cmp = '<' | '<=' | '>' | '>=';

// Words the parser knows but that carry no meaning of their own in a question about data.
export const FILLER = new Set(
  `a an the of in on at for to from with by per and or is are was were be been being am do does did done
  have has had having there their they them it its this that these those what whats which who whom whose
  where how me my we our us you your i please can could would will should shall tell show give list
  display find get fetch see view let know want wanted need needs all any each every some only just also
  entire whole dataset data table tables row rows record records entry entries currently exactly so
  far many much number count total numbers counts in into as then within among amongst across
  about around overall currently right now here kind sort type types value values field fields column
  columns information info stats statistics summary summarize summarise breakdown down split
  grouped group groups ordered sorted ranked rank based terms respectively living live lives located
  placed made happen happened occur occurred recorded registered come comes came belong belongs exist
  exists existing appear appears appearing present stored contained hold holds got keep kept make
  across times each one ones someone anyone people person up
  did had happened see seen looking look like would ok okay hey hi hello thanks thank actually
  just quickly briefly roughly approximately approx about exact precise result results answer
  pull bring print output select give gives same instead but again too well break single individual altogether compare comparison compared selling sold performing via taken take took logged captured collected measured created received`.split(
    /\s+/,
  ),
);

export const FOLLOW_UP_OPENERS = [
  ['and'],
  ['what', 'about'],
  ['how', 'about'],
  ['same'],
  ['now'],
  ['also'],
  ['then'],
  ['but'],
  ['instead'],
  ['only'],
  ['just'],
  ['ok'],
  ['okay'],
];

export const COMPARATORS: Array<{
  words: string[];
  cmp: Cmp | '=' | '!=';
  concept?: Concept;
  temporal?: boolean;
}> = [
  { words: ['more', 'expensive', 'than'], cmp: '>', concept: 'money' },
  { words: ['less', 'expensive', 'than'], cmp: '<', concept: 'money' },
  { words: ['no', 'more', 'than'], cmp: '<=' },
  { words: ['not', 'more', 'than'], cmp: '<=' },
  { words: ['no', 'less', 'than'], cmp: '>=' },
  { words: ['not', 'less', 'than'], cmp: '>=' },
  { words: ['no', 'fewer', 'than'], cmp: '>=' },
  { words: ['on', 'or', 'after'], cmp: '>=', temporal: true },
  { words: ['on', 'or', 'before'], cmp: '<=', temporal: true },
  { words: ['not', 'equal', 'to'], cmp: '!=' },
  { words: ['more', 'than'], cmp: '>' },
  { words: ['greater', 'than'], cmp: '>' },
  { words: ['higher', 'than'], cmp: '>' },
  { words: ['larger', 'than'], cmp: '>' },
  { words: ['bigger', 'than'], cmp: '>' },
  { words: ['later', 'than'], cmp: '>', temporal: true },
  { words: ['newer', 'than'], cmp: '>', temporal: true },
  { words: ['older', 'than'], cmp: '>', concept: 'age' },
  { words: ['pricier', 'than'], cmp: '>', concept: 'money' },
  { words: ['costlier', 'than'], cmp: '>', concept: 'money' },
  { words: ['hotter', 'than'], cmp: '>', concept: 'temperature' },
  { words: ['warmer', 'than'], cmp: '>', concept: 'temperature' },
  { words: ['longer', 'than'], cmp: '>', concept: 'duration' },
  { words: ['less', 'than'], cmp: '<' },
  { words: ['fewer', 'than'], cmp: '<' },
  { words: ['lower', 'than'], cmp: '<' },
  { words: ['smaller', 'than'], cmp: '<' },
  { words: ['earlier', 'than'], cmp: '<', temporal: true },
  { words: ['younger', 'than'], cmp: '<', concept: 'age' },
  { words: ['cheaper', 'than'], cmp: '<', concept: 'money' },
  { words: ['colder', 'than'], cmp: '<', concept: 'temperature' },
  { words: ['cooler', 'than'], cmp: '<', concept: 'temperature' },
  { words: ['shorter', 'than'], cmp: '<', concept: 'duration' },
  { words: ['at', 'least'], cmp: '>=' },
  { words: ['at', 'most'], cmp: '<=' },
  { words: ['up', 'to'], cmp: '<=' },
  { words: ['equal', 'to'], cmp: '=' },
  { words: ['other', 'than'], cmp: '!=' },
  { words: ['exceeding'], cmp: '>' },
  { words: ['exceeds'], cmp: '>' },
  { words: ['exceed'], cmp: '>' },
  { words: ['over'], cmp: '>' },
  { words: ['above'], cmp: '>' },
  { words: ['after'], cmp: '>', temporal: true },
  { words: ['since'], cmp: '>=', temporal: true },
  { words: ['under'], cmp: '<' },
  { words: ['below'], cmp: '<' },
  { words: ['before'], cmp: '<', temporal: true },
  { words: ['until'], cmp: '<=', temporal: true },
  { words: ['till'], cmp: '<=', temporal: true },
  { words: ['through'], cmp: '<=', temporal: true },
  { words: ['equals'], cmp: '=' },
  { words: ['exactly'], cmp: '=' },
];

export const POSTFIX: Array<{ words: string[]; cmp: Cmp; concept?: Concept }> = [
  { words: ['or', 'more'], cmp: '>=' },
  { words: ['or', 'higher'], cmp: '>=' },
  { words: ['or', 'above'], cmp: '>=' },
  { words: ['or', 'over'], cmp: '>=' },
  { words: ['and', 'above'], cmp: '>=' },
  { words: ['and', 'over'], cmp: '>=' },
  { words: ['and', 'up'], cmp: '>=' },
  { words: ['or', 'later'], cmp: '>=' },
  { words: ['or', 'older'], cmp: '>=', concept: 'age' },
  { words: ['or', 'less'], cmp: '<=' },
  { words: ['or', 'fewer'], cmp: '<=' },
  { words: ['or', 'lower'], cmp: '<=' },
  { words: ['or', 'below'], cmp: '<=' },
  { words: ['or', 'under'], cmp: '<=' },
  { words: ['and', 'below'], cmp: '<=' },
  { words: ['and', 'under'], cmp: '<=' },
  { words: ['or', 'earlier'], cmp: '<=' },
  { words: ['or', 'younger'], cmp: '<=', concept: 'age' },
];

/** Words between a column and its comparison: "customers whose age is over 60". */
export const SUBJECT_SKIP = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'the',
  'a',
  'an',
  'with',
  'has',
  'have',
  'had',
  'having',
  'of',
  'whose',
  'where',
  'that',
  'which',
  'who',
  'its',
  'their',
  'his',
  'her',
  'value',
  'values',
  'and',
  'but',
  'not',
  'made',
  'placed',
  'recorded',
  'happened',
  'reading',
  'readings',
  'measured',
  'at',
  'on',
  'in',
]);

/** Words after a number that only say its unit. */
export const UNIT_WORDS = new Set([
  'dollar',
  'dollars',
  'usd',
  'eur',
  'euro',
  'euros',
  'buck',
  'bucks',
  'gbp',
  'pound',
  'pounds',
  'year',
  'years',
  'yr',
  'yrs',
  'percent',
  'celsius',
  'c',
]);

export const TIME_UNITS: Record<string, TimeUnit> = {
  year: 'year',
  years: 'year',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
  quarter: 'quarter',
  quarters: 'quarter',
  quarterly: 'quarter',
  month: 'month',
  months: 'month',
  monthly: 'month',
  week: 'week',
  weeks: 'week',
  weekly: 'week',
  day: 'day',
  days: 'day',
  daily: 'day',
  date: 'day',
  hour: 'hour',
  hours: 'hour',
  hourly: 'hour',
};

export const ADVERB_UNITS = new Set([
  'yearly',
  'annually',
  'quarterly',
  'monthly',
  'weekly',
  'daily',
  'hourly',
]);

export const AGGREGATES: Record<string, Aggregate | 'range'> = {
  average: 'avg',
  avg: 'avg',
  mean: 'avg',
  typical: 'avg',
  minimum: 'min',
  min: 'min',
  lowest: 'min',
  smallest: 'min',
  maximum: 'max',
  max: 'max',
  highest: 'max',
  largest: 'max',
  biggest: 'max',
  greatest: 'max',
  sum: 'sum',
  total: 'sum',
  combined: 'sum',
  median: 'median',
  stddev: 'stddev',
  stdev: 'stddev',
  std: 'stddev',
  variability: 'stddev',
  range: 'range',
};

export const NEGATORS = new Set([
  'not',
  'non',
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "don't",
  "doesn't",
  "didn't",
  "hasn't",
  "haven't",
  "hadn't",
  'except',
  'excluding',
  'besides',
  'no',
]);

export const SHOW_WORDS = new Set([
  'show',
  'list',
  'display',
  'give',
  'find',
  'get',
  'fetch',
  'see',
  'view',
  'return',
  'select',
  'print',
  'pull',
  'which',
  'who',
  'what',
  'sample',
  'example',
  'examples',
  'rows',
  'records',
  'entries',
]);

/**
 * Words of the parser's own grammar. Left unused, one means a part of the question was not
 * understood ("average" with nothing to average), so it is never dropped as filler.
 */
export const KEYWORDS: ReadonlySet<string> = new Set([
  ...Object.keys(AGGREGATES),
  ...COMPARATORS.flatMap((c) => c.words),
  ...POSTFIX.flatMap((p) => p.words),
  ...Object.keys(TIME_UNITS),
  ...NEGATORS,
  ...SHOW_WORDS,
  ...`top bottom best worst most least rarest fewest common frequent popular often percent percentage
  share proportion fraction ratio distinct unique different various distribution histogram spread
  distributed frequency frequencies correlation correlated correlate correlates relationship relation
  association corr missing null nulls empty blank unset absent completeness containing contains
  contain starting starts beginning begins ending ends random randomly trend trends`.split(/\s+/),
]);
