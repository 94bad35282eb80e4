import type { JobReport } from '../engine.ts';
import type { FitResult } from '../learning-engine.ts';
import type { LearningAnswer, LearningTask } from './learning.thread.ts';
import { startTsThread } from './ts-thread.ts';

const threadFile = new URL('./learning.thread.ts', import.meta.url);

/** A fitting or report failure: `userError` when the sample or the config is at fault. */
export class LearningError extends Error {
  constructor(
    message: string,
    readonly userError: boolean,
  ) {
    super(message);
    this.name = 'LearningError';
  }
}

/**
 * Runs a fitting or report task in a fresh thread, so the process keeps heartbeats, progress and
 * cancel checks going; an abort terminates the thread at once (fitting a large sample takes a while).
 */
export function runLearning(
  task: Extract<LearningTask, { type: 'fit' }>,
  signal: AbortSignal,
): Promise<FitResult>;
export function runLearning(
  task: Extract<LearningTask, { type: 'report' }>,
  signal: AbortSignal,
): Promise<JobReport>;
export function runLearning(task: LearningTask, signal: AbortSignal): Promise<unknown> {
  signal.throwIfAborted();
  const thread = startTsThread(threadFile);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      void thread.terminate();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => {
      signal.removeEventListener('abort', onAbort);
      void thread.terminate();
    };
    thread.once('message', (answer: LearningAnswer) => {
      settle();
      if (answer.type === 'done') resolve(answer.result);
      else reject(new LearningError(answer.message, answer.userError));
    });
    thread.once('error', (err) => {
      settle();
      reject(new LearningError(`the ${task.type} thread crashed: ${err.message}`, false));
    });
    thread.once('exit', (code) => {
      settle();
      reject(new LearningError(`the ${task.type} thread exited (${code})`, false));
    });
    thread.postMessage(task);
  });
}
