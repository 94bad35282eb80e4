import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * HMAC-SHA256 request signing between services (api → pipeline requests, pipeline → api callbacks).
 *
 * String to sign, lines joined by "\n":
 *   v1, METHOD (upper case), path with query string, timestamp (Unix seconds), nonce, sha256 hex of the body bytes
 * Headers: x-synoptic-key-id, x-synoptic-timestamp, x-synoptic-nonce, x-synoptic-signature ("v1=" + hex).
 * A key's id is the first 16 hex digits of sha256(secret): it names the key without revealing it, so
 * both sides can hold two keys while one is rotated.
 */
export const signatureHeaders = {
  keyId: 'x-synoptic-key-id',
  timestamp: 'x-synoptic-timestamp',
  nonce: 'x-synoptic-nonce',
  signature: 'x-synoptic-signature',
} as const;

export type SigningKey = { id: string; secret: string };

export const signatureMaxAgeSeconds = 300;

export function signingKeyId(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

/** A comma-separated list of secrets (at least 32 characters each); the first one signs. */
export const signingKeysSchema = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().min(32, 'each secret needs at least 32 characters'))
      .min(1, 'needs at least one secret')
      .max(2, 'at most two secrets: the current one and the one being rotated out'),
  )
  .transform((secrets) => secrets.map((secret): SigningKey => ({ id: signingKeyId(secret), secret })));

type Body = string | Uint8Array | undefined;

const bodyHash = (body: Body) =>
  createHash('sha256')
    .update(body ?? '')
    .digest('hex');

export function stringToSign(method: string, path: string, timestamp: string, nonce: string, body: Body) {
  return ['v1', method.toUpperCase(), path, timestamp, nonce, bodyHash(body)].join('\n');
}

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

/** The headers that sign one request; `path` includes the query string, `body` is the exact bytes sent. */
export function signRequest(
  key: SigningKey,
  request: { method: string; path: string; body?: Body; now?: number },
): Record<string, string> {
  const timestamp = String(Math.floor((request.now ?? Date.now()) / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = hmac(
    key.secret,
    stringToSign(request.method, request.path, timestamp, nonce, request.body),
  );
  return {
    [signatureHeaders.keyId]: key.id,
    [signatureHeaders.timestamp]: timestamp,
    [signatureHeaders.nonce]: nonce,
    [signatureHeaders.signature]: `v1=${signature}`,
  };
}

export type VerifyResult =
  | { ok: true; keyId: string; nonce: string; timestamp: number }
  | { ok: false; reason: string; keyId?: string };

type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Checks a request's signature and age (not replay: pair with a `ReplayGuard`). Reasons are for
 * logs; callers answer every failure with the same 401.
 */
export function verifyRequest(
  keys: SigningKey[],
  request: { method: string; path: string; headers: Headers; body?: Body; now?: number },
): VerifyResult {
  const keyId = header(request.headers, signatureHeaders.keyId);
  const timestamp = header(request.headers, signatureHeaders.timestamp);
  const nonce = header(request.headers, signatureHeaders.nonce);
  const signature = header(request.headers, signatureHeaders.signature);
  if (!keyId || !timestamp || !nonce || !signature) return { ok: false, reason: 'unsigned request' };
  const key = keys.find((k) => k.id === keyId);
  if (!key) return { ok: false, reason: 'unknown key id', keyId };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed timestamp', keyId };
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(nonce)) return { ok: false, reason: 'malformed nonce', keyId };
  const age = Math.floor((request.now ?? Date.now()) / 1000) - Number(timestamp);
  if (Math.abs(age) > signatureMaxAgeSeconds)
    return { ok: false, reason: age > 0 ? 'signature expired' : 'timestamp in the future', keyId };
  const expected = Buffer.from(
    `v1=${hmac(key.secret, stringToSign(request.method, request.path, timestamp, nonce, request.body))}`,
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'signature mismatch', keyId };
  return { ok: true, keyId, nonce, timestamp: Number(timestamp) };
}

/** Remembers nonces for the signature age window; `firstSeen` is false for a replay. */
export type ReplayGuard = { firstSeen(keyId: string, nonce: string): Promise<boolean> };

/** A replay guard for one process (a service with replicas keeps nonces in its database instead). */
export function createMemoryReplayGuard(windowSeconds = signatureMaxAgeSeconds): ReplayGuard {
  const seen = new Map<string, number>();
  return {
    async firstSeen(keyId, nonce) {
      const now = Date.now();
      if (seen.size > 10_000) {
        for (const [k, at] of seen) if (now - at > windowSeconds * 2000) seen.delete(k);
      }
      const id = `${keyId}:${nonce}`;
      if (seen.has(id)) return false;
      seen.set(id, now);
      return true;
    },
  };
}
