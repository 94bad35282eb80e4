import { afterAll, beforeAll, expect, test } from 'vitest';
import { peopleConfig } from '../../test/configs.ts';
import { createTestPipeline, type TestPipeline } from '../../test/harness.ts';
import { pipelineEnvSchema } from '../config.ts';
import { startSupervisor } from '../worker/supervisor.ts';
import { callbackRetryWindowMs, maxCallbackAttempts } from './callback-dispatcher.ts';

let pipeline: TestPipeline;

beforeAll(async () => {
  pipeline = await createTestPipeline();
});

afterAll(() => pipeline.destroy());

test('the retry window of a callback is about an hour: 1 s doubling to 5 minutes, 20 tries', () => {
  expect(maxCallbackAttempts).toBe(20);
  expect(callbackRetryWindowMs).toBe((1 + 2 + 4 + 8 + 16 + 32 + 64 + 128 + 256 + 10 * 300) * 1000);
});

test('a callback that fails its last try is given up, logged once at warn with the job id', async () => {
  // Nothing listens on port 9 (discard): every delivery is refused.
  const res = await pipeline.signed({
    url: '/v1/jobs',
    body: {
      config: peopleConfig(10),
      output: { bucket: 'proj-cb', format: 'csv' },
      callbackUrl: 'http://127.0.0.1:9/hooks',
    },
  });
  const jobId = res.json().id as string;
  // The queued event has had all but its last try.
  await pipeline.pool.query(
    'update pipeline.job_events set attempts = $2, next_attempt_at = now() where job_id = $1',
    [jobId, maxCallbackAttempts - 1],
  );
  const lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
  const log = {
    info: (obj: object, msg: string) =>
      lines.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
    warn: (obj: object, msg: string) =>
      lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
    error: (obj: object, msg: string) =>
      lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
  };
  const supervisor = startSupervisor({
    config: pipelineEnvSchema.parse(pipeline.env),
    pool: pipeline.pool,
    boss: pipeline.boss,
    store: pipeline.store,
    log,
    intervalMs: 3_600_000,
  });
  try {
    for (let i = 0; i < 3; i++) await supervisor.tick();
  } finally {
    await supervisor.stop();
  }
  const about = lines.filter((l) => l.obj.jobId === jobId);
  expect(about).toEqual([
    {
      level: 'warn',
      obj: expect.objectContaining({
        jobId,
        seq: 1,
        attempts: maxCallbackAttempts,
        to: 'http://127.0.0.1:9',
      }),
      msg: 'callback given up after 20 attempts over 59 minutes',
    },
  ]);
  const { rows } = await pipeline.pool.query(
    `select delivered_at, next_attempt_at = 'infinity' as given_up, last_error from pipeline.job_events where job_id = $1`,
    [jobId],
  );
  expect(rows).toEqual([{ delivered_at: null, given_up: true, last_error: expect.any(String) }]);
});
