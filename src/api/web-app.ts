import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The built web app (`vite build` of web/, run by `npm start` when stale). */
export const webDist = path.resolve(fileURLToPath(import.meta.url), '../../../web/dist');

/**
 * Serves the web app at `/`: hashed assets cached for good, and index.html for every other path that is not
 * the API's, so that the browser's router owns them (SPA fallback). Unknown `/api` and `/fhir` paths still
 * answer the 404 problem, and so do missing assets. Without a build (API tests, CLI) nothing is registered.
 */
export async function registerWebApp(app: FastifyInstance, dist = webDist): Promise<void> {
  if (!existsSync(path.join(dist, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    preCompressed: true,
    setHeaders: (reply, file) => {
      const immutable = file.includes(`${path.sep}assets${path.sep}`);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, (request, reply) => {
    if (/^\/(api|fhir|assets)(\/|$)/.test(request.url)) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
