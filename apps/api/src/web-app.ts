import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { AppError, type ZodServer } from '@synoptic/service-kit';

/** Serves the built single-page app; any non-API path answers with index.html so client routes load. */
export async function registerWebApp(app: ZodServer, distDir: string): Promise<void> {
  const root = resolve(distDir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`WEB_DIST_DIR has no index.html: ${root}`);
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders: (res, path) => {
      // Vite fingerprints everything under assets/, so those never change; index.html always may.
      res.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      throw new AppError('not_found', `No route GET ${request.url.split('?')[0]}.`);
    }
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
