import { AppError, type ZodServer } from '@synoptic/service-kit';
import type { FastifyRequest } from 'fastify';
import type { UserRow } from '../accounts/users.repository.ts';
import type { SessionsService } from '../sessions/sessions.service.ts';
import type { TokensService } from '../tokens/tokens.service.ts';
import { sessionCookie } from './session-cookie.ts';

export type AuthContext =
  | { user: UserRow; via: 'session'; sessionId: string }
  | { user: UserRow; via: 'token'; tokenId: string };

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/**
 * Works out who is calling, once per request: a bearer token (SDK, CLI) or the session cookie
 * (browser). A bad bearer token is an error at once; a stale cookie just means "signed out".
 */
export function registerAuthentication(
  app: ZodServer,
  services: { sessions: SessionsService; tokens: TokensService },
) {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const secret = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!secret)
        throw new AppError('unauthenticated', 'The Authorization header must be "Bearer <token>".');
      const found = await services.tokens.authenticate(secret);
      if (!found) throw new AppError('unauthenticated', 'This token is unknown, expired or revoked.');
      request.auth = { user: found.user, via: 'token', tokenId: found.tokenId };
      return;
    }
    const cookie = request.cookies[sessionCookie];
    if (!cookie) return;
    const found = await services.sessions.resolve(cookie, request.ip);
    if (found) request.auth = { user: found.user, via: 'session', sessionId: found.session.id };
  });
}

/** The caller, or a 401 that tells a person to sign in. */
export function requireAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('unauthenticated', 'Please sign in to continue.');
  return request.auth;
}
