import { objectStoreEnvSchema } from '@synoptic/object-store';
import { parseEnv, signingKeysSchema } from '@synoptic/service-kit';
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
  SECRETS_ENCRYPTION_KEY: z
    .string()
    .min(32, 'must be at least 32 characters of random text')
    .describe('Seals secrets kept in the database (two-factor seeds)'),
  SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(5).max(43_200).default(1440),
  SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('Synoptic <no-reply@synoptic.local>'),
  MAIL_OUTBOX_DIR: z.string().min(1).default('./data/outbox'),
  LOG_LEVEL: logLevel.default('info'),
  PIPELINE_SIGNING_KEYS: signingKeysSchema.describe(
    'Shared with the pipeline: signs requests, checks callbacks',
  ),
  CALLBACK_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s):// URL' })
    .default('http://127.0.0.1:8080')
    .describe('Where the pipeline reaches this api for job events'),
  REQUIRE_EMAIL_VERIFICATION: flag.default(false),
  JOBS_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  MAX_ACTIVE_JOBS_PER_PROJECT: z.coerce.number().int().min(1).max(10_000).default(5),
  MAX_ROWS_PER_JOB: z.coerce.number().int().min(1).default(100_000_000),
  RETENTION_SWEEP_INTERVAL_MINUTES: z.coerce.number().min(0.01).max(1440).default(60),
  ...objectStoreEnvSchema.shape,
});

export type ApiConfig = z.output<typeof apiEnvSchema>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseEnv(apiEnvSchema, env);
}
