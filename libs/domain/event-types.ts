// The timeline's event types and one timeline entry (re-exported by model.ts).

import type { Actor } from './model';
import type { Stage } from './stages';

export const EVENT_TYPES = [
  'PRODUCT_CREATED',
  'POLL_OPENED',
  // A poll waiting for the influencer's approval (poll moderation): nothing of it is public until POLL_OPENED.
  'POLL_DRAFTED',
  'POLL_OPTIONS_EDITED',
  'POLL_CHANGES_REQUESTED',
  'POLL_APPROVED',
  'POLL_EXTENDED',
  'POLL_MILESTONE',
  'POLL_BELOW_MINIMUM',
  'POLL_CLOSED',
  'STAGE_CHANGED',
  'DESIGN_SUBMITTED',
  'DESIGN_APPROVED',
  'DESIGN_CHANGES_REQUESTED',
  'DESIGN_REVIEW_REMINDER',
  'SAMPLE_REQUESTED',
  'SAMPLE_RECORDED',
  'SAMPLE_APPROVED',
  'SAMPLE_CHANGES_REQUESTED',
  'SAMPLE_REVIEW_REMINDER',
  'PRODUCTION_STARTED',
  'PRODUCTION_MILESTONE',
  'LAUNCH_SCHEDULED',
  'LAUNCH_COUNTDOWN',
  'LAUNCH_ANNOUNCEMENT_APPROVED',
  'LAUNCH_APPROVAL_OVERDUE',
  'LAUNCHED',
  'CANCELLED',
  // The demand gate (reservations), after the poll.
  'DEMAND_OPENED',
  'DEMAND_GOAL_REACHED',
  'DEMAND_EXTENDED',
  'DEMAND_BELOW_GOAL',
  'DEMAND_MET',
  'DEMAND_OVERRIDDEN',
  'RESERVATIONS_RELEASED',
  // On sale, after the launch.
  'RESERVATION_HOLD_ENDED',
  'SOLD_OUT',
  'RESTOCK_PROPOSED',
  'RESTOCK_APPROVED',
  'RESTOCK_DECLINED',
  'RESTOCK_CANCELLED',
  'RESTOCK_MILESTONE',
  'BACK_IN_STOCK',
  'SALES_ENDED',
  // A supplier order (sample request, production run, restock) nears its due date: staff are warned.
  'ORDER_DUE_SOON',
] as const;
export type LifecycleEventType = (typeof EVENT_TYPES)[number];

/** One timeline entry. (productId, seq) is its identity, so writing it twice is harmless. */
export interface LifecycleEvent {
  seq: number;
  type: LifecycleEventType;
  /** The stage after the event. */
  stage: Stage;
  actor: Actor;
  at: string;
  data: Record<string, unknown>;
}
