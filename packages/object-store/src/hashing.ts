import { createHash } from 'node:crypto';
import type { Body, PutResult } from './object-store.ts';

/** Passes `body` through while counting its bytes and hashing them; `result()` is final once drained. */
export function hashing(body: Body): {
  chunks: AsyncGenerator<Uint8Array>;
  result: () => PutResult;
  /** The error the body itself threw, if it did: passed on as it is, never as a store error. */
  bodyError: () => unknown;
} {
  const hash = createHash('sha256');
  let bytes = 0;
  let digest: string | undefined;
  let failure: { error: unknown } | undefined;
  async function* chunks() {
    const iterator = body[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (error) {
        failure = { error };
        throw error;
      }
      if (next.done) break;
      hash.update(next.value);
      bytes += next.value.byteLength;
      yield next.value;
    }
    digest = hash.digest('hex');
  }
  return {
    bodyError: () => failure?.error,
    chunks: chunks(),
    result: () => {
      if (digest === undefined) throw new Error('body not fully read');
      return { bytes, sha256: digest };
    },
  };
}
