import swaggerUi from '@fastify/swagger-ui';
import { registerOpenApiDocument, type ZodServer } from '@synoptic/service-kit';

/** Serves the document at /api/openapi.json and interactive docs at /api/docs. */
export async function registerOpenApi(app: ZodServer): Promise<void> {
  await registerOpenApiDocument(app, {
    info: {
      title: 'Synoptic API',
      version: '0.1.0',
      description:
        'The Synoptic control plane: accounts, projects, teams, generation jobs, datasets. ' +
        'Errors always have the shape `{ "error": { "code", "message", "details"? } }`.',
    },
    tags: [{ name: 'health', description: 'Liveness and readiness probes' }],
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
