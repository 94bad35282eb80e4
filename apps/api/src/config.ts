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
  VIEWER_CACHE_DIR: z
    .string()
    .min(1)
    .default('./data/viewer-cache')
    .describe('Local copies of outputs opened in the viewer, one DuckDB file per job'),
  VIEWER_MEMORY_LIMIT: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(KB|MB|GB)$/i, 'e.g. 512MB or 2GB')
    .default('512MB')
    .describe('Memory each open dataset may use for a query'),
  SAMPLE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(1024 ** 3)
    .describe('Largest sample file one upload may be'),
  CHAT_API_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
  CHAT_API_KEY: z.string().min(1).optional(),
  CHAT_MODEL: z.string().min(1).optional(),
  CHAT_MESSAGES_PER_USER_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  ...objectStoreEnvSchema.shape,
});

export type ApiConfig = z.output<typeof apiEnvSchema>;

/** A model answers chat questions only when all three of its settings are given. */
export function chatModelOf(config: ApiConfig) {
  const { CHAT_API_BASE_URL: baseUrl, CHAT_API_KEY: apiKey, CHAT_MODEL: model } = config;
  return baseUrl && apiKey && model ? { baseUrl, apiKey, model } : undefined;
}

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const config = parseEnv(apiEnvSchema, env);
  const given = [config.CHAT_API_BASE_URL, config.CHAT_API_KEY, config.CHAT_MODEL].filter(Boolean).length;
  if (given > 0 && given < 3) {
    throw new Error(
      'Set all of CHAT_API_BASE_URL, CHAT_API_KEY and CHAT_MODEL to use a chat model, or none of them.',
    );
  }
  return config;
}
