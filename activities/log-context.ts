// Which workflow and activity an activity's log line comes from, so an operator can go from a log line to the
// product's history in the Temporal UI (search by workflow id). Empty outside an activity (unit tests).

import { Context } from '@temporalio/activity';

export interface ActivityLogFields {
  workflowId?: string;
  runId?: string;
  activity?: string;
}

export function activityLogFields(): ActivityLogFields {
  let info: Context['info'];
  try {
    info = Context.current().info;
  } catch {
    return {};
  }
  // Standalone activities (started by a client, not a workflow) have no workflow execution.
  const execution = info.workflowExecution;
  return { ...(execution ? { workflowId: execution.workflowId, runId: execution.runId } : {}), activity: info.activityType };
}
