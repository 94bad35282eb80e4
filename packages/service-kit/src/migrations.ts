import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from './db.ts';

type Migration = { version: string; name: string; sql: string; checksum: string };

/** Reads `NNNN_name.sql` files in order. */
export async function readMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}

/**
 * Applies pending forward-only migrations for one schema, each in its own transaction.
 * An advisory lock makes concurrent starts (several replicas) wait instead of racing, and an
 * applied migration whose file has changed stops start-up rather than drifting silently.
 */
export async function migrate(pool: Pool, options: { schema: string; dir: string }): Promise<string[]> {
  assertIdentifier(options.schema);
  const migrations = await readMigrations(options.dir);
  const table = `${options.schema}.schema_migrations`;
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', [table]);
    await client.query(`create schema if not exists ${options.schema}`);
    await client.query(
      `create table if not exists ${table} (
         version text primary key,
         name text not null,
         checksum text not null,
         applied_at timestamptz not null default now())`,
    );
    const { rows } = await client.query<{ version: string; checksum: string }>(
      `select version, checksum from ${table}`,
    );
    const applied = new Map(rows.map((r) => [r.version, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new Error(
            `Migration ${options.schema}/${m.version}_${m.name} was changed after it was applied.`,
          );
        }
        continue;
      }
      await client.query('begin');
      try {
        await client.query(`set local search_path to ${options.schema}, public`);
        await client.query(m.sql);
        await client.query(`insert into ${table} (version, name, checksum) values ($1, $2, $3)`, [
          m.version,
          m.name,
          m.checksum,
        ]);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw new Error(
          `Migration ${options.schema}/${m.version}_${m.name} failed: ${(err as Error).message}`,
        );
      }
      done.push(`${m.version}_${m.name}`);
    }
    return done;
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', [table]).catch(() => {});
    client.release();
  }
}

/** True when every migration file of the schema has been applied. */
export async function isMigrated(pool: Pool, options: { schema: string; dir: string }): Promise<boolean> {
  assertIdentifier(options.schema);
  const migrations = await readMigrations(options.dir);
  try {
    const { rows } = await pool.query<{ version: string }>(
      `select version from ${options.schema}.schema_migrations`,
    );
    const applied = new Set(rows.map((r) => r.version));
    return migrations.every((m) => applied.has(m.version));
  } catch {
    return false;
  }
}

// Schema names are spliced into SQL (identifiers cannot be parameters), so only plain ones pass.
function assertIdentifier(name: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid schema name: ${name}`);
}
