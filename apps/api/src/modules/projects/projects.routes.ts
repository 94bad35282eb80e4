import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import { z } from 'zod';
import { requireAuth } from '../auth/authenticate.ts';
import { projectAccessOf } from './project-access.ts';
import {
  createProjectBodySchema,
  deleteProjectBodySchema,
  projectDetailSchema,
  projectIdParams,
  projectListQuerySchema,
  projectPageSchema,
  updateProjectBodySchema,
} from './projects.schemas.ts';
import type { ProjectsService } from './projects.service.ts';

export function registerProjectsRoutes(app: ZodServer, deps: { projects: ProjectsService }) {
  const { projects } = deps;
  const tags = ['projects'];

  app.get(
    '/api/projects',
    {
      schema: {
        tags,
        operationId: 'listProjects',
        summary: 'Projects I own or belong to, with my role and storage',
        querystring: projectListQuerySchema,
        response: { 200: projectPageSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => projects.list(requireAuth(request).user, request.query),
  );

  app.post(
    '/api/projects',
    {
      schema: {
        tags,
        operationId: 'createProject',
        summary: 'Create a project (I become its owner) with its own storage bucket',
        body: createProjectBodySchema,
        response: { 201: projectDetailSchema, ...errorResponses(400, 401, 403, 503) },
      },
    },
    async (request, reply) => {
      const created = await projects.create(requireAuth(request).user, request.body);
      return reply.code(201).send({ ...created, members: { owner: 1, admin: 0, member: 0, viewer: 0 } });
    },
  );

  app.get(
    '/api/projects/:projectId',
    {
      config: { projectAction: 'project.read' },
      schema: {
        tags,
        operationId: 'getProject',
        summary: 'One project',
        params: projectIdParams,
        response: { 200: projectDetailSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => projects.get(projectAccessOf(request)),
  );

  app.patch(
    '/api/projects/:projectId',
    {
      config: { projectAction: 'project.update' },
      schema: {
        tags,
        operationId: 'updateProject',
        summary: 'Change name, description or settings (admin and up)',
        params: projectIdParams,
        body: updateProjectBodySchema,
        response: { 200: projectDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => projects.update(projectAccessOf(request), requireAuth(request).user, request.body),
  );

  for (const [path, archived, summary] of [
    ['archive', true, 'Archive: the project becomes read-only and accepts no jobs (owner)'],
    ['unarchive', false, 'Unarchive (owner)'],
  ] as const) {
    app.post(
      `/api/projects/:projectId/${path}`,
      {
        config: { projectAction: 'project.archive' },
        schema: {
          tags,
          operationId: `${path}Project`,
          summary,
          params: projectIdParams,
          response: { 200: projectDetailSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => projects.setArchived(projectAccessOf(request), requireAuth(request).user, archived),
    );
  }

  app.delete(
    '/api/projects/:projectId',
    {
      config: { projectAction: 'project.delete' },
      schema: {
        tags,
        operationId: 'deleteProject',
        summary: 'Delete the project with its outputs and bucket (owner, confirmed by typing the name)',
        params: projectIdParams,
        body: deleteProjectBodySchema,
        response: { 204: z.undefined(), ...errorResponses(400, 401, 403, 404, 503) },
      },
    },
    async (request, reply) => {
      await projects.delete(projectAccessOf(request), request.body.confirmName);
      return reply.code(204).send();
    },
  );
}
