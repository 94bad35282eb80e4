import { generateShard, planJob } from '@synoptic/generator';
import { referenceConfig } from './generator.config.ts';

// Generates N rows of the reference table as CSV into a null sink, then prints its peak RSS.
const rows = Number(process.argv[2] ?? 10_000_000);
const config = referenceConfig(rows);
const plan = planJob(config, { seed: 42, shardRows: rows });
const started = performance.now();
let bytes = 0;
for await (const chunk of generateShard(config, plan, plan.tables[0]!.shards[0]!, { format: 'csv' }))
  bytes += chunk.length;
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ rows, bytes, seconds, peak_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
