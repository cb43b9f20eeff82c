// The workflow-side tracing interceptors: gated by the workflow's memo, and OpenTelemetry loaded only when a
// traced workflow first calls them.
import * as otelWorkflow from '@temporalio/interceptors-opentelemetry/lib/workflow';
import { interceptors, TRACED_METHODS } from './workflow-tracing';

const methodsOf = (cls: { prototype: object }) => Object.getOwnPropertyNames(cls.prototype).filter((n) => n !== 'constructor');

describe('workflow tracing interceptors', () => {
  it("gate exactly the methods Temporal's OpenTelemetry interceptors implement (a library upgrade that adds one fails here)", () => {
    expect([...TRACED_METHODS.inbound].sort()).toEqual(methodsOf(otelWorkflow.OpenTelemetryInboundInterceptor).sort());
    expect([...TRACED_METHODS.outbound].sort()).toEqual(methodsOf(otelWorkflow.OpenTelemetryOutboundInterceptor).sort());
    expect([...TRACED_METHODS.internals].sort()).toEqual(methodsOf(otelWorkflow.OpenTelemetryInternalsInterceptor).sort());
  });

  it("are made without making OpenTelemetry's (which only a workflow's sandbox can make), one of each kind with those methods", () => {
    // Making the library's interceptors builds a tracer, which fails outside a workflow: so this passing shows
    // that making a workflow's interceptors no longer makes them.
    const made = interceptors();
    for (const kind of ['inbound', 'outbound', 'internals'] as const) {
      expect(made[kind]).toHaveLength(1);
      expect(Object.keys(made[kind]![0]).sort()).toEqual([...TRACED_METHODS[kind]].sort());
    }
  });
});
