import { describe, expect, test } from 'vitest';
import {
  createMemoryReplayGuard,
  signatureHeaders,
  signingKeyId,
  signingKeysSchema,
  signRequest,
  stringToSign,
  verifyRequest,
} from './signing.ts';

const [current, previous] = signingKeysSchema.parse(`${'a'.repeat(40)},${'b'.repeat(40)}`);
const request = { method: 'POST', path: '/v1/jobs?x=1', body: '{"a":1}' };

describe('request signing', () => {
  test('a signed request verifies with either of two keys, naming the key', () => {
    for (const key of [current!, previous!]) {
      const headers = signRequest(key, request);
      expect(verifyRequest([current!, previous!], { ...request, headers })).toMatchObject({
        ok: true,
        keyId: key.id,
      });
    }
  });

  test('the key id is a short hash of the secret, never the secret', () => {
    expect(current!.id).toBe(signingKeyId('a'.repeat(40)));
    expect(current!.id).toMatch(/^[0-9a-f]{16}$/);
    expect(signRequest(current!, request)[signatureHeaders.signature]).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  test('signs method, path, timestamp, nonce and body hash', () => {
    expect(stringToSign('post', '/v1/jobs', '1700000000', 'n'.repeat(16), '')).toBe(
      'v1\nPOST\n/v1/jobs\n1700000000\nnnnnnnnnnnnnnnnn\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    const headers = signRequest(current!, request);
    for (const changed of [
      { ...request, method: 'PUT' },
      { ...request, path: '/v1/jobs?x=2' },
      { ...request, body: '{"a":2}' },
      { ...request, headers: { ...headers, [signatureHeaders.nonce]: 'f'.repeat(32) } },
      {
        ...request,
        headers: {
          ...headers,
          [signatureHeaders.timestamp]: String(Number(headers[signatureHeaders.timestamp]) - 1),
        },
      },
    ]) {
      expect(verifyRequest([current!], { headers, ...changed })).toMatchObject({
        ok: false,
        reason: 'signature mismatch',
      });
    }
  });

  test('rejects unsigned, unknown keys and signatures older than five minutes', () => {
    expect(verifyRequest([current!], { ...request, headers: {} })).toEqual({
      ok: false,
      reason: 'unsigned request',
    });
    const other = signingKeysSchema.parse('c'.repeat(40))[0]!;
    expect(verifyRequest([current!], { ...request, headers: signRequest(other, request) })).toMatchObject({
      ok: false,
      reason: 'unknown key id',
    });
    const old = signRequest(current!, { ...request, now: Date.now() - 301_000 });
    expect(verifyRequest([current!], { ...request, headers: old })).toMatchObject({
      reason: 'signature expired',
    });
    const future = signRequest(current!, { ...request, now: Date.now() + 301_000 });
    expect(verifyRequest([current!], { ...request, headers: future })).toMatchObject({
      reason: 'timestamp in the future',
    });
    const recent = signRequest(current!, { ...request, now: Date.now() - 290_000 });
    expect(verifyRequest([current!], { ...request, headers: recent }).ok).toBe(true);
  });

  test('the replay guard accepts a nonce once', async () => {
    const guard = createMemoryReplayGuard();
    expect(await guard.firstSeen('k', 'n1')).toBe(true);
    expect(await guard.firstSeen('k', 'n1')).toBe(false);
    expect(await guard.firstSeen('k', 'n2')).toBe(true);
  });

  test('configuration takes one or two secrets of 32+ characters', () => {
    expect(signingKeysSchema.safeParse('short').success).toBe(false);
    expect(signingKeysSchema.safeParse('').success).toBe(false);
    expect(
      signingKeysSchema.safeParse(['x'.repeat(32), 'y'.repeat(32), 'z'.repeat(32)].join(',')).success,
    ).toBe(false);
    expect(signingKeysSchema.parse(` ${'x'.repeat(32)} `)).toHaveLength(1);
  });
});
