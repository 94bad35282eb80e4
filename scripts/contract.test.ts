import { relative } from 'node:path';
import { expect, test } from 'vitest';
import { readCommitted, renderContracts } from './contract.ts';

test('the committed OpenAPI documents and client types match what the code generates', async () => {
  for (const file of await renderContracts()) {
    const committed = await readCommitted(file);
    expect(committed, `${relative(process.cwd(), file.path)} is stale: run \`npm run contract\``).toBe(
      file.content,
    );
  }
});
