// An update the Temporal server refused because the workflow's task failed — a task being retried ("Workflow
// Task in failed state"), or the task carrying the update failing ("unexpected workflow task failure"; a
// worker starved of CPU past its deadlock detector, a worker restarted mid-task) — was never accepted: the
// workflow did not see it. Sending it again is safe, and sending it under the same update id makes it so
// even if an earlier attempt did get through (the server answers a known id with that update's outcome).
import { randomUUID } from 'node:crypto';
import { ServiceError, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';

const REFUSED_FOR_TASK = /Workflow Task in failed state|unexpected workflow task failure/i;

/** Waits before the second and third attempts: a retried workflow task usually succeeds within a second. */
const BACKOFF_MS = [250, 1_000];

export function isRefusedForFailedTask(err: unknown): boolean {
  return err instanceof ServiceError && REFUSED_FOR_TASK.test(`${err.message} ${err.cause?.message ?? ''}`);
}

/** executeUpdate, sent again (same update id) while the server refuses it for a failed workflow task; the last refusal is thrown. */
export async function executeUpdateRetrying<R, A extends [unknown, ...unknown[]]>(handle: WorkflowHandle, update: UpdateDefinition<R, A>, args: A): Promise<R> {
  const updateId = randomUUID();
  for (let attempt = 0; ; attempt++) {
    try {
      return await handle.executeUpdate(update, { args, updateId });
    } catch (err) {
      if (!isRefusedForFailedTask(err) || attempt >= BACKOFF_MS.length) throw err;
      await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS[attempt]));
    }
  }
}
