import { Rng, streamKey } from '../random/prng.ts';

/**
 * Knuth's selection sampling (Algorithm S): keeps exactly `size` of `total` rows, every subset
 * equally likely, in file order; the seed fixes which rows. All rows are kept when total ≤ size.
 */
export class RowSelection {
  private needed: number;
  private remaining: number;
  private readonly rng: Rng;

  constructor(total: number, size: number, seed: string) {
    this.remaining = total;
    this.needed = Math.min(size, total);
    this.rng = new Rng(streamKey(seed, 'sample', 'rows'));
  }

  /** Whether the next row is kept. */
  keep(): boolean {
    if (this.remaining <= 0) return false;
    const kept = this.needed === this.remaining || this.rng.float() * this.remaining < this.needed;
    this.remaining--;
    if (kept) this.needed--;
    return kept;
  }
}
