import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random 256-bit secret for a client to hold (session, link, API token), URL-safe. */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** What we store instead of a secret: its SHA-256. A stolen table cannot be replayed. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function secretsEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
