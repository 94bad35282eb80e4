import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { formatLogLine } from './log-format.ts';

export type Service = { name: string; child: ChildProcess; exited: Promise<number | null> };

/** Starts one TypeScript entry point as its own Node process, its log lines relayed to ours. */
export function startService(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  logFormat: 'pretty' | 'json',
): Service {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      process.stdout.write(`${logFormat === 'pretty' ? formatLogLine(name, line) : line}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, child, exited };
}

/** Asks a service to stop (SIGTERM) and kills it if it has not stopped within the grace period. */
export async function stopService(service: Service, graceMs = 10_000): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs);
  await service.exited;
  clearTimeout(timer);
}

/** Polls a URL until it answers 200, or fails after the deadline with the last answer. */
export async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      last = `HTTP ${res.status}: ${await res.text()}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s (${last})`);
}
