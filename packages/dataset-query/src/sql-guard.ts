import { DuckDBInstance } from '@duckdb/node-api';
import { DatasetQueryError } from './dataset-query.error.ts';
import { lockDown } from './duckdb-session.ts';

/** DuckDB names the catalog of an attached file after its stem: the dataset file is `dataset.duckdb`. */
export const DATASET_CATALOG = 'dataset';

const MAX_SQL_LENGTH = 100_000;

// Table functions that only compute values (no files, no catalog): a date spine or an unnest
// is ordinary analysis. Every other table function — read_csv, glob, duckdb_settings … — is refused.
const PURE_TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);

// Scalar functions that reach outside the data: files, environment, settings, nested SQL.
const DENIED_FUNCTIONS = new Set([
  'glob',
  'query',
  'query_table',
  'getenv',
  'current_setting',
  'json_execute_serialized_sql',
  'sql_auto_complete',
  'checkpoint',
  'force_checkpoint',
  'which_secret',
  'sniff_csv',
  'load_extension',
  'install_extension',
  'getvariable',
]);
const DENIED_PREFIXES = [
  'read_',
  'duckdb_',
  'pragma_',
  'parquet_',
  'iceberg_',
  'delta_',
  'sqlite_',
  'postgres_',
  'mysql_',
  'enable_',
  'disable_',
  'truncate_duckdb',
];

// Names DuckDB resolves to its own catalog views when no CTE or table of that name is in scope;
// a CTE may not borrow them, so a reference the guard takes for a CTE can never reach them.
const SYSTEM_NAME = /^(duckdb_|pragma_|sqlite_|pg_|information_schema)/;

function isDeniedFunction(name: string): boolean {
  const n = name.toLowerCase();
  return DENIED_FUNCTIONS.has(n) || n.endsWith('_scan') || DENIED_PREFIXES.some((p) => n.startsWith(p));
}

const refuse = (message: string) => new DatasetQueryError('refused', message);

function tableList(tables: ReadonlySet<string>): string {
  return [...tables].map((t) => `"${t}"`).join(', ');
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the AST of one statement (as json_serialize_sql gives it): only this dataset's tables and
 * the CTEs in scope may be read, no table function but pure generators, no function that reaches
 * outside the data. Throws DatasetQueryError('refused') with a message a model or person can act on.
 */
export function checkStatementAst(node: unknown, tableNames: readonly string[]): void {
  const tables = new Set(tableNames.map((t) => t.toLowerCase()));
  const walk = (value: unknown, scope: ReadonlySet<string>): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, scope);
      return;
    }
    if (!isObject(value)) return;
    let inner = scope;
    const cteEntries = isObject(value.cte_map) ? value.cte_map.map : undefined;
    if (Array.isArray(cteEntries) && cteEntries.length > 0) {
      // A CTE sees the CTEs before it, and itself only when recursive; the body sees them all.
      const names = new Set(scope);
      for (const entry of cteEntries) {
        if (!isObject(entry) || typeof entry.key !== 'string' || !isObject(entry.value)) {
          throw refuse('The query has a WITH clause this checker does not understand.');
        }
        const name = entry.key.toLowerCase();
        if (SYSTEM_NAME.test(name))
          throw refuse(`"${entry.key}" is a reserved name; name the CTE differently.`);
        const query = entry.value.query;
        const body = isObject(query) ? query.node : undefined;
        const recursive = isObject(body) && body.type === 'RECURSIVE_CTE_NODE';
        walk(query, recursive ? new Set([...names, name]) : names);
        names.add(name);
      }
      inner = names;
    }
    if (value.type === 'CTE_NODE' && typeof value.ctename === 'string') {
      const name = value.ctename.toLowerCase();
      if (SYSTEM_NAME.test(name))
        throw refuse(`"${value.ctename}" is a reserved name; name the CTE differently.`);
      walk(value.query, scope);
      walk(value.child, new Set([...scope, name]));
      return;
    }
    if (typeof value.class !== 'string') checkTableRef(value, inner, tables);
    else if (value.class === 'FUNCTION' && typeof value.function_name === 'string') {
      if (isDeniedFunction(value.function_name)) {
        throw refuse(
          `The function ${value.function_name}() is not allowed here; only the dataset's data can be read.`,
        );
      }
    }
    for (const [key, child] of Object.entries(value)) if (key !== 'cte_map') walk(child, inner);
  };
  walk(node, new Set());
}

function checkTableRef(ref: Json, scope: ReadonlySet<string>, tables: ReadonlySet<string>): void {
  switch (ref.type) {
    case 'BASE_TABLE': {
      const name = String(ref.table_name ?? '');
      const lower = name.toLowerCase();
      const schema = String(ref.schema_name ?? '').toLowerCase();
      const catalog = String(ref.catalog_name ?? '').toLowerCase();
      if (!schema && !catalog && scope.has(lower)) return;
      const ownSchema = schema === '' || schema === 'main' || (schema === DATASET_CATALOG && !catalog);
      const ownCatalog = catalog === '' || catalog === DATASET_CATALOG;
      if (tables.has(lower) && ownSchema && ownCatalog) return;
      if (/[/\\.:*]/.test(name) && !schema && !catalog) {
        throw refuse(
          `Reading files is not allowed ('${name}'); select from the dataset's tables: ${tableList(tables)}.`,
        );
      }
      const qualified = [catalog, schema, name].filter(Boolean).join('.');
      throw refuse(`There is no table "${qualified}" here; the dataset's tables are ${tableList(tables)}.`);
    }
    case 'TABLE_FUNCTION': {
      const fn = isObject(ref.function) ? String(ref.function.function_name ?? '') : '';
      if (PURE_TABLE_FUNCTIONS.has(fn.toLowerCase())) return;
      throw refuse(
        `Table functions such as ${fn || 'this one'}() are not allowed; select from the dataset's tables: ${tableList(tables)}.`,
      );
    }
    case 'SHOW_REF':
      throw refuse('DESCRIBE, SHOW and SUMMARIZE are not available here; write a SELECT over the tables.');
    case 'COLUMN_DATA':
    case 'DELIM_GET':
    case 'BOUND_REF':
      throw refuse('The query uses a table reference this checker does not allow.');
    default:
      return;
  }
}

export type SqlGuard = {
  /** Resolves when `sql` is one SELECT that reads only `tables`; throws DatasetQueryError otherwise. */
  check(sql: string, tables: readonly string[]): Promise<void>;
  close(): void;
};

/**
 * Parses with DuckDB's own parser in a separate in-memory instance that holds no data and can reach
 * nothing, so the text that runs is exactly the text that was checked.
 */
export async function createSqlGuard(): Promise<SqlGuard> {
  const instance = await DuckDBInstance.create(':memory:');
  const setup = await instance.connect();
  try {
    await lockDown(setup, { memoryLimit: '64MB' });
  } finally {
    setup.closeSync();
  }
  let closed = false;
  return {
    async check(sql, tables) {
      if (closed) throw new Error('the SQL guard is closed');
      if (!sql.trim()) throw new DatasetQueryError('invalid_query', 'The query is empty.', { field: 'sql' });
      if (sql.length > MAX_SQL_LENGTH) {
        throw new DatasetQueryError(
          'invalid_query',
          `The query is longer than ${MAX_SQL_LENGTH} characters.`,
          {
            field: 'sql',
          },
        );
      }
      const conn = await instance.connect();
      let text: string;
      try {
        const reader = await conn.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR)', [sql]);
        text = String(reader.getRows()[0]?.[0] ?? '');
      } finally {
        conn.closeSync();
      }
      const parsed = JSON.parse(text) as {
        error: boolean;
        error_type?: string;
        error_message?: string;
        statements?: { node: unknown }[];
      };
      if (parsed.error) {
        if (parsed.error_type === 'parser') {
          throw new DatasetQueryError('invalid_query', `The SQL does not parse: ${parsed.error_message}`, {
            field: 'sql',
          });
        }
        throw refuse(
          'Only one read-only SELECT (or WITH … SELECT) may run here; statements such as COPY, ATTACH, INSTALL, LOAD, PRAGMA, SET, CREATE, INSERT, UPDATE or DELETE are refused.',
        );
      }
      const statements = parsed.statements ?? [];
      if (statements.length !== 1) {
        throw refuse(`Send exactly one SELECT statement; this text holds ${statements.length}.`);
      }
      checkStatementAst(statements[0], tables);
    },
    close() {
      if (closed) return;
      closed = true;
      instance.closeSync();
    },
  };
}
