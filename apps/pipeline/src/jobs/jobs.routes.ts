import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import {
  createJobBodySchema,
  idempotencyHeadersSchema,
  jobLogsQuerySchema,
  jobLogsSchema,
  jobParamsSchema,
  jobSchema,
  manifestSchema,
} from './job.schemas.ts';
import type { JobsService } from './jobs.service.ts';

export function registerJobRoutes(app: ZodServer, jobs: JobsService): void {
  app.post(
    '/v1/jobs',
    {
      schema: {
        tags: ['jobs'],
        operationId: 'createJob',
        summary: 'Queue a generation job (idempotent with an Idempotency-Key)',
        headers: idempotencyHeadersSchema,
        body: createJobBodySchema,
        response: { 200: jobSchema, 201: jobSchema, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const { job, created } = await jobs.submit(request.body, request.headers['idempotency-key']);
      return reply.code(created ? 201 : 200).send(job);
    },
  );

  app.get(
    '/v1/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        operationId: 'getJob',
        summary: 'Status, stage, progress, timings and error of a job',
        params: jobParamsSchema,
        response: { 200: jobSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => jobs.get(request.params.id),
  );

  app.post(
    '/v1/jobs/:id/cancel',
    {
      schema: {
        tags: ['jobs'],
        operationId: 'cancelJob',
        summary: 'Cancel a queued or running job; its partial output is removed',
        params: jobParamsSchema,
        response: { 200: jobSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => jobs.cancel(request.params.id),
  );

  app.get(
    '/v1/jobs/:id/logs',
    {
      schema: {
        tags: ['jobs'],
        operationId: 'getJobLogs',
        summary: 'The job’s log lines, oldest first, a page at a time',
        params: jobParamsSchema,
        querystring: jobLogsQuerySchema,
        response: { 200: jobLogsSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => jobs.logs(request.params.id, request.query.after ?? 0, request.query.limit),
  );

  app.get(
    '/v1/jobs/:id/manifest',
    {
      schema: {
        tags: ['jobs'],
        operationId: 'getJobManifest',
        summary: 'What a completed job wrote: files, rows, bytes, sha256, schema, engine version, seed',
        params: jobParamsSchema,
        response: { 200: manifestSchema, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => jobs.manifest(request.params.id),
  );
}
