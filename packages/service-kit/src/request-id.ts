import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const requestIdHeader = 'x-request-id';

const acceptable = /^[A-Za-z0-9._:-]{1,100}$/;

/** Keeps a caller's request id (the api passes its own to the pipeline) when it is well-formed. */
export function genRequestId(req: IncomingMessage): string {
  const given = req.headers[requestIdHeader];
  return typeof given === 'string' && acceptable.test(given) ? given : randomUUID();
}
