import { resolve } from 'node:path';
import { parseEnv } from '@synoptic/service-kit';
import { z } from 'zod';

export const oneBoxEnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  PIPELINE_PORT: z.coerce.number().int().min(1).max(65535).default(8081),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  WORKERS: z.coerce.number().int().min(0).max(64).default(1),
});

export type OneBoxConfig = z.output<typeof oneBoxEnvSchema> & {
  dataDir: string;
  logFormat: 'pretty' | 'json';
};

export function loadOneBoxConfig(env: NodeJS.ProcessEnv = process.env): OneBoxConfig {
  const config = parseEnv(oneBoxEnvSchema, env);
  return {
    ...config,
    dataDir: resolve(config.DATA_DIR),
    // People read a terminal; machines read JSON.
    logFormat: config.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
  };
}
