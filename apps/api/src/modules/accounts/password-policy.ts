import type { ErrorDetail } from '@synoptic/service-kit';
import { dictionary } from '@zxcvbn-ts/language-common';

// About 49,000 passwords seen most often in breaches, from zxcvbn's dictionary.
const commonPasswords = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export const passwordLength = { min: 12, max: 128 };

/** Unicode passwords compare as the user meant them, whatever their keyboard produced. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/**
 * NIST SP 800-63B: long enough, not a known common password, not built from the account's own
 * address. No composition rules (they make passwords weaker in practice).
 */
export function checkPassword(password: string, email: string, path = 'password'): ErrorDetail[] {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  if (length < passwordLength.min)
    return [{ path, message: `Use at least ${passwordLength.min} characters.` }];
  if (length > passwordLength.max)
    return [{ path, message: `Use at most ${passwordLength.max} characters.` }];
  const lower = normalized.toLowerCase();
  if (commonPasswords.has(lower)) {
    return [{ path, message: 'This password is too common: it appears in lists attackers try first.' }];
  }
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  if (local.length >= 3 && lower.includes(local)) {
    return [{ path, message: 'The password must not contain your email address.' }];
  }
  return [];
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
