// The workflow interceptor module every workflow bundle includes (npm run build, the test setup, workers that
// bundle from source): no other imports here, the build script and the test setup use it too.

/** Temporal's OpenTelemetry workflow interceptors, for workflows started with tracing on (workflow-tracing.ts). */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('./workflow-tracing')];
