import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { apiEnvSchema } from '../apps/api/src/config.ts';
import { pipelineEnvSchema, workerEnvSchema } from '../apps/pipeline/src/config.ts';
import { oneBoxEnvSchema } from './onebox/config.ts';
import { generatedSecrets } from './onebox/secrets.ts';

const variables = [
  ...Object.keys(apiEnvSchema.shape),
  ...Object.keys(pipelineEnvSchema.shape),
  ...Object.keys(workerEnvSchema.shape),
  ...Object.keys(oneBoxEnvSchema.shape),
  ...generatedSecrets,
];

test('the README configuration table and .env.example list every environment variable', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const example = await readFile(new URL('../.env.example', import.meta.url), 'utf8');
  for (const name of new Set(variables)) {
    expect(readme, `README.md lacks ${name}`).toMatch(new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`, 'm'));
    expect(example, `.env.example lacks ${name}`).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  }
});
