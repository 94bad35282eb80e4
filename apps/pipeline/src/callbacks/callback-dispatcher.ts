import { type Pool, type SigningKey, signRequest } from '@synoptic/service-kit';

export type DueEvent = {
  job_id: string;
  seq: number;
  payload: unknown;
  attempts: number;
  callback_url: string;
};

/** Pause before the next try: 1 s, 2 s, 4 s … up to 5 minutes. */
export const callbackBackoffMs = (attempts: number) =>
  Math.min(1000 * 2 ** Math.max(0, attempts - 1), 300_000);
/** Tries an event gets; then it is given up. */
export const maxCallbackAttempts = 20;
/**
 * The time from an event's first try to its last, not counting the requests themselves (at most
 * 5 s each): 1 + 2 + … + 256 s, then 5 minutes ten times = 3,511 s, about 58.5 minutes.
 */
export const callbackRetryWindowMs = Array.from({ length: maxCallbackAttempts - 1 }, (_, i) =>
  callbackBackoffMs(i + 1),
).reduce((sum, ms) => sum + ms, 0);

/**
 * Delivers stored job events to their callback URLs, signed like every request between the
 * services. Events are leased (not locked) while in flight, so any number of processes can deliver;
 * a receiver orders them by `seq` and ignores stale ones.
 */
export async function deliverDueCallbacks(deps: {
  pool: Pool;
  key: SigningKey;
  timeoutMs?: number;
  /** A failed try that will be retried. */
  onFailure?: (event: DueEvent, message: string) => void;
  /** The last try failed: the event will not be sent again. Called once per event. */
  onGiveUp?: (event: DueEvent, message: string) => void;
}): Promise<number> {
  const { rows } = await deps.pool.query<DueEvent>(
    `with due as (
       select job_id, seq from pipeline.job_events
       where delivered_at is null and next_attempt_at <= now()
       order by next_attempt_at, job_id, seq limit 50 for update skip locked
     )
     update pipeline.job_events e set attempts = e.attempts + 1, next_attempt_at = now() + interval '60 seconds'
     from due, pipeline.jobs j
     where e.job_id = due.job_id and e.seq = due.seq and j.id = e.job_id
     returning e.job_id, e.seq, e.payload, e.attempts, j.callback_url`,
  );
  const send = async (event: DueEvent): Promise<{ event: DueEvent; error?: string }> => {
    const body = JSON.stringify(event.payload);
    const url = new URL(event.callback_url);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...signRequest(deps.key, { method: 'POST', path: `${url.pathname}${url.search}`, body }),
        },
        body,
        signal: AbortSignal.timeout(deps.timeoutMs ?? 5000),
      });
      await response.body?.cancel().catch(() => {});
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return { event };
    } catch (err) {
      const message =
        err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      if (event.attempts >= maxCallbackAttempts) deps.onGiveUp?.(event, message);
      else deps.onFailure?.(event, message);
      return { event, error: message.slice(0, 500) };
    }
  };
  // All at once: one slow receiver must not hold up the others' events.
  const outcomes = await Promise.all(rows.map(send));
  // The outcomes in two statements, not one per event: a batch of deliveries would otherwise hold
  // the process's database connections that requests wait for.
  const delivered = outcomes.filter((o) => o.error === undefined).map((o) => o.event);
  const failed = outcomes.filter((o) => o.error !== undefined);
  if (delivered.length > 0)
    await deps.pool.query(
      `update pipeline.job_events e set delivered_at = now(), last_error = null
       from unnest($1::text[], $2::int[]) as d(job_id, seq) where e.job_id = d.job_id and e.seq = d.seq`,
      [delivered.map((e) => e.job_id), delivered.map((e) => e.seq)],
    );
  if (failed.length > 0)
    await deps.pool.query(
      `update pipeline.job_events e set last_error = f.error,
         next_attempt_at = case when e.attempts >= $5 then 'infinity'
           else now() + make_interval(secs => f.backoff_ms / 1000) end
       from unnest($1::text[], $2::int[], $3::text[], $4::float8[]) as f(job_id, seq, error, backoff_ms)
       where e.job_id = f.job_id and e.seq = f.seq`,
      [
        failed.map((o) => o.event.job_id),
        failed.map((o) => o.event.seq),
        failed.map((o) => o.error),
        failed.map((o) => callbackBackoffMs(o.event.attempts)),
        maxCallbackAttempts,
      ],
    );
  return rows.length;
}
