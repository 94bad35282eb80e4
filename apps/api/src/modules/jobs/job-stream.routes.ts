import { errorResponses, type Pool, type ZodServer } from '@synoptic/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { projectAccessOf } from '../projects/project-access.ts';
import { projectIdParams } from '../projects/projects.schemas.ts';
import type { JobEvents } from './job-events.ts';
import { presentJob } from './jobs.presenter.ts';
import { findJobById, findJobsOfProject, findJobsUpdatedSince, type JobRow } from './jobs.repository.ts';
import { jobParams } from './jobs.schemas.ts';

const heartbeatMs = 15_000;

/**
 * Server-Sent Events of job changes. Each event's id is the job's update time in milliseconds; a
 * client that reconnects with `Last-Event-ID` first gets every change it missed, then live ones.
 */
async function stream(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { pool: Pool; events: JobEvents },
  scope: { projectId: string; jobId?: string },
) {
  const lastId = Number(request.headers['last-event-id']);
  const send = (job: JobRow) => {
    reply.raw.write(
      `id: ${job.updated_at.getTime()}\nevent: job\ndata: ${JSON.stringify(presentJob(job))}\n\n`,
    );
  };
  const missed = Number.isFinite(lastId)
    ? await findJobsUpdatedSince(deps.pool, scope.projectId, new Date(lastId), 500)
    : scope.jobId
      ? []
      : await findJobsOfProject(deps.pool, scope.projectId, {
          statuses: ['queued', 'running', 'cancelling'],
          limit: 100,
        });

  reply.hijack();
  reply.raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Proxies must pass events through as they come.
    'x-accel-buffering': 'no',
  });
  reply.raw.write('retry: 2000\n\n');
  if (scope.jobId) {
    const job = await findJobById(deps.pool, scope.jobId);
    if (job) send(job);
  }
  for (const job of missed) if (!scope.jobId || job.id === scope.jobId) send(job);

  const unsubscribe = await deps.events.subscribe((change) => {
    if (change.projectId !== scope.projectId || (scope.jobId && change.jobId !== scope.jobId)) return;
    findJobById(deps.pool, change.jobId).then(
      (job) => {
        if (job) send(job);
      },
      (err: unknown) => request.log.warn({ err }, 'job event not delivered'),
    );
  });
  const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), heartbeatMs);
  request.raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

export function registerJobStreamRoutes(app: ZodServer, deps: { pool: Pool; events: JobEvents }) {
  const described = (summary: string, params: z.ZodObject) => ({
    tags: ['jobs'],
    summary,
    params,
    response: {
      200: {
        description: 'An endless `text/event-stream` of `job` events, each carrying a Job',
        content: { 'text/event-stream': { schema: z.string() } },
      },
      ...errorResponses(401, 404),
    },
  });

  app.get(
    '/api/projects/:projectId/events',
    {
      config: { projectAction: 'jobs.read' },
      schema: {
        operationId: 'streamProjectJobs',
        ...described('Live job changes of a project (SSE)', projectIdParams),
      },
    },
    async (request, reply) =>
      stream(request, reply, deps, { projectId: projectAccessOf(request).project.id }),
  );

  app.get(
    '/api/projects/:projectId/jobs/:jobId/events',
    {
      config: { projectAction: 'jobs.read' },
      schema: { operationId: 'streamJob', ...described('Live changes of one job (SSE)', jobParams) },
    },
    async (request, reply) =>
      stream(request, reply, deps, {
        projectId: projectAccessOf(request).project.id,
        jobId: (request.params as { jobId: string }).jobId,
      }),
  );
}
