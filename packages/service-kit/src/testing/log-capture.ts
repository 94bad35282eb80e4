import { PassThrough } from 'node:stream';

/** A log destination for tests: every line a server writes, parsed. */
export function captureLogs(): {
  stream: NodeJS.WritableStream;
  lines: () => Array<Record<string, unknown>>;
} {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return {
    stream,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
