import { Readable } from 'node:stream';
import type { JobReport } from '@synoptic/contract';
import { type GeneratorConfig, generateShard, planJob, validateGeneratorConfig } from '@synoptic/generator';
import { createFsObjectStore } from '@synoptic/object-store';
import { uuidv7 } from '@synoptic/service-kit';
import {
  insertJob,
  insertJobFiles,
  type JobFileRow,
  updateJob,
} from '../src/modules/jobs/jobs.repository.ts';
import type { TestApi } from './harness.ts';

/**
 * A completed job whose parts the real engine wrote straight into the project's bucket, as the
 * pipeline would: for tests of what reads outputs (viewer, chat), without running a pipeline.
 */
export async function createCompletedJob(
  api: TestApi,
  options: {
    projectId: string;
    userId: string;
    config: GeneratorConfig;
    format?: 'csv' | 'jsonl' | 'parquet' | 'sql';
    csv?: { delimiter?: string };
    seed?: string;
    name?: string;
    /** Written as the job's report.json, its summary stored with the job, as a manifest would. */
    report?: (jobId: string) => JobReport;
  },
): Promise<string> {
  const checked = validateGeneratorConfig(options.config);
  if (!checked.ok) throw new Error(`invalid config: ${JSON.stringify(checked.errors)}`);
  const format = options.format ?? 'csv';
  const seed = options.seed ?? 'test-seed';
  const plan = planJob(checked.config, { seed, shardRows: 4096 * 2 });
  const id = uuidv7();
  const { rows } = await api.pool.query<{ bucket: string }>('select bucket from app.projects where id = $1', [
    options.projectId,
  ]);
  const bucket = rows[0]!.bucket;
  const store = createFsObjectStore(api.objectsDir);
  const files: JobFileRow[] = [];
  const ext = format;
  for (const table of plan.tables) {
    for (const shard of table.shards) {
      const key = `jobs/${id}/${table.name}/part-${String(shard.index).padStart(5, '0')}.${ext}`;
      const output = { format, ...(options.csv ? { csv: options.csv } : {}) };
      const put = await store.put(bucket, key, generateShard(checked.config, plan, shard, output));
      files.push({ key, table_name: table.name, rows: shard.rows, bytes: put.bytes, sha256: put.sha256 });
    }
  }
  const totalRows = files.reduce((sum, f) => sum + f.rows, 0);
  const totalBytes = files.reduce((sum, f) => sum + f.bytes, 0);
  await insertJob(api.pool, {
    id,
    projectId: options.projectId,
    createdBy: options.userId,
    name: options.name ?? 'Viewer data',
    config: checked.config,
    outputFormat: format,
    csvOptions: options.csv,
    seed,
    estimatedBytes: totalBytes,
    rowsTotal: totalRows,
  });
  await insertJobFiles(api.pool, id, files);
  const report = options.report?.(id);
  if (report) {
    const key = `jobs/${id}/report.json`;
    await store.put(bucket, key, Readable.from([Buffer.from(JSON.stringify(report))]));
    await updateJob(api.pool, id, {
      reportKey: key,
      reportQuality: report.summary.quality,
      reportPrivacyPassed: report.summary.privacyPassed,
      reportConformancePassed: report.summary.conformancePassed,
    });
  }
  await updateJob(api.pool, id, {
    status: 'completed',
    stage: 'completed',
    rowsDone: totalRows,
    bytes: totalBytes,
    startedAt: new Date(),
    finishedAt: new Date(),
  });
  return id;
}
