import { jobReportSchema } from '@synoptic/contract';
import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import { z } from 'zod';
import { requireAuth } from '../auth/authenticate.ts';
import { projectAccessOf } from '../projects/project-access.ts';
import { projectIdParams } from '../projects/projects.schemas.ts';
import type { DownloadsService } from './downloads.service.ts';
import {
  createJobBodySchema,
  downloadQuerySchema,
  jobDetailSchema,
  jobListQuerySchema,
  jobLogsSchema,
  jobPageSchema,
  jobParams,
  jobSchema,
  previewBodySchema,
  previewSchema,
} from './jobs.schemas.ts';
import type { JobsService } from './jobs.service.ts';

export function registerJobsRoutes(app: ZodServer, deps: { jobs: JobsService; downloads: DownloadsService }) {
  const { jobs, downloads } = deps;
  const tags = ['jobs'];

  app.get(
    '/api/projects/:projectId/jobs',
    {
      config: { projectAction: 'jobs.read' },
      schema: {
        tags,
        operationId: 'listJobs',
        summary: 'Jobs of a project, newest first',
        params: projectIdParams,
        querystring: jobListQuerySchema,
        response: { 200: jobPageSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => jobs.list(projectAccessOf(request), request.query),
  );

  app.post(
    '/api/projects/:projectId/jobs',
    {
      config: { projectAction: 'jobs.create' },
      schema: {
        tags,
        operationId: 'createJob',
        summary: 'Submit a generation job (member and up)',
        description:
          'Validates the configuration (field-level errors), checks the rate limit, the running-jobs limit, the ' +
          'rows limit and the storage quota, and queues the job. It reaches the pipeline moments later, or when ' +
          'the pipeline is back if it is down (`waitingForPipeline`).',
        params: projectIdParams,
        body: createJobBodySchema,
        response: { 201: jobSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await jobs.create(projectAccessOf(request), requireAuth(request).user, request.body)),
  );

  app.post(
    '/api/projects/:projectId/jobs/preview',
    {
      config: { projectAction: 'jobs.create' },
      schema: {
        tags,
        operationId: 'previewJob',
        summary: 'The first rows of each table and a size estimate, without creating a job',
        params: projectIdParams,
        body: previewBodySchema,
        response: { 200: previewSchema, ...errorResponses(400, 401, 403, 404, 422, 503) },
      },
    },
    async (request) => jobs.preview(projectAccessOf(request), request.body),
  );

  app.get(
    '/api/projects/:projectId/jobs/:jobId',
    {
      config: { projectAction: 'jobs.read' },
      schema: {
        tags,
        operationId: 'getJob',
        summary: 'One job with its configuration and output files',
        params: jobParams,
        response: { 200: jobDetailSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => jobs.get(projectAccessOf(request), request.params.jobId),
  );

  app.get(
    '/api/projects/:projectId/jobs/:jobId/report',
    {
      config: { projectAction: 'jobs.read' },
      schema: {
        tags,
        operationId: 'getJobReport',
        summary: 'The job’s report.json: quality and privacy of sample tables, conformance of the others',
        description:
          '404 `report_not_found` while the job has not completed, for jobs from before reports, and once ' +
          'retention deleted the outputs.',
        params: jobParams,
        response: { 200: jobReportSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => jobs.report(projectAccessOf(request), request.params.jobId),
  );

  app.get(
    '/api/projects/:projectId/jobs/:jobId/logs',
    {
      config: { projectAction: 'jobs.read' },
      schema: {
        tags,
        operationId: 'getJobLogs',
        summary: 'The job’s log lines, oldest first, a page at a time',
        params: jobParams,
        querystring: z.object({
          after: z.coerce.number().int().min(0).default(0).describe('`nextCursor` of the previous page'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: jobLogsSchema, ...errorResponses(400, 401, 404, 503) },
      },
    },
    async (request) =>
      jobs.logs(projectAccessOf(request), request.params.jobId, request.query.after, request.query.limit),
  );

  app.post(
    '/api/projects/:projectId/jobs/:jobId/cancel',
    {
      config: { projectAction: 'jobs.cancel' },
      schema: {
        tags,
        operationId: 'cancelJob',
        summary: 'Cancel a queued or running job (member and up); a finished job answers 409',
        params: jobParams,
        response: { 200: jobSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => jobs.cancel(projectAccessOf(request), requireAuth(request).user, request.params.jobId),
  );

  app.post(
    '/api/projects/:projectId/jobs/:jobId/rerun',
    {
      config: { projectAction: 'jobs.create' },
      schema: {
        tags,
        operationId: 'rerunJob',
        summary: 'Run the same configuration again, with the same seed (same data) or a new one',
        params: jobParams,
        body: z.object({ seed: z.enum(['same', 'new']).default('new') }).meta({ id: 'RerunJobRequest' }),
        response: { 201: jobSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await jobs.rerun(
            projectAccessOf(request),
            requireAuth(request).user,
            request.params.jobId,
            request.body.seed,
          ),
        ),
  );

  app.delete(
    '/api/projects/:projectId/jobs/:jobId',
    {
      config: { projectAction: 'jobs.delete' },
      schema: {
        tags,
        operationId: 'deleteJob',
        summary: 'Delete a finished job and its outputs (member and up)',
        params: jobParams,
        response: { 204: z.undefined(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await jobs.delete(projectAccessOf(request), requireAuth(request).user, request.params.jobId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/projects/:projectId/jobs/:jobId/files/:fileName',
    {
      config: { projectAction: 'data.download' },
      schema: {
        tags,
        operationId: 'downloadJobFile',
        summary: 'Download one output file (viewer and up); supports Range requests',
        description:
          'The file’s `name` from the job, URL-encoded: `customers%2Fpart-00000.csv`. A job whose privacy checks ' +
          'failed answers 409 `privacy_review_required` until `acknowledgePrivacy=true`.',
        params: jobParams.extend({ fileName: z.string().min(1).max(300).describe('The file’s name') }),
        querystring: downloadQuerySchema,
        response: {
          200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string() } } },
          206: {
            description: 'Part of the file',
            content: { 'application/octet-stream': { schema: z.string() } },
          },
          ...errorResponses(400, 401, 404, 409, 416),
        },
      },
    },
    async (request, reply) => {
      const file = await downloads.file(
        {
          access: projectAccessOf(request),
          user: requireAuth(request).user,
          jobId: request.params.jobId,
          acknowledgePrivacy: request.query.acknowledgePrivacy,
        },
        request.params.fileName,
        request.headers.range,
      );
      void reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.downloadName}"`)
        .header('accept-ranges', 'bytes')
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, no-store');
      if (file.range) {
        void reply
          .code(206)
          .header('content-range', `bytes ${file.range.start}-${file.range.end}/${file.size}`)
          .header('content-length', String(file.range.end - file.range.start + 1));
      } else {
        void reply.header('content-length', String(file.size));
      }
      // The schema documents the bytes; Fastify pipes a stream as it is, without the serializer.
      return reply.send(file.stream as never);
    },
  );

  app.get(
    '/api/projects/:projectId/jobs/:jobId/download.zip',
    {
      config: { projectAction: 'data.download' },
      schema: {
        tags,
        operationId: 'downloadJobZip',
        summary: 'Download every output file of a job as one zip (viewer and up)',
        description:
          'A job whose privacy checks failed answers 409 `privacy_review_required` until `acknowledgePrivacy=true`.',
        params: jobParams,
        querystring: downloadQuerySchema,
        response: {
          200: { description: 'A zip archive', content: { 'application/zip': { schema: z.string() } } },
          ...errorResponses(400, 401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const zip = await downloads.zip({
        access: projectAccessOf(request),
        user: requireAuth(request).user,
        jobId: request.params.jobId,
        acknowledgePrivacy: request.query.acknowledgePrivacy,
      });
      void reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${zip.downloadName}"`)
        .header('cache-control', 'private, no-store');
      return reply.send(zip.stream as never);
    },
  );
}
