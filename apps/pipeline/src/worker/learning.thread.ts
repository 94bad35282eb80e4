import { parentPort } from 'node:worker_threads';
import { GenerationError } from '../engine.ts';
import { buildJobReport, fitSamples, SampleReadError } from '../learning-engine.ts';

// A thread for fitting and report tasks, one at a time; kept between tasks (starting one costs a
// second or more of module loading); when the job of its task is cancelled, retired once it answers.
export type LearningTask =
  | { type: 'fit'; input: Parameters<typeof fitSamples>[0] }
  | { type: 'report'; input: Parameters<typeof buildJobReport>[0] };
export type LearningAnswer =
  | { type: 'done'; result: unknown }
  | { type: 'failed'; message: string; userError: boolean };

const port = parentPort!;
port.on('message', (task: LearningTask) => {
  const work = task.type === 'fit' ? fitSamples(task.input) : buildJobReport(task.input);
  work.then(
    (result) => port.postMessage({ type: 'done', result } satisfies LearningAnswer),
    (err: unknown) =>
      port.postMessage({
        type: 'failed',
        message: err instanceof Error ? err.message : String(err),
        // The sample or the config is at fault: the job fails with this message, no retry helps.
        userError: err instanceof GenerationError || err instanceof SampleReadError,
      } satisfies LearningAnswer),
  );
});
