import type { Worker } from 'node:worker_threads';
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
 * Runs fitting and report tasks in a thread beside the process's event loop, so heartbeats,
 * progress and cancel checks go on; an abort ends the task at once, its thread is retired when it
 * has finished, and the next task starts a new one. Between tasks the thread is kept warm.
 */
export type LearningRunner = {
  run(task: Extract<LearningTask, { type: 'fit' }>, signal: AbortSignal): Promise<FitResult>;
  run(task: Extract<LearningTask, { type: 'report' }>, signal: AbortSignal): Promise<JobReport>;
  close(): Promise<void>;
};

export function createLearningRunner(): LearningRunner {
  let idle: Worker | undefined;
  const run = (task: LearningTask, signal: AbortSignal): Promise<unknown> => {
    signal.throwIfAborted();
    const thread = idle ?? startTsThread(threadFile);
    idle = undefined;
    return new Promise((resolve, reject) => {
      const detach = () => {
        signal.removeEventListener('abort', onAbort);
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
      };
      const settle = (healthy: boolean) => {
        detach();
        if (healthy && !idle) idle = thread;
        else void thread.terminate();
      };
      const onAbort = () => {
        detach();
        // Terminating a thread inside DuckDB aborts the whole process (an uncaught Napi::Error), so
        // the task ends for its job at once while its thread finishes, and is retired when it answers.
        thread.once('message', () => void thread.terminate());
        reject(signal.reason);
      };
      const onMessage = (answer: LearningAnswer) => {
        settle(true);
        if (answer.type === 'done') resolve(answer.result);
        else reject(new LearningError(answer.message, answer.userError));
      };
      const onError = (err: Error) => {
        settle(false);
        reject(new LearningError(`the ${task.type} thread crashed: ${err.message}`, false));
      };
      const onExit = (code: number) => {
        settle(false);
        reject(new LearningError(`the ${task.type} thread exited (${code})`, false));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      thread.on('message', onMessage);
      thread.once('error', onError);
      thread.once('exit', onExit);
      thread.postMessage(task);
    });
  };
  return {
    run: run as LearningRunner['run'],
    async close() {
      await idle?.terminate();
      idle = undefined;
    },
  };
}
