import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { computeColumnStats } from './column-stats.ts';
import { exportRowsCsv } from './csv-export.ts';
import type {
  ColumnStats,
  Dataset,
  Filter,
  QueryResult,
  RowsPage,
  RowsQuery,
  TableProfile,
  TableSchema,
} from './dataset.types.ts';
import { quoteIdent, readRows, type Session, withConnection } from './duckdb-session.ts';
import type { SqlGuard } from './sql-guard.ts';
import { buildProfile } from './table-profile.ts';
import { runUntrustedQuery } from './untrusted-query.ts';
import {
  getColumn,
  getTable,
  orderClause,
  Params,
  pageBounds,
  selectList,
  whereClause,
} from './viewer-queries.ts';

const PROFILE_FILE = 'profile.json';

/** What a dataset needs from the catalog that holds it. */
export type DatasetHost = {
  readonly id: string;
  readonly dir: string;
  readonly tables: TableSchema[];
  readonly guard: () => Promise<SqlGuard>;
  readonly timeoutMs: number;
  readonly maxResultRows: number;
  readonly exactStatsRows: number;
  /** Estimated distinct values per table and column (unfiltered), learnt by columnStats. */
  readonly distinctEstimates: Map<string, number>;
  /** Runs `work` while the dataset is open (reopening it if the LRU closed it). */
  use<T>(work: (session: Session) => Promise<T>): Promise<T>;
  /** The same for a stream: holds the dataset open until the stream ends or is abandoned. */
  useStream<T>(work: (session: Session) => AsyncGenerator<T>): AsyncGenerator<T>;
  profile?: Promise<TableProfile[]>;
};

export class DatasetHandle implements Dataset {
  constructor(private readonly host: DatasetHost) {}

  get id(): string {
    return this.host.id;
  }

  tables(): TableSchema[] {
    return this.host.tables.map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c })) }));
  }

  async rows(tableName: string, query: RowsQuery = {}): Promise<RowsPage> {
    const table = getTable(this.host.tables, tableName);
    const { offset, limit } = pageBounds(query);
    const params = new Params();
    const where = whereClause(table, query.filters, params);
    const order = orderClause(table, query.sort);
    if (table.columns.length === 0) return { columns: [], rows: [], total: 0, offset, limit };
    const from = quoteIdent(table.name);
    return this.host.use(async (session) => {
      const timeout = this.host.timeoutMs;
      // Both settle before the dataset is released, so a failed count never leaves a page running.
      const [page, total] = await Promise.allSettled([
        withConnection(session, timeout, (conn) =>
          readRows(
            conn,
            `SELECT ${selectList(table)} FROM ${from}${where}${order} LIMIT ${limit} OFFSET ${offset}`,
            params,
          ),
        ),
        where
          ? withConnection(session, timeout, (conn) =>
              readRows(conn, `SELECT count(*) FROM ${from}${where}`, params),
            ).then((r) => Number(r.rows[0]![0]))
          : table.rows,
      ]);
      if (page.status === 'rejected') throw page.reason;
      if (total.status === 'rejected') throw total.reason;
      return {
        columns: table.columns.map((c) => ({ ...c })),
        rows: page.value.rows,
        total: total.value,
        offset,
        limit,
      };
    });
  }

  async columnStats(tableName: string, columnName: string, filters?: Filter[]): Promise<ColumnStats> {
    const table = getTable(this.host.tables, tableName);
    const column = getColumn(table, columnName, 'column');
    // Checks the filters before anything opens.
    whereClause(table, filters, new Params());
    const limits = {
      timeoutMs: this.host.timeoutMs,
      exactRows: this.host.exactStatsRows,
      estimates: this.host.distinctEstimates,
    };
    return this.host.use((session) => computeColumnStats(session, limits, table, column, filters));
  }

  exportCsv(tableName: string, query: Omit<RowsQuery, 'offset' | 'limit'> = {}): AsyncIterable<string> {
    const host = this.host;
    return {
      [Symbol.asyncIterator]: () => {
        // Validation happens on the first next(): the caller can still answer with a 400.
        async function* run(): AsyncGenerator<string> {
          const table = getTable(host.tables, tableName);
          whereClause(table, query.filters, new Params());
          orderClause(table, query.sort);
          if (table.columns.length === 0) return;
          yield* host.useStream((session) => exportRowsCsv(session, table, query));
        }
        return run();
      },
    };
  }

  async query(sql: string, options: { maxRows?: number; timeoutMs?: number } = {}): Promise<QueryResult> {
    const guard = await this.host.guard();
    const tables = this.host.tables.filter((t) => t.columns.length > 0).map((t) => t.name);
    return this.host.use((session) =>
      runUntrustedQuery(session, guard, tables, sql, {
        maxRows: options.maxRows ?? this.host.maxResultRows,
        timeoutMs: options.timeoutMs ?? this.host.timeoutMs,
      }),
    );
  }

  profile(): Promise<TableProfile[]> {
    const host = this.host;
    host.profile ??= (async () => {
      const path = join(host.dir, PROFILE_FILE);
      try {
        return JSON.parse(await readFile(path, 'utf8')) as TableProfile[];
      } catch {
        // not computed yet (or unreadable): compute it
      }
      const profile = await host.use((session) => buildProfile(session, host.timeoutMs * 3, host.tables));
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(profile));
      await rename(tmp, path);
      return profile;
    })();
    // A failed attempt (a timeout, say) is not cached: the next call tries again.
    host.profile.catch(() => {
      host.profile = undefined;
    });
    return host.profile;
  }
}
