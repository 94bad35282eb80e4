import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { kindOf } from './cell-values.ts';
import { DEFAULT_EXACT_STATS_ROWS } from './column-stats.ts';
import type {
  Dataset,
  DatasetCatalog,
  DatasetCatalogOptions,
  DatasetSource,
  FetchObject,
  TableProfile,
  TableSchema,
} from './dataset.types.ts';
import { DatasetHandle, type DatasetHost } from './dataset-handle.ts';
import { checkDatasetId, checkSource, DATABASE_FILE, importDataset, readManifest } from './dataset-import.ts';
import { DatasetQueryError } from './dataset-query.error.ts';
import { lockDown, quoteIdent, type Session } from './duckdb-session.ts';
import { createSqlGuard, type SqlGuard } from './sql-guard.ts';

// How long closing a dataset waits for its running queries (already interrupted) to give way.
const DRAIN_MS = 5000;

/** One dataset of this process: its schema (kept) and its DuckDB instance (opened on demand, LRU). */
type DatasetState = {
  id: string;
  dir: string;
  tables: TableSchema[];
  instance?: DuckDBInstance;
  tempDir?: string;
  opening?: Promise<DuckDBInstance>;
  connections: Set<DuckDBConnection>;
  leases: number;
  lastUsed: number;
  gone: boolean;
  idle: (() => void)[];
  profile?: Promise<TableProfile[]>;
  distinctEstimates: Map<string, number>;
};

const gone = (id: string) =>
  new DatasetQueryError('not_found', `The dataset of job ${id} is no longer available.`);

export function createDatasetCatalog(options: DatasetCatalogOptions): DatasetCatalog {
  const cacheDir = options.cacheDir;
  const maxOpen = Math.max(1, options.maxOpen ?? 4);
  const memoryLimit = options.memoryLimit ?? '512MB';
  const timeoutMs = options.queryTimeoutMs ?? 10_000;
  const maxResultRows = options.maxResultRows ?? 1000;
  const exactStatsRows = options.exactStatsRows ?? DEFAULT_EXACT_STATS_ROWS;
  const states = new Map<string, DatasetState>();
  const preparing = new Map<string, Promise<DatasetState>>();
  const aborts = new Set<AbortController>();
  let guard: Promise<SqlGuard> | undefined;
  let closed = false;
  let clock = 0;

  async function openInstance(state: DatasetState): Promise<DuckDBInstance> {
    const tempDir = join(state.dir, `tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    const instance = await DuckDBInstance.create(join(state.dir, DATABASE_FILE), {
      access_mode: 'READ_ONLY',
    });
    try {
      const conn = await instance.connect();
      try {
        await lockDown(conn, { memoryLimit, tempDirectory: tempDir });
      } finally {
        conn.closeSync();
      }
    } catch (err) {
      instance.closeSync();
      throw err;
    }
    state.instance = instance;
    state.tempDir = tempDir;
    return instance;
  }

  async function closeInstance(state: DatasetState): Promise<void> {
    const instance = state.instance;
    const tempDir = state.tempDir;
    if (!instance) return;
    state.instance = undefined;
    state.tempDir = undefined;
    // Connections still running (a drain that timed out) keep the database alive until they end.
    instance.closeSync();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }

  /** Closes the least recently used idle instances beyond maxOpen; busy ones wait for their turn. */
  async function trim(): Promise<void> {
    const idle = [...states.values()]
      .filter((s) => s.instance && s.leases === 0)
      .sort((a, b) => a.lastUsed - b.lastUsed);
    let open = [...states.values()].filter((s) => s.instance).length;
    for (const state of idle) {
      if (open <= maxOpen) break;
      if (!state.instance || state.leases > 0) continue;
      open--;
      await closeInstance(state);
    }
  }

  function release(state: DatasetState): void {
    state.leases--;
    if (state.leases > 0) return;
    for (const wake of state.idle.splice(0)) wake();
    trim().catch(() => {});
  }

  async function acquire(state: DatasetState): Promise<Session> {
    if (state.gone || closed) throw gone(state.id);
    state.leases++;
    state.lastUsed = ++clock;
    try {
      if (!state.instance) {
        state.opening ??= openInstance(state)
          .catch(async (err: unknown) => {
            // Another process evicted it while it was closed here: forget it, so open() imports anew.
            if (await readManifest(state.dir)) throw err;
            state.gone = true;
            if (states.get(state.id) === state) states.delete(state.id);
            throw gone(state.id);
          })
          .finally(() => {
            state.opening = undefined;
          });
        await state.opening;
      }
      const instance = state.instance!;
      return {
        connect: async () => {
          if (state.gone || closed) throw gone(state.id);
          const conn = await instance.connect();
          state.connections.add(conn);
          return conn;
        },
        disconnect: (conn) => {
          if (state.connections.delete(conn)) conn.closeSync();
        },
      };
    } catch (err) {
      release(state);
      throw err;
    }
  }

  /** Stops a dataset's queries and waits (briefly) for them to give way before it is closed. */
  async function drain(state: DatasetState): Promise<void> {
    for (const conn of state.connections) conn.interrupt();
    if (state.leases === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, DRAIN_MS);
      state.idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  const withNotFound = (state: DatasetState, err: unknown) => (state.gone ? gone(state.id) : err);

  function hostOf(state: DatasetState): DatasetHost {
    return {
      id: state.id,
      dir: state.dir,
      tables: state.tables,
      timeoutMs,
      maxResultRows,
      exactStatsRows,
      distinctEstimates: state.distinctEstimates,
      guard: () => {
        guard ??= createSqlGuard();
        return guard;
      },
      async use(work) {
        const session = await acquire(state);
        try {
          return await work(session);
        } catch (err) {
          throw withNotFound(state, err);
        } finally {
          release(state);
        }
      },
      async *useStream(work) {
        const session = await acquire(state);
        try {
          yield* work(session);
        } catch (err) {
          throw withNotFound(state, err);
        } finally {
          release(state);
        }
      },
      get profile() {
        return state.profile;
      },
      set profile(p) {
        state.profile = p;
      },
    };
  }

  async function readSchemas(state: DatasetState, names: string[]): Promise<TableSchema[]> {
    const session = await acquire(state);
    try {
      const conn = await session.connect();
      try {
        const existing = new Set(
          (await conn.runAndReadAll('SELECT table_name FROM duckdb_tables()'))
            .getRows()
            .map((r) => String(r[0])),
        );
        const tables: TableSchema[] = [];
        for (const name of names) {
          if (!existing.has(name)) {
            tables.push({ name, rows: 0, columns: [] });
            continue;
          }
          const prepared = await conn.prepare(`SELECT * FROM ${quoteIdent(name)}`);
          const columns = Array.from({ length: prepared.columnCount }, (_, i) => {
            const type = prepared.columnType(i);
            return { name: prepared.columnName(i), kind: kindOf(type), sqlType: type.toString() };
          });
          prepared.destroySync();
          const count = await conn.runAndReadAll(`SELECT count(*) FROM ${quoteIdent(name)}`);
          tables.push({ name, rows: Number(count.getRows()[0]![0]), columns });
        }
        return tables;
      } finally {
        session.disconnect(conn);
      }
    } finally {
      release(state);
    }
  }

  async function prepare(source: DatasetSource, fetch: FetchObject): Promise<DatasetState> {
    const abort = new AbortController();
    aborts.add(abort);
    try {
      await importDataset(cacheDir, source, fetch, { memoryLimit, signal: abort.signal });
    } finally {
      aborts.delete(abort);
    }
    const dir = join(cacheDir, source.id);
    const manifest = await readManifest(dir);
    if (!manifest) throw new Error(`the cache of dataset ${source.id} vanished while it was opened`);
    const state: DatasetState = {
      id: source.id,
      dir,
      tables: [],
      connections: new Set(),
      leases: 0,
      lastUsed: ++clock,
      gone: false,
      idle: [],
      distinctEstimates: new Map(),
    };
    state.tables.push(...(await readSchemas(state, manifest.tables)));
    if (closed) {
      await closeInstance(state);
      throw new Error('the dataset catalog is closed');
    }
    states.set(source.id, state);
    await trim();
    return state;
  }

  return {
    async open(source, fetch): Promise<Dataset> {
      if (closed) throw new Error('the dataset catalog is closed');
      checkSource(source);
      const known = states.get(source.id);
      if (known) {
        known.lastUsed = ++clock;
        return new DatasetHandle(hostOf(known));
      }
      let pending = preparing.get(source.id);
      if (!pending) {
        pending = prepare(source, fetch).finally(() => preparing.delete(source.id));
        preparing.set(source.id, pending);
      }
      return new DatasetHandle(hostOf(await pending));
    },

    async evict(id) {
      checkDatasetId(id);
      await preparing.get(id)?.catch(() => {});
      const state = states.get(id);
      if (state) {
        state.gone = true;
        states.delete(id);
        await drain(state);
        await closeInstance(state);
      }
      await rm(join(cacheDir, id), { recursive: true, force: true });
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const abort of aborts) abort.abort();
      await Promise.all([...preparing.values()].map((p) => p.catch(() => {})));
      await Promise.all(
        [...states.values()].map(async (state) => {
          state.gone = true;
          await drain(state);
          await closeInstance(state);
        }),
      );
      states.clear();
      const pendingGuard = guard;
      guard = undefined;
      (await pendingGuard?.catch(() => undefined))?.close();
    },
  };
}
