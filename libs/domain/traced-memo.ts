// A leaf module (no imports): the workflow bundle's tracing interceptor module reads the key from here, so
// loading it into every workflow's sandbox does not evaluate a second copy of the domain's contract and commands.

/**
 * The memo key that marks a workflow started with tracing on: its workflow-side OpenTelemetry interceptors run
 * for its whole run (apps/worker/src/workflow-tracing.ts). Fixed at the start, so tracing never changes how a
 * running workflow replays, whatever the workers' settings become.
 */
export const TRACED_MEMO_KEY = 'otelTraced';
