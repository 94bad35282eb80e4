import { basename } from 'node:path';
import { findRaggedRecord, raggedMessage } from './csv-dialect.ts';
import { findBadJsonLine } from './json-lines.ts';
import { SampleReadError } from './sample-read.error.ts';
import type { ReadOptions, SampleSource } from './sample-source.ts';

/** DuckDB's error text without its 'Error: ' wrapper. */
function duckMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/^Error:\s*/, '');
}

/**
 * The read options to try next after a failure, or undefined when trying again cannot help: a type
 * sniffed from the first rows that a later value does not fit, or a CSV file that is not UTF-8.
 */
export function retryOptions(
  err: unknown,
  tried: ReadOptions,
  source: SampleSource,
): ReadOptions | undefined {
  const message = duckMessage(err);
  if (!tried.sniffAll && /Conversion Error|Could not convert|JSON transform error/i.test(message)) {
    return { ...tried, sniffAll: true };
  }
  if (source.format === 'csv' && !tried.latin1 && /Invalid unicode/i.test(message)) {
    return { ...tried, latin1: true };
  }
  return undefined;
}

/** DuckDB's reason on one line, without its category prefix and with the file's name for its path. */
function reasonOf(message: string, path: string): string {
  const first = message.split('\n', 1)[0]!.replace(/^[A-Za-z ]*Error:\s*/, '');
  return first.replaceAll(path, basename(path)).replace(/\.\s*$/, '');
}

/** A failed read as an error the uploader can act on: which line, and what is wrong with it. */
export async function sampleReadErrorOf(
  err: unknown,
  path: string,
  source: SampleSource,
): Promise<SampleReadError> {
  if (err instanceof SampleReadError) return err;
  const message = duckMessage(err);
  const fail = (text: string) => new SampleReadError(text, { cause: err });
  if (/Out of Memory/i.test(message)) {
    return fail(`the sample needs more memory to read than is allowed: ${reasonOf(message, path)}`);
  }
  if (source.format === 'csv' && source.delimiter !== undefined) {
    const ragged = await findRaggedRecord(path, source.delimiter);
    if (ragged) return fail(raggedMessage(ragged));
    if (/not possible to automatically detect the CSV/i.test(message)) {
      return fail('cannot make out the CSV layout: check that every quote is closed');
    }
    const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
    if (/unterminated quote/i.test(message)) {
      return fail(`line ${line ?? '?'}: a quoted value is never closed`);
    }
    if (line) {
      const detail = message
        .split('\n')
        .slice(1)
        .find((l) => l.trim() && !/^(Original Line|Possible)/.test(l));
      return fail(`line ${line}: ${reasonOf(detail ?? message, path)}`);
    }
  }
  if (source.format === 'jsonl') {
    const bad = await findBadJsonLine(path);
    if (bad) return fail(bad);
  }
  if (source.format === 'parquet')
    return fail(`the file is not a readable Parquet file: ${reasonOf(message, path)}`);
  return fail(reasonOf(message, path));
}
