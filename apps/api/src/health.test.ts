import { createServer, type Server } from 'node:http';
import { signingKeyId } from '@synoptic/service-kit';
import { afterAll, describe, expect, test } from 'vitest';
import { createTestApi, testSigningSecret } from '../test/harness.ts';
import { createPipelineClient } from './platform/pipeline-client.ts';

const testKey = { id: signingKeyId(testSigningSecret), secret: testSigningSecret };

/** A stand-in pipeline over real HTTP that answers /readyz with the given status. */
async function fakePipeline(status: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/readyz' ? status : 404, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

describe('health', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const s of servers) s.close();
  });

  test('answers /healthz while the process is up', async () => {
    const api = await createTestApi();
    const res = await api.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    await api.destroy();
  });

  test('is ready when the database is migrated and the pipeline answers', async () => {
    const pipeline = await fakePipeline(200);
    servers.push(pipeline.server);
    const api = await createTestApi({ pipeline: createPipelineClient(pipeline.url, testKey) });
    const res = await api.inject('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ready',
      checks: { database: { ok: true }, migrations: { ok: true }, pipeline: { ok: true } },
    });
    await api.destroy();
  });

  test('is not ready, and says why, when the pipeline is down or not ready', async () => {
    const notReady = await fakePipeline(503);
    servers.push(notReady.server);
    for (const [url, reason] of [
      [notReady.url, /pipeline not ready \(HTTP 503\)/],
      ['http://127.0.0.1:9', /pipeline unreachable at http:\/\/127.0.0.1:9/],
    ] as const) {
      const api = await createTestApi({ pipeline: createPipelineClient(url, testKey) });
      const res = await api.inject('/readyz');
      expect(res.statusCode).toBe(503);
      const body = res.json();
      expect(body.status).toBe('not_ready');
      expect(body.checks.database).toEqual({ ok: true });
      expect(body.checks.pipeline.ok).toBe(false);
      expect(body.checks.pipeline.message).toMatch(reason);
      await api.destroy();
    }
  });

  test('is not ready when migrations have not been applied', async () => {
    const api = await createTestApi();
    await api.pool.query('delete from app.schema_migrations');
    const res = await api.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.migrations).toEqual({ ok: false, message: 'migrations not applied' });
    await api.destroy();
  });
});
