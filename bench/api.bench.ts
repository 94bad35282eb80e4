import { rm } from 'node:fs/promises';
import autocannon from 'autocannon';
import { makeDataDir, startPlatform } from '../e2e/support/platform.ts';

// `npm run bench:api`: job creation through the platform as `npm start` runs it (api, pipeline API,
// embedded PostgreSQL; no local worker), at a fixed 50 requests/s, against the api's cheapest
// route at the same rate as the baseline. Each creation asks the pipeline for a size estimate, and
// the dispatcher hands every job to the pipeline while the load runs.
const rate = Number(process.env.BENCH_RATE ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const log = (line: string) => console.log(line);

type Result = { p50: number; p99: number; max: number; ok: number; errors: number; rps: number };

async function load(options: autocannon.Options): Promise<Result> {
  const result = await autocannon({ connections: 10, overallRate: rate, duration: seconds, ...options });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    ok: result['2xx'],
    errors: result.non2xx + result.errors + result.timeouts,
    rps: result.requests.average,
  };
}

async function main(): Promise<void> {
  // Limits meant for people would stop a load test; the point here is the cost of a creation.
  process.env.JOBS_PER_USER_PER_MINUTE = '10000';
  process.env.MAX_ACTIVE_JOBS_PER_PROJECT = '10000';
  // Workers run on other machines in production; here one would spend both cores generating the
  // thousand jobs the load creates, and the figure would measure that instead of the api.
  process.env.WORKERS = '0';
  const dataDir = await makeDataDir('bench-api');
  const { platform } = await startPlatform(dataDir);
  try {
    const base = platform.baseUrl;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base, ...headers },
        body: JSON.stringify(body),
      });
    const email = `bench-${Date.now()}@example.com`;
    const password = 'a long bench passphrase';
    await post('/api/auth/register', { name: 'Bench', email, password });
    const login = await post('/api/auth/login', { email, password });
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const created = (await (await post('/api/me/tokens', { name: 'bench' }, { cookie })).json()) as {
      token: string;
    };
    const token = created.token;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const project = (await (await post('/api/projects', { name: 'Bench' }, auth)).json()) as { id: string };
    const body = JSON.stringify({
      name: 'bench',
      config: {
        tables: [
          {
            name: 'people',
            rows: 10,
            fields: [
              { name: 'id', type: 'sequence' },
              { name: 'name', type: 'full_name' },
            ],
          },
        ],
      },
    });

    log(`load: ${rate} requests/s for ${seconds} s each, 10 connections`);
    const baseline = await load({ url: `${base}/healthz` });
    log(
      `baseline  GET /healthz        p50 ${baseline.p50} ms, p99 ${baseline.p99} ms, ${baseline.errors} errors`,
    );
    const create = await load({
      url: `${base}/api/projects/${project.id}/jobs`,
      method: 'POST',
      headers: auth,
      body,
    });
    log(
      `create    POST …/jobs          p50 ${create.p50} ms, p99 ${create.p99} ms, max ${create.max} ms, ${create.ok} created, ${create.errors} errors`,
    );
    log(`target: p99 under 100 ms — ${create.p99 < 100 ? 'met' : 'NOT met'}`);
    log(
      JSON.stringify({
        bench: 'api',
        rate_per_s: rate,
        create_p50_ms: create.p50,
        create_p99_ms: create.p99,
        create_errors: create.errors,
        created: create.ok,
        baseline_p50_ms: baseline.p50,
        baseline_p99_ms: baseline.p99,
        ratio_p99: Math.round((create.p99 / Math.max(1, baseline.p99)) * 100) / 100,
      }),
    );
  } finally {
    await platform.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
