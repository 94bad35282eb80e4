import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { SampleQuality } from '@synoptic/contract';
import { generateShard } from '@synoptic/generator';
import { buildJobReport, fitTwinFromFile } from '@synoptic/generator/twin';

// npm run fit-sample -- FILE [--quality balanced] [--rows N] [--out DIR] [--seed S]
// Fits a synthetic twin of any CSV, JSONL or Parquet file, as a job from an upload would, and writes
// the synthetic table and report.json: the engine without the platform.
const usage =
  'usage: npm run fit-sample -- FILE [--quality fast|balanced|high] [--rows N] [--out DIR] [--seed S]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quality: { type: 'string', default: 'balanced' },
    rows: { type: 'string' },
    out: { type: 'string', default: 'synthetic' },
    seed: { type: 'string', default: '1' },
  },
});
const file = positionals[0];
const quality = values.quality as SampleQuality;
const rows = values.rows === undefined ? undefined : Number(values.rows);
if (!file || !['fast', 'balanced', 'high'].includes(quality) || (rows !== undefined && !(rows >= 0))) {
  console.error(usage);
  process.exit(2);
}

// npm runs scripts from the repository root; paths are the caller's, relative to where they ran npm.
const here = process.env.INIT_CWD ?? process.cwd();
const out = resolve(here, values.out);
await mkdir(out, { recursive: true });
const twin = await fitTwinFromFile(resolve(here, file), { quality, rows, seed: values.seed });
console.log(
  `profiled ${twin.profile.rows.toLocaleString('en-US')} rows × ${twin.profile.columns.length} columns in ${twin.seconds.profile.toFixed(2)} s`,
);
for (const column of twin.profile.columns)
  console.log(
    `  ${column.name.padEnd(24)} ${column.type.padEnd(10)} ${column.personalData ? `personal data (${column.personalData}) → ${column.suggested.type}` : `→ ${column.suggested.type}`}`,
  );
console.log(`fitted (${quality}) in ${twin.seconds.fit.toFixed(2)} s`);

let started = performance.now();
for (const table of twin.plan.tables) {
  const target = join(out, `${table.name}.csv`);
  await pipeline(
    (async function* () {
      for (const shard of table.shards)
        yield* generateShard(twin.config, twin.plan, shard, { format: 'csv' });
    })(),
    createWriteStream(target),
  );
  console.log(
    `wrote ${table.rows.toLocaleString('en-US')} rows to ${target} in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
}
started = performance.now();
const report = await buildJobReport({
  jobId: 'fit-sample',
  config: twin.config,
  plan: twin.plan,
  files: twin.files,
  fits: twin.fits,
  seed: values.seed,
});
await writeFile(join(out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
const table = report.tables[0]!;
console.log(`wrote ${join(out, 'report.json')} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
if (table.quality)
  console.log(
    `quality ${table.quality.score.toFixed(3)} (column shapes ${table.quality.columnShapes.toFixed(3)}, pair trends ${table.quality.columnPairTrends?.toFixed(3) ?? '–'})`,
  );
if (table.privacy) {
  console.log(`privacy ${table.privacy.passed ? 'passed' : 'FAILED'}`);
  for (const check of table.privacy.checks)
    console.log(`  ${check.passed ? 'ok  ' : 'FAIL'} ${check.label}: ${check.detail}`);
}
