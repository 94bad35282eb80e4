export {
  type CsvOptions,
  type FieldSpec,
  fieldTypeCatalog,
  type GeneratorConfig,
  generatorConfigSchema,
  type OutputSpec,
  outputFormatSchema,
  outputSpecSchema,
  type TableSpec,
  validateGeneratorConfig,
} from '@synoptic/contract';
export { estimateOutput, type SizeEstimate } from './engine/estimate.ts';
export { generateShard, generateTableData } from './engine/generate.ts';
export { type Preview, previewConfig } from './engine/preview.ts';
export { BLOCK_ROWS, ENGINE_VERSION } from './engine/version.ts';
export { GenerationError } from './errors.ts';
export type { LogicalType } from './fields/field-gen.ts';
export {
  type FittedSample,
  fitSample,
  fittedSummary,
  type LearnedColumnRequest,
  learnedColumnsOf,
  splitHoldout,
} from './learn/index.ts';
export { DEFAULT_SHARD_ROWS, type JobPlan, planJob, type ShardSpec } from './relations/plan.ts';
export type { DataColumn, DataTable } from './tabular/data-table.ts';
