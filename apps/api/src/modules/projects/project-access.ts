import { AppError, type Pool, type ZodServer } from '@synoptic/service-kit';
import type { FastifyRequest } from 'fastify';
import { requireAuth } from '../auth/authenticate.ts';
import { type Action, actions, allowedWhenArchived, can, type Role } from './policy.ts';
import { findAccess, type ProjectRow } from './projects.repository.ts';

export type ProjectAccess = { project: ProjectRow; role: Role };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action a project-scoped route needs; the access hook enforces it. */
    projectAction?: Action;
  }
  interface FastifyRequest {
    projectAccess: ProjectAccess | null;
  }
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Decides access for every route that declares `config.projectAction`, before its input is even
 * read: a stranger gets the same 404 for a project that exists as for one that does not; a member
 * whose role is too low gets 403; writes to an archived project get 409.
 */
export function registerProjectAccess(scope: ZodServer, pool: Pool): void {
  scope.decorateRequest('projectAccess', null);
  scope.addHook('preValidation', async (request) => {
    const action = request.routeOptions.config.projectAction;
    if (!action) return;
    const { user } = requireAuth(request);
    const projectId = (request.params as { projectId?: string }).projectId ?? '';
    const access = uuid.test(projectId) ? await findAccess(pool, projectId, user.id) : undefined;
    if (!access) throw new AppError('not_found', 'No such project, or you are not a member of it.');
    if (!can(access.role, action)) {
      throw new AppError(
        'forbidden',
        `Your role in this project (${access.role}) does not allow this; it needs ${actions[action].least} or higher.`,
      );
    }
    if (access.project.archived_at && !allowedWhenArchived(action)) {
      throw new AppError('conflict', 'This project is archived and read-only. Unarchive it to make changes.');
    }
    request.projectAccess = access;
  });
}

/** The access the hook established for this request. */
export function projectAccessOf(request: FastifyRequest): ProjectAccess {
  if (!request.projectAccess) throw new Error('route lacks config.projectAction');
  return request.projectAccess;
}
