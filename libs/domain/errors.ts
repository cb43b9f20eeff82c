// Typed domain refusals. Workflows raise them as ApplicationFailure with `type` = the code, the API maps
// each code to one HTTP status in a single exception filter (exhaustive switch over DomainErrorCode).

export const DomainErrorCode = {
  /** The action is not accepted in the product's current stage. */
  WrongStage: 'WRONG_STAGE',
  /** The stage is right but the product's state does not allow the action now (e.g. a review is pending). */
  InvalidState: 'INVALID_STATE',
  /** A design or sample round limit is used up. */
  RoundLimitReached: 'ROUND_LIMIT_REACHED',
  /** A capped repeatable action (launch reschedules, poll extensions, announcement re-approvals) is used up. */
  ActionLimitReached: 'ACTION_LIMIT_REACHED',
  /** A value is well-formed but not acceptable (a closing time in the past, an unknown round). */
  InvalidValue: 'INVALID_VALUE',
  NotFound: 'NOT_FOUND',
  AlreadyExists: 'ALREADY_EXISTS',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  /** The caller sent more than its rate limit allows; `details.retryAfterSeconds` says when to retry. */
  RateLimited: 'RATE_LIMITED',
  /** PostgreSQL or Temporal cannot be reached; the caller should retry later. */
  DependencyUnavailable: 'DEPENDENCY_UNAVAILABLE',
} as const;
export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

/**
 * Failure types a delivery attempt throws (ApplicationFailure `type`). Refused is never retried (channel
 * gone or disabled, 410 from the receiver); the others are retried with backoff.
 */
export const DeliveryErrorType = {
  Refused: 'DELIVERY_REFUSED',
  Unreachable: 'DELIVERY_UNREACHABLE',
  Rejected: 'DELIVERY_REJECTED',
  /** Its product was cancelled and the delivery withdrawn: not sent, nothing to record. */
  Withdrawn: 'DELIVERY_WITHDRAWN',
} as const;
export type DeliveryErrorType = (typeof DeliveryErrorType)[keyof typeof DeliveryErrorType];

const CODES = new Set<string>(Object.values(DomainErrorCode));

export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

/** A refusal raised outside workflows (API services, activities' callers). */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A refused lifecycle action: never reaches history; the workflow turns it into an ApplicationFailure of the same code. */
export class LifecycleRefusal extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LifecycleRefusal';
  }
}

export function refuse(code: DomainErrorCode, message: string): never {
  throw new LifecycleRefusal(code, message);
}

/** The end of an exhaustive switch: a new member of the closed set fails to compile until it is handled. */
export function unreachable(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
