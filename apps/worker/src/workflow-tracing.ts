// Bundled into the workflow sandbox (not a workflow): Temporal's OpenTelemetry workflow interceptors, for the
// workflows started with tracing on (memo TRACED_MEMO_KEY) and only those. Those interceptors change when a
// workflow's commands are emitted (an update's completion, a timer), so a history made without them does not
// replay with them, nor the other way round; deciding from the workflow's own start keeps every workflow
// replaying the way it first ran, whether tracing is later switched on or off. The memo is known from the
// workflow's first activation on, after the interceptors are made, so each call asks.
//
// The OpenTelemetry interceptors are loaded on a traced workflow's first call, not when the workflow is made:
// every workflow evaluates its modules afresh in the sandbox, and evaluating the OpenTelemetry SDK and making its
// tracer cost about 9 ms of workflow-thread CPU per workflow (each product, delivery and notification workflow,
// and each one replayed into the cache), for the many workflows that are never traced.

import type { interceptors as OpenTelemetryInterceptors } from '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors';
import { workflowInfo, type WorkflowInterceptors } from '@temporalio/workflow';
import { TRACED_MEMO_KEY } from '../../../libs/domain/traced-memo';

type Method = (input: unknown, next: (input: unknown) => unknown) => unknown;
type Loaded = ReturnType<typeof OpenTelemetryInterceptors>;

/**
 * The methods of each kind of Temporal's OpenTelemetry workflow interceptor (one interceptor of each kind).
 * workflow-tracing.spec.ts keeps this equal to what the installed library implements.
 */
export const TRACED_METHODS = {
  inbound: ['execute', 'handleSignal', 'handleUpdate', 'validateUpdate', 'handleQuery'],
  outbound: ['scheduleActivity', 'scheduleLocalActivity', 'startNexusOperation', 'startChildWorkflowExecution', 'continueAsNew', 'signalWorkflow', 'getLogAttributes', 'getMetricTags'],
  internals: ['dispose'],
} as const satisfies Record<keyof Loaded, readonly string[]>;

const traced = () => workflowInfo().memo?.[TRACED_MEMO_KEY] === true;

export function interceptors(): WorkflowInterceptors {
  let loaded: Loaded | undefined;
  const load = (): Loaded => {
    // Loaded here, on a traced workflow's first call, rather than imported at the top (see the header).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded ??= (require('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors') as { interceptors: typeof OpenTelemetryInterceptors }).interceptors();
    return loaded;
  };
  /** An interceptor of `kind` whose methods pass straight to `next` unless the workflow is traced. */
  const gated = <K extends keyof Loaded>(kind: K): NonNullable<WorkflowInterceptors[K]>[number] => {
    const methods: Record<string, Method> = {};
    for (const name of TRACED_METHODS[kind]) {
      methods[name] = (input, next) => {
        if (!traced()) return next(input);
        // The library makes one of each kind.
        const target = load()[kind]![0] as Record<string, Method>;
        return target[name].call(target, input, next);
      };
    }
    return methods;
  };
  return { inbound: [gated('inbound')], outbound: [gated('outbound')], internals: [gated('internals')] };
}
