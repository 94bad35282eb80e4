import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * The first line of a JSON-lines file that is not a JSON object, with what is wrong with it.
 * DuckDB's own line numbers for malformed JSON are off by one, so a failed read is located here.
 */
export async function findBadJsonLine(path: string): Promise<string | undefined> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  try {
    for await (const raw of lines) {
      number++;
      const line = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        return `line ${number}: not valid JSON`;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return `line ${number}: expected a JSON object`;
      }
    }
  } finally {
    lines.close();
  }
  return undefined;
}
