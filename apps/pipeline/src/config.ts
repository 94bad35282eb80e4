import { parseEnv } from '@synoptic/service-kit';
import { z } from 'zod';

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const common = {
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  LOG_LEVEL: logLevel.default('info'),
};

export const pipelineEnvSchema = z.object({
  ...common,
  // Only the api calls the pipeline, so by default it listens on loopback alone.
  PIPELINE_HOST: z.string().min(1).default('127.0.0.1'),
  PIPELINE_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
});

export const workerEnvSchema = z.object({
  ...common,
});

export type PipelineConfig = z.output<typeof pipelineEnvSchema>;
export type WorkerConfig = z.output<typeof workerEnvSchema>;

export const loadPipelineConfig = (env: NodeJS.ProcessEnv = process.env) => parseEnv(pipelineEnvSchema, env);
export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env) => parseEnv(workerEnvSchema, env);
