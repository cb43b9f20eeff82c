// Caps on the actions a product may repeat (launch reschedules, poll extensions, announcement re-approvals):
// each accepted one grows the workflow's history, so one key repeating it could push the product to
// Temporal's limits. Counted over the product's whole life (the counts travel in the state across
// continue-as-new); the caps are fixed in the product's rules when it starts.

import { DomainErrorCode, refuse } from '../errors';
import type { ActionLimits, ProductState } from '../model';

export type LimitedAction = keyof ActionLimits;

/**
 * Caps for products started before caps existed (no `rules.actionLimits`): the defaults of the time. A
 * validator never runs on replay, so refusing new actions to an older product is safe, and its counts are
 * exact: replaying its history applies every action it accepted.
 */
export const DEFAULT_ACTION_LIMITS: Required<ActionLimits> = { launchReschedules: 20, pollExtensions: 10, announcementReapprovals: 5, demandExtensions: 10, restocks: 50, pollRevisions: 20 };

// How a refusal names each cap, and the setting that raises it for products created afterwards.
const WORDS: Record<LimitedAction, { what: string; setting: string }> = {
  launchReschedules: { what: 'launch reschedules', setting: 'LAUNCH_RESCHEDULE_LIMIT' },
  pollExtensions: { what: 'poll extensions', setting: 'POLL_EXTENSION_LIMIT' },
  announcementReapprovals: { what: 'launch announcement re-approvals', setting: 'ANNOUNCEMENT_REAPPROVAL_LIMIT' },
  demandExtensions: { what: 'demand window extensions', setting: 'DEMAND_EXTENSION_LIMIT' },
  restocks: { what: 'restocks', setting: 'RESTOCK_LIMIT' },
  pollRevisions: { what: 'poll option edits and change requests', setting: 'POLL_REVISION_LIMIT' },
};

export function actionLimit(state: ProductState, action: LimitedAction): number {
  // Caps added later (demand extensions, restocks) are absent from older products' rules: their defaults apply.
  return state.rules.actionLimits?.[action] ?? DEFAULT_ACTION_LIMITS[action];
}

export function actionCount(state: ProductState, action: LimitedAction): number {
  return state.actionCounts?.[action] ?? 0;
}

/** Refuses (ACTION_LIMIT_REACHED, a 409) once the product has used all of this action's repeats. */
export function validateWithinLimit(state: ProductState, action: LimitedAction): void {
  const limit = actionLimit(state, action);
  if (actionCount(state, action) < limit) return;
  const { what, setting } = WORDS[action];
  refuse(
    DomainErrorCode.ActionLimitReached,
    `product ${state.productId} has used all ${limit} ${what} it is allowed (${setting} when it was created); ` +
      `raise ${setting} for products created from then on`,
  );
}

/** Counts one accepted repeat of the action. */
export function countAction(state: ProductState, action: LimitedAction): void {
  const counts = (state.actionCounts ??= { launchReschedules: 0, pollExtensions: 0, announcementReapprovals: 0 });
  counts[action] = (counts[action] ?? 0) + 1;
}
