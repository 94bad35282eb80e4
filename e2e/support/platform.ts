import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@synoptic/service-kit/testing';

const startScript = fileURLToPath(new URL('../../scripts/start.ts', import.meta.url));

/** A data folder for one platform; open to the `postgres` user that runs the embedded database as root. */
export async function makeDataDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `synoptic-${label}-`));
  await chmod(dir, 0o755);
  return dir;
}

export type RunningPlatform = {
  baseUrl: string;
  process: ChildProcess;
  output: () => string;
  /** Sends SIGTERM and resolves with the exit code once every service has stopped. */
  stop: () => Promise<number | null>;
};

/** Starts the whole platform exactly as `npm start` does, on its own data folder and ports. */
export async function startPlatform(dataDir: string, ports?: { api: number; pipeline: number; pg: number }) {
  const chosen = ports ?? { api: await freePort(), pipeline: await freePort(), pg: await freePort() };
  const env = { ...process.env };
  // The browser tests run on the embedded defaults, as a new user's first start does.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', startScript], {
    env: {
      ...env,
      DATA_DIR: dataDir,
      API_PORT: String(chosen.api),
      PIPELINE_PORT: String(chosen.pipeline),
      EMBEDDED_PG_PORT: String(chosen.pg),
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = await Promise.race([
    waitFor(() => output.includes('Synoptic is running at'), 90_000).then(() => true),
    exited.then(() => false),
  ]);
  if (!ready) throw new Error(`the platform did not start:\n${output}`);
  const platform: RunningPlatform = {
    baseUrl: `http://localhost:${chosen.api}`,
    process: child,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
  return { platform, ports: chosen };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
