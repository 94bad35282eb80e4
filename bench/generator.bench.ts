import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { faker } from '@faker-js/faker';
import { generateShard, planJob } from '@synoptic/generator';
import { referenceConfig } from './generator.config.ts';

// Generator benchmark: the reference 10-column table to CSV, against a plain faker loop measured
// in the same run. Prints readable figures and ends with one line of JSON.

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const BASELINE_ROWS = Number(process.env.BENCH_BASELINE_ROWS ?? 100_000);
const RSS_ROWS = Number(process.env.BENCH_RSS_ROWS ?? 10_000_000);
const PARALLEL_ROWS = Number(process.env.BENCH_PARALLEL_ROWS ?? 2_097_152);

async function singleThread(rows: number): Promise<{ seconds: number; bytes: number }> {
  const config = referenceConfig(rows);
  const plan = planJob(config, { seed: 42, shardRows: rows });
  const started = performance.now();
  let bytes = 0;
  for await (const chunk of generateShard(config, plan, plan.tables[0]!.shards[0]!, { format: 'csv' }))
    bytes += chunk.length;
  return { seconds: (performance.now() - started) / 1000, bytes };
}

function baseline(rows: number): { seconds: number; bytes: number } {
  faker.seed(42);
  const from = new Date('2018-01-01');
  const to = new Date('2024-12-31');
  const categories = [
    { value: 'bronze', weight: 50 },
    { value: 'silver', weight: 30 },
    { value: 'gold', weight: 15 },
    { value: 'platinum', weight: 5 },
  ];
  const started = performance.now();
  let bytes = 0;
  for (let i = 0; i < rows; i++) {
    const u = faker.number.float({ min: Number.EPSILON, max: 1 });
    const v = faker.number.float({ min: 0, max: 1 });
    const income = Math.max(0, 55000 + 18000 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    const line = [
      i + 1,
      faker.person.fullName(),
      faker.internet.email(),
      faker.number.int({ min: 18, max: 80 }),
      income.toFixed(2),
      faker.date.between({ from, to }).toISOString().slice(0, 10),
      faker.location.city(),
      faker.helpers.weightedArrayElement(categories),
      faker.datatype.boolean(0.8),
      faker.string.uuid(),
    ].join(',');
    bytes += Buffer.byteLength(line) + 2;
  }
  return { seconds: (performance.now() - started) / 1000, bytes };
}

function peakRss(rows: number): { peak_rss_mb: number; rows_per_s: number } {
  const child = fileURLToPath(new URL('./generator.child.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, String(rows)], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as { peak_rss_mb: number; seconds: number };
  return { peak_rss_mb: r.peak_rss_mb, rows_per_s: rows / r.seconds };
}

async function parallel(rows: number, threads: number): Promise<number> {
  const config = referenceConfig(rows);
  const plan = planJob(config, { seed: 42, shardRows: 262_144 });
  const queue = [...plan.tables[0]!.shards];
  const workers = Array.from({ length: threads }, () =>
    tsWorker(new URL('./generator.worker.ts', import.meta.url), { rows }),
  );
  // warm the workers up (module load, JIT) on one small shard each before timing
  const warm = planJob(config, { seed: 7, shardRows: 65_536 });
  await Promise.all(
    workers.map(
      (w, k) =>
        new Promise<void>((resolve, reject) => {
          w.once('message', () => resolve());
          w.once('error', reject);
          w.postMessage({ plan: warm, shard: warm.tables[0]!.shards[k]! });
        }),
    ),
  );
  const started = performance.now();
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          const next = () => {
            const shard = queue.shift();
            if (!shard) {
              w.postMessage(null);
              resolve();
              return;
            }
            w.postMessage({ plan, shard });
          };
          w.on('message', next);
          w.on('error', reject);
          next();
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((w) => w.terminate()));
  return rows / seconds;
}

/**
 * A worker running a .ts file. On Node 20, `execArgv: ['--import', 'tsx']` does not reach the
 * worker's module loader ("Unknown file extension .ts"), so a tiny bootstrap registers tsx's
 * loader inside the worker first and then imports the module.
 */
function tsWorker(url: URL, workerData: unknown): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

await singleThread(300_000); // warm-up: module load and JIT
// best of three: the figure of an undisturbed run (CI machines are shared)
let engine = await singleThread(ROWS);
for (let k = 0; k < 2; k++) {
  const again = await singleThread(ROWS);
  if (again.seconds < engine.seconds) engine = again;
}
const rowsPerS = ROWS / engine.seconds;
const mbPerS = engine.bytes / 1e6 / engine.seconds;
console.log(
  `engine, 1 thread : ${fmt(rowsPerS)} rows/s, ${mbPerS.toFixed(1)} MB/s (best of 3 × ${fmt(ROWS)} rows, ${(engine.bytes / ROWS).toFixed(1)} B/row)`,
);

let base = baseline(BASELINE_ROWS);
const again = baseline(BASELINE_ROWS);
if (again.seconds < base.seconds) base = again;
const baseRowsPerS = BASELINE_ROWS / base.seconds;
console.log(
  `faker loop       : ${fmt(baseRowsPerS)} rows/s, ${(base.bytes / 1e6 / base.seconds).toFixed(1)} MB/s (best of 2 × ${fmt(BASELINE_ROWS)} rows)`,
);
const ratio = rowsPerS / baseRowsPerS;
console.log(`ratio            : ${ratio.toFixed(1)}×`);

const rss = peakRss(RSS_ROWS);
console.log(
  `peak RSS         : ${rss.peak_rss_mb.toFixed(0)} MB generating ${fmt(RSS_ROWS)} rows to a null sink (${fmt(rss.rows_per_s)} rows/s)`,
);

const twoThreads = Math.max(await parallel(PARALLEL_ROWS, 2), await parallel(PARALLEL_ROWS, 2));
console.log(
  `engine, 2 threads: ${fmt(twoThreads)} rows/s (${(twoThreads / rowsPerS).toFixed(2)}× one thread)`,
);

console.log(
  JSON.stringify({
    bench: 'generator',
    rows_per_s: Math.round(rowsPerS),
    mb_per_s: Number(mbPerS.toFixed(1)),
    baseline_rows_per_s: Math.round(baseRowsPerS),
    ratio: Number(ratio.toFixed(2)),
    peak_rss_mb: Number(rss.peak_rss_mb.toFixed(1)),
    rows_per_s_2_threads: Math.round(twoThreads),
  }),
);
