// With tracing on (OTEL_EXPORTER_OTLP_ENDPOINT), one server span per request: started when Fastify receives it
// (continuing the caller's trace when it sends a W3C traceparent), made the active context while the route's
// handler runs (so the Temporal client's spans, and through Temporal's headers the workflow's and the
// activities', are its children), ended with the status when the answer is sent. Off, none of this is installed.

import { context, propagation, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Tracing } from '@app/tracing';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ClientInterceptors } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import { Observable } from 'rxjs';

interface Traced {
  span: Span;
  context: Context;
}

const requestSpans = new WeakMap<FastifyRequest, Traced>();

export function traceRequests(fastify: FastifyInstance, tracing: Tracing): void {
  fastify.addHook('onRequest', (req, _reply, done) => {
    const parent = propagation.extract(context.active(), req.headers);
    const route = req.routeOptions.url ?? 'unmatched';
    const span = tracing.tracer.startSpan(
      `${req.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'http.route': route, 'url.path': req.url.split('?')[0] } },
      parent,
    );
    requestSpans.set(req, { span, context: trace.setSpan(parent, span) });
    done();
  });
  fastify.addHook('onResponse', (req, reply, done) => {
    const traced = requestSpans.get(req);
    if (traced) {
      traced.span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) traced.span.setStatus({ code: SpanStatusCode.ERROR });
      traced.span.end();
    }
    done();
  });
}

/** Runs each route handler inside its request's span (a Nest interceptor: handlers run after Fastify's hooks). */
export class ActiveRequestSpan implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const traced = requestSpans.get(ctx.switchToHttp().getRequest<FastifyRequest>());
    if (!traced) return next.handle();
    return new Observable((subscriber) => context.with(traced.context, () => next.handle().subscribe(subscriber)));
  }
}

/** The Temporal client's interceptors: with tracing, its calls are spans whose context the workflow receives. */
export function temporalClientInterceptors(tracing: Tracing | undefined): ClientInterceptors | undefined {
  return tracing ? { workflow: [new OpenTelemetryWorkflowClientInterceptor({ tracer: tracing.tracer })] } : undefined;
}
