import { availableParallelism } from 'node:os';
import { objectStoreEnvSchema } from '@synoptic/object-store';
import { parseEnv, signingKeysSchema } from '@synoptic/service-kit';
import { z } from 'zod';
import { DEFAULT_SHARD_ROWS } from './engine.ts';

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

// Settings of the work every pipeline process shares: the API process and the workers both
// detect stalled shards, clean up after failed and cancelled jobs, and deliver callbacks.
const common = {
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  LOG_LEVEL: logLevel.default('info'),
  PIPELINE_SIGNING_KEYS: signingKeysSchema,
  PIPELINE_POLL_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  PIPELINE_STALL_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  ...objectStoreEnvSchema.shape,
};

export const pipelineEnvSchema = z.object({
  ...common,
  // Only the api calls the pipeline, so by default it listens on loopback alone.
  PIPELINE_HOST: z.string().min(1).default('127.0.0.1'),
  PIPELINE_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
});

export const workerEnvSchema = z.object({
  ...common,
  PIPELINE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(availableParallelism()),
  PIPELINE_SHARD_ROWS: z.coerce.number().int().min(1).max(100_000_000).default(DEFAULT_SHARD_ROWS),
  PIPELINE_STORE_RETRIES: z.coerce.number().int().min(0).max(20).default(5),
  PIPELINE_STORE_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(500),
});

export type PipelineConfig = z.output<typeof pipelineEnvSchema>;
export type WorkerConfig = z.output<typeof workerEnvSchema>;
/** What both kinds of process have. */
export type CommonConfig = Pick<PipelineConfig, keyof typeof common>;

export const loadPipelineConfig = (env: NodeJS.ProcessEnv = process.env) => parseEnv(pipelineEnvSchema, env);
export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env) => parseEnv(workerEnvSchema, env);
