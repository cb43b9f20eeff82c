// Typed configuration from the environment.
export * from './config';
