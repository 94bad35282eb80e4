import type { StorageUse } from './projects.repository.ts';

/** A size as people read it: `1.5 GB`, `820 KB`, `12 bytes`. */
export function bytesText(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** Bytes the project may still take, after what it stores and what running jobs will write. */
const freeBytes = (use: StorageUse) => use.quota - use.used - use.reserved;

/**
 * Why `bytes` more do not fit, in words; undefined when they fit. `what` begins the sentence and
 * is followed by the size: `This job would write about` 2.0 GB, but …
 */
export function quotaRefusal(use: StorageUse, bytes: number, what: string): string | undefined {
  const free = freeBytes(use);
  if (bytes <= free) return undefined;
  return `${what} ${bytesText(bytes)}, but the project has ${bytesText(Math.max(0, free))} left of its ${bytesText(use.quota)} storage quota. Delete old jobs or samples, or raise the quota.`;
}
