import { parentPort, workerData } from 'node:worker_threads';
import { generateShard, type JobPlan, type ShardSpec } from '@synoptic/generator';
import { referenceConfig } from './generator.config.ts';

// Benchmark worker: generates the shards it is sent to CSV into a null sink.
const config = referenceConfig((workerData as { rows: number }).rows);

parentPort!.on('message', async (msg: { plan: JobPlan; shard: ShardSpec } | null) => {
  if (!msg) {
    parentPort!.close();
    return;
  }
  let bytes = 0;
  for await (const chunk of generateShard(config, msg.plan, msg.shard, { format: 'csv' }))
    bytes += chunk.length;
  parentPort!.postMessage({ rows: msg.shard.rows, bytes });
});
