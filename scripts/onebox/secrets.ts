import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Secrets the one-box start generates on first run when the environment does not give them. */
export const generatedSecrets = [
  'EMBEDDED_PG_PASSWORD',
  'SECRETS_ENCRYPTION_KEY',
  'PIPELINE_SIGNING_KEYS',
] as const;

export type Secrets = Record<(typeof generatedSecrets)[number], string>;

/**
 * Reads `secrets.json` from the data folder, adding any secret it lacks, so a restart keeps the
 * same values. The file is readable by its owner only. A value set in the environment wins.
 */
export async function loadOrCreateSecrets(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Secrets> {
  const file = join(dataDir, 'secrets.json');
  const stored = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Partial<Secrets>;
  let changed = false;
  for (const name of generatedSecrets) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString('base64url');
      changed = true;
    }
  }
  if (changed) await writeFile(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  const secrets = stored as Secrets;
  return Object.fromEntries(generatedSecrets.map((name) => [name, env[name] || secrets[name]])) as Secrets;
}
