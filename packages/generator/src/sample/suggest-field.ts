import { DEFAULT_REFERENCE_DATE, type FieldSpec, type PersonalDataKind } from '@synoptic/contract';
import type { ColumnFacts } from './column-facts.ts';
import { idPatternOf, patternSpace, uuidVersionOf } from './id-pattern.ts';
import { nameWords } from './name-hints.ts';
import { isSsn } from './personal-values.ts';

// The field the schema builder starts from: ordinary columns are learned from the sample; personal
// data and identifiers are generated, so no value of the sample is copied into the output.

const YEAR_MS = 365.2425 * 86_400_000;
const REFERENCE_MS = Date.parse(DEFAULT_REFERENCE_DATE);
const SSN_PATTERN = '\\d{3}-\\d{2}-\\d{4}';
/** A unique generated key needs a value space this many times the rows, so permutations stay cheap. */
const UNIQUE_HEADROOM = 2;

type Column = { name: string; field: string; facts: ColumnFacts; nullShare: number; totalRows: number };

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Empty cells of a generated field, as the sample has them (learned fields learn their own). */
function withNulls<T extends FieldSpec>(field: T, nullShare: number): T {
  const percent = Math.round(nullShare * 10_000) / 100;
  return percent > 0 ? { ...field, nullPercent: percent } : field;
}

function ageRange(born: Float64Array | undefined): { minAge: number; maxAge: number } {
  if (!born?.length) return { minAge: 18, maxAge: 80 };
  const age = (ms: number) => clamp(Math.floor((REFERENCE_MS - ms) / YEAR_MS), 0, 120);
  const minAge = age(born.reduce((a, b) => Math.max(a, b)));
  return { minAge, maxAge: Math.max(minAge, age(born.reduce((a, b) => Math.min(a, b)))) };
}

function phoneField(c: Column): FieldSpec {
  const values = c.facts.checked;
  const e164 = values.every((v) => /^\+\d+$/.test(v));
  const international = values.filter((v) => v.startsWith('+')).length > values.length / 2;
  const mobile = nameWords(c.name).some((w) =>
    ['mobile', 'cell', 'cellphone', 'handy', 'movil', 'portable'].includes(w),
  );
  return {
    name: c.field,
    type: 'phone',
    format: e164 ? 'e164' : international ? 'international' : 'national',
    ...(mobile ? { kind: 'mobile' as const } : {}),
  };
}

/** A generated key shaped like the column's values. */
function keyField(c: Column): FieldSpec {
  const { facts } = c;
  const allDistinct = facts.distinct === facts.nonNull;
  if (facts.numbers && facts.numbers.length > 0) {
    const sorted = facts.numbers.slice().sort();
    const min = sorted[0]!;
    const max = sorted[sorted.length - 1]!;
    const steps = new Set<number>();
    for (let i = 1; i < sorted.length && steps.size < 2; i++) steps.add(sorted[i]! - sorted[i - 1]!);
    const step = steps.size === 1 ? [...steps][0]! : 1;
    if (allDistinct && Number.isSafeInteger(min) && sorted.length / ((max - min) / step + 1) >= 0.9) {
      return { name: c.field, type: 'sequence', start: min, ...(step > 1 ? { step } : {}) };
    }
    const unique = allDistinct && max - min + 1 >= UNIQUE_HEADROOM * c.totalRows;
    return { name: c.field, type: 'integer', min, max, ...(unique ? { unique: true } : {}) };
  }
  const version = uuidVersionOf(facts.checked);
  if (version) return { name: c.field, type: 'uuid', ...(version === 7 ? { version } : {}) };
  const lengths = facts.checked.map((v) => v.length);
  const pattern =
    idPatternOf(facts.checked) ??
    `[A-Za-z0-9]{${Math.min(...lengths)},${Math.min(100, Math.max(...lengths))}}`;
  const unique = allDistinct && patternSpace(pattern) >= UNIQUE_HEADROOM * c.totalRows;
  return { name: c.field, type: 'pattern', pattern, ...(unique ? { unique: true } : {}) };
}

function textField(c: Column): FieldSpec {
  const words = c.facts.checked.map((v) => v.split(/\s+/).filter(Boolean).length).sort((a, b) => a - b);
  const sentences = c.facts.checked
    .map((v) => v.split(/[.!?]+(?:\s|$)/).filter((s) => s.trim()).length)
    .sort((a, b) => a - b);
  if (quantile(sentences, 0.5) <= 1 && quantile(words, 0.95) <= 40) {
    const minWords = clamp(quantile(words, 0.05), 1, 100);
    return {
      name: c.field,
      type: 'sentence',
      minWords,
      maxWords: Math.max(minWords, clamp(quantile(words, 0.95), 1, 100)),
    };
  }
  const minSentences = clamp(quantile(sentences, 0.05), 1, 50);
  return {
    name: c.field,
    type: 'paragraph',
    minSentences,
    maxSentences: Math.max(minSentences, clamp(quantile(sentences, 0.95), 1, 50)),
  };
}

function personalField(c: Column, kind: PersonalDataKind): FieldSpec {
  const name = c.field;
  const allDistinct = c.facts.distinct === c.facts.nonNull && c.facts.nonNull > 1;
  switch (kind) {
    case 'first_name':
    case 'last_name':
    case 'full_name':
    case 'street_address':
    case 'full_address':
    case 'postcode':
      return { name, type: kind };
    case 'email':
      return { name, type: 'email', ...(allDistinct ? { unique: true } : {}) };
    case 'phone':
      return phoneField(c);
    case 'ip_address':
      return { name, type: c.facts.checked.some((v) => v.includes(':')) ? 'ipv6' : 'ipv4' };
    case 'iban':
      return { name, type: 'iban' };
    case 'card_number':
      return { name, type: 'credit_card_number' };
    case 'national_id': {
      const ssn = c.facts.checked.filter(isSsn).length >= c.facts.checked.length / 2;
      const pattern = ssn ? SSN_PATTERN : (idPatternOf(c.facts.checked) ?? '\\d{9}');
      return { name, type: 'pattern', pattern };
    }
    case 'birth_date':
      return { name, type: 'birth_date', ...ageRange(c.facts.numbers) };
    case 'identifier': {
      if (
        nameWords(c.name).some((w) =>
          ['user', 'username', 'login', 'handle', 'screen', 'benutzername'].includes(w),
        )
      ) {
        return { name, type: 'username', ...(allDistinct ? { unique: true } : {}) };
      }
      return keyField(c);
    }
  }
}

/** The field for a profiled column. */
export function suggestField(c: Column, personal: PersonalDataKind | null): FieldSpec {
  if (personal) return withNulls(personalField(c, personal), c.nullShare);
  const { facts } = c;
  switch (facts.type) {
    case 'identifier':
      return withNulls(keyField(c), c.nullShare);
    case 'text':
      return withNulls(textField(c), c.nullShare);
    case 'integer':
    case 'decimal':
    case 'boolean':
    case 'category':
    case 'date':
    case 'datetime':
      return {
        name: c.field,
        type: 'learned',
        ...(c.field === c.name ? {} : { column: c.name }),
        ...(facts.type === facts.natural ? {} : { as: facts.type }),
      };
  }
}
