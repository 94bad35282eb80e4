import { isIPv4, isIPv6 } from 'node:net';
import type { PersonalDataKind } from '@synoptic/contract';
import { foldName, namePools } from './name-pools.ts';

// What a column's values look like, kind by kind: the share of values that pass each check.
// Checks with a checksum (IBAN mod 97, card Luhn) rarely pass by chance; names are looked up in
// the name pools, so a share well below 1 is expected even for a column of names.

export type ValueScores = Partial<Record<PersonalDataKind, number>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/;
const SSN = /^(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$/;
const PHONE = /^\+?[\d\s()./-]+$/;
const ISO_DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/;
const CARD = /^\d[\d -]{11,22}\d$/;
const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;
const POSTCODES = [
  /^\d{5}(-\d{4})?$/, // US, DE, FR, ES, IT
  /^\d{4}$/, // AT, CH, BE, DK …
  /^\d{3}-\d{4}$/, // JP
  /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i, // GB
  /^\d{4}\s?[A-Z]{2}$/i, // NL
  /^[A-Z]\d[A-Z]\s?\d[A-Z]\d$/i, // CA
];
const STREET_TYPES =
  'street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|close|crescent|gardens|grove|hill|square|sq|parkway|pkwy|highway|hwy|circle|cir|trail|row|walk';
const STREETS = [
  // 742 Oak Street, 10 Downing St., 221B Baker Street Apt 3
  new RegExp(
    `^\\d+[a-z]?(?:[-/]\\d+)?,?\\s+(?:[\\p{L}\\d.'’-]+\\s+){0,5}(?:${STREET_TYPES})\\.?(?:\\s+(?:apt|suite|unit|#|no\\.?).*)?$`,
    'iu',
  ),
  // Hauptstraße 5, Am Markt 12a
  /^[\p{L}][\p{L}ß .'’-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|markt)\s*\d+\s*[a-z]?$/iu,
  // Calle Mayor 12, Avda. de la Paz, 3
  /^(?:calle|c\/|avenida|avda\.?|plaza|paseo|camino|ronda|travesía)\s.+\d+.*$/iu,
  // 12 rue de la Paix, 3 bis avenue Foch
  /^\d+(?:\s*(?:bis|ter))?,?\s*(?:rue|avenue|av\.|boulevard|bd|place|allée|impasse|chemin|quai|route)\s.+$/iu,
];
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'sir',
  'herr',
  'frau',
  'mme',
  'mlle',
  'm',
  'sr',
  'sra',
  'srta',
  'don',
  'dona',
]);
const NAME_WORD = /^\p{L}[\p{L}'’.-]*$/u;

const digitsOf = (s: string) => s.replace(/\D/g, '');

function isLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function isIban(text: string): boolean {
  const s = text.replace(/\s+/g, '').toUpperCase();
  if (!IBAN.test(s)) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) rest = (rest * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

const isCardNumber = (s: string) => {
  const digits = digitsOf(s);
  return CARD.test(s) && digits.length >= 13 && digits.length <= 19 && isLuhn(digits);
};

export const isSsn = (s: string) => SSN.test(s);

function isPhone(s: string): boolean {
  if (!PHONE.test(s) || ISO_DATE.test(s) || SSN.test(s) || isIPv4(s)) return false;
  const digits = digitsOf(s).length;
  if (digits < 7 || digits > 15) return false;
  // Plain digit runs are as likely ids or amounts; a phone number is written with a + or separators.
  return /^[+(0]/.test(s) || /[\s()./-]/.test(s);
}

const isPostcode = (s: string) => POSTCODES.some((p) => p.test(s.trim()));

const isStreetAddress = (s: string) => STREETS.some((p) => p.test(s.trim()));

/** A street address followed by more parts: `742 Oak Street, Chicago, IL 60614`. */
function isFullAddress(s: string): boolean {
  const parts = s.split(',').map((p) => p.trim());
  if (parts.length < 2) return false;
  // Spanish and French addresses put a comma inside the street part (Calle Mayor, 3).
  return (
    (isStreetAddress(parts[0]!) || isStreetAddress(`${parts[0]}, ${parts[1]}`)) &&
    /\d/.test(parts.slice(1).join(' '))
  );
}

/** How a value reads as a person's name: one given name, one family name, or a full name. */
function nameShape(value: string): { first: boolean; last: boolean; full: boolean } {
  const none = { first: false, last: false, full: false };
  const commaForm = /^[^,]+,\s*[^,]+$/.test(value);
  let words = value
    .split(/[\s,]+/)
    .map((w) => w.replace(/^[("']+|[)"']+$/g, ''))
    .filter(Boolean);
  while (words.length > 1 && TITLES.has(foldName(words[0]!).replace(/\.$/, ''))) words = words.slice(1);
  if (words.length === 0 || words.length > 5 || !words.every((w) => NAME_WORD.test(w))) return none;
  const { first, last } = namePools();
  const w = words.map(foldName);
  if (w.length === 1) return { first: first.has(w[0]!), last: last.has(w[0]!), full: false };
  const full = commaForm
    ? last.has(w[0]!) && first.has(w[1]!)
    : first.has(w[0]!) || (last.has(w[0]!) && first.has(w[1]!));
  return { ...none, full };
}

/** The share of `values` passing each check. */
export function textValueScores(values: string[]): ValueScores {
  const counts: Record<string, number> = {};
  const add = (kind: PersonalDataKind, hit: boolean) => {
    if (hit) counts[kind] = (counts[kind] ?? 0) + 1;
  };
  for (const raw of values) {
    const v = raw.trim();
    add('email', EMAIL.test(v));
    add('iban', isIban(v));
    add('card_number', isCardNumber(v));
    add('national_id', isSsn(v));
    add('ip_address', isIPv4(v) || isIPv6(v));
    add('phone', isPhone(v));
    add('postcode', isPostcode(v));
    add('street_address', isStreetAddress(v));
    add('full_address', isFullAddress(v));
    const name = nameShape(v);
    add('first_name', name.first);
    add('last_name', name.last);
    add('full_name', name.full);
  }
  const n = Math.max(1, values.length);
  return Object.fromEntries(Object.entries(counts).map(([k, c]) => [k, c / n]));
}
