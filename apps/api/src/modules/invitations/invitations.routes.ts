import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import { z } from 'zod';
import { emailSchema } from '../accounts/accounts.schemas.ts';
import { requireAuth } from '../auth/authenticate.ts';
import { projectAccessOf } from '../projects/project-access.ts';
import { projectIdParams, roleSchema } from '../projects/projects.schemas.ts';
import type { InvitationsService } from './invitations.service.ts';

const invitationSchema = z
  .object({
    id: z.uuid(),
    project: z.object({ id: z.uuid(), name: z.string() }),
    email: z.string(),
    role: roleSchema,
    invitedBy: z.string().nullable().describe('Name of the person who invited'),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'Invitation' });

const answerSchema = z
  .object({ project: z.object({ id: z.uuid(), name: z.string() }), accepted: z.boolean() })
  .meta({ id: 'InvitationAnswer' });

const tokenBody = z.object({ token: z.string().min(1).max(200) }).meta({ id: 'InvitationToken' });
const idParams = z.object({ invitationId: z.uuid({ error: 'Not an invitation id.' }) });

export function registerInvitationsRoutes(app: ZodServer, deps: { invitations: InvitationsService }) {
  const { invitations } = deps;
  const tags = ['teams'];

  app.get(
    '/api/projects/:projectId/invitations',
    {
      config: { projectAction: 'invitations.read' },
      schema: {
        tags,
        operationId: 'listProjectInvitations',
        summary: 'Pending invitations of a project (admin and up)',
        params: projectIdParams,
        response: {
          200: z.object({ invitations: z.array(invitationSchema) }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => ({ invitations: await invitations.listPending(projectAccessOf(request)) }),
  );

  app.post(
    '/api/projects/:projectId/invitations',
    {
      config: { projectAction: 'invitations.manage' },
      schema: {
        tags,
        operationId: 'inviteMember',
        summary: 'Invite someone by email with a role (admins: roles below admin); valid 7 days',
        params: projectIdParams,
        body: z.object({ email: emailSchema, role: roleSchema }).meta({ id: 'InviteRequest' }),
        response: { 201: invitationSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await invitations.invite(projectAccessOf(request), requireAuth(request).user, request.body)),
  );

  app.delete(
    '/api/projects/:projectId/invitations/:invitationId',
    {
      config: { projectAction: 'invitations.manage' },
      schema: {
        tags,
        operationId: 'revokeInvitation',
        summary: 'Revoke a pending invitation',
        params: projectIdParams.extend(idParams.shape),
        response: { 204: z.undefined(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await invitations.revoke(
        projectAccessOf(request),
        requireAuth(request).user,
        request.params.invitationId,
      );
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/invitations',
    {
      schema: {
        tags,
        operationId: 'listMyInvitations',
        summary: 'Invitations waiting for my email address',
        response: { 200: z.object({ invitations: z.array(invitationSchema) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ invitations: await invitations.mine(requireAuth(request).user) }),
  );

  app.post(
    '/api/invitations/preview',
    {
      schema: {
        tags,
        operationId: 'previewInvitation',
        summary: 'What a mailed invitation link is for (it must be addressed to me)',
        body: tokenBody,
        response: { 200: invitationSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => invitations.preview(requireAuth(request).user, request.body.token),
  );

  for (const [verb, accept] of [
    ['accept', true],
    ['decline', false],
  ] as const) {
    app.post(
      `/api/invitations/${verb}`,
      {
        schema: {
          tags,
          operationId: `${verb}InvitationByToken`,
          summary: `${verb === 'accept' ? 'Accept' : 'Decline'} an invitation with the token from its mail`,
          body: tokenBody,
          response: { 200: answerSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => invitations.respondByToken(requireAuth(request).user, request.body.token, accept),
    );
    app.post(
      `/api/invitations/:invitationId/${verb}`,
      {
        schema: {
          tags,
          operationId: `${verb}Invitation`,
          summary: `${verb === 'accept' ? 'Accept (needs a confirmed address)' : 'Decline'} an invitation from my list`,
          params: idParams,
          response: { 200: answerSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) =>
        invitations.respondById(requireAuth(request).user, request.params.invitationId, accept),
    );
  }
}
