import type { Worker } from 'node:worker_threads';
import type { FromThread, ToThread } from './shard.thread.ts';
import {
  describeFailure,
  executeShard,
  type ShardFailure,
  type ShardResult,
  type ShardWork,
} from './shard-execution.ts';
import { startTsThread } from './ts-thread.ts';

export type ShardHooks = {
  signal: AbortSignal;
  onRows: (rowsDone: number) => void;
  onRetry: (attempt: number, delayMs: number, message: string) => void;
};

/** Runs shards; a failure rejects with a `ShardFailure`. */
export type ShardRunner = {
  run(work: ShardWork, hooks: ShardHooks): Promise<ShardResult>;
  close(): Promise<void>;
};

export class ShardError extends Error {
  constructor(readonly failure: ShardFailure) {
    super(failure.message);
    this.name = 'ShardError';
  }
}

/** On the calling thread: for tools and tests where a thread would only add start-up time. */
export function createInlineShardRunner(): ShardRunner {
  return {
    async run(work, hooks) {
      try {
        return await executeShard(work, hooks);
      } catch (err) {
        throw new ShardError(describeFailure(err, work, hooks.signal));
      }
    },
    async close() {},
  };
}

const threadFile = new URL('./shard.thread.ts', import.meta.url);

/**
 * A pool of `size` worker threads, one shard each at a time, so generation (CPU) runs beside the
 * process's own event loop (queue, heartbeats, cancel checks). A thread that dies is replaced.
 */
export function createThreadShardRunner(size: number): ShardRunner {
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  let nextId = 1;
  let closed = false;

  const spawn = () => {
    const worker = startTsThread(threadFile);
    all.add(worker);
    // Failures are reported to the shard running on the thread; an idle thread's are only logged away.
    worker.on('error', () => {});
    worker.once('exit', () => all.delete(worker));
    return worker;
  };
  for (let i = 0; i < size; i++) idle.push(spawn());

  return {
    run(work, hooks) {
      if (closed) return Promise.reject(new Error('shard runner closed'));
      const worker = idle.pop() ?? spawn();
      const id = nextId++;
      return new Promise<ShardResult>((resolve, reject) => {
        const onAbort = () => worker.postMessage({ type: 'abort', id } satisfies ToThread);
        const finish = (healthy: boolean) => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          hooks.signal.removeEventListener('abort', onAbort);
          if (healthy && !closed) idle.push(worker);
        };
        const onMessage = (message: FromThread) => {
          if (message.id !== id) return;
          switch (message.type) {
            case 'rows':
              hooks.onRows(message.rows);
              return;
            case 'retry':
              hooks.onRetry(message.attempt, message.delayMs, message.message);
              return;
            case 'done':
              finish(true);
              resolve({ bytes: message.bytes, sha256: message.sha256 });
              return;
            case 'failed':
              finish(true);
              reject(new ShardError(message));
          }
        };
        const onError = (err: Error) => {
          finish(false);
          void worker.terminate();
          reject(
            new ShardError({
              message: `worker thread crashed: ${err.message}`,
              permanent: false,
              aborted: false,
            }),
          );
        };
        const onExit = (code: number) => {
          finish(false);
          reject(
            new ShardError({ message: `worker thread exited (${code})`, permanent: false, aborted: false }),
          );
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        hooks.signal.addEventListener('abort', onAbort, { once: true });
        worker.postMessage({ type: 'run', id, work } satisfies ToThread);
      });
    },
    async close() {
      closed = true;
      await Promise.all([...all].map((w) => w.terminate()));
    },
  };
}
