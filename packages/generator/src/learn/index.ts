export { fitSample } from './fit-sample.ts';
export {
  type FittedSample,
  fittedSummary,
  type LearnedColumnRequest,
  learnedColumnsOf,
} from './fitted-sample.ts';
export { splitHoldout } from './holdout.ts';
export { LearnedTable } from './learned-table.ts';
