import type { FastifyBaseLogger } from 'fastify';

/**
 * Runs `task` every `intervalMs` until stopped, one run at a time; a failing run is logged and the
 * next one still comes. `stop` waits for a run in progress.
 */
export function every(
  intervalMs: number,
  name: string,
  task: () => Promise<unknown>,
  log: FastifyBaseLogger,
) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    running = task()
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err, task: name }, 'background task failed'))
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, intervalMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
