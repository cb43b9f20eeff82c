// OpenTelemetry traces, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set: one tracer provider per process,
// exporting by OTLP over HTTP (JSON) to `<endpoint>/v1/traces` in batches. A request's spans are linked from
// the API's HTTP span through the Temporal client (updates, starts, signals) into the workflow and its
// activities by Temporal's OpenTelemetry interceptors (@temporalio/interceptors-opentelemetry), which carry
// the context in Temporal headers; the workflow's spans leave the sandbox through a sink.

import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface TracingConfig {
  /** The collector's OTLP/HTTP base URL (e.g. http://otel-collector:4318); unset: no tracing. */
  endpoint?: string;
  serviceName: string;
}

export interface Tracing {
  tracer: Tracer;
  resource: Resource;
  /** For the workflow span sink (makeWorkflowExporter). */
  spanProcessor: SpanProcessor;
  /** Flushes, stops exporting and unregisters the process-wide tracer. */
  shutdown(): Promise<void>;
}

let current: Tracing | undefined;

/** Starts tracing for this process when configured (once; later calls get the same), else undefined. */
export function startTracing(config: TracingConfig): Tracing | undefined {
  if (!config.endpoint) return undefined;
  if (current) return current;
  const resource = new Resource({ 'service.name': config.serviceName });
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.endpoint.replace(/\/+$/, '')}/v1/traces` }), {
    scheduledDelayMillis: 1_000,
  });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  // The process-wide tracer, AsyncLocalStorage context and W3C trace-context propagation (traceparent).
  provider.register();
  const tracing: Tracing = {
    tracer: trace.getTracer('incubator-engine'),
    resource,
    spanProcessor,
    shutdown: async () => {
      if (current === tracing) current = undefined;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  current = tracing;
  return tracing;
}
