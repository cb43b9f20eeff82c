// OpenTelemetry tracing for the API and the worker (off unless configured).
export * from './tracing';
