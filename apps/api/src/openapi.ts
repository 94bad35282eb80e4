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
    tags: [
      {
        name: 'auth',
        description: 'Registering, signing in and out, confirming addresses, resetting passwords',
      },
      {
        name: 'me',
        description: 'The signed-in user: profile, password, sessions, API tokens, two-factor sign-in',
      },
      { name: 'health', description: 'Liveness and readiness probes' },
    ],
    securitySchemes: {
      sessionCookie: {
        type: 'apiKey',
        in: 'cookie',
        name: 'synoptic_session',
        description: 'Set by signing in',
      },
      bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal access token (`syn_pat_…`)' },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
