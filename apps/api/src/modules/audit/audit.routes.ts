import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import { z } from 'zod';
import { projectAccessOf } from '../projects/project-access.ts';
import { projectIdParams } from '../projects/projects.schemas.ts';
import type { AuditService } from './audit.service.ts';

const auditEventSchema = z
  .object({
    id: z.uuid(),
    actor: z.object({
      id: z.uuid().nullable().describe('Null once the account is deleted'),
      email: z.string(),
    }),
    action: z.string().describe('e.g. `project.updated`, `member.role_changed`, `invitation.sent`'),
    target: z.string(),
    details: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditEvent' });

export function registerAuditRoutes(app: ZodServer, deps: { audit: AuditService }) {
  app.get(
    '/api/projects/:projectId/audit',
    {
      config: { projectAction: 'audit.read' },
      schema: {
        tags: ['teams'],
        operationId: 'listAuditEvents',
        summary: 'Who did what and when in a project, newest first (admin and up)',
        params: projectIdParams,
        querystring: z.object({
          cursor: z.uuid({ error: 'Use `nextCursor` from the previous page.' }).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
        response: {
          200: z
            .object({ events: z.array(auditEventSchema), nextCursor: z.uuid().nullable() })
            .meta({ id: 'AuditPage' }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) => deps.audit.page(projectAccessOf(request).project.id, request.query),
  );
}
