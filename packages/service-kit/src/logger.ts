import type { FastifyServerOptions } from 'fastify';

/**
 * Paths pino removes from every log line. Fastify's default request serializer logs no headers,
 * but handlers log objects too, and a secret must never reach a log whatever logged it.
 */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-synoptic-signature"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.secret',
  'password',
  'token',
  'secret',
];

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export function loggerOptions(
  service: string,
  level: LogLevel,
  destination?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level,
    base: { service },
    redact: { paths: redactPaths, censor: '[redacted]' },
    ...(destination ? { stream: destination } : {}),
  };
}
