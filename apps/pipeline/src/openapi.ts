import { registerOpenApiDocument, type ZodServer } from '@synoptic/service-kit';

/** Serves the pipeline's document at /v1/openapi.json; committed as pipeline.openapi.yaml. */
export async function registerOpenApi(app: ZodServer): Promise<void> {
  await registerOpenApiDocument(app, {
    info: {
      title: 'Synoptic generation pipeline API',
      version: '0.1.0',
      description:
        'Internal service API: queues, shards, runs, tracks and cancels generation jobs. ' +
        'Errors always have the shape `{ "error": { "code", "message", "details"? } }`. ' +
        'Every /v1 request is signed with HMAC-SHA256: headers `x-synoptic-key-id`, `x-synoptic-timestamp` ' +
        '(Unix seconds, at most 5 minutes old), `x-synoptic-nonce` (used once) and `x-synoptic-signature` ' +
        '(`v1=` + hex HMAC of "v1\\nMETHOD\\npath?query\\ntimestamp\\nnonce\\nsha256-hex(body)"). ' +
        'Callbacks to a job’s `callbackUrl` are signed the same way.',
    },
    tags: [
      { name: 'jobs', description: 'Generation jobs: submit, follow, cancel, logs, manifest' },
      { name: 'preview', description: 'First rows and size estimate of a configuration' },
      { name: 'health', description: 'Liveness and readiness probes' },
    ],
    securitySchemes: {
      signature: {
        type: 'apiKey',
        in: 'header',
        name: 'x-synoptic-signature',
        description: 'HMAC-SHA256 request signature with x-synoptic-key-id, -timestamp and -nonce',
      },
    },
  });
  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
