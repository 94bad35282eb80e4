export { fitTwinFromFile } from './twin-file.ts';
export {
  buildJobReport,
  FIT_MAX_ROWS,
  type FitResult,
  fitSamples,
  REPORT_ROWS,
  type SampleFile,
  type TableFit,
} from './twin-job.ts';
