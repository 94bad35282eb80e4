// The one door to the synthesis engine, so an interface change touches this file alone.
export type { GeneratorConfig, JobReport, OutputSpec } from '@synoptic/contract';
export {
  BLOCK_ROWS,
  DEFAULT_SHARD_ROWS,
  ENGINE_VERSION,
  estimateOutput,
  type FittedSample,
  GenerationError,
  generateShard,
  type JobPlan,
  planJob,
  previewConfig,
  type ShardSpec,
  validateGeneratorConfig,
} from '@synoptic/generator';

export const fileExtension = { csv: 'csv', jsonl: 'jsonl', parquet: 'parquet', sql: 'sql' } as const;
