import type { Queryable } from '@synoptic/service-kit';

/** Counts one hit in the key's current window and returns the count so far. */
export async function incrementWindow(db: Queryable, key: string, windowStart: Date): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    `insert into app.rate_limits (key, window_start, count) values ($1, $2, 1)
     on conflict (key) do update set
       count = case when app.rate_limits.window_start = excluded.window_start then app.rate_limits.count + 1 else 1 end,
       window_start = excluded.window_start
     returning count`,
    [key, windowStart],
  );
  return rows[0]?.count ?? 1;
}

export async function deleteWindow(db: Queryable, key: string): Promise<void> {
  await db.query('delete from app.rate_limits where key = $1', [key]);
}

export async function deleteExpiredWindows(db: Queryable, before: Date): Promise<void> {
  await db.query('delete from app.rate_limits where window_start < $1', [before]);
}
