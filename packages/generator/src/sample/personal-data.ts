import { DEFAULT_REFERENCE_DATE, type PersonalDataKind } from '@synoptic/contract';
import type { ColumnFacts } from './column-facts.ts';
import { personalHintOf } from './name-hints.ts';
import { textValueScores, type ValueScores } from './personal-values.ts';

// Whether a column holds personal data, from its name and its values. The values win when the two
// disagree: a column called `name` that holds product names is not a person's name, and a column
// called `contact` full of email addresses is one.

export type PersonalGuess = {
  kind: PersonalDataKind | null;
  /** How sure the guess is, 0–1, before the sample's size is taken into account. */
  confidence: number;
};

/** The share of values that makes a kind certain without any hint from the name. */
const ON_VALUES_ALONE: Partial<Record<PersonalDataKind, number>> = {
  email: 0.8,
  iban: 0.9,
  card_number: 0.9,
  national_id: 0.9,
  ip_address: 0.9,
  full_address: 0.7,
  street_address: 0.7,
  phone: 0.8,
  full_name: 0.6,
  first_name: 0.6,
  last_name: 0.6,
};
/** Checked in this order, so a kind whose values also pass a looser check (an SSN is phone-like) wins. */
const PRECEDENCE = Object.keys(ON_VALUES_ALONE) as PersonalDataKind[];
const NAME_KINDS: PersonalDataKind[] = ['full_name', 'first_name', 'last_name'];
/** The share that confirms what the name says: name pools and address notations are incomplete. */
const CONFIRMS = 0.3;
/** Below this share of at least ENOUGH_TO_REFUTE distinct values, the values refute the name. */
const REFUTES = 0.1;
const ENOUGH_TO_REFUTE = 3;
const YEAR_MS = 365.2425 * 86_400_000;
const REFERENCE_MS = Date.parse(DEFAULT_REFERENCE_DATE);

/** Checks numbers can pass: a postcode that lost its leading zero, a phone or an SSN without separators. */
function numberScores(values: number[]): ValueScores {
  const n = Math.max(1, values.length);
  const share = (test: (v: number) => boolean) => values.filter(test).length / n;
  const digits = (v: number) => (Number.isInteger(v) && v > 0 ? String(v).length : 0);
  return {
    postcode: share((v) => digits(v) >= 3 && digits(v) <= 5),
    phone: share((v) => digits(v) >= 7 && digits(v) <= 15),
    national_id: share((v) => digits(v) >= 8 && digits(v) <= 9),
    card_number: share((v) => digits(v) >= 13),
    identifier: share((v) => digits(v) > 0),
  };
}

/** Dates that can be birthdays: a person aged 0 to 120 at the reference date. */
function dateScores(values: Float64Array): ValueScores {
  const n = Math.max(1, values.length);
  const born = values.filter((ms) => ms <= REFERENCE_MS && REFERENCE_MS - ms <= 120 * YEAR_MS).length;
  return { birth_date: born / n };
}

function scoresOf(facts: ColumnFacts): ValueScores {
  switch (facts.type) {
    case 'boolean':
      return {};
    case 'date':
    case 'datetime':
      return dateScores(facts.numbers ?? new Float64Array());
    case 'integer':
    case 'decimal':
      return numberScores(facts.checked.map(Number));
    case 'category':
    case 'identifier':
    case 'text':
      // A category can be numeric codes; identifiers numeric keys.
      return facts.numbers
        ? numberScores(facts.checked.map(Number))
        : { ...textValueScores(facts.checked), identifier: 1 };
  }
}

/** The kind the values show on their own, if any. */
function kindOfValues(scores: ValueScores): { kind: PersonalDataKind; share: number } | undefined {
  const names = NAME_KINDS.filter((k) => (scores[k] ?? 0) >= ON_VALUES_ALONE[k]!);
  const bestName = names.sort((a, b) => scores[b]! - scores[a]!)[0];
  for (const kind of PRECEDENCE) {
    if (NAME_KINDS.includes(kind) && kind !== bestName) continue;
    const share = scores[kind] ?? 0;
    if (share >= ON_VALUES_ALONE[kind]!) return { kind, share };
  }
  return undefined;
}

/** Kinds a numeric column can hold: digits that lost their formatting. */
const NUMBER_KINDS = new Set<PersonalDataKind>([
  'postcode',
  'phone',
  'national_id',
  'card_number',
  'identifier',
]);

/** Whether a column of this type can hold what the name says (`last_login` is a date, not a username). */
function fits(hint: PersonalDataKind, facts: ColumnFacts): boolean {
  if (facts.type === 'date' || facts.type === 'datetime') return hint === 'birth_date';
  if (facts.numbers) return NUMBER_KINDS.has(hint);
  return hint !== 'birth_date';
}

/** Kinds whose values a check can refute; other national ids than SSNs and usernames have no one shape. */
const isRefutable = (kind: PersonalDataKind) => kind !== 'national_id' && kind !== 'identifier';

export function personalGuess(name: string, facts: ColumnFacts): PersonalGuess {
  if (facts.type === 'boolean' || facts.nonNull === 0) return { kind: null, confidence: 1 };
  const named = personalHintOf(name);
  const hint = named && fits(named, facts) ? named : null;
  // Numbers and dates hold personal data only as the name says: values alone cannot tell a
  // postcode from a count, or a birthday from an order date.
  if (!hint && facts.numbers) return { kind: null, confidence: 0.95 };
  const scores = scoresOf(facts);
  const fromValues = kindOfValues(scores);
  if (!hint) {
    return fromValues
      ? { kind: fromValues.kind, confidence: 0.4 + 0.5 * fromValues.share }
      : { kind: null, confidence: 0.95 };
  }
  // A street column holding whole addresses, or a name column holding given names only.
  const upgraded: PersonalDataKind =
    hint === 'street_address' && (scores.full_address ?? 0) >= CONFIRMS
      ? 'full_address'
      : NAME_KINDS.includes(hint) && fromValues && NAME_KINDS.includes(fromValues.kind)
        ? fromValues.kind
        : hint;
  const share = scores[upgraded] ?? 0;
  if (share >= CONFIRMS) return { kind: upgraded, confidence: 0.6 + 0.4 * share };
  if (fromValues) return { kind: fromValues.kind, confidence: 0.3 + 0.4 * fromValues.share };
  if (isRefutable(hint) && facts.checked.length >= ENOUGH_TO_REFUTE && share < REFUTES) {
    return { kind: null, confidence: 0.7 };
  }
  return { kind: hint, confidence: 0.5 };
}
