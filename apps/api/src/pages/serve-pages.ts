// The pages (apps/web, built into WEB_DIR by `npm run build`) at /app: hashed files under /app/assets/ are
// immutable for a year; every other /app path answers index.html (no-cache, revalidated by its ETag), where
// the pages' router takes over. Plain Fastify routes beside Nest's: the pages are static files, and every
// datum they show comes through the API's own routes under the API's Content-Security-Policy.
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A built file's name: esbuild's `<name>-<hash>.<ext>`, nothing that walks out of the folder. */
const ASSET_NAME = /^[A-Za-z0-9_-]+\.(js|css|png|svg|webp|woff2)$/;

export async function servePages(app: NestFastifyApplication, webDir: string): Promise<void> {
  await app.register(fastifyStatic, { root: webDir, serve: false });
  const fastify = app.getHttpAdapter().getInstance();
  const assets = path.join(webDir, 'assets');

  const index = (_req: FastifyRequest, reply: FastifyReply) => {
    if (!fs.existsSync(path.join(webDir, 'index.html'))) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .send({ statusCode: 503, error: 'Service Unavailable', message: `the pages are not built (no index.html in ${webDir}): run npm run build` });
    }
    // no-cache: the browser keeps it but asks each time (a 304 by its ETag), so a new build is seen at once.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webDir, { cacheControl: false });
  };

  fastify.get('/app/assets/:file', (req: FastifyRequest<{ Params: { file: string } }>, reply) => {
    const file = req.params.file;
    if (!ASSET_NAME.test(file)) return reply.callNotFound();
    return reply.sendFile(file, assets, { immutable: true, maxAge: 365 * 24 * 3600 * 1000 });
  });
  fastify.get('/app', index);
  fastify.get('/app/*', index);
}
