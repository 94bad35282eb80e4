import { parseEnv } from '@synoptic/service-kit';
import { z } from 'zod';

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const apiEnvSchema = z.object({
  API_HOST: z.string().min(1).default('localhost'),
  API_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  PIPELINE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s):// URL' })
    .default('http://127.0.0.1:8081'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s):// URL' })
    .default('http://localhost:8080'),
  WEB_DIST_DIR: z.string().optional().describe('Built web app to serve at /; none when unset'),
  TRUST_PROXY: flag.default(false),
  LOG_LEVEL: logLevel.default('info'),
});

export type ApiConfig = z.output<typeof apiEnvSchema>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseEnv(apiEnvSchema, env);
}
