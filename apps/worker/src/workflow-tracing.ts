// Bundled into the workflow sandbox (not a workflow): Temporal's OpenTelemetry workflow interceptors, for the
// workflows started with tracing on (memo TRACED_MEMO_KEY) and only those. Those interceptors change when a
// workflow's commands are emitted (an update's completion, a timer), so a history made without them does not
// replay with them, nor the other way round; deciding from the workflow's own start keeps every workflow
// replaying the way it first ran, whether tracing is later switched on or off. The memo is known from the
// workflow's first activation on, after the interceptors are made, so each call asks.

import { interceptors as openTelemetryInterceptors } from '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors';
import { workflowInfo, type WorkflowInterceptors } from '@temporalio/workflow';
import { TRACED_MEMO_KEY } from '../../../libs/domain/contract';

type Method = (input: unknown, next: (input: unknown) => unknown) => unknown;

const traced = () => workflowInfo().memo?.[TRACED_MEMO_KEY] === true;

/** `target`'s interceptor methods, each passing straight to `next` unless the workflow is traced. */
function onlyWhenTraced<T extends object>(target: T): T {
  const gated: Record<string, Method> = {};
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(target))) {
    const method = (target as Record<string, unknown>)[name];
    if (name === 'constructor' || typeof method !== 'function') continue;
    gated[name] = (input, next) => (traced() ? (method as Method).call(target, input, next) : next(input));
  }
  return gated as T;
}

export function interceptors(): WorkflowInterceptors {
  const otel = openTelemetryInterceptors();
  return {
    inbound: (otel.inbound ?? []).map(onlyWhenTraced),
    outbound: (otel.outbound ?? []).map(onlyWhenTraced),
    internals: (otel.internals ?? []).map(onlyWhenTraced),
  };
}
