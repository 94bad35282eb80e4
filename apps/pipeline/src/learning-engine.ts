// Fitting, sample reading and reports: a door of their own, so shard threads (which import
// engine.ts) never load DuckDB.
export { SampleReadError } from '@synoptic/generator/sample';
export {
  buildJobReport,
  type FitResult,
  fitSamples,
  type SampleFile,
  type TableFit,
} from '@synoptic/generator/twin';
