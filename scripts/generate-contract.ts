import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { readCommitted, renderContracts } from './contract.ts';

// Regenerates packages/contract/*.openapi.yaml and the types the clients use from them.
for (const file of await renderContracts()) {
  const changed = (await readCommitted(file)) !== file.content;
  if (changed) await writeFile(file.path, file.content);
  console.log(`${changed ? 'updated ' : 'unchanged'} ${relative(process.cwd(), file.path)}`);
}
