import {
  createObjectStore,
  isTransientError,
  type ObjectStore,
  type ObjectStoreConfig,
} from '@synoptic/object-store';
import {
  GenerationError,
  type GeneratorConfig,
  generateShard,
  type JobPlan,
  type OutputSpec,
  type ShardSpec,
} from '../engine.ts';

/** Everything one shard attempt needs; plain data, so it crosses into a worker thread. */
export type ShardWork = {
  config: GeneratorConfig;
  plan: JobPlan;
  shard: ShardSpec;
  output: OutputSpec;
  store: ObjectStoreConfig;
  bucket: string;
  key: string;
  table: string;
  retries: number;
  retryBaseMs: number;
};

export type ShardResult = { bytes: number; sha256: string };

/** A shard failure described for the job's log: `permanent` ends the job, `aborted` was asked for. */
export type ShardFailure = { message: string; permanent: boolean; aborted: boolean };

export function describeFailure(
  err: unknown,
  work: Pick<ShardWork, 'table'>,
  signal?: AbortSignal,
): ShardFailure {
  if (signal?.aborted) return { message: 'cancelled', permanent: false, aborted: true };
  if (err instanceof GenerationError) return { message: err.message, permanent: true, aborted: false };
  const message = err instanceof Error ? err.message : String(err);
  if (err && typeof err === 'object' && 'transient' in err)
    return {
      message: `the object store refused the write of table '${work.table}': ${message}`,
      permanent: true,
      aborted: false,
    };
  return { message: `table '${work.table}': ${message}`, permanent: true, aborted: false };
}

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
    onRetry?: (attempt: number, delayMs: number, message: string) => void;
  } = {},
): Promise<ShardResult> {
  const store = storeFor(work.store);
  for (let attempt = 0; ; attempt++) {
    try {
      const bytes = generateShard(work.config, work.plan, work.shard, work.output, {
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        ...(hooks.onRows ? { onRows: hooks.onRows } : {}),
      });
      return await store.put(work.bucket, work.key, bytes, hooks.signal ? { signal: hooks.signal } : {});
    } catch (err) {
      if (hooks.signal?.aborted || !isTransientError(err) || attempt >= work.retries) {
        if (isTransientError(err) && !hooks.signal?.aborted)
          throw new Error(
            `the object store was unavailable ${attempt + 1} times in a row (${(err as Error).message})`,
          );
        throw err;
      }
      const delay = Math.min(work.retryBaseMs * 2 ** attempt, 30_000);
      hooks.onRetry?.(attempt + 1, delay, (err as Error).message);
      await sleep(delay, hooks.signal);
    }
  }
}
