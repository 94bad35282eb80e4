import { errorResponses, type ZodServer } from '@synoptic/service-kit';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../auth/authenticate.ts';
import { projectAccessOf } from '../projects/project-access.ts';
import { projectIdParams } from '../projects/projects.schemas.ts';
import {
  sampleContentTypes,
  sampleDetailSchema,
  sampleListSchema,
  sampleParams,
  sampleSchema,
  uploadSampleBodySchema,
  uploadSampleQuerySchema,
} from './samples.schemas.ts';
import type { SamplesService } from './samples.service.ts';

export function registerSamplesRoutes(app: ZodServer, deps: { samples: SamplesService; maxBytes: number }) {
  const { samples } = deps;
  const tags = ['samples'];

  // A scope of its own: only here does a body reach the handler as the raw stream, whatever its type,
  // so no upload is ever buffered (the service refuses types a sample cannot have).
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    scope.post(
      '/api/projects/:projectId/samples',
      {
        config: { projectAction: 'samples.write' },
        bodyLimit: deps.maxBytes,
        schema: {
          tags,
          operationId: 'uploadSample',
          summary: 'Upload a sample file (member and up); it is profiled in the background',
          description:
            'The body is the file itself, streamed to the project’s storage: CSV, JSONL or Parquet, as the ' +
            '`name` extension says, up to SAMPLE_MAX_BYTES (1 GiB by default). The sample counts against the ' +
            'storage quota. It answers at once with the sample `profiling`; poll it until `ready` or `failed`.',
          params: projectIdParams,
          querystring: uploadSampleQuerySchema,
          body: uploadSampleBodySchema,
          consumes: [...sampleContentTypes],
          response: { 201: sampleSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (request, reply) => {
        const length = Number(request.headers['content-length'] ?? Number.NaN);
        try {
          const sample = await samples.upload(projectAccessOf(request), requireAuth(request).user, {
            name: request.query.name,
            contentType: request.headers['content-type'],
            contentLength: Number.isFinite(length) ? length : undefined,
            body: request.body,
          });
          return reply.code(201).send(sample);
        } catch (err) {
          // The rest of a refused upload is not read: the connection cannot carry another request.
          void reply.header('connection', 'close');
          throw err;
        }
      },
    );
  });

  app.get(
    '/api/projects/:projectId/samples',
    {
      config: { projectAction: 'samples.read' },
      schema: {
        tags,
        operationId: 'listSamples',
        summary: 'Samples of a project, newest first',
        params: projectIdParams,
        response: { 200: sampleListSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => samples.list(projectAccessOf(request)),
  );

  app.get(
    '/api/projects/:projectId/samples/:sampleId',
    {
      config: { projectAction: 'samples.read' },
      schema: {
        tags,
        operationId: 'getSample',
        summary: 'One sample with its profile: each column’s type, likely personal data and suggested field',
        params: sampleParams,
        response: { 200: sampleDetailSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => samples.get(projectAccessOf(request), request.params.sampleId),
  );

  app.delete(
    '/api/projects/:projectId/samples/:sampleId',
    {
      config: { projectAction: 'samples.write' },
      schema: {
        tags,
        operationId: 'deleteSample',
        summary: 'Delete a sample and its file (member and up); 409 while a queued or running job uses it',
        params: sampleParams,
        response: { 204: z.undefined(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await samples.delete(projectAccessOf(request), requireAuth(request).user, request.params.sampleId);
      return reply.code(204).send();
    },
  );
}
