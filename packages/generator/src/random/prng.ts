import { createHash } from 'node:crypto';

// Random streams. Every stream is named by (seed, table, stream name) and one or two integer
// counters (block index; or parent row and segment). The name is hashed once with SHA-256 into a
// 128-bit key; the counters are folded into the key with the murmur3 finalizer and the result
// seeds sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 32-bit variant).
// docs/schema.md ("Reproducibility") describes this derivation; changing it changes every
// dataset, so it is versioned by STREAM_DOMAIN.

export const STREAM_DOMAIN = 'synoptic:v1';

export type StreamKey = Uint32Array;

const TWO32 = 4294967296;

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 128-bit key of a named stream: the first 16 bytes of SHA-256(domain ␀ seed ␀ table ␀ stream). */
export function streamKey(seed: string, table: string, stream: string): StreamKey {
  const digest = createHash('sha256')
    .update(`${STREAM_DOMAIN}\0${seed}\0${table}\0${stream}`, 'utf8')
    .digest();
  return new Uint32Array([
    digest.readUInt32LE(0),
    digest.readUInt32LE(4),
    digest.readUInt32LE(8),
    digest.readUInt32LE(12),
  ]);
}

/** A stateless 32-bit hash of (key, counter, salt) for per-row values that must be addressable. */
export function rowHash(key: StreamKey, row: number, salt: number): number {
  const h = fmix32(key[0]! ^ (row >>> 0));
  return fmix32(h ^ key[1]! ^ Math.imul(salt + 1, 0x9e3779b9) ^ fmix32(Math.floor(row / TWO32) ^ key[2]!));
}

/** sfc32 seeded from a key and two counters (each an integer below 2^53). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(key: StreamKey, x = 0, y = 0) {
    this.a = fmix32(key[0]! ^ (x >>> 0));
    this.b = fmix32(key[1]! ^ (Math.floor(x / TWO32) >>> 0) ^ 0x9e3779b9);
    this.c = fmix32(key[2]! ^ (y >>> 0) ^ 0x7f4a7c15);
    this.d = fmix32(key[3]! ^ (Math.floor(y / TWO32) >>> 0) ^ 0x94d049bb);
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits: enough to pick from lists. */
  next(): number {
    return this.u32() / TWO32;
  }

  /** Uniform in [0, 1) with 53 bits. */
  float(): number {
    return ((this.u32() >>> 5) * 67108864 + (this.u32() >>> 6)) / 9007199254740992;
  }

  /** Uniform integer in [0, n) for n ≤ 2^32 (one draw) or larger (two draws). */
  below(n: number): number {
    return n <= TWO32 ? Math.floor(this.next() * n) : Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}
