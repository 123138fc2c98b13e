import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { isClientPage } from './clientSections.ts';
import { sendProblem } from './problem.ts';

/**
 * Serves the built web client: hashed assets cached for a year, index.html never cached, and
 * index.html for any other GET outside /api so that client-side routes survive a reload: with 200
 * under the client's sections, with 404 elsewhere (the client then shows its "page not found").
 */
export async function registerWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  const hasWeb = existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      // Files are looked up per request, so a rebuild while the server runs is served at once.
      wildcard: true,
      index: false,
      // The build writes .br and .gz copies of the assets (vite.config.ts): sent when accepted.
      preCompressed: true,
      // Our own header below: a year for hashed assets, revalidation for the rest.
      cacheControl: false,
      setHeaders(res, filePath) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.setHeader(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
        );
      },
    });
  }
  if (hasWeb)
    app.get('/', { schema: { hide: true } }, (_request, reply) => {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0]!;
    if (url.startsWith('/api/') || !['GET', 'HEAD'].includes(request.method))
      return sendProblem(reply, 404, `No route for ${request.method} ${url}.`);
    if (/\.[a-z0-9]+$/i.test(url)) return reply.code(404).type('text/plain').send('Not found');
    if (!hasWeb)
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web client is not built: run `npm run build` (npm start does it for you).');
    reply.header('cache-control', 'no-cache');
    if (!isClientPage(url)) reply.code(404);
    return reply.sendFile('index.html');
  });
}
