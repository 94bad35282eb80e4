import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import { z } from 'zod';
import { requireAuth } from '../auth/authenticate.ts';
import type { SessionsService } from './sessions.service.ts';

const sessionSchema = z
  .object({
    id: z.uuid(),
    device: z.string().describe('Browser and system, e.g. "Firefox on macOS"'),
    ip: z.string(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    current: z.boolean().describe('The session making this request'),
  })
  .meta({ id: 'Session' });

/** The places a user is signed in, and ending them. */
export function registerSessionsRoutes(app: ZodServer, deps: { sessions: SessionsService }) {
  const { sessions } = deps;
  const tags = ['me'];

  app.get(
    '/api/me/sessions',
    {
      schema: {
        tags,
        operationId: 'listSessions',
        summary: 'My signed-in sessions, most recently used first',
        response: { 200: z.object({ sessions: z.array(sessionSchema) }), ...errorResponses(401) },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return {
        sessions: await sessions.list(auth.user.id, auth.via === 'session' ? auth.sessionId : undefined),
      };
    },
  );

  app.delete(
    '/api/me/sessions/:sessionId',
    {
      schema: {
        tags,
        operationId: 'revokeSession',
        summary: 'End one of my sessions',
        params: z.object({ sessionId: z.uuid({ error: 'Not a session id.' }) }),
        response: { 204: z.undefined(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await sessions.revoke(requireAuth(request).user.id, request.params.sessionId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/me/sessions/revoke-others',
    {
      schema: {
        tags,
        operationId: 'revokeOtherSessions',
        summary: 'End every session but this one',
        response: { 200: z.object({ ended: z.number().int() }), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return {
        ended: await sessions.revokeAll(auth.user.id, auth.via === 'session' ? auth.sessionId : undefined),
      };
    },
  );
}
