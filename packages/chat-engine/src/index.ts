export { describeAnswer } from './answer-text.ts';
export { createBuiltInEngine } from './built-in.engine.ts';
export { createModelEngine, ModelEngineError, type ModelEngineOptions } from './model.engine.ts';
export { suggestQuestions } from './question-suggestions.ts';
export type {
  CellValue,
  ChartSpec,
  ChatEngine,
  ChatPlan,
  ChatTurn,
  ColumnKind,
  ColumnProfile,
  QueryResult,
  TableProfile,
} from './types.ts';
