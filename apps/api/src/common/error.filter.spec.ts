import { DomainError, DomainErrorCode } from '@app/domain';
import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { QueryFailedError } from 'typeorm';
import { describeError, statusForCode } from './error.filter';

describe('error mapping', () => {
  it('maps every domain error code to a 4xx or 503', () => {
    for (const code of Object.values(DomainErrorCode)) {
      const status = statusForCode(code);
      expect(status === 503 || (status >= 400 && status < 500)).toBe(true);
    }
    expect(statusForCode(DomainErrorCode.WrongStage)).toBe(409);
    expect(statusForCode(DomainErrorCode.InvalidValue)).toBe(422);
    expect(statusForCode(DomainErrorCode.ActionLimitReached)).toBe(409);
  });

  it('turns a refused update into the refusal code and message', () => {
    const cause = ApplicationFailure.create({ type: DomainErrorCode.RoundLimitReached, message: 'product p-1 has used all 3 design rounds' });
    const body = describeError(new WorkflowUpdateFailedError('Workflow Update failed', cause));
    expect(body).toEqual({ statusCode: 409, error: 'Conflict', message: 'product p-1 has used all 3 design rounds', code: 'ROUND_LIMIT_REACHED' });
  });

  it('does not disguise an unknown update failure or an unknown error as a 4xx', () => {
    expect(describeError(new WorkflowUpdateFailedError('Workflow Update failed', new Error('boom')))).toBeNull();
    expect(describeError(new Error('boom'))).toBeNull();
  });

  it('maps a missing workflow to 404, a domain error by its code and a database outage to 503', () => {
    expect(describeError(new WorkflowNotFoundError('gone', 'wf', undefined))?.statusCode).toBe(404);
    expect(describeError(new DomainError(DomainErrorCode.Forbidden, 'no'))).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(describeError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))?.statusCode).toBe(503);
    const refused = Object.assign(new Error('database "x" is not currently accepting connections'), { code: '55000', severity: 'FATAL' });
    expect(describeError(refused)?.statusCode).toBe(503);
  });

  it('answers 503 for a write PostgreSQL rolled back in a deadlock or a serialization failure, and still 500 for any other failed statement', () => {
    const deadlock = new QueryFailedError('UPDATE deliveries …', [], Object.assign(new Error('deadlock detected'), { code: '40P01' }));
    expect(describeError(deadlock)).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE' });
    expect(describeError(deadlock)?.message).toMatch(/rolled this write back .*; retry the request/);
    expect(describeError(Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' }))?.statusCode).toBe(503);
    expect(describeError(new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key value'), { code: '23505' })))).toBeNull();
  });

  it("answers 503 while the workflow's failed task is being retried (the update can be sent again)", () => {
    const grpc = Object.assign(new Error('9 FAILED_PRECONDITION: Unable to perform workflow execution update due to Workflow Task in failed state.'), { code: 9 });
    expect(describeError(new ServiceError('Workflow Update failed', { cause: grpc }))).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE' });
    const aborted = Object.assign(new Error('9 FAILED_PRECONDITION: Unable to perform workflow execution update due to unexpected workflow task failure.'), { code: 9 });
    expect(describeError(new ServiceError('Workflow Update failed', { cause: aborted }))).toMatchObject({ statusCode: 503, code: 'DEPENDENCY_UNAVAILABLE' });
    expect(describeError(new ServiceError('Workflow Update failed', { cause: new Error('something else') }))).toBeNull();
  });
});
