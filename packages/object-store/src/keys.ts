import { InvalidKeyError } from './object-store.ts';

const bucketPattern = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** Bucket names valid on S3, GCS and as a folder name: 3–63 lowercase letters, digits and hyphens. */
export function validateBucket(bucket: string): void {
  if (!bucketPattern.test(bucket))
    throw new InvalidKeyError(
      'bucket name',
      bucket,
      'use 3–63 lowercase letters, digits and hyphens, starting and ending with a letter or digit',
    );
}

function checkSegments(what: string, value: string, segments: string[]): void {
  for (const segment of segments) {
    if (segment === '') throw new InvalidKeyError(what, value, 'empty path segment');
    if (segment === '.' || segment === '..') throw new InvalidKeyError(what, value, `'${segment}' segment`);
  }
}

/**
 * Keys are relative slash-separated paths: no leading slash, no empty, `.` or `..` segments, no
 * backslashes or control characters, at most 1024 bytes. So a key can never leave its bucket's folder.
 */
export function validateKey(key: string): void {
  checkCommon('key', key);
  if (key === '') throw new InvalidKeyError('key', key, 'empty');
  checkSegments('key', key, key.split('/'));
}

/** A prefix is a key's beginning: empty, or like a key, optionally ending with a slash. */
export function validatePrefix(prefix: string): void {
  if (prefix === '') return;
  checkCommon('prefix', prefix);
  const segments = prefix.split('/');
  if (prefix.endsWith('/')) segments.pop();
  checkSegments('prefix', prefix, segments);
}

function checkCommon(what: string, value: string): void {
  if (Buffer.byteLength(value) > 1024) throw new InvalidKeyError(what, value, 'longer than 1024 bytes');
  if (value.startsWith('/')) throw new InvalidKeyError(what, value, 'starts with a slash');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value))
    throw new InvalidKeyError(what, value, 'contains a backslash or a control character');
}
