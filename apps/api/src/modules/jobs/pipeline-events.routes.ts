import {
  createDatabaseReplayGuard,
  type Pool,
  requireSignedRequests,
  type SigningKey,
  type ZodServer,
} from '@synoptic/service-kit';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PipelineJob } from '../../platform/pipeline-client.ts';
import type { JobsService } from './jobs.service.ts';

const eventSchema = z.object({
  jobId: z.string(),
  seq: z.number().int().min(0),
  type: z.enum(['job.status', 'job.progress']),
  job: z.looseObject({ id: z.string(), status: z.string(), stage: z.string() }),
});

/**
 * Where the pipeline reports on the jobs it runs: signed like every call between the services,
 * replays refused, and events older than the last one applied ignored.
 */
export async function registerPipelineEventsRoutes(
  app: ZodServer,
  deps: { pool: Pool; keys: SigningKey[]; jobs: JobsService },
): Promise<void> {
  await app.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    requireSignedRequests(
      scope,
      deps.keys,
      createDatabaseReplayGuard(deps.pool, 'app.pipeline_event_nonces'),
    );
    scope.post(
      '/api/internal/pipeline-events/:jobId',
      {
        schema: {
          hide: true,
          params: z.object({ jobId: z.uuid() }),
          body: eventSchema,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await deps.jobs.apply(
          request.params.jobId,
          request.body.job as unknown as PipelineJob,
          request.body.seq,
        );
        return reply.code(204).send();
      },
    );
    done();
  });
}
