import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const webDir = new URL('../../apps/web/', import.meta.url).pathname;
const contractTypes = new URL('../../packages/contract/generated/', import.meta.url).pathname;
export const webDistDir = join(webDir, 'dist');
const stampFile = join(webDistDir, '.source-hash');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !['node_modules', 'dist'].includes(e.name))
      .map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat();
}

/** A fingerprint of everything the web build reads, so an unchanged app is never rebuilt. */
async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [...(await filesUnder(webDir)), ...(await filesUnder(contractTypes))].sort();
  for (const file of files) {
    hash.update(relative(webDir, file));
    hash.update(`${(await stat(file)).size}:`);
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

/** Builds the web app when it has never been built or its sources changed since. */
export async function ensureWebBuild(log: (line: string) => void): Promise<void> {
  const hash = await sourceHash();
  if ((await readFile(stampFile, 'utf8').catch(() => '')) === hash) return;
  log('building the web app (first start or changed sources)…');
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent', '-w', 'apps/web'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      // Vite keeps a NODE_ENV it inherits (vitest sets `test`), which would ship React's slow development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`web build failed (exit ${code})`)),
    );
  });
  await writeFile(stampFile, hash);
  log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
