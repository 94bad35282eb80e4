import { randomBytes } from 'node:crypto';

let lastMs = -1;
let lastSeq = 0;

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids sort by creation
 * time and index well, without a database round trip or PostgreSQL 18's uuidv7(). Within one
 * process ids made in the same millisecond still sort in creation order: the 12 bits after the
 * version count up from a random start (the RFC's method 3), so rows inserted together (a question
 * and its answer) keep their order.
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  const fresh = (((bytes[6] ?? 0) << 8) | (bytes[7] ?? 0)) & 0x7ff;
  let ms = now;
  // Start each millisecond in the lower half of the counter, so a burst rarely borrows the next one.
  let seq = fresh;
  if (now <= lastMs && lastMs - now < 1000) {
    ms = lastMs;
    seq = lastSeq + 1;
    if (seq > 0xfff) {
      ms += 1;
      seq = fresh;
    }
  }
  if (ms >= lastMs) {
    lastMs = ms;
    lastSeq = seq;
  }
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (seq >> 8);
  bytes[7] = seq & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
