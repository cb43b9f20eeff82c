// The product as callers see it: its state plus what it waits for next, in words a person reads on the board.

import { roundsOf, type RoundKind } from './commands/rounds';
import { unreachable } from './errors';
import type { PendingAction, ProductState, ProductView } from './model';
import { nextMilestone } from './rules';

/** What the product waits for, and from whom. */
export function pendingAction(state: ProductState): PendingAction {
  switch (state.stage) {
    case 'POLL':
      return pollAction(state);
    case 'DESIGN':
      return roundAction(state, 'design', state.rules.designRoundLimit, 'SUBMIT_DESIGN');
    case 'SAMPLING':
      return roundAction(state, 'sample', state.rules.sampleRoundLimit, 'RECORD_SAMPLE');
    case 'PRODUCTION': {
      if (!state.production.run) {
        return { by: 'staff', action: 'START_PRODUCTION', description: `start production (suggested quantity ${state.suggestedQuantity ?? state.rules.demand.minimumOrder})` };
      }
      const next = nextMilestone(state.production.milestones.map((m) => m.milestone));
      return { by: 'staff', action: 'RECORD_MILESTONE', description: `record the ${next} milestone` };
    }
    case 'LAUNCH':
      if (!state.launch.launchAt) return { by: 'staff', action: 'SCHEDULE_LAUNCH', description: 'schedule the launch' };
      if (state.rules.launchApprovalLeadMs !== undefined && !state.launch.announcement) {
        return {
          by: 'influencer',
          action: 'APPROVE_LAUNCH_ANNOUNCEMENT',
          description: `approve the launch announcement; the product launches at ${state.launch.launchAt} and an unapproved announcement is not published`,
        };
      }
      return { by: 'engine', action: 'LAUNCH', description: `the product launches at ${state.launch.launchAt}` };
    case 'DEMAND':
      return demandAction(state);
    case 'ON_SALE':
      return salesAction(state);
    case 'LAUNCHED':
    case 'ENDED':
    case 'CANCELLED':
      return { by: null, action: 'NONE', description: `the product is ${state.stage}` };
    default:
      return unreachable(state.stage);
  }
}

function pollAction(state: ProductState): PendingAction {
  switch (state.poll.status) {
    case 'DRAFT': {
      const minutes = Math.round((state.poll.draft?.durationMs ?? 0) / 60_000);
      const asked = state.poll.draft?.changesRequested;
      if (asked) {
        return { by: 'staff', action: 'EDIT_POLL_OPTIONS', description: `the influencer asked for changes to the poll's options: "${asked.feedback}"; edit them for her approval` };
      }
      return {
        by: 'influencer',
        action: 'APPROVE_POLL',
        description: `approve the poll's options or request changes; nothing is public until then, and the poll is open for ${minutes} minutes from the approval`,
      };
    }
    case 'OPEN':
      return { by: 'fans', action: 'VOTE', description: `fans vote until ${state.poll.closesAt}; staff may close the poll early` };
    case 'CLOSING':
      return { by: 'engine', action: 'TALLY', description: 'the poll is being tallied' };
    case 'AWAITING_DECISION':
      return {
        by: 'staff',
        action: 'EXTEND_OR_CANCEL',
        description: `the poll got ${state.poll.lastTally?.totalVotes ?? 0} of ${state.poll.minVotes} required votes; extend it or cancel the product`,
      };
    // The tally and a cancellation move the product out of POLL in the same step, so these are not seen there.
    case 'CLOSED':
    case 'CANCELLED':
      return { by: 'engine', action: 'NONE', description: 'the poll is closed' };
    default:
      return unreachable(state.poll.status);
  }
}

function demandAction(state: ProductState): PendingAction {
  const demand = state.demand;
  const goal = demand?.goal.minimumUnits ?? 0;
  switch (demand?.status) {
    case 'OPEN':
      return { by: 'fans', action: 'RESERVE', description: `fans reserve until ${demand.closesAt} (goal: ${goal} units); staff may close the window early` };
    case 'CLOSING':
      return { by: 'engine', action: 'TALLY', description: 'the reservations are being counted' };
    case 'AWAITING_DECISION':
      return {
        by: 'staff',
        action: 'EXTEND_OVERRIDE_OR_CANCEL',
        description: `fans reserved ${demand.lastTally?.totalUnits ?? 0} of the ${goal} units required; extend the window, override the goal with a reason, or cancel the product`,
      };
    // A decided window moves the product out of DEMAND in the same step, so these are not seen there.
    case 'MET':
    case 'OVERRIDDEN':
    case 'RELEASED':
    case undefined:
      return { by: 'engine', action: 'NONE', description: 'the demand window is closed' };
    default:
      return unreachable(demand!.status);
  }
}

function salesAction(state: ProductState): PendingAction {
  const restock = state.sales?.restocks.find((r) => r.status === 'PROPOSED' || r.status === 'IN_PRODUCTION');
  if (restock?.status === 'PROPOSED') {
    return { by: 'staff', action: 'APPROVE_RESTOCK', description: `approve or decline restock ${restock.number} (sell-through ${Math.round(restock.sellThrough * 100)}%)` };
  }
  if (restock) {
    const next = nextMilestone(restock.milestones.map((m) => m.milestone));
    return { by: 'staff', action: 'RECORD_RESTOCK_MILESTONE', description: `record the ${next} milestone of restock ${restock.number}` };
  }
  return { by: 'staff', action: 'END_SALES', description: 'the product is on sale; staff end it when it is done' };
}

function roundAction(state: ProductState, what: RoundKind, limit: number, submit: string): PendingAction {
  const rounds = roundsOf(state, what);
  const last = rounds[rounds.length - 1];
  if (last?.status === 'PENDING_REVIEW') {
    return { by: 'influencer', action: `REVIEW_${what.toUpperCase()}`, description: `review ${what} round ${last.round}` };
  }
  const requested = what === 'sample' ? state.sampleRequests?.find((r) => r.status === 'OPEN') : undefined;
  if (requested) {
    const due = requested.dueDate ? `, due ${requested.dueDate}` : '';
    return { by: 'staff', action: submit, description: `record sample round ${requested.number} when it arrives from ${requested.supplier} (requested ${requested.requestedAt}${due})` };
  }
  if (rounds.length >= limit) {
    return { by: 'staff', action: 'CANCEL', description: `all ${limit} ${what} rounds are used; the product can only be cancelled` };
  }
  return { by: 'staff', action: submit, description: `submit ${what} round ${rounds.length + 1} of ${limit}` };
}

/** A detached copy of the state (it crosses a payload or the API's answer) with the pending action attached. */
export function toView(state: ProductState): ProductView {
  return { ...(JSON.parse(JSON.stringify(state)) as ProductState), pendingAction: pendingAction(state) };
}
