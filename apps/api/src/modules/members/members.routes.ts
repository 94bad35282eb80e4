import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import { z } from 'zod';
import { requireAuth } from '../auth/authenticate.ts';
import { projectAccessOf } from '../projects/project-access.ts';
import { projectIdParams, roleSchema } from '../projects/projects.schemas.ts';
import type { MembersService } from './members.service.ts';

const memberSchema = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: 'Member' });
const memberParams = projectIdParams.extend({ userId: z.uuid({ error: 'Not a user id.' }) });

export function registerMembersRoutes(app: ZodServer, deps: { members: MembersService }) {
  const { members } = deps;
  const tags = ['teams'];

  app.get(
    '/api/projects/:projectId/members',
    {
      config: { projectAction: 'members.read' },
      schema: {
        tags,
        operationId: 'listMembers',
        summary: 'The people in a project and their roles',
        params: projectIdParams,
        response: { 200: z.object({ members: z.array(memberSchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => ({ members: await members.list(projectAccessOf(request)) }),
  );

  app.patch(
    '/api/projects/:projectId/members/:userId',
    {
      config: { projectAction: 'members.manage' },
      schema: {
        tags,
        operationId: 'changeMemberRole',
        summary: 'Change a member’s role (admins: roles below admin; owners: any)',
        params: memberParams,
        body: z.object({ role: roleSchema }).meta({ id: 'ChangeRoleRequest' }),
        response: { 200: memberSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      members.changeRole(
        projectAccessOf(request),
        requireAuth(request).user,
        request.params.userId,
        request.body.role,
      ),
  );

  app.delete(
    '/api/projects/:projectId/members/:userId',
    {
      config: { projectAction: 'members.manage' },
      schema: {
        tags,
        operationId: 'removeMember',
        summary: 'Remove someone from the project (admins: those below admin)',
        params: memberParams,
        response: { 204: z.undefined(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await members.remove(projectAccessOf(request), requireAuth(request).user, request.params.userId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/projects/:projectId/leave',
    {
      config: { projectAction: 'members.leave' },
      schema: {
        tags,
        operationId: 'leaveProject',
        summary: 'Leave the project (the last owner cannot)',
        params: projectIdParams,
        response: { 204: z.undefined(), ...errorResponses(401, 404, 409) },
      },
    },
    async (request, reply) => {
      const { user } = requireAuth(request);
      await members.remove(projectAccessOf(request), user, user.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/projects/:projectId/transfer',
    {
      config: { projectAction: 'project.transfer' },
      schema: {
        tags,
        operationId: 'transferOwnership',
        summary: 'Make another member owner; I stay on as admin (owner)',
        params: projectIdParams,
        body: z
          .object({ userId: z.uuid({ error: 'Not a user id.' }) })
          .meta({ id: 'TransferOwnershipRequest' }),
        response: { 204: z.undefined(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await members.transferOwnership(
        projectAccessOf(request),
        requireAuth(request).user,
        request.body.userId,
      );
      return reply.code(204).send();
    },
  );
}
