// The dataset profile and query result as @synoptic/dataset-query produces them. Declared here
// (structurally) so this package never depends on the query sandbox.

export type ColumnKind = 'integer' | 'decimal' | 'boolean' | 'text' | 'date' | 'timestamp' | 'other';
export type CellValue = string | number | boolean | null;

export type ColumnProfile = {
  name: string;
  kind: ColumnKind;
  sqlType: string;
  /** Every distinct value of a text column, when there are at most 200. */
  categories?: string[];
  examples: CellValue[];
};

export type TableProfile = { name: string; rows: number; columns: ColumnProfile[] };

export type QueryResult = {
  columns: { name: string; sqlType: string }[];
  rows: CellValue[][];
  truncated: boolean;
  elapsedMs: number;
};

/** x and y are column names of the result. */
export type ChartSpec = {
  type: 'bar' | 'line' | 'histogram' | 'scatter';
  x: string;
  y?: string;
  title: string;
};

export type ChatTurn = { role: 'user' | 'assistant'; content: string; sql?: string };

export type ChatPlan =
  | {
      kind: 'sql';
      sql: string;
      chart?: ChartSpec;
      /** How to phrase the result: the built-in engine writes an AnswerIntent as JSON, the model engine its own words. */
      intent: string;
    }
  | {
      kind: 'unanswerable';
      message: string;
      /** Exactly 3 questions the built-in engine can answer about this dataset. */
      suggestions: string[];
    };

export interface ChatEngine {
  readonly name: 'built-in' | 'model';
  plan(question: string, dataset: TableProfile[], history: ChatTurn[]): Promise<ChatPlan>;
}
