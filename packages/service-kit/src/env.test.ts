import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseEnv } from './env.ts';

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  DATABASE_URL: z.url(),
  SESSION_SECRET: z.string().min(32),
});

describe('parseEnv', () => {
  test('applies defaults and coerces values', () => {
    const env = parseEnv(schema, { DATABASE_URL: 'postgres://db/x', SESSION_SECRET: 'x'.repeat(32) });
    expect(env.PORT).toBe(8080);
  });

  test('names every bad variable, and never repeats a secret or a URL that may hold a password', () => {
    let error: unknown;
    try {
      parseEnv(schema, {
        PORT: 'eighty',
        DATABASE_URL: 'nonsense://:hunter2@',
        SESSION_SECRET: 'short-but-secret',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/PORT: .*got "eighty"/);
    expect(message).toMatch(/DATABASE_URL: .*value hidden/);
    expect(message).toMatch(/SESSION_SECRET: .*value hidden/);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('short-but-secret');
  });

  test('says when a required variable is missing', () => {
    expect(() => parseEnv(schema, { SESSION_SECRET: 'x'.repeat(32) })).toThrow(/DATABASE_URL: .*not set/);
  });
});
