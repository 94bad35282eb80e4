import type { z } from 'zod';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Values of these may hold credentials, so an error message never repeats them.
const sensitive = /SECRET|KEY|PASSWORD|TOKEN|_URL$/;

/** Validates environment variables once; every problem names its variable. */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      const value = env[name];
      const shown =
        value === undefined
          ? 'not set'
          : sensitive.test(name)
            ? 'value hidden'
            : `got ${JSON.stringify(value.slice(0, 80))}`;
      return `${name}: ${issue.message} (${shown})`;
    }),
  );
}
