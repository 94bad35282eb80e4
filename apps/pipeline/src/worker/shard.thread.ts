import { parentPort } from 'node:worker_threads';
import { describeFailure, executeShard, type ShardFailure, type ShardWork } from './shard-execution.ts';

// A worker thread: runs one shard at a time for the worker process, reporting rows as it goes.
export type ToThread = { type: 'run'; id: number; work: ShardWork } | { type: 'abort'; id: number };
export type FromThread =
  | { type: 'rows'; id: number; rows: number }
  | { type: 'retry'; id: number; attempt: number; delayMs: number; message: string }
  | { type: 'done'; id: number; bytes: number; sha256: string }
  | ({ type: 'failed'; id: number } & ShardFailure);

const port = parentPort!;
const running = new Map<number, AbortController>();
const post = (message: FromThread) => port.postMessage(message);

port.on('message', (message: ToThread) => {
  if (message.type === 'abort') {
    running.get(message.id)?.abort(new Error('cancelled'));
    return;
  }
  const { id, work } = message;
  const controller = new AbortController();
  running.set(id, controller);
  let lastPost = 0;
  executeShard(work, {
    signal: controller.signal,
    onRows: (rows) => {
      const now = Date.now();
      if (now - lastPost >= 100) {
        lastPost = now;
        post({ type: 'rows', id, rows });
      }
    },
    onRetry: (attempt, delayMs, text) => post({ type: 'retry', id, attempt, delayMs, message: text }),
  })
    .then(
      (result) => post({ type: 'done', id, ...result }),
      (err: unknown) => post({ type: 'failed', id, ...describeFailure(err, work, controller.signal) }),
    )
    .finally(() => running.delete(id));
});
