/**
 * Codes by 64-bit key (two 32-bit words), in open addressing over typed arrays: no allocation per
 * lookup, unlike a Map keyed by numbers beyond 31 bits. The low word must already be well mixed.
 */
export class KeyTable {
  private mask: number;
  private lows: Uint32Array;
  private highs: Uint32Array;
  private codes: Int32Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.mask = capacity - 1;
    this.lows = new Uint32Array(capacity);
    this.highs = new Uint32Array(capacity);
    this.codes = new Int32Array(capacity).fill(KeyTable.EMPTY);
  }

  static readonly EMPTY = -2147483648;

  /** Keys stored. */
  get count(): number {
    return this.size;
  }

  /** The code stored for a key, or KeyTable.EMPTY. */
  get(low: number, high: number): number {
    let i = low & this.mask;
    for (;;) {
      const code = this.codes[i]!;
      if (code === KeyTable.EMPTY || (this.lows[i] === low && this.highs[i] === high)) return code;
      i = (i + 1) & this.mask;
    }
  }

  /** Stores a key with `code` unless it is there already: whether it was new. */
  add(low: number, high: number, code: number): boolean {
    if (2 * (this.size + 1) > this.codes.length) this.grow();
    let i = low & this.mask;
    for (;;) {
      const stored = this.codes[i]!;
      if (stored === KeyTable.EMPTY) break;
      if (this.lows[i] === low && this.highs[i] === high) return false;
      i = (i + 1) & this.mask;
    }
    this.lows[i] = low;
    this.highs[i] = high;
    this.codes[i] = code;
    this.size++;
    return true;
  }

  set(low: number, high: number, code: number): void {
    if (2 * (this.size + 1) > this.codes.length) this.grow();
    let i = low & this.mask;
    while (this.codes[i] !== KeyTable.EMPTY) {
      if (this.lows[i] === low && this.highs[i] === high) {
        this.codes[i] = code;
        return;
      }
      i = (i + 1) & this.mask;
    }
    this.lows[i] = low;
    this.highs[i] = high;
    this.codes[i] = code;
    this.size++;
  }

  private grow(): void {
    const { lows, highs, codes } = this;
    const capacity = codes.length * 2;
    this.mask = capacity - 1;
    this.lows = new Uint32Array(capacity);
    this.highs = new Uint32Array(capacity);
    this.codes = new Int32Array(capacity).fill(KeyTable.EMPTY);
    this.size = 0;
    for (let i = 0; i < codes.length; i++)
      if (codes[i] !== KeyTable.EMPTY) this.set(lows[i]!, highs[i]!, codes[i]!);
  }
}
