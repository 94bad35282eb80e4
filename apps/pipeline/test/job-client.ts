import { expect } from 'vitest';
import { type TestPipeline, waitFor } from './harness.ts';

export type LogLine = { level: string; stage: string; message: string };

/** What the pipeline tests do with jobs over the signed API, for one bucket. */
export function jobClient(pipeline: TestPipeline, bucket: string) {
  const get = async (id: string) => (await pipeline.signed({ url: `/v1/jobs/${id}` })).json();
  const logs = async (id: string) =>
    (await pipeline.signed({ url: `/v1/jobs/${id}/logs?limit=1000` })).json().items as LogLine[];
  return {
    get,
    logs,
    async submit(body: Record<string, unknown>) {
      const res = await pipeline.signed({
        url: '/v1/jobs',
        body: { output: { bucket, format: 'csv' }, ...body },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; output: { prefix: string } };
    },
    /** Waits for a status; on timeout the error shows the job and its log. */
    async until(id: string, status: string, timeoutMs = 30_000) {
      try {
        return await waitFor(
          `job ${id} to be ${status}`,
          async () => {
            const job = await get(id);
            return job.status === status ? job : undefined;
          },
          timeoutMs,
        );
      } catch (err) {
        const lines = (await logs(id)).map((l) => `${l.level} ${l.stage}: ${l.message}`);
        throw new Error(
          `${(err as Error).message}\njob: ${JSON.stringify(await get(id))}\nlog:\n${lines.join('\n')}`,
        );
      }
    },
    async keys(prefix: string): Promise<string[]> {
      const keys: string[] = [];
      for await (const o of pipeline.store.list(bucket, prefix)) keys.push(o.key);
      return keys;
    },
    async text(key: string): Promise<string> {
      const chunks: Buffer[] = [];
      for await (const c of await pipeline.store.get(bucket, key)) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString();
    },
  };
}
