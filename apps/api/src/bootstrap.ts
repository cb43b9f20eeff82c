// Creates the Fastify-based Nest application with the global pipe, body limits and OpenAPI at /docs.

import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppModule, type ApiInfrastructure } from './app.module';
import { SESSION_COOKIE } from './auth/session-cookie';
import { hideStaffDetails } from './auth/staff-details';
import { closeConnectionsWhenIdle } from './common/graceful-close';
import { acceptImageBodies, applyRouteBodyLimits, fastifyOptions } from './common/http-server';
import { InputSanityPipe } from './common/input-sanity.pipe';
import { servePages } from './pages/serve-pages';
import { createApiLogger, logRequests, PinoLoggerService } from './common/logging';
import { createValidationPipe } from './common/validation';
import { ApiMetrics } from './metrics/api-metrics';
import { exposeMetrics } from './metrics/expose';
import { ActiveRequestSpan, traceRequests } from './tracing/request-tracing';

export const API_DESCRIPTION = `Workflow engine for influencer brand incubators. Each product runs as one Temporal workflow through
POLL → [DEMAND] → DESIGN → SAMPLING → PRODUCTION → LAUNCH → ON_SALE → ENDED (CANCELLED from any stage before ON_SALE;
DEMAND only when the product has a demand goal; products launched before ON_SALE existed stay LAUNCHED).

Authenticate with an API key: \`Authorization: Bearer <key>\` (or \`X-API-Key\`). Staff keys run products; an influencer
key reads its own products and reviews their designs and samples. People in a browser sign in instead: a staff member
asks for a one-time link by email (\`POST /auth/sign-in-links\`), an influencer opens the magic link staff or a reminder
gave her; the page posts the link's token to \`POST /auth/sessions\`, which sets the \`ie_session\` cookie (HttpOnly, Secure,
SameSite=Strict). Every route accepts that cookie in place of a key; with it, every request other than GET, HEAD and
OPTIONS must carry the session's \`X-CSRF-Token\`.

Poll tie-break: the option with the most votes wins; a tie goes to the tied option that reached the tied count first
(its last counted vote arrived earliest); if that is equal too, to the option listed first.

Fans vote through platform connectors registered as webhook sources: each vote is posted to
\`POST /webhooks/votes/{sourceId}\`, signed per Standard Webhooks (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`),
and answered only once it is committed (202 counted, 200 duplicate). Live results are public at
\`GET /products/{id}/poll/results\`.

Images of design and sample rounds: staff upload the file's bytes to \`POST /products/{id}/images\` (JPEG, PNG or WebP,
sniffed; at most 10 MiB and 40 megapixels; metadata stripped); the answer's \`urls\` are site-relative paths
\`/images/{id}/{size}\` (thumb, display, full as WebP, public and cached for a year) that design and sample rounds
name in \`imageUrls\` / \`photoUrls\` beside https URLs. The approved design's first image is on the share cards after it.

Every action is a Temporal Update: a wrong action is refused synchronously with 409 (wrong stage or state) or 422
(invalid value), and the message names the product, its stage and what is allowed. Reads come from PostgreSQL and
follow an accepted action within moments; the action's own response already carries the new state.`;

export async function createApiApp(infra: ApiInfrastructure): Promise<NestFastifyApplication> {
  const logger = createApiLogger(infra.config.logLevel);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(infra),
    new FastifyAdapter(fastifyOptions(infra.config)),
    // rawBody: webhook signatures are checked over the exact bytes received.
    { logger: new PinoLoggerService(logger), rawBody: true },
  );
  const fastify = app.getHttpAdapter().getInstance();
  // Parses the Cookie header into request.cookies and adds reply.setCookie (the browser session's cookie).
  await app.register(fastifyCookie);
  applyRouteBodyLimits(fastify);
  acceptImageBodies(fastify);
  logRequests(fastify, logger);
  closeConnectionsWhenIdle(fastify);
  hideStaffDetails(fastify);
  // The usual security headers on every answer. helmet's middleware is built once here and applied to the raw
  // response (as @fastify/helmet does, which builds it again on every request: 6-7% of the API's CPU under load).
  const securityHeaders = helmet({
    // JSON for programs, and the Swagger UI at /docs (its scripts are files; it sets inline styles).
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        // Off: the engine is often reached over plain HTTP (locally, behind a TLS proxy); upgrading would break /docs.
        upgradeInsecureRequests: null,
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined)));
  // Browsers may call the API only from the configured origins (the vote webhook is server to server;
  // live results allow any origin on their own route).
  const origins = infra.config.api.corsOrigins;
  app.enableCors({
    origin: origins.includes('*') ? true : origins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'x-api-key', 'content-type', 'x-csrf-token'],
    // The session cookie goes with calls from the configured origins only (never with `*`).
    credentials: !origins.includes('*'),
    exposedHeaders: ['retry-after'],
    maxAge: 600,
  });
  app.useGlobalPipes(new InputSanityPipe(), createValidationPipe());
  if (infra.tracing) {
    // Only with tracing on: a global interceptor costs every request (see staff-details.ts).
    traceRequests(fastify, infra.tracing);
    app.useGlobalInterceptors(new ActiveRequestSpan());
  }
  await exposeMetrics(fastify, app.get(ApiMetrics), infra.config);
  await servePages(app, infra.config.api.webDir);

  const documentConfig = new DocumentBuilder()
    .setTitle('Influencer brand incubator engine')
    .setDescription(API_DESCRIPTION)
    .setVersion('0.1.0')
    .addServer(infra.config.api.publicBaseUrl ?? '/', 'This engine')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (ibk_…)' })
    .addCookieAuth(
      SESSION_COOKIE,
      { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'A browser session (POST /auth/sessions sets it); requests other than GET, HEAD and OPTIONS need its X-CSRF-Token header.' },
      'cookieAuth',
    )
    // Every route needs an API key or a session unless it says otherwise (@Public: health, share pages, signed webhooks).
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('cookieAuth')
    .build();
  documentConfig.info.license = { name: 'Proprietary (UNLICENSED): not licensed for use outside the incubator' };
  const document = withSessionAlternative(SwaggerModule.createDocument(app, documentConfig));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}

/**
 * Operations that name the API key (@ApiBearerAuth) accept the session cookie too (the guard takes either): their
 * security lists both, as alternatives.
 */
function withSessionAlternative(document: OpenAPIObject): OpenAPIObject {
  for (const operations of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = operations[method];
      if (op?.security?.length === 1 && Object.keys(op.security[0]).join() === 'bearer') op.security = [{ bearer: [] }, { cookieAuth: [] }];
    }
  }
  return document;
}

/** The port the app listens on (API_PORT=0 picks a free one). */
export function listeningPort(app: NestFastifyApplication): number {
  const address = app.getHttpServer().address();
  if (typeof address !== 'object' || !address) throw new Error('the API is not listening');
  return address.port;
}
