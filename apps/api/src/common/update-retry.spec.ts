// Updates refused because the workflow's task failed are sent again under the same update id; anything
// else is not retried.
import { ServiceError, type WorkflowHandle } from '@temporalio/client';
import { defineUpdate } from '@temporalio/workflow';
import { executeUpdateRetrying, isRefusedForFailedTask } from './update-retry';

const act = defineUpdate<string, [{ n: number }]>('act');

function refused(message: string): ServiceError {
  return new ServiceError('Workflow Update failed', { cause: Object.assign(new Error(`9 FAILED_PRECONDITION: ${message}`), { code: 9 }) });
}

function fakeHandle(outcomes: (Error | string)[]) {
  const calls: { args: unknown; updateId?: string }[] = [];
  const handle = {
    executeUpdate: async (_def: unknown, opts: { args: unknown; updateId?: string }) => {
      calls.push(opts);
      const next = outcomes.shift()!;
      if (next instanceof Error) throw next;
      return next;
    },
  } as unknown as WorkflowHandle;
  return { handle, calls };
}

describe('executeUpdateRetrying', () => {
  it('recognises both ways the server refuses an update for a failed workflow task, and nothing else', () => {
    expect(isRefusedForFailedTask(refused('Unable to perform workflow execution update due to unexpected workflow task failure.'))).toBe(true);
    expect(isRefusedForFailedTask(refused('Unable to perform workflow execution update due to Workflow Task in failed state.'))).toBe(true);
    expect(isRefusedForFailedTask(refused('something else'))).toBe(false);
    expect(isRefusedForFailedTask(new Error('unexpected workflow task failure'))).toBe(false);
  });

  it('sends a refused update again under the same update id until it is answered', async () => {
    const { handle, calls } = fakeHandle([refused('unexpected workflow task failure'), refused('Workflow Task in failed state'), 'done']);
    await expect(executeUpdateRetrying(handle, act, [{ n: 1 }])).resolves.toBe('done');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.updateId)).size).toBe(1);
    expect(calls[0].updateId).toEqual(expect.any(String));
    expect(calls.every((c) => JSON.stringify(c.args) === '[{"n":1}]')).toBe(true);
  });

  it('gives up after three refusals with the last one', async () => {
    const last = refused('unexpected workflow task failure (3)');
    const { handle, calls } = fakeHandle([refused('unexpected workflow task failure'), refused('unexpected workflow task failure'), last, 'never']);
    await expect(executeUpdateRetrying(handle, act, [{ n: 1 }])).rejects.toBe(last);
    expect(calls).toHaveLength(3);
  });

  it('does not send again an update refused for any other reason', async () => {
    const other = new Error('validator refused it');
    const { handle, calls } = fakeHandle([other, 'never']);
    await expect(executeUpdateRetrying(handle, act, [{ n: 1 }])).rejects.toBe(other);
    expect(calls).toHaveLength(1);
  });
});
