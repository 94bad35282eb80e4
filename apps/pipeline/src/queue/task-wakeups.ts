import type { Queryable } from '@synoptic/service-kit';
import pg from 'pg';

// pg-boss finds new tasks by polling (every PIPELINE_POLL_INTERVAL_SECONDS). A notification on
// this channel when a task is queued lets idle workers in every process fetch it at once, so a job
// starts, and a second worker joins its shards, without waiting for a poll. Polling stays the
// fallback for a notification that is lost.
const channel = 'synoptic_pipeline_tasks';

/** Announces a task waiting in `queue`; within a transaction, PostgreSQL sends it on commit. */
export async function announceTask(db: Queryable, queue: string): Promise<void> {
  await db.query('select pg_notify($1, $2)', [channel, queue]);
}

/**
 * Calls `onTask(queue)` for each task announced anywhere, over a connection of its own. A lost
 * connection is opened again after `retryMs`, and then wakes every queue once, in case a
 * notification came while it was down.
 */
export async function listenForTasks(
  databaseUrl: string,
  handlers: { onTask: (queue?: string) => void; onError: (err: Error) => void },
  retryMs = 1000,
): Promise<{ close: () => Promise<void> }> {
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const connect = async (again: boolean): Promise<void> => {
    const client = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'synoptic-task-listener',
    });
    let lost = false;
    const reconnect = (err: Error) => {
      if (lost || closed) return;
      lost = true;
      handlers.onError(err);
      client.end().catch(() => {});
      retry = setTimeout(() => void connect(true), retryMs);
    };
    client.on('error', reconnect);
    client.on('end', () => reconnect(new Error('the connection ended')));
    client.on('notification', (message) => handlers.onTask(message.payload));
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (err) {
      reconnect(err as Error);
      return;
    }
    if (closed) {
      await client.end();
      return;
    }
    current = client;
    if (again) handlers.onTask();
  };

  await connect(false);
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await current?.end().catch(() => {});
    },
  };
}
