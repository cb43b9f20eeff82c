// The lifecycle's timers: which one the workflow waits for next in the current state, and what a fired
// one does (the poll's and the demand window's deadlines go through their tallies instead).

import { unreachable } from './errors';
import { emit, iso, moveTo } from './events';
import { SYSTEM_ACTOR, type LifecycleEvent, type ProductState } from './model';
import { roundsOf, type RoundKind } from './commands/rounds';
import { endReservationHold, goOnSale } from './sales';
import { openOrders, type SupplierOrderKind } from './supplier-events';

export type Deadline =
  | { kind: 'POLL_CLOSES'; at: number }
  | { kind: 'REVIEW_REMINDER'; at: number; what: RoundKind; round: number }
  | { kind: 'LAUNCH_COUNTDOWN'; at: number; offsetMs: number }
  | { kind: 'LAUNCH_APPROVAL_DUE'; at: number }
  | { kind: 'LAUNCH'; at: number }
  | { kind: 'DEMAND_CLOSES'; at: number }
  | { kind: 'RESERVATION_HOLD_ENDS'; at: number }
  | { kind: 'ORDER_DUE_SOON'; at: number; order: string };

/** Deadlines that go through a tally (an activity) rather than applyDeadline. */
export type TallyDeadline = Extract<Deadline, { kind: 'POLL_CLOSES' | 'DEMAND_CLOSES' }>;

/** The next timer the workflow must wait for in the current state, or null when it waits for people only. */
export function nextDeadline(state: ProductState): Deadline | null {
  const own = stageDeadline(state);
  const due = orderDueWarning(state);
  if (!due) return own;
  // The earlier of the two; on a tie the stage's own goes first (the warning follows in the next turn).
  return own && own.at <= due.at ? own : due;
}

function stageDeadline(state: ProductState): Deadline | null {
  switch (state.stage) {
    case 'POLL':
      return state.poll.status === 'OPEN' ? { kind: 'POLL_CLOSES', at: Date.parse(state.poll.closesAt) } : null;
    case 'DESIGN':
    case 'SAMPLING': {
      const what = state.stage === 'DESIGN' ? 'design' : 'sample';
      const rounds = roundsOf(state, what);
      const last = rounds[rounds.length - 1];
      if (!last || last.status !== 'PENDING_REVIEW') return null;
      // One reminder per interval it keeps waiting, up to the limit: the n-th when it has waited n intervals.
      const sent = remindersOf(last);
      if (sent >= (state.rules.reviewReminderLimit ?? 1)) return null;
      return { kind: 'REVIEW_REMINDER', at: Date.parse(last.submittedAt) + (sent + 1) * state.rules.reviewReminderAfterMs, what, round: last.round };
    }
    case 'LAUNCH':
      return nextLaunchDeadline(state);
    case 'DEMAND':
      return state.demand?.status === 'OPEN' ? { kind: 'DEMAND_CLOSES', at: Date.parse(state.demand.closesAt) } : null;
    case 'ON_SALE': {
      const sales = state.sales;
      return sales?.holdUntil && !sales.holdReleasedAt ? { kind: 'RESERVATION_HOLD_ENDS', at: Date.parse(sales.holdUntil) } : null;
    }
    case 'PRODUCTION':
    case 'LAUNCHED':
    case 'ENDED':
    case 'CANCELLED':
      return null;
    default:
      return unreachable(state.stage);
  }
}

/** Reminders already sent of a waiting round (a round of a product from before repeated reminders: one once remindedAt is set). */
function remindersOf(round: { remindedAt?: string; reminders?: number }): number {
  return round.reminders ?? (round.remindedAt ? 1 : 0);
}

// An open order is warned of in the stage it belongs to: a sample request while sampling, the run in production, a restock on sale.
const WARNED_IN: Record<SupplierOrderKind, ProductState['stage']> = { sample: 'SAMPLING', production: 'PRODUCTION', restock: 'ON_SALE' };

/**
 * When staff are warned that an order's due date nears: ORDER_DUE_WARNING before it, or halfway between the
 * order and its due date when that is later (an order placed inside the warning window is not warned of at once).
 */
export function dueWarningAt(placedAt: string, dueDate: string, leadMs: number): number {
  const placed = Date.parse(placedAt);
  const due = Date.parse(dueDate);
  return Math.max(due - leadMs, placed + Math.floor((due - placed) / 2));
}

/**
 * The earliest warning still to give of an open order's due date. Products started before these warnings
 * (no orderDueWarningMs in their rules) have none, so their workflows wait exactly as they did.
 */
function orderDueWarning(state: ProductState): Deadline | null {
  const lead = state.rules.orderDueWarningMs;
  if (lead === undefined) return null;
  let next: Deadline | null = null;
  for (const { kind, order, placedAt, record } of openOrders(state)) {
    if (WARNED_IN[kind] !== state.stage || !placedAt || !record.dueDate || record.dueWarnedAt) continue;
    const at = dueWarningAt(placedAt, record.dueDate, lead);
    if (!next || at < next.at) next = { kind: 'ORDER_DUE_SOON', at, order };
  }
  return next;
}

function nextLaunchDeadline(state: ProductState): Deadline | null {
  if (!state.launch.launchAt) return null;
  const launchAt = Date.parse(state.launch.launchAt);
  const countdown = state.launch.countdowns.find((c) => !c.sent);
  const next: Deadline = countdown
    ? { kind: 'LAUNCH_COUNTDOWN', at: Date.parse(countdown.at), offsetMs: countdown.offsetMs }
    : { kind: 'LAUNCH', at: launchAt };
  const lead = state.rules.launchApprovalLeadMs;
  if (lead === undefined || state.launch.announcement || state.launch.approvalOverdueAt) return next;
  // The approval check comes first when it is due no later than the next countdown or the launch
  // (at once when the launch was scheduled closer than the lead).
  const approvalDue = launchAt - lead;
  return approvalDue <= next.at ? { kind: 'LAUNCH_APPROVAL_DUE', at: approvalDue } : next;
}

/** Applies a fired timer other than the poll's and the demand window's deadlines (which go through their tallies). */
export function applyDeadline(state: ProductState, deadline: Exclude<Deadline, TallyDeadline>, nowMs: number): LifecycleEvent[] {
  const at = iso(nowMs);
  switch (deadline.kind) {
    case 'REVIEW_REMINDER': {
      const round = roundsOf(state, deadline.what).find((r) => r.round === deadline.round)!;
      const reminder = remindersOf(round) + 1;
      round.remindedAt = at;
      // Counted only where more than one may come, so products from before keep the state (and events) they had.
      if (state.rules.reviewReminderLimit !== undefined) round.reminders = reminder;
      const type = deadline.what === 'design' ? 'DESIGN_REVIEW_REMINDER' : 'SAMPLE_REVIEW_REMINDER';
      const count = state.rules.reviewReminderLimit === undefined ? {} : { reminder };
      return [emit(state, type, SYSTEM_ACTOR, at, { round: deadline.round, waitingSince: round.submittedAt, ...count })];
    }
    case 'LAUNCH_COUNTDOWN': {
      const countdown = state.launch.countdowns.find((c) => c.offsetMs === deadline.offsetMs && !c.sent)!;
      countdown.sent = true;
      return [emit(state, 'LAUNCH_COUNTDOWN', SYSTEM_ACTOR, at, { launchAt: state.launch.launchAt, remainingMs: deadline.offsetMs })];
    }
    case 'LAUNCH_APPROVAL_DUE':
      state.launch.approvalOverdueAt = at;
      return [emit(state, 'LAUNCH_APPROVAL_OVERDUE', SYSTEM_ACTOR, at, { launchAt: state.launch.launchAt })];
    case 'LAUNCH': {
      state.launch.launchedAt = at;
      // Products that need an approved announcement say whether theirs was, so the update is held if not.
      const approval = state.rules.launchApprovalLeadMs === undefined ? {} : { announcementApproved: state.launch.announcement !== undefined };
      // Products started with the ON_SALE lifecycle go on sale; older ones end at LAUNCHED, as they did.
      if (state.sellsAfterLaunch) return goOnSale(state, { launchAt: state.launch.launchAt, ...approval }, nowMs);
      const launched = emit(state, 'LAUNCHED', SYSTEM_ACTOR, at, { launchAt: state.launch.launchAt, ...approval });
      return [launched, moveTo(state, 'LAUNCHED', SYSTEM_ACTOR, at)];
    }
    case 'RESERVATION_HOLD_ENDS':
      return endReservationHold(state, nowMs);
    case 'ORDER_DUE_SOON':
      return warnOrderDue(state, deadline.order, at);
    default:
      return unreachable(deadline);
  }
}

/** Marks the order warned of and says so on the timeline (staff are told: notifications.ts). */
function warnOrderDue(state: ProductState, order: string, at: string): LifecycleEvent[] {
  // The state is the one the warning was timed on (any event since re-times it), so the order is still open.
  const record = openOrders(state).find((o) => o.order === order)?.record;
  if (!record) return [];
  record.dueWarnedAt = at;
  const { supplier, supplierId, dueDate } = record;
  return [emit(state, 'ORDER_DUE_SOON', SYSTEM_ACTOR, at, { order, supplier, ...(supplierId ? { supplierId } : {}), dueDate })];
}
