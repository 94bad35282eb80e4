import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// Threads load TypeScript through tsx, as the process does (ADR 0003). Node 20 does not apply
// `--import` loaders to a worker's entry file, so a small script imports it through tsx's API.
const tsxApi = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
).href;

/** A worker thread running the TypeScript module at `file` (a file: URL). */
export function startTsThread(file: URL): Worker {
  const href = JSON.stringify(file.href);
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${href}, ${href}))`, {
    eval: true,
  });
}
