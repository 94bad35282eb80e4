import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GeneratorConfig } from '@synoptic/generator';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createCompletedJob } from '../../../test/completed-job.ts';
import { addMember, createProject, createTestApi, signUp, type TestApi } from '../../../test/harness.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const config: GeneratorConfig = {
  tables: [
    {
      name: 'customers',
      rows: 2000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'age', type: 'age' },
        { name: 'city', type: 'city' },
        { name: 'tier', type: 'categorical', values: ['bronze', 'silver', 'gold'] },
      ],
    },
  ],
};

type Account = Awaited<ReturnType<typeof signUp>>;

async function dataset(api: TestApi) {
  const owner = await signUp(api);
  const viewer = await signUp(api);
  const projectId = await createProject(api, owner.cookies, 'Chat');
  await addMember(api, projectId, viewer.user.id, 'viewer');
  const jobId = await createCompletedJob(api, { projectId, userId: owner.user.id, config });
  const url = `/api/projects/${projectId}/jobs/${jobId}/chat`;
  const ask = (who: Account, payload: Record<string, unknown>) =>
    api.inject({ method: 'POST', url, cookies: who.cookies, payload });
  return { owner, viewer, projectId, jobId, url, ask };
}

describe('chat with the built-in engine', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ env: { CHAT_MESSAGES_PER_USER_PER_MINUTE: '5' } });
  });
  afterAll(() => api.destroy());

  test('answers a count from the data, with the SQL and rows, and keeps the conversation', async () => {
    const { viewer, owner, url, ask } = await dataset(api);
    const overview = (await api.inject({ url, cookies: viewer.cookies })).json();
    expect(overview.engine).toBe('built-in');
    expect(overview.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(overview.conversations).toEqual([]);

    const first = await ask(viewer, { question: 'How many customers are there?' });
    expect(first.statusCode, first.body).toBe(200);
    const reply = first.json();
    expect(reply.answer.outcome).toBe('answered');
    expect(reply.answer.sql).toMatch(/count/i);
    expect(reply.answer.result.rows).toEqual([[2000]]);
    expect(reply.answer.content).toContain('2,000');

    const second = await ask(viewer, {
      question: 'number of customers by tier',
      conversationId: reply.conversation.id,
    });
    const byTier = second.json().answer;
    expect(byTier.outcome).toBe('answered');
    expect(byTier.chart.type).toBe('bar');
    const total = byTier.result.rows.reduce((sum: number, row: unknown[]) => sum + Number(row[1]), 0);
    expect(total).toBe(2000);

    const stored = (
      await api.inject({ url: `${url}/conversations/${reply.conversation.id}`, cookies: viewer.cookies })
    ).json();
    expect(stored.messages.map((m: { role: string }) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(stored.messages[3].result.rows).toEqual(byTier.result.rows);
    expect((await api.inject({ url, cookies: viewer.cookies })).json().conversations).toHaveLength(1);

    // Conversations are per user: the project's owner neither sees nor deletes the viewer's.
    const asOwner = await api.inject({
      url: `${url}/conversations/${reply.conversation.id}`,
      cookies: owner.cookies,
    });
    expect(asOwner.statusCode).toBe(404);
    const ownerDelete = await api.inject({
      method: 'DELETE',
      url: `${url}/conversations/${reply.conversation.id}`,
      cookies: owner.cookies,
    });
    expect(ownerDelete.statusCode).toBe(404);
    const deleted = await api.inject({
      method: 'DELETE',
      url: `${url}/conversations/${reply.conversation.id}`,
      cookies: viewer.cookies,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await api.inject({ url, cookies: viewer.cookies })).json().conversations).toEqual([]);
  });

  test('says honestly what it cannot answer, with three questions it can', async () => {
    const { owner, ask } = await dataset(api);
    const reply = (await ask(owner, { question: 'What will the weather be in Lisbon tomorrow?' })).json();
    expect(reply.answer.outcome).toBe('unanswerable');
    expect(reply.answer.content).toMatch(/can.t answer/i);
    expect(reply.answer.suggestions).toHaveLength(3);
    expect(reply.answer.sql).toBeUndefined();
  });

  test('hostile questions never run anything but a read of this dataset', async () => {
    const { owner, ask } = await dataset(api);
    for (const question of [
      "show rows where city = 'x'; DROP TABLE customers; --",
      "count rows from read_csv('/etc/passwd')",
    ]) {
      const res = await ask(owner, { question });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain('root:x:0:0');
    }
    const count = (await ask(owner, { question: 'How many customers are there?' })).json().answer;
    expect(count.result.rows).toEqual([[2000]]);
  });

  test('bad input is a 400 naming the field; strangers and anonymous callers are refused', async () => {
    const { owner, url, ask } = await dataset(api);
    const empty = await ask(owner, { question: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].path).toBe('question');
    const badConversation = await ask(owner, { question: 'how many customers', conversationId: 'nope' });
    expect(badConversation.statusCode).toBe(400);
    expect(badConversation.json().error.details[0].path).toBe('conversationId');
    const unknownConversation = await ask(owner, {
      question: 'how many customers',
      conversationId: '00000000-0000-7000-8000-000000000000',
    });
    expect(unknownConversation.statusCode).toBe(404);

    const stranger = await signUp(api);
    expect((await ask(stranger, { question: 'how many customers' })).statusCode).toBe(404);
    expect(
      (await api.inject({ method: 'POST', url, payload: { question: 'how many customers' } })).statusCode,
    ).toBe(401);
  });

  test('limits questions per person per minute', async () => {
    const { viewer, ask } = await dataset(api);
    for (let i = 0; i < 5; i++)
      expect((await ask(viewer, { question: 'how many customers' })).statusCode).toBe(200);
    const limited = await ask(viewer, { question: 'how many customers' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('chat with a model behind an OpenAI-compatible endpoint', () => {
  let api: TestApi;
  let model: Server;
  const requests: Array<{
    auth: string | undefined;
    body: { model: string; messages: { content: string }[] };
  }> = [];
  /** What the model answers next: the test sets it before each question. */
  let nextSql = '';

  beforeAll(async () => {
    model = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => {
        raw += chunk;
      });
      req.on('end', () => {
        requests.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            id: 'cmpl-1',
            object: 'chat.completion',
            choices: [
              {
                index: 0,
                finish_reason: 'stop',
                message: {
                  role: 'assistant',
                  content: JSON.stringify({ sql: nextSql, chart: null, answer: '' }),
                },
              },
            ],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => model.listen(0, '127.0.0.1', resolve));
    const { port } = model.address() as AddressInfo;
    api = await createTestApi({
      env: {
        CHAT_API_BASE_URL: `http://127.0.0.1:${port}/v1`,
        CHAT_API_KEY: 'test-model-key',
        CHAT_MODEL: 'test-model',
      },
    });
  });
  afterAll(async () => {
    await api.destroy();
    await new Promise((resolve) => model.close(resolve));
  });

  test('runs the SQL the model writes, after telling it the schema', async () => {
    const { owner, url, ask } = await dataset(api);
    expect((await api.inject({ url, cookies: owner.cookies })).json().engine).toBe('model');
    nextSql = 'SELECT tier, count(*) AS customers FROM customers GROUP BY tier ORDER BY tier';
    const reply = (await ask(owner, { question: 'customers per tier' })).json();
    expect(reply.answer.outcome).toBe('answered');
    expect(reply.answer.engine).toBe('model');
    expect(reply.answer.result.rows.map((r: unknown[]) => r[0])).toEqual(['bronze', 'gold', 'silver']);
    const request = requests.at(-1)!;
    expect(request.auth).toBe('Bearer test-model-key');
    expect(request.body.model).toBe('test-model');
    expect(JSON.stringify(request.body.messages)).toContain('tier');
    expect(JSON.stringify(api.logs())).not.toContain('test-model-key');
  });

  test('refuses hostile SQL from the model with a clear message', async () => {
    const { owner, ask } = await dataset(api);
    for (const sql of [
      "SELECT * FROM read_csv('/etc/passwd')",
      "COPY customers TO '/tmp/stolen.csv'",
      "ATTACH '/tmp/other.duckdb' AS other",
      'INSTALL httpfs',
      'PRAGMA database_list',
      'SELECT 1; SELECT 2',
    ]) {
      nextSql = sql;
      const res = await ask(owner, { question: 'anything' });
      expect(res.statusCode, res.body).toBe(200);
      const answer = res.json().answer;
      expect(answer.outcome, sql).toBe('refused');
      expect(answer.content, sql).toMatch(/could not run/i);
      expect(answer.result).toBeUndefined();
    }
  });
});
