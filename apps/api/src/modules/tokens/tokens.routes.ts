import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import { z } from 'zod';
import { requireAuth } from '../auth/authenticate.ts';
import type { TokensService } from './tokens.service.ts';

const tokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the secret, to tell tokens apart'),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PersonalAccessToken' });

const createdTokenSchema = tokenSchema
  .extend({
    token: z.string().describe('The secret: shown this once. Send it as `Authorization: Bearer …`.'),
  })
  .meta({ id: 'CreatedPersonalAccessToken' });

/** Personal access tokens for the SDK and CLI: the user's own permissions, without a browser. */
export function registerTokensRoutes(app: ZodServer, deps: { tokens: TokensService }) {
  const { tokens } = deps;
  const tags = ['me'];

  app.get(
    '/api/me/tokens',
    {
      schema: {
        tags,
        operationId: 'listTokens',
        summary: 'My active API tokens (never their secrets)',
        response: { 200: z.object({ tokens: z.array(tokenSchema) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ tokens: await tokens.list(requireAuth(request).user.id) }),
  );

  app.post(
    '/api/me/tokens',
    {
      schema: {
        tags,
        operationId: 'createToken',
        summary: 'Create an API token; its secret is in this answer only',
        body: z
          .object({
            name: z.string().trim().min(1, 'Name the token, e.g. "laptop CLI".').max(100),
            expiresInDays: z.number().int().min(1).max(3650).optional().describe('Never expires when absent'),
          })
          .meta({ id: 'CreateTokenRequest' }),
        response: { 201: createdTokenSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await tokens.create(requireAuth(request).user.id, request.body)),
  );

  app.delete(
    '/api/me/tokens/:tokenId',
    {
      schema: {
        tags,
        operationId: 'revokeToken',
        summary: 'Revoke an API token; it stops working at once',
        params: z.object({ tokenId: z.uuid({ error: 'Not a token id.' }) }),
        response: { 204: z.undefined(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await tokens.revoke(requireAuth(request).user.id, request.params.tokenId);
      return reply.code(204).send();
    },
  );
}
