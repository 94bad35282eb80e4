import {
  createObjectStore,
  isTransientError,
  type ObjectStore,
  type ObjectStoreConfig,
  ObjectStoreError,
} from '@synoptic/object-store';
import {
  GenerationError,
  type GeneratorConfig,
  generateShard,
  type JobPlan,
  type OutputSpec,
  type ShardSpec,
} from '../engine.ts';
import { describeStoreError } from './store-errors.ts';

/** Everything one shard attempt needs; plain data, so it crosses into a worker thread. */
export type ShardWork = {
  config: GeneratorConfig;
  plan: JobPlan;
  shard: ShardSpec;
  output: OutputSpec;
  store: ObjectStoreConfig;
  bucket: string;
  key: string;
  /** The part's name within the job's output, for messages: `people/part-00000.csv`. */
  part: string;
  table: string;
  retries: number;
  retryBaseMs: number;
};

export type ShardResult = { bytes: number; sha256: string };

/**
 * A shard failure described for the job's log: `permanent` ends the job, `aborted` was asked for;
 * `named` when the message names the part itself (no need to say which table and shard).
 */
export type ShardFailure = { message: string; permanent: boolean; aborted: boolean; named?: boolean };

/** A store write that failed for good: a permanent error, or a transient one on every try. */
class StoreWriteError extends Error {
  constructor(
    readonly storeError: ObjectStoreError,
    readonly tries: number,
    readonly seconds: number,
  ) {
    super(storeError.message, { cause: storeError });
    this.name = 'StoreWriteError';
  }
}

export function describeFailure(
  err: unknown,
  work: Pick<ShardWork, 'table' | 'part' | 'bucket'>,
  signal?: AbortSignal,
): ShardFailure {
  if (signal?.aborted) return { message: 'cancelled', permanent: false, aborted: true };
  if (err instanceof GenerationError) return { message: err.message, permanent: true, aborted: false };
  if (err instanceof StoreWriteError) {
    const what = `Could not write part ${work.part} to the object store: ${describeStoreError(err.storeError, work.bucket)}`;
    return {
      message:
        err.tries > 1
          ? `${what} It failed ${err.tries} times in a row over ${err.seconds} s; the store may be down or overloaded. Try the job again later.`
          : what,
      permanent: true,
      aborted: false,
      named: true,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { message: `table '${work.table}': ${message}`, permanent: true, aborted: false };
}

/** The pause before retry `attempt` (1, 2 …): doubling from `baseMs`, at most 30 s, with jitter so many shards do not retry in step. */
export const retryDelayMs = (attempt: number, baseMs: number) => {
  const ceiling = Math.min(baseMs * 2 ** (attempt - 1), 30_000);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
};

const stores = new Map<string, ObjectStore>();
function storeFor(config: ObjectStoreConfig): ObjectStore {
  const id = JSON.stringify(config);
  let store = stores.get(id);
  if (!store) {
    store = createObjectStore(config);
    stores.set(id, store);
  }
  return store;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * Generates one shard and streams it into the object store. A transient store error starts the
 * shard again (the engine rewrites the same bytes) after a growing pause; a retried shard never
 * appends to a half-written object, because the store writes atomically.
 */
export async function executeShard(
  work: ShardWork,
  hooks: {
    signal?: AbortSignal;
    onRows?: (rowsDone: number) => void;
    /** Before each retry: the retry's number (1 …), the pause, and the store's error in words. */
    onRetry?: (attempt: number, delayMs: number, reason: string) => void;
  } = {},
): Promise<ShardResult> {
  const store = storeFor(work.store);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const bytes = generateShard(work.config, work.plan, work.shard, work.output, {
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        ...(hooks.onRows ? { onRows: hooks.onRows } : {}),
      });
      return await store.put(work.bucket, work.key, bytes, hooks.signal ? { signal: hooks.signal } : {});
    } catch (err) {
      // Engine errors (and a cancel) pass as they are; only the store's own errors are retried.
      if (hooks.signal?.aborted || !(err instanceof ObjectStoreError)) throw err;
      if (!isTransientError(err) || attempt >= work.retries)
        throw new StoreWriteError(err, attempt + 1, Math.round((Date.now() - started) / 1000));
      const delay = retryDelayMs(attempt + 1, work.retryBaseMs);
      hooks.onRetry?.(attempt + 1, delay, describeStoreError(err, work.bucket));
      await sleep(delay, hooks.signal);
    }
  }
}
