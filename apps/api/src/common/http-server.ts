// The API's Fastify server options (body limits, which proxies to believe, router errors in the API's
// error shape), and per-route body limits that apply while the body is read, before anything parses it.

import { RouteConfig } from '@nestjs/platform-fastify';
import type { AppConfig } from '@app/config';
import { ACCEPTED_CONTENT_TYPES } from '@app/images';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { errorBody } from './error.filter';

/** 1 MiB is far above any legitimate request; larger bodies get 413. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export function fastifyOptions(config: Pick<AppConfig, 'api'>) {
  return {
    bodyLimit: DEFAULT_BODY_LIMIT,
    // req.ip (request logs) comes from X-Forwarded-For only through the proxies TRUST_PROXY names; otherwise a
    // client could write any address there.
    trustProxy: config.api.trustProxy,
    // Errors raised by the router before Nest sees the request, in the API's one error shape.
    frameworkErrors: (err: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
      const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      const message = status === 414 ? 'a path parameter is longer than 100 characters' : 'the URL is not valid (a path segment is not valid percent-encoding)';
      void reply.status(status).send(errorBody(status, message));
    },
  } satisfies FastifyServerOptions;
}

/**
 * The most bytes a route reads of a request body. Fastify stops reading at the limit and answers 413 through
 * the error filter; the body is never buffered past it nor parsed. Needs `applyRouteBodyLimits` on the server.
 */
export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes });

/** Turns @BodyLimit into the route's own bodyLimit; call before the app registers its routes (app.init). */
export function applyRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const limit = bodyLimitOf(route.config);
    if (limit !== undefined) route.bodyLimit = limit;
  });
}

function bodyLimitOf(config: unknown): number | undefined {
  if (typeof config !== 'object' || config === null || !('bodyLimit' in config)) return undefined;
  return typeof config.bodyLimit === 'number' ? config.bodyLimit : undefined;
}

/**
 * The route takes raw image bytes (image/jpeg, image/png, image/webp; a Buffer in request.body) up to `bytes`,
 * its body limit (with applyRouteBodyLimits). Needs `acceptImageBodies` on the server.
 */
export const ImageBody = (bytes: number) => RouteConfig({ bodyLimit: bytes, imageBody: true });

function takesImages(config: unknown): boolean {
  return typeof config === 'object' && config !== null && 'imageBody' in config && config.imageBody === true;
}

/**
 * Reads image bodies as bytes on the routes marked @ImageBody; every other route refuses them with 415 (they
 * take JSON). The bytes are read up to the route's body limit and not parsed here: the route sniffs them.
 */
export function acceptImageBodies(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(ACCEPTED_CONTENT_TYPES, { parseAs: 'buffer' }, (request, body, done) => {
    if (takesImages(request.routeOptions.config)) return done(null, body);
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim();
    done(Object.assign(new Error(`this route does not take ${type} bodies; send JSON (Content-Type: application/json)`), { statusCode: 415 }));
  });
}
