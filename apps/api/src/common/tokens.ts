// Injection tokens for the infrastructure the API is given (config, PostgreSQL, Temporal) or builds once.
export const CONFIG = Symbol('CONFIG');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
/** The SecretBox sealing webhook secrets at rest. */
export const SECRET_BOX = Symbol('SECRET_BOX');
