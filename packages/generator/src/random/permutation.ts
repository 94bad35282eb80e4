import { fmix32, type StreamKey } from './prng.ts';

const ROUNDS = 4;

/**
 * A keyed bijection of [0, size) (size ≤ 2^52): a balanced Feistel network on the smallest even
 * power of two covering size, with cycle walking back into range. Unique fields map row numbers
 * through it into their value space, so distinct rows get distinct values by construction.
 */
export class Permutation {
  private readonly half: number;
  private readonly halfSize: number;
  private readonly mask: number;
  private readonly keys: number[];

  constructor(
    key: StreamKey,
    readonly size: number,
  ) {
    if (!(size >= 1 && size <= 2 ** 52)) throw new RangeError(`permutation size ${size} out of range`);
    let bits = Math.max(2, Math.ceil(Math.log2(size)));
    if (bits % 2) bits++;
    this.half = bits / 2;
    this.halfSize = 2 ** this.half;
    this.mask = this.halfSize - 1;
    this.keys = Array.from({ length: ROUNDS }, (_, r) => fmix32(key[r % 4]! ^ Math.imul(r + 1, 0x632be5ab)));
  }

  map(i: number): number {
    let x = i;
    do x = this.round(x);
    while (x >= this.size);
    return x;
  }

  private round(x: number): number {
    let l = Math.floor(x / this.halfSize);
    let r = x - l * this.halfSize;
    for (let k = 0; k < ROUNDS; k++) {
      const f = fmix32((r ^ this.keys[k]!) >>> 0) & this.mask;
      const nl = r;
      r = (l ^ f) >>> 0;
      l = nl;
    }
    return l * this.halfSize + r;
  }
}
