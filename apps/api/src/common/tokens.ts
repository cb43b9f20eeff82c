// Injection tokens for the infrastructure the API is given (config, PostgreSQL, Temporal).
export const CONFIG = Symbol('CONFIG');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
