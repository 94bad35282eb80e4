import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  type GeneratorConfig,
  type SampleFormat,
  type SampleProfile,
  type SampleQuality,
  tableNameOf,
  twinConfig,
  validateGeneratorConfig,
} from '@synoptic/contract';
import { GenerationError } from '../errors.ts';
import { type JobPlan, planJob } from '../relations/plan.ts';
import { profileSampleFile, sampleFormatOf } from '../sample/index.ts';
import { type FitResult, fitSamples, type SampleFile } from './twin-job.ts';

/**
 * A synthetic twin of a local file, fitted and planned, as a job would make it from an upload: the
 * profile's suggested fields, the quality asked for, one shard per table (one output file each).
 */
export async function fitTwinFromFile(
  path: string,
  options: { quality?: SampleQuality; rows?: number; seed?: string; format?: SampleFormat } = {},
): Promise<{
  config: GeneratorConfig;
  plan: JobPlan;
  profile: SampleProfile;
  files: SampleFile[];
  fits: FitResult['fits'];
  seconds: { profile: number; fit: number };
}> {
  const format = options.format ?? sampleFormatOf(path);
  if (!format) throw new GenerationError(`cannot tell the format of ${path}: use .csv, .jsonl or .parquet`);
  const seed = options.seed ?? '1';
  let started = performance.now();
  const { profile } = await profileSampleFile(path, format, seed);
  const profileSeconds = (performance.now() - started) / 1000;
  // A stable id from the file's bytes: the config (and so the output) depends only on the file.
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const digest = hash.digest('hex');
  const sampleId = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
  const checked = validateGeneratorConfig(
    twinConfig(profile, { table: tableNameOf(path), sampleId, quality: options.quality, rows: options.rows }),
  );
  if (!checked.ok) throw new GenerationError(checked.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  const files = [{ id: sampleId, path, format }];
  started = performance.now();
  const { models, fits } = await fitSamples({ config: checked.config, files, seed });
  const fitSeconds = (performance.now() - started) / 1000;
  const plan = planJob(checked.config, { seed, shardRows: Number.MAX_SAFE_INTEGER, samples: models });
  return {
    config: checked.config,
    plan,
    profile,
    files,
    fits,
    seconds: { profile: profileSeconds, fit: fitSeconds },
  };
}
