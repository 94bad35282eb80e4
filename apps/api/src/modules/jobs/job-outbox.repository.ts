import type { Queryable } from '@synoptic/service-kit';

export type OutboxAction = 'submit' | 'cancel';
export type OutboxRow = { job_id: string; action: OutboxAction; attempts: number };

/** Queues work for the dispatcher; a later action for the same job replaces an earlier one. */
export async function enqueue(db: Queryable, jobId: string, action: OutboxAction): Promise<void> {
  await db.query(
    `insert into app.job_outbox (job_id, action) values ($1, $2)
     on conflict (job_id) do update set action = excluded.action, attempts = 0, next_attempt_at = now(), last_error = null`,
    [jobId, action],
  );
}

/**
 * Leases due rows for a minute: any number of api processes can dispatch, and a row whose
 * dispatcher died becomes due again.
 */
export async function leaseDue(db: Queryable, limit: number): Promise<OutboxRow[]> {
  const { rows } = await db.query<OutboxRow>(
    `with due as (
       select job_id from app.job_outbox where next_attempt_at <= now()
       order by next_attempt_at limit $1 for update skip locked)
     update app.job_outbox o set next_attempt_at = now() + interval '60 seconds'
     from due where o.job_id = due.job_id
     returning o.job_id, o.action, o.attempts`,
    [limit],
  );
  return rows;
}

export async function complete(db: Queryable, jobId: string, action: OutboxAction): Promise<void> {
  await db.query('delete from app.job_outbox where job_id = $1 and action = $2', [jobId, action]);
}

export async function retryLater(
  db: Queryable,
  jobId: string,
  delayMs: number,
  error: string,
): Promise<void> {
  await db.query(
    `update app.job_outbox set attempts = attempts + 1, last_error = $3,
       next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
     where job_id = $1`,
    [jobId, delayMs, error.slice(0, 1000)],
  );
}

export async function remove(db: Queryable, jobId: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from app.job_outbox where job_id = $1', [jobId]);
  return (rowCount ?? 0) > 0;
}
