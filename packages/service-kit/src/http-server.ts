import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerErrorHandling } from './error-handler.ts';
import { type LogLevel, loggerOptions } from './logger.ts';
import { genRequestId, requestIdHeader } from './request-id.ts';

export type ServerOptions = {
  service: string;
  logLevel: LogLevel;
  /** Where log lines go (stdout when absent); tests pass a stream to read them. */
  logStream?: NodeJS.WritableStream;
  bodyLimit?: number;
  /** Trust X-Forwarded-* headers (a load balancer in front of replicas). */
  trustProxy?: boolean;
};

/** A Fastify instance with our logger, request ids, zod validation and the one error model. */
export function createServer(options: ServerOptions) {
  const fastifyOptions: FastifyServerOptions = {
    logger: loggerOptions(options.service, options.logLevel, options.logStream),
    genReqId: genRequestId,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  };
  const app = Fastify(fastifyOptions).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    void reply.header(requestIdHeader, request.id);
  });
  registerErrorHandling(app);
  return app;
}

export type ZodServer = ReturnType<typeof createServer>;

/** A readiness check resolves when its dependency is usable and throws (with a reason) when not. */
export type ReadinessCheck = () => Promise<void>;

const healthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
const readinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.record(z.string(), z.object({ ok: z.boolean(), message: z.string().optional() })),
  })
  .meta({ id: 'Readiness' });

export function registerHealthRoutes(app: ZodServer, checks: Record<string, ReadinessCheck>): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        operationId: 'getHealth',
        summary: 'Liveness: the process is up',
        security: [],
        response: { 200: healthSchema },
      },
      logLevel: 'warn',
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        operationId: 'getReadiness',
        summary: 'Readiness: every dependency this service needs is usable',
        security: [],
        response: { 200: readinessSchema, 503: readinessSchema },
      },
      logLevel: 'warn',
    },
    async (_request, reply) => {
      const results = await Promise.all(
        Object.entries(checks).map(async ([name, check]) => {
          try {
            await withTimeout(check(), 2000);
            return [name, { ok: true }] as const;
          } catch (err) {
            return [name, { ok: false, message: (err as Error).message }] as const;
          }
        }),
      );
      const ready = results.every(([, r]) => r.ok);
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(results) });
    },
  );
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
