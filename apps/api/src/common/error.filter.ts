// Maps every error to one HTTP status and the one error body: domain refusals by code (exhaustive),
// Temporal client errors, database outages and writes rolled back for a deadlock (503), Nest/Fastify HTTP
// errors; anything else is a logged 500.

import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { DomainError, DomainErrorCode, isDomainErrorCode } from '@app/domain';
import { isDatabaseUnavailable, isTransactionConflict } from '@app/database';
import {
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from './error-body';
import { RequestValidationError } from './validation';
import { isRefusedForFailedTask } from './update-retry';
import { formatBytes } from './bytes';

export function statusForCode(code: DomainErrorCode): number {
  switch (code) {
    case DomainErrorCode.WrongStage:
    case DomainErrorCode.InvalidState:
    case DomainErrorCode.RoundLimitReached:
    case DomainErrorCode.ActionLimitReached:
    case DomainErrorCode.AlreadyExists:
      return HttpStatus.CONFLICT;
    case DomainErrorCode.InvalidValue:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case DomainErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case DomainErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case DomainErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case DomainErrorCode.RateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    case DomainErrorCode.DependencyUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    default: {
      const unmapped: never = code;
      throw new Error(`unmapped domain error code ${String(unmapped)}`);
    }
  }
}

// gRPC status codes that mean "Temporal is not reachable or overloaded right now".
const GRPC_UNAVAILABLE = new Set([4 /* DEADLINE_EXCEEDED */, 8 /* RESOURCE_EXHAUSTED */, 14 /* UNAVAILABLE */]);

/** The one error body: status, its reason phrase, the message, and any extra fields. */
export function errorBody(statusCode: number, message: string, extra: Partial<ErrorBody> = {}): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, ...extra };
}

/** Translates an error into the body the client gets; null when it is not one we understand. */
export function describeError(err: unknown): ErrorBody | null {
  if (err instanceof RequestValidationError) return errorBody(422, err.message, { details: err.details });
  if (err instanceof DomainError) return errorBody(statusForCode(err.code), err.message, { code: err.code });
  if (err instanceof WorkflowUpdateFailedError) {
    const cause = err.cause;
    if (cause instanceof ApplicationFailure && isDomainErrorCode(cause.type)) {
      return errorBody(statusForCode(cause.type), cause.message, { code: cause.type });
    }
    return null;
  }
  if (err instanceof WorkflowNotFoundError) return errorBody(404, 'the product has no running workflow', { code: DomainErrorCode.NotFound });
  if (err instanceof WorkflowExecutionAlreadyStartedError) {
    return errorBody(409, 'a workflow for this product already exists', { code: DomainErrorCode.AlreadyExists });
  }
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return errorBody(503, 'Temporal did not answer in time; retry the request', { code: DomainErrorCode.DependencyUnavailable });
  }
  if ((err instanceof ServiceError && isGrpcServiceError(err.cause) && GRPC_UNAVAILABLE.has(err.cause.code)) || (isGrpcServiceError(err) && GRPC_UNAVAILABLE.has(err.code))) {
    return errorBody(503, 'Temporal is not reachable right now; retry the request', { code: DomainErrorCode.DependencyUnavailable });
  }
  // Refused for a failed workflow task even after ProductsService sent it again (update-retry.ts).
  if (isRefusedForFailedTask(err)) {
    return errorBody(503, "the product's workflow is recovering from a failed task; retry the request", { code: DomainErrorCode.DependencyUnavailable });
  }
  if (isDatabaseUnavailable(err)) {
    return errorBody(503, 'the database is not reachable right now; retry the request', { code: DomainErrorCode.DependencyUnavailable });
  }
  // A write that met another in a deadlock (or a serialization failure) that no retry inside the API absorbed:
  // PostgreSQL rolled its transaction back, so the request can simply be sent again.
  if (isTransactionConflict(err)) {
    return errorBody(503, 'the database rolled this write back for a conflicting concurrent one; retry the request', { code: DomainErrorCode.DependencyUnavailable });
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    const message =
      typeof response === 'string' ? response : httpExceptionMessage((response as { message?: unknown }).message, err.message);
    return errorBody(status, message);
  }
  // Fastify's own errors (bad JSON, body too large, unsupported media type) carry a 4xx statusCode.
  const fastifyStatus = (err as { statusCode?: unknown })?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    return errorBody(fastifyStatus, (err as Error).message);
  }
  return null;
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(err: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    let described = describeError(err);
    if (described?.statusCode === 413) {
      // Only Fastify refuses a body as too large (Nest hands its error on as an HttpException). Its message names
      // no limit; the route's own (or the server's) is the useful answer.
      const limit = host.switchToHttp().getRequest<FastifyRequest>()?.routeOptions?.bodyLimit;
      described = errorBody(413, limit ? `the request body is larger than this route accepts: at most ${formatBytes(limit)}` : 'the request body is too large');
    }
    if (!described) {
      this.logger.error({ err }, 'unhandled error');
      described = errorBody(500, 'internal error; it has been logged');
    } else if (described.statusCode === 503) {
      this.logger.warn({ err: (err as Error)?.message }, 'dependency unavailable');
    }
    const retryAfter = err instanceof DomainError ? err.details?.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(described.statusCode).header('content-type', 'application/json; charset=utf-8').send(described);
  }
}

/** Nest's own exceptions carry a message or a list of them (its validation errors). */
function httpExceptionMessage(message: unknown, fallback: string): string {
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : fallback;
}
