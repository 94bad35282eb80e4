import type { Queryable } from './db.ts';
import { AppError } from './errors.ts';
import type { ZodServer } from './http-server.ts';
import { type ReplayGuard, type SigningKey, verifyRequest } from './signing.ts';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

/**
 * Requires every route registered on `scope` to be signed by another of our services (see
 * signing.ts); anything else is a 401, logged with the reason. The body is kept raw, because the
 * signature covers its exact bytes.
 */
export function requireSignedRequests(scope: ZodServer, keys: SigningKey[], replayGuard: ReplayGuard): void {
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    request.rawBody = body as Buffer;
    if ((body as Buffer).length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse((body as Buffer).toString('utf8')));
    } catch {
      done(new AppError('bad_request', 'Body is not valid JSON.'), undefined);
    }
  });
  scope.addHook('preValidation', async (request) => {
    const result = verifyRequest(keys, {
      method: request.method,
      path: request.url,
      headers: request.headers,
      body: request.rawBody ?? '',
    });
    let reason = result.ok ? undefined : result.reason;
    if (result.ok && !(await replayGuard.firstSeen(result.keyId, result.nonce))) reason = 'replayed request';
    if (reason) {
      request.log.warn(
        { reason, keyId: result.keyId, method: request.method, url: request.url },
        'rejected a request without a valid signature',
      );
      throw new AppError(
        'unauthenticated',
        'The request is not signed, or its signature is invalid or expired.',
      );
    }
  });
}

/**
 * Nonces kept in a table (`nonce text primary key, seen_at timestamptz`), so every replica of a
 * service shares one replay window. The owner of the table deletes rows older than the window.
 */
export function createDatabaseReplayGuard(db: Queryable, table: string): ReplayGuard {
  if (!/^[a-z_]+\.[a-z_]+$/.test(table)) throw new Error(`Invalid table name: ${table}`);
  return {
    async firstSeen(keyId, nonce) {
      // The commit does not wait for its WAL flush: that flush was half the fsyncs of a signed
      // write. The WAL is written in order, so a request that changes anything flushes its nonce
      // with its own commit; only a read's nonce can be lost, to a database crash within a
      // fraction of a second, which would let that one read be replayed.
      const { rowCount } = await db.query(
        `with async_commit as (select set_config('synchronous_commit', 'off', true))
         insert into ${table} (nonce) select $1 from async_commit on conflict do nothing`,
        [`${keyId}:${nonce}`],
      );
      return rowCount === 1;
    },
  };
}
