import { ConfigError } from './env.ts';

/**
 * Runs a process's main function: a configuration error prints its message (naming the variable)
 * and exits 1; SIGTERM and SIGINT run `stop` once, then exit.
 */
export function runProcess(main: () => Promise<{ stop: () => Promise<void> }>): void {
  main()
    .then(({ stop }) => {
      let stopping = false;
      const onSignal = () => {
        if (stopping) return;
        stopping = true;
        stop().then(
          () => process.exit(0),
          (err: unknown) => {
            console.error(err);
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', onSignal);
      process.once('SIGINT', onSignal);
    })
    .catch((err: unknown) => {
      console.error(err instanceof ConfigError ? err.message : err);
      process.exit(1);
    });
}
