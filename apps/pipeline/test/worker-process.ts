import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const workerMain = fileURLToPath(new URL('../src/worker/main.ts', import.meta.url));
const apiMain = fileURLToPath(new URL('../src/main.ts', import.meta.url));

export type WorkerProcess = { child: ChildProcess; output: () => string; stop: () => Promise<void> };

/** A real worker process (`node --import tsx src/worker/main.ts`), as `npm run worker` starts it. */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  return spawnMain(workerMain, env);
}

/** The real pipeline API process (`node --import tsx src/main.ts`), as `npm start` starts it. */
export function spawnApi(env: Record<string, string>): WorkerProcess {
  return spawnMain(apiMain, env);
}

function spawnMain(file: string, env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', file], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
