import { BucketNotFoundError, ObjectStoreError } from '@synoptic/object-store';

type Cause = { $metadata?: { httpStatusCode?: number }; name?: string; code?: string; message?: string };

/**
 * An object-store error in words a user can act on: what the store answered (HTTP status and S3
 * code, or the network or file-system error), and for a refusal what to check.
 */
export function describeStoreError(err: unknown, bucket: string): string {
  if (err instanceof BucketNotFoundError) return `bucket '${bucket}' does not exist.`;
  const cause = (err instanceof ObjectStoreError ? err.cause : err) as Cause | undefined;
  const status = cause?.$metadata?.httpStatusCode;
  const code = cause?.name && cause.name !== 'Error' ? cause.name : undefined;
  const answer = [status, code].filter(Boolean).join(' ');
  if (status === 403 || cause?.code === 'EACCES' || cause?.code === 'EPERM')
    return `access denied (${answer || cause?.code}). Check that the pipeline's credentials may write to bucket '${bucket}'.`;
  if (status === 429 || status === 503 || /SlowDown|Throttl/.test(code ?? ''))
    return `the store asked us to slow down (${answer}).`;
  if (status !== undefined && status >= 500) return `the store failed (${answer}).`;
  if (status !== undefined)
    return `the store refused the request (${answer}: ${(cause?.message ?? '').replace(/\.$/, '')}).`;
  if (cause?.code === 'ENOSPC') return 'no space is left on the device (ENOSPC).';
  // No answer at all.
  if (cause?.code) return `the connection to the store failed (${cause.code}: ${cause.message ?? ''}).`;
  return `${(err instanceof Error ? err.message : String(err)).replace(/\.$/, '')}.`;
}
