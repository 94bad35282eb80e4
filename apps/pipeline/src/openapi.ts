import { registerOpenApiDocument, type ZodServer } from '@synoptic/service-kit';

/** Serves the pipeline's document at /v1/openapi.json; committed as pipeline.openapi.yaml. */
export async function registerOpenApi(app: ZodServer): Promise<void> {
  await registerOpenApiDocument(app, {
    info: {
      title: 'Synoptic generation pipeline API',
      version: '0.1.0',
      description:
        'Internal service API: queues, shards, runs, tracks and cancels generation jobs. ' +
        'Errors always have the shape `{ "error": { "code", "message", "details"? } }`.',
    },
    tags: [{ name: 'health', description: 'Liveness and readiness probes' }],
  });
  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
