import { rm } from 'node:fs/promises';
import autocannon from 'autocannon';
import { makeDataDir, startPlatform } from '../e2e/support/platform.ts';

// `npm run bench:api`: job creation through the platform as `npm start` runs it (api, pipeline API,
// embedded PostgreSQL; no local worker) at 50 requests/s, against the api's cheapest route at the
// same rate as the baseline. Each creation asks the pipeline for a size estimate, and the
// dispatcher hands every job to the pipeline while the load runs.
//
// Two pacings, both driven by autocannon. "paced": requests arrive evenly, one every 1/rate s, as
// independent clients would (one autocannon client per arrival slot, started 1/rate s apart, each
// sending one request a second). "burst": autocannon's own rate limit, which lets each of 10
// connections send its share of a second back to back at the start of the second, so ten
// requests always arrive together: a harsher load than the rate says, shown for comparison.
const rate = Number(process.env.BENCH_RATE ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const log = (line: string) => console.log(line);

type Result = { p50: number; p99: number; max: number; ok: number; errors: number };

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function summarize(latencies: number[], ok: number, errors: number): Result {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
    ok,
    errors,
  };
}

/** Runs autocannon clients and collects every response's latency (no coordinated-omission fill-in). */
async function measure(starts: Array<() => Promise<autocannon.Instance>>): Promise<Result> {
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  await Promise.all(
    starts.map(async (start) => {
      const instance = await start();
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        latencies.push(responseTime);
        if (statusCode >= 200 && statusCode < 300) ok++;
        else errors++;
      });
      instance.on('reqError', () => {
        errors++;
      });
      await new Promise((resolve) => instance.on('done', resolve));
    }),
  );
  return summarize(latencies, ok, errors);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One client per arrival slot, each sending one request a second, the slots 1/rate s apart. */
const paced = (options: autocannon.Options) =>
  measure(
    Array.from({ length: rate }, (_, slot) => async () => {
      await sleep((slot * 1000) / rate);
      return autocannon({ ...options, connections: 1, connectionRate: 1, duration: seconds }, () => {});
    }),
  );

/** autocannon's own rate limit over 10 connections. */
const burst = (options: autocannon.Options) =>
  measure([
    async () =>
      autocannon(
        {
          ...options,
          connections: 10,
          overallRate: rate,
          duration: seconds,
          ignoreCoordinatedOmission: true,
        },
        () => {},
      ),
  ]);

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

    const createOptions: autocannon.Options = {
      url: `${base}/api/projects/${project.id}/jobs`,
      method: 'POST',
      headers: auth,
      body,
    };
    // A short warm-up: the first requests pay for JIT compilation and connection set-up.
    await autocannon({ ...createOptions, connections: 2, amount: 50 });

    log(`load: ${rate} requests/s for ${seconds} s each`);
    const baseline = await paced({ url: `${base}/healthz` });
    log(
      `baseline  GET /healthz   paced  p50 ${baseline.p50} ms, p99 ${baseline.p99} ms, ${baseline.errors} errors`,
    );
    const create = await paced(createOptions);
    log(
      `create    POST …/jobs    paced  p50 ${create.p50} ms, p99 ${create.p99} ms, max ${create.max} ms, ${create.ok} created, ${create.errors} errors`,
    );
    const bursty = await burst(createOptions);
    log(
      `create    POST …/jobs    burst  p50 ${bursty.p50} ms, p99 ${bursty.p99} ms, max ${bursty.max} ms, ${bursty.ok} created, ${bursty.errors} errors (10 at once)`,
    );
    log(`target: p99 under 100 ms at ${rate} requests/s — ${create.p99 < 100 ? 'met' : 'NOT met'}`);
    log(
      JSON.stringify({
        bench: 'api',
        rate_per_s: rate,
        create_p50_ms: create.p50,
        create_p99_ms: create.p99,
        create_errors: create.errors,
        created: create.ok,
        burst_p50_ms: bursty.p50,
        burst_p99_ms: bursty.p99,
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
