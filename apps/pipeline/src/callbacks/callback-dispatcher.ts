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
const maxAttempts = 20;

/**
 * Delivers stored job events to their callback URLs, signed like every request between the
 * services. Events are leased (not locked) while in flight, so any number of processes can deliver;
 * a receiver orders them by `seq` and ignores stale ones.
 */
export async function deliverDueCallbacks(deps: {
  pool: Pool;
  key: SigningKey;
  timeoutMs?: number;
  onFailure?: (event: DueEvent, message: string) => void;
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
  await Promise.all(
    rows.map(async (event) => {
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
        await deps.pool.query(
          'update pipeline.job_events set delivered_at = now(), last_error = null where job_id = $1 and seq = $2',
          [event.job_id, event.seq],
        );
      } catch (err) {
        const message =
          err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
        deps.onFailure?.(event, message);
        await deps.pool.query(
          `update pipeline.job_events set last_error = $3,
             next_attempt_at = case when attempts >= $5 then 'infinity' else now() + make_interval(secs => $4::float8 / 1000) end
           where job_id = $1 and seq = $2`,
          [event.job_id, event.seq, message.slice(0, 500), callbackBackoffMs(event.attempts), maxAttempts],
        );
      }
    }),
  );
  return rows.length;
}
