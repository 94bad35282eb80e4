export type DatasetFormat = 'csv' | 'jsonl' | 'parquet';

/** A completed job's output: its tables, each stored as part files in the object store. */
export type DatasetSource = {
  /** The job id (a uuid); names the cache folder, so only [A-Za-z0-9-] is accepted. */
  id: string;
  /** 'sql' is accepted here so callers can pass a job's format through; opening it throws 'unsupported_format'. */
  format: DatasetFormat | 'sql';
  csvDelimiter?: string;
  tables: { name: string; files: { key: string; bytes: number }[] }[];
};

/** Streams one stored object's bytes (the api passes objectStore.get bound to the project bucket). */
export type FetchObject = (key: string) => Promise<NodeJS.ReadableStream | AsyncIterable<Uint8Array>>;

export type ColumnKind = 'integer' | 'decimal' | 'boolean' | 'text' | 'date' | 'timestamp' | 'other';
export type ColumnSchema = { name: string; kind: ColumnKind; sqlType: string };
export type TableSchema = { name: string; rows: number; columns: ColumnSchema[] };

/**
 * One condition; filters combine with AND. `contains` ignores case, `starts_with` does not.
 * `neq` keeps NULLs (it means IS DISTINCT FROM). `between` is inclusive at both ends, either optional.
 */
export type Filter =
  | {
      column: string;
      op: 'eq' | 'neq' | 'contains' | 'starts_with' | 'gt' | 'gte' | 'lt' | 'lte';
      value: string | number | boolean;
    }
  | { column: string; op: 'between'; min?: string | number; max?: string | number }
  | { column: string; op: 'in'; values: (string | number | boolean)[] }
  | { column: string; op: 'is_null' | 'is_not_null' };
export type Sort = { column: string; direction: 'asc' | 'desc' };
/** limit 1..500, default 100. */
export type RowsQuery = { filters?: Filter[]; sort?: Sort[]; offset?: number; limit?: number };
/** BIGINT outside ±2^53 as string; dates 'YYYY-MM-DD'; timestamps ISO 8601; decimals as number. */
export type CellValue = string | number | boolean | null;
export type RowsPage = {
  columns: ColumnSchema[];
  rows: CellValue[][];
  total: number;
  offset: number;
  limit: number;
};
export type ColumnStats = {
  column: string;
  kind: ColumnKind;
  /** Rows after the filters, NULLs included. */
  count: number;
  nulls: number;
  distinct: number;
  min: CellValue;
  max: CellValue;
  mean: number | null;
  /** Up to 10 non-NULL values, most frequent first (ties by value). */
  top: { value: CellValue; count: number }[];
  /**
   * Numbers and dates: up to 20 equal-width bins. Integer and date bins have whole widths and an
   * exclusive `end`; decimal and timestamp bins end exclusive except the last, which ends at the max.
   * Text and booleans: empty (top covers them).
   */
  histogram: { start: CellValue; end: CellValue; count: number }[];
  /**
   * Set when a table over `exactStatsRows` rows (2 million by default) has a column of more than
   * 200 000 distinct values: `distinct` is then an estimate (HyperLogLog; expect up to ±20 %) and
   * `top` the most frequent values of a sample, with exact counts. Everything else stays exact.
   */
  approximate?: true;
};
export type QueryResult = {
  columns: { name: string; sqlType: string }[];
  rows: CellValue[][];
  truncated: boolean;
  elapsedMs: number;
};
/** categories: every distinct value of a text column when there are at most 200 of them. */
export type ColumnProfile = ColumnSchema & { categories?: string[]; examples: CellValue[] };
// Omit: an intersection of both column lists would type `columns.map` with the narrower ColumnSchema.
export type TableProfile = Omit<TableSchema, 'columns'> & { columns: ColumnProfile[] };

export type DatasetCatalogOptions = {
  cacheDir: string;
  /** Open datasets kept (LRU); default 4. */
  maxOpen?: number;
  /** DuckDB memory limit per dataset; default '512MB'. */
  memoryLimit?: string;
  /** Time limit of every query; default 10 000 ms. */
  queryTimeoutMs?: number;
  /** Row cap of query(); default 1000. */
  maxResultRows?: number;
  /** Tables up to this many rows always get exact column stats (see ColumnStats.approximate); default 2 000 000. */
  exactStatsRows?: number;
};

export interface DatasetCatalog {
  /** Prepares (first time: download + import, later: reuse the cache) and returns the dataset. Concurrent opens of one id share the work. */
  open(source: DatasetSource, fetch: FetchObject): Promise<Dataset>;
  /** Closes it and deletes its cache (called when a job's outputs are deleted or expire). */
  evict(id: string): Promise<void>;
  close(): Promise<void>;
}

export interface Dataset {
  readonly id: string;
  tables(): TableSchema[];
  rows(table: string, query: RowsQuery): Promise<RowsPage>;
  columnStats(table: string, column: string, filters?: Filter[]): Promise<ColumnStats>;
  /**
   * The filtered, sorted rows as CSV text chunks (header first, RFC 4180, CRLF), streamed — never
   * the whole result in memory, and without a time limit: it runs as fast as the reader reads.
   * Errors in the query surface on the first `next()`, before any text.
   */
  exportCsv(table: string, query: Omit<RowsQuery, 'offset' | 'limit'>): AsyncIterable<string>;
  /** Runs one untrusted read-only SELECT (or WITH … SELECT) over this dataset's tables; anything else is refused with code 'refused' and a clear message. */
  query(sql: string, options?: { maxRows?: number; timeoutMs?: number }): Promise<QueryResult>;
  /** Schema plus small value lists per column (for the chat engine and model prompts); cached. */
  profile(): Promise<TableProfile[]>;
}
