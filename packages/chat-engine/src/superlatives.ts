import type { Concept, Direction } from './column-matcher.ts';

// Gradable adjectives and the scale each one grades: "the hottest sensor" ranks by a temperature,
// "the priciest order" by an amount of money, "the busiest month" by how many rows it has. Any
// comparative or superlative form is read from its base ("costliest" ← "costly", "hottest" ← "hot",
// "busiest" ← "busy"), so a form need not be listed to be understood.

/** What an adjective measures: a kind of column, the number of rows, or whatever measure is named. */
export type Scale = { kind: 'concept'; concept: Concept } | { kind: 'count' } | { kind: 'magnitude' };

export type Degree = 'positive' | 'comparative' | 'superlative';

export type Graded = { base: string; degree: Degree; dir: Direction; scale: Scale };

const SCALES: Array<{ scale: Scale; high: string[]; low: string[] }> = [
  {
    scale: { kind: 'count' },
    high: ['busy', 'popular', 'common', 'frequent', 'crowded', 'hectic'],
    low: ['quiet', 'rare', 'unpopular', 'uncommon', 'infrequent'],
  },
  {
    scale: { kind: 'concept', concept: 'money' },
    high: ['expensive', 'pricey', 'pricy', 'costly', 'valuable', 'lucrative'],
    low: ['cheap', 'inexpensive', 'affordable'],
  },
  {
    scale: { kind: 'concept', concept: 'temperature' },
    high: ['hot', 'warm'],
    low: ['cold', 'cool', 'chilly', 'frosty'],
  },
  { scale: { kind: 'concept', concept: 'age' }, high: ['old', 'elderly'], low: ['young'] },
  { scale: { kind: 'concept', concept: 'date' }, high: ['new', 'recent', 'late'], low: ['early'] },
  { scale: { kind: 'concept', concept: 'duration' }, high: ['long', 'lengthy'], low: ['short'] },
  { scale: { kind: 'concept', concept: 'income' }, high: ['rich', 'wealthy', 'affluent'], low: ['poor'] },
  {
    scale: { kind: 'magnitude' },
    high: ['big', 'large', 'high', 'great', 'huge'],
    low: ['small', 'low', 'little', 'tiny'],
  },
];

const BASES = new Map<string, { scale: Scale; dir: Direction }>();
for (const { scale, high, low } of SCALES) {
  for (const w of high) BASES.set(w, { scale, dir: 'high' });
  for (const w of low) BASES.set(w, { scale, dir: 'low' });
}

/** The base forms a word may be inflected from: "busiest" → busy, "largest" → large, "hottest" → hot. */
function readings(w: string): Array<{ base: string; degree: Degree }> {
  const out: Array<{ base: string; degree: Degree }> = [{ base: w, degree: 'positive' }];
  for (const [suffix, degree] of [
    ['est', 'superlative'],
    ['er', 'comparative'],
  ] as const) {
    if (!w.endsWith(suffix) || w.length < suffix.length + 3) continue;
    const stem = w.slice(0, -suffix.length);
    if (stem.endsWith('i')) out.push({ base: `${stem.slice(0, -1)}y`, degree });
    out.push({ base: stem, degree }, { base: `${stem}e`, degree });
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) out.push({ base: stem.slice(0, -1), degree });
  }
  return out;
}

/** A gradable adjective in any degree, or undefined. */
export function graded(word: string): Graded | undefined {
  const w = word.toLowerCase();
  for (const r of readings(w)) {
    const b = BASES.get(r.base);
    if (b) return { ...r, ...b };
  }
  return undefined;
}

/** A superlative ("busiest", "priciest"), with the scale it ranks on. */
export function superlative(word: string): Graded | undefined {
  const g = graded(word);
  return g?.degree === 'superlative' ? g : undefined;
}

/** What "most <word>"/"least <word>" ranks by when the word grades row counts ("most crowded"). */
export function countAdjective(word: string): Graded | undefined {
  const g = graded(word);
  return g?.scale.kind === 'count' ? g : undefined;
}

/** The concept and direction of an adjective grading a kind of column ("costliest" → money, high). */
export function gradedConcept(word: string): { concept: Concept; dir: Direction } | undefined {
  const g = graded(word);
  return g?.scale.kind === 'concept' ? { concept: g.scale.concept, dir: g.dir } : undefined;
}
