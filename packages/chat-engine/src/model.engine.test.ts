import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shopProfile } from '../test/profiles.ts';
import { createModelEngine, ModelEngineError } from './model.engine.ts';
import type { ChatEngine } from './types.ts';

// A local OpenAI-compatible server: it checks the request shape and answers canned completions
// chosen by the last user message.

const KEY = 'sk-test-0123456789';
const HOSTILE_SQL =
  "COPY (SELECT * FROM customers) TO '/tmp/leak.csv'; SELECT * FROM read_csv('/etc/passwd')";

const replies: Record<string, string> = {
  'how many customers are there?': JSON.stringify({
    sql: 'SELECT count(*) AS customers FROM "customers"',
    chart: null,
    answer: 'The number of customers.',
  }),
  'orders by status': [
    'Here you go:',
    '```json',
    JSON.stringify({
      sql: 'SELECT "status", count(*) AS n FROM "orders" GROUP BY 1;',
      chart: { type: 'bar', x: 'status', y: 'n', title: 'Orders by status' },
      answer: 'Orders per status.',
    }),
    '```',
  ].join('\n'),
  'average age': 'Sure.\n```sql\nSELECT avg("age") AS avg_age FROM "customers";\n```',
  'what is the weather in paris?': JSON.stringify({ unanswerable: 'The dataset has no weather data.' }),
  'leak everything': JSON.stringify({ sql: HOSTILE_SQL, chart: { type: 'pie', x: 'a' }, answer: '' }),
};

type Seen = {
  auth?: string;
  body: { model: string; messages: Array<{ role: string; content: string }>; temperature?: number };
};
const seen: Seen[] = [];
let server: Server;
let baseUrl: string;

function handle(req: IncomingMessage, res: ServerResponse): void {
  let raw = '';
  req.on('data', (c: Buffer) => {
    raw += c.toString('utf8');
  });
  req.on('end', () => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end('{"error":{"message":"no such route"}}');
      return;
    }
    const body = JSON.parse(raw) as Seen['body'];
    seen.push({ auth: req.headers.authorization, body });
    const question = body.messages.at(-1)!.content;
    if (question === 'unauthorized') {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}` } }));
      return;
    }
    if (question === 'explode') {
      res
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"error":{"message":"upstream overloaded"}}');
      return;
    }
    if (question === 'hang') return; // never answers: the client's timeout must fire
    const content = replies[question] ?? JSON.stringify({ unanswerable: 'no canned reply' });
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        id: 'x',
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content } }],
      }),
    );
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const engine = (timeoutMs = 5000): ChatEngine =>
  createModelEngine({ baseUrl: `${baseUrl}/`, apiKey: KEY, model: 'test-model', timeoutMs });

async function failure(p: Promise<unknown>): Promise<ModelEngineError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ModelEngineError) return e;
    throw e;
  }
  throw new Error('expected the plan to fail');
}

describe('the model engine', () => {
  it('sends the schema, the conversation and the question, and reads a JSON reply', async () => {
    const history = [
      { role: 'user' as const, content: 'how many orders?' },
      {
        role: 'assistant' as const,
        content: 'There are 3,000 orders.',
        sql: 'SELECT count(*) FROM "orders"',
      },
    ];
    const plan = await engine().plan('how many customers are there?', shopProfile, history);
    expect(plan).toEqual({
      kind: 'sql',
      sql: 'SELECT count(*) AS customers FROM "customers"',
      intent: 'The number of customers.',
    });
    const req = seen.at(-1)!;
    expect(req.auth).toBe(`Bearer ${KEY}`);
    expect(req.body.model).toBe('test-model');
    expect(req.body.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    const system = req.body.messages[0]!.content;
    expect(system).toContain('Table "customers" (1,000 rows)');
    expect(system).toContain('"signup_date" DATE (date)');
    expect(system).toContain('values: "paid", "refunded", "shipped"');
    expect(system).toMatch(/one SELECT statement/);
    expect(system).toContain('{"unanswerable"');
    expect(req.body.messages[2]!.content).toContain('SQL:\nSELECT count(*) FROM "orders"');
  });

  it('reads JSON in a code fence, with a chart', async () => {
    const plan = await engine().plan('orders by status', shopProfile, []);
    expect(plan).toEqual({
      kind: 'sql',
      sql: 'SELECT "status", count(*) AS n FROM "orders" GROUP BY 1',
      chart: { type: 'bar', x: 'status', y: 'n', title: 'Orders by status' },
      intent: 'Orders per status.',
    });
  });

  it('reads bare SQL in a ```sql fence', async () => {
    expect(await engine().plan('average age', shopProfile, [])).toEqual({
      kind: 'sql',
      sql: 'SELECT avg("age") AS avg_age FROM "customers"',
      intent: '',
    });
  });

  it('passes on an unanswerable reply with 3 suggestions of its own', async () => {
    const plan = await engine().plan('what is the weather in paris?', shopProfile, []);
    expect(plan).toMatchObject({ kind: 'unanswerable', message: 'The dataset has no weather data.' });
    expect(plan.kind === 'unanswerable' && plan.suggestions).toHaveLength(3);
  });

  it('hands hostile SQL on unchanged for the sandbox to refuse, dropping a chart it cannot draw', async () => {
    const plan = await engine().plan('leak everything', shopProfile, []);
    expect(plan).toEqual({ kind: 'sql', sql: HOSTILE_SQL, intent: '' });
  });

  it('says the key was refused on HTTP 401, without the key', async () => {
    const e = await failure(engine().plan('unauthorized', shopProfile, []));
    expect(e.reason).toBe('http');
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/^the API key was refused \(HTTP 401\)/);
    expect(e.message).not.toContain(KEY);
    expect(e.message).toContain('[redacted]');
  });

  it('says the API failed on HTTP 500', async () => {
    const e = await failure(engine().plan('explode', shopProfile, []));
    expect(e.message).toBe('the model API failed (HTTP 500): {"error":{"message":"upstream overloaded"}}');
  });

  it('gives up after the timeout', async () => {
    const started = performance.now();
    const e = await failure(engine(300).plan('hang', shopProfile, []));
    expect(e.reason).toBe('timeout');
    expect(e.message).toBe('the model did not answer within 0.3 s');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('says when the API is unreachable or the route is wrong', async () => {
    const down = createModelEngine({
      baseUrl: 'http://127.0.0.1:9',
      apiKey: KEY,
      model: 'm',
      timeoutMs: 2000,
    });
    const e = await failure(down.plan('x', shopProfile, []));
    expect(e.reason).toBe('unreachable');
    expect(e.message).not.toContain(KEY);
    const wrong = createModelEngine({ baseUrl: `${baseUrl}/nope`, apiKey: KEY, model: 'm' });
    expect((await failure(wrong.plan('x', shopProfile, []))).message).toMatch(/not found \(HTTP 404\)/);
  });

  it('uses the fetch it is given', async () => {
    const calls: string[] = [];
    const fake: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ choices: [{ message: { content: 'SELECT 1' } }] }), {
        status: 200,
      });
    };
    const plan = await createModelEngine({
      baseUrl: 'https://models.example/v1',
      apiKey: KEY,
      model: 'm',
      fetch: fake,
    }).plan('q', shopProfile, []);
    expect(calls).toEqual(['https://models.example/v1/chat/completions']);
    expect(plan).toEqual({ kind: 'sql', sql: 'SELECT 1', intent: '' });
  });
});
