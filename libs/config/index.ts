// Typed configuration from the environment.
export * from './config';
export type { TrustProxy } from './trust-proxy';
