import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';

/**
 * Passes an upload's chunks on (to the object store) while writing each to a local file too, with
 * the file's back-pressure respected. `check` sees the running byte count after every chunk and
 * throws to stop the upload; the local file is then closed, and the caller removes it.
 */
export async function* copyWhilePassing(
  body: AsyncIterable<Uint8Array>,
  path: string,
  check: (bytes: number) => void,
): AsyncGenerator<Uint8Array> {
  const file = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => file.once('error', reject));
  // A write error surfaces at the next await; until then it must not be an unhandled rejection.
  failed.catch(() => {});
  let bytes = 0;
  // Stopping must leave an HTTP request open (not destroyed), so its client still gets the refusal.
  const chunks = body instanceof Readable ? body.iterator({ destroyOnReturn: false }) : body;
  try {
    for await (const chunk of chunks) {
      bytes += chunk.byteLength;
      check(bytes);
      if (!file.write(chunk)) await Promise.race([once(file, 'drain'), failed]);
      yield chunk;
    }
    file.end();
    await Promise.race([once(file, 'finish'), failed]);
  } finally {
    if (!file.writableFinished) file.destroy();
  }
}
