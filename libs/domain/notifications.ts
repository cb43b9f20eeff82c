// Telling people who must act: which timeline events notify whom (the product's influencer, the staff), the
// activities that write and send notifications, and the workflows that deliver them. A notification is
// written once per (source, recipient): the event's seq or the failed delivery makes its id, so a retried
// write, a replayed workflow or a restarted worker never makes a second one, and its delivery workflow's
// id is the notification's, so it is sent by one workflow only.

import type { DeliveryRetry } from './contract';
import type { LifecycleEvent, LifecycleEventType, ProductState } from './model';

export const NOTIFICATION_KINDS = [
  'poll.approval_waiting',
  'poll.changes_requested',
  'design.review_waiting',
  'design.review_reminder',
  'sample.review_waiting',
  'sample.review_reminder',
  'announcement.approval_waiting',
  'announcement.approval_overdue',
  'poll.below_minimum',
  'demand.below_goal',
  'restock.proposed',
  'order.due_soon',
  'delivery.failed',
  // Several notifications of one person, sent together once a day.
  'digest',
  // A staff member's one-time sign-in link, mailed by the API itself (the stored words leave the link out).
  'auth.sign_in_link',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_AUDIENCES = ['influencer', 'staff'] as const;
export type NotificationAudience = (typeof NOTIFICATION_AUDIENCES)[number];

/** How a person wants to be told: each notification as it comes, one digest a day, or not at all. */
export const NOTIFICATION_MODES = ['each', 'daily_digest', 'none'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** What the product workflow asks to be told for one timeline event. */
export interface NotifyPeopleInput {
  productId: string;
  /** The event's seq: with the kind, the source of the notification. */
  seq: number;
  kind: NotificationKind;
  audience: NotificationAudience[];
  /** The event's time. */
  at: string;
  /** What the message says beyond the product's name (round, title, launch time, counts…). */
  details: Record<string, unknown>;
}

/** The notifications written for it that are to be sent now (each has its delivery workflow). */
export interface PeopleNotified {
  notificationIds: string[];
  retry: DeliveryRetry;
}

export interface NotificationActivities {
  /** Writes one notification per recipient (idempotent); answers those to send now (digest and outbox ones wait). */
  notifyPeople(input: NotifyPeopleInput): Promise<PeopleNotified>;
  /**
   * As notifyPeople, and starts the delivery workflow of each notification to send now before it answers (products
   * from the `notifications-start-deliveries` patch on): each runs once, whichever attempt starts it.
   */
  notifyPeopleStartingDeliveries(input: NotifyPeopleInput): Promise<PeopleNotified>;
  /** Staff are told that a social delivery failed for good (idempotent per delivery). */
  notifyDeliveryFailed(input: { deliveryId: string }): Promise<PeopleNotified>;
  /** One attempt: the email through SMTP, or the signed POST to the person's webhook. */
  sendNotification(input: { notificationId: string; timeoutMs: number }): Promise<void>;
  recordNotificationOutcome(input: { notificationId: string; outcome: { status: 'sent' } | { status: 'failed'; error: string } }): Promise<void>;
  /** Writes today's digest of everyone whose digest hour it is (idempotent per person and local day). */
  collectDigests(input: { at: string }): Promise<PeopleNotified>;
}

export const NOTIFICATION_WORKFLOW_TYPE = 'notificationDelivery';
export type NotificationDeliveryWorkflow = (input: { notificationId: string; retry: DeliveryRetry }) => Promise<'sent' | 'failed'>;

export function notificationWorkflowId(notificationId: string): string {
  return `notification-${notificationId}`;
}

/** Run every hour by a Temporal schedule: the digests of the people whose digest hour it is. */
export const NOTIFICATION_DIGEST_WORKFLOW_TYPE = 'notificationDigest';
export const NOTIFICATION_DIGEST_SCHEDULE_ID = 'notification-digests';
export type NotificationDigestWorkflow = (input?: { at?: string }) => Promise<number>;

type Rule = (state: ProductState, data: Record<string, unknown>) => { kind: NotificationKind; audience: NotificationAudience[]; details: Record<string, unknown> } | null;

/** The events that notify someone, and what they say; every other event notifies nobody. */
const RULES: Partial<Record<LifecycleEventType, Rule>> = {
  // Poll moderation: the draft (and each edit of it) waits for her approval; her change request waits for staff.
  POLL_DRAFTED: (_s, d) => ({ kind: 'poll.approval_waiting', audience: ['influencer'], details: { question: d.question } }),
  POLL_OPTIONS_EDITED: (_s, d) => ({ kind: 'poll.approval_waiting', audience: ['influencer'], details: { question: d.question } }),
  POLL_CHANGES_REQUESTED: (_s, d) => ({ kind: 'poll.changes_requested', audience: ['staff'], details: { feedback: d.feedback } }),
  DESIGN_SUBMITTED: (_s, d) => ({ kind: 'design.review_waiting', audience: ['influencer'], details: { round: d.round, title: d.title } }),
  DESIGN_REVIEW_REMINDER: (_s, d) => ({ kind: 'design.review_reminder', audience: ['influencer'], details: { round: d.round } }),
  SAMPLE_RECORDED: (_s, d) => ({ kind: 'sample.review_waiting', audience: ['influencer'], details: { round: d.round, supplier: d.supplier } }),
  SAMPLE_REVIEW_REMINDER: (_s, d) => ({ kind: 'sample.review_reminder', audience: ['influencer'], details: { round: d.round } }),
  // Only when the announcement needs her approval and she has not given it yet.
  LAUNCH_SCHEDULED: (s, d) =>
    s.rules.launchApprovalLeadMs === undefined || s.launch.announcement ? null : { kind: 'announcement.approval_waiting', audience: ['influencer'], details: { launchAt: d.launchAt } },
  LAUNCH_APPROVAL_OVERDUE: (_s, d) => ({ kind: 'announcement.approval_overdue', audience: ['influencer', 'staff'], details: { launchAt: d.launchAt } }),
  POLL_BELOW_MINIMUM: (_s, d) => ({ kind: 'poll.below_minimum', audience: ['staff'], details: { totalVotes: d.totalVotes, minVotes: d.minVotes } }),
  DEMAND_BELOW_GOAL: (_s, d) => ({ kind: 'demand.below_goal', audience: ['staff'], details: { totalUnits: d.totalUnits, minimumUnits: d.minimumUnits } }),
  RESTOCK_PROPOSED: (_s, d) => ({ kind: 'restock.proposed', audience: ['staff'], details: { number: d.number, sellThrough: d.sellThrough } }),
  ORDER_DUE_SOON: (_s, d) => ({ kind: 'order.due_soon', audience: ['staff'], details: { order: d.order, supplier: d.supplier, dueDate: d.dueDate } }),
};

/** The notifications a timeline event calls for (none for most); the state is the one after the event. */
export function notificationsFor(state: ProductState, event: LifecycleEvent): NotifyPeopleInput[] {
  const rule = RULES[event.type]?.(state, event.data);
  if (!rule) return [];
  return [{ productId: state.productId, seq: event.seq, at: event.at, kind: rule.kind, audience: rule.audience, details: { productName: state.name, ...rule.details } }];
}
