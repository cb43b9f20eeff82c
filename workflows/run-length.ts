// When a product's run has grown long enough to continue as new: Temporal's own suggestion, or this
// workflow's thresholds below Temporal's hard limits (51,200 events, 50 MB, 2,000 updates per run), in
// case a server does not suggest it (or suggests it late). Pure reads of workflowInfo(): deterministic.

import { workflowInfo } from '@temporalio/workflow';

/** Events in one run before it continues as new, unless the product's rules say otherwise; Temporal fails a run at 51,200. */
export const MAX_RUN_EVENTS = 10_000;
/** History bytes in one run before it continues as new; Temporal fails a run at 50 MB. */
export const MAX_RUN_BYTES = 10 * 1024 * 1024;
/** Accepted updates in one run before it continues as new; Temporal refuses updates past 2,000 per run. */
export const MAX_RUN_UPDATES = 1_000;

export function runIsLong(acceptedUpdates: number, maxEvents = MAX_RUN_EVENTS): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength >= maxEvents || info.historySize >= MAX_RUN_BYTES || acceptedUpdates >= MAX_RUN_UPDATES;
}
