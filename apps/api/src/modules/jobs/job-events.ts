import type { Pool, PoolClient } from '@synoptic/service-kit';

export type JobChange = { projectId: string; jobId: string };
type Listener = (change: JobChange) => void;

const channel = 'synoptic_job_changes';

/**
 * Job changes fan out through PostgreSQL LISTEN/NOTIFY, so a browser whose live stream sits on
 * one api replica hears about a callback that landed on another.
 */
export function createJobEvents(pool: Pool) {
  const listeners = new Set<Listener>();
  let client: PoolClient | undefined;
  let connecting: Promise<void> | undefined;

  const connect = async () => {
    client = await pool.connect();
    client.on('notification', (message) => {
      if (message.channel !== channel || !message.payload) return;
      const change = JSON.parse(message.payload) as JobChange;
      for (const listener of listeners) listener(change);
    });
    client.on('error', () => {
      client = undefined;
      connecting = undefined;
    });
    await client.query(`listen ${channel}`);
  };

  return {
    notify: async (projectId: string, jobId: string) => {
      await pool.query('select pg_notify($1, $2)', [channel, JSON.stringify({ projectId, jobId })]);
    },

    /** Calls `listener` for every job change until the returned function is called. */
    async subscribe(listener: Listener): Promise<() => void> {
      connecting ??= connect();
      await connecting;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async close() {
      listeners.clear();
      if (client) {
        await client.query(`unlisten ${channel}`).catch(() => {});
        client.release();
        client = undefined;
      }
    },
  };
}

export type JobEvents = ReturnType<typeof createJobEvents>;
