import type { PersonalDataKind } from '@synoptic/contract';

// Examples of personal data are shown masked: enough to recognise what the column holds, never
// enough to recover a value (j•••@•••.com, •••-•••-1234, E••• W•••).

const DOT = '•••';

/** Every word as its first letter, numbers hidden: `Emma Wilson` → `E••• W•••`. */
const initials = (s: string) =>
  s.replace(/[\p{L}\p{N}]+/gu, (w) => (/^\p{N}/u.test(w) ? DOT : `${w[0]}${DOT}`));

/** Letters and digits hidden except the last four digits: `+1 212-555-0143` → `+••• •••-•••-0143`. */
function lastFour(s: string): string {
  const digits = s.replace(/\D/g, '').length;
  if (digits <= 4) return s.replace(/[\p{L}\p{N}]+/gu, DOT);
  let seen = 0;
  const kept = new Array<boolean>(s.length).fill(false);
  for (let i = s.length - 1; i >= 0 && seen < 4; i--) {
    if (/\d/.test(s[i]!)) {
      kept[i] = true;
      seen++;
    }
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (kept[i] || !/[\p{L}\p{N}]/u.test(s[i]!)) out += s[i];
    else if (!out.endsWith(DOT)) out += DOT;
  }
  return out;
}

function email(s: string): string {
  const at = s.lastIndexOf('@');
  if (at < 1) return initials(s);
  const tld = /\.[^.]+$/.exec(s.slice(at))?.[0] ?? '';
  return `${s[0]}${DOT}@${DOT}${tld}`;
}

/** The first octet or group only: `192.168.4.17` → `192.•••.•••.•••`. */
function ip(s: string): string {
  const sep = s.includes(':') ? ':' : '.';
  const [head, ...rest] = s.split(sep);
  return [head, ...rest.map(() => DOT)].join(sep);
}

/** A value masked as its kind is shown; never the value itself. */
export function maskValue(value: string, kind: PersonalDataKind): string {
  const masked = masks(value, kind);
  return masked === value ? DOT : masked;
}

function masks(value: string, kind: PersonalDataKind): string {
  switch (kind) {
    case 'email':
      return email(value);
    case 'phone':
    case 'card_number':
    case 'iban':
    case 'national_id':
      return lastFour(value);
    case 'ip_address':
      return ip(value);
    case 'birth_date':
      // The year tells the age group; the day would single a person out.
      return value
        .replace(/^(\d{4})-\d{2}-\d{2}/, `$1-••-••`)
        .replace(/(\d{1,2})([./-])(\d{1,2})\2(\d{4})/, `••$2••$2$4`);
    case 'postcode':
      return value.length > 2 ? `${value.slice(0, 2)}${DOT}` : DOT;
    case 'first_name':
    case 'last_name':
    case 'full_name':
    case 'street_address':
    case 'full_address':
    case 'identifier':
      return initials(value);
  }
}
