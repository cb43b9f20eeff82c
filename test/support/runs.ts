// The runs of a workflow id as Temporal's visibility lists them, and the children a workflow's history started: how
// the tests check that a delivery workflow ran once, without a parent. Plain Node (no jest globals).
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { eventually } from './wait';

/**
 * Every run of `workflowId`, once the list shows them all completed (visibility is written after a run closes, so it
 * is listed again until it does).
 */
export async function completedRuns(client: Client, workflowId: string, timeoutMs = 20_000): Promise<WorkflowExecutionInfo[]> {
  return eventually(
    `the runs of ${workflowId} to complete`,
    async () => {
      const runs: WorkflowExecutionInfo[] = [];
      for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(run);
      return runs.length > 0 && runs.every((r) => r.status.name === 'COMPLETED') ? runs : undefined;
    },
    timeoutMs,
  );
}

/** The child workflow starts in `workflowId`'s history (its current run's). */
export async function childStartsOf(client: Client, workflowId: string): Promise<temporal.api.history.v1.IHistoryEvent[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.startChildWorkflowExecutionInitiatedEventAttributes);
}
