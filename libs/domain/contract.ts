// The Temporal contract between the API, the worker and the workflow: workflow names and start types, ids,
// search attributes, updates (one per command), signals, queries and activity shapes, defined once and
// imported by every side.

import { defineSearchAttributeKey, SearchAttributeType, type UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { COMMANDS, type CommandInput, type CommandType } from './commands';
import type { ActionResult, Actor, LifecycleEvent, LifecycleEventType, OptionCount, ProductView, ProductWorkflowInput, VoteMilestone } from './model';
import type { ReservationTally, SalesReport, ShopEventKind } from './sales-model';
import type { NotifyPeopleInput } from './notifications';

/** Registered workflow type name (the exported function in workflows/). */
export const PRODUCT_WORKFLOW_TYPE = 'productLifecycle';
/**
 * The product workflow's signature, for starting it by name without importing workflow code:
 * `client.workflow.start<ProductLifecycleWorkflow>(PRODUCT_WORKFLOW_TYPE, { args: [input], … })`.
 */
export type ProductLifecycleWorkflow = (input: ProductWorkflowInput) => Promise<ProductView>;
export const DEFAULT_TASK_QUEUE = 'incubator-products';

export { TRACED_MEMO_KEY } from './traced-memo';

/** One workflow per product; its id is derived from the product id, so `getHandle(id)` finds it. */
export function productWorkflowId(productId: string): string {
  return `product-${productId}`;
}

export const ProductStageKey = defineSearchAttributeKey('ProductStage', SearchAttributeType.KEYWORD);
export const InfluencerIdKey = defineSearchAttributeKey('InfluencerId', SearchAttributeType.KEYWORD);
/** Custom search attributes the Temporal namespace must have (name → CLI type). */
export const SEARCH_ATTRIBUTES: Record<string, 'Keyword'> = { ProductStage: 'Keyword', InfluencerId: 'Keyword' };

/** Every action carries who asked for it, for the timeline. */
export interface ActionRequest<I> {
  actor: Actor;
  input: I;
}

/**
 * The Update carrying one command; its name is the command's (commands/<command>.ts). It answers with the
 * product's stage and seq after the action (a few bytes in history per action); runs started before the
 * `small-update-results` patch answer with the whole ProductView, which carries both too.
 */
export type CommandUpdate<T extends CommandType> = UpdateDefinition<ActionResult, [ActionRequest<CommandInput<T>>]>;

function commandUpdate<T extends CommandType>(type: T): CommandUpdate<T> {
  return defineUpdate<ActionResult, [ActionRequest<CommandInput<T>>]>(COMMANDS[type].update);
}

export const closePoll = commandUpdate('CLOSE_POLL');
export const extendPoll = commandUpdate('EXTEND_POLL');
export const cancelProduct = commandUpdate('CANCEL');
export const submitDesign = commandUpdate('SUBMIT_DESIGN');
export const reviewDesign = commandUpdate('REVIEW_DESIGN');
export const recordSample = commandUpdate('RECORD_SAMPLE');
export const requestSample = commandUpdate('REQUEST_SAMPLE');
export const reviewSample = commandUpdate('REVIEW_SAMPLE');
export const startProduction = commandUpdate('START_PRODUCTION');
export const recordMilestone = commandUpdate('RECORD_MILESTONE');
export const scheduleLaunch = commandUpdate('SCHEDULE_LAUNCH');
export const approveLaunchAnnouncement = commandUpdate('APPROVE_LAUNCH_ANNOUNCEMENT');
export const closeDemand = commandUpdate('CLOSE_DEMAND');
export const extendDemand = commandUpdate('EXTEND_DEMAND');
export const overrideDemand = commandUpdate('OVERRIDE_DEMAND');
export const approveRestock = commandUpdate('APPROVE_RESTOCK');
export const declineRestock = commandUpdate('DECLINE_RESTOCK');
export const cancelRestock = commandUpdate('CANCEL_RESTOCK');
export const recordRestockMilestone = commandUpdate('RECORD_RESTOCK_MILESTONE');
export const endSales = commandUpdate('END_SALES');
export const editPollOptions = commandUpdate('EDIT_POLL_OPTIONS');
export const requestPollChanges = commandUpdate('REQUEST_POLL_CHANGES');
export const approvePoll = commandUpdate('APPROVE_POLL');

/** Each command's Update, keyed by command type: the workflow registers its handlers from it. */
export const COMMAND_UPDATES: { [T in CommandType]: CommandUpdate<T> } = {
  CLOSE_POLL: closePoll,
  EXTEND_POLL: extendPoll,
  CANCEL: cancelProduct,
  SUBMIT_DESIGN: submitDesign,
  REVIEW_DESIGN: reviewDesign,
  RECORD_SAMPLE: recordSample,
  REVIEW_SAMPLE: reviewSample,
  START_PRODUCTION: startProduction,
  RECORD_MILESTONE: recordMilestone,
  SCHEDULE_LAUNCH: scheduleLaunch,
  APPROVE_LAUNCH_ANNOUNCEMENT: approveLaunchAnnouncement,
  CLOSE_DEMAND: closeDemand,
  EXTEND_DEMAND: extendDemand,
  OVERRIDE_DEMAND: overrideDemand,
  APPROVE_RESTOCK: approveRestock,
  DECLINE_RESTOCK: declineRestock,
  CANCEL_RESTOCK: cancelRestock,
  RECORD_RESTOCK_MILESTONE: recordRestockMilestone,
  END_SALES: endSales,
  REQUEST_SAMPLE: requestSample,
  EDIT_POLL_OPTIONS: editPollOptions,
  REQUEST_POLL_CHANGES: requestPollChanges,
  APPROVE_POLL: approvePoll,
};

/**
 * Vote intake reports a crossed vote milestone. A signal, not an update: intake must not wait on the
 * workflow, and the workflow ignores repeats, so intake may report a milestone more than once.
 */
export const voteMilestoneReached = defineSignal<[VoteMilestone]>('voteMilestoneReached');

/** The workflow's current view of the product (used by operators and tests; the API reads PostgreSQL). */
export const getProduct = defineQuery<ProductView>('getProduct');

/** Activity names and shapes the workflow calls; the worker implements them in activities/. */
export interface RecordEventsInput {
  productId: string;
  events: LifecycleEvent[];
  snapshot: ProductView;
}

export interface TallyInput {
  productId: string;
  /**
   * The product's seq when the poll began closing. The tally closes vote intake in PostgreSQL with it, so
   * an older read-model write still in flight cannot reopen intake. Absent in older histories.
   */
  closeIntakeAtSeq?: number;
}

/**
 * The social part of a batch written together with its read model: written (its deliveries to start), refused
 * outright (none made, as `recordSocialUpdates` refusing), or not written this time (the workflow's social loop
 * writes it again on its own, so the read model never waits for it).
 */
export type BatchSocialUpdates = { recorded: RecordedSocialUpdates } | { refused: string } | { failed: string };

/** A batch written with the notifications its events call for (products from the `notifications-in-local-write` patch on). */
export interface RecordEventsNotifyingInput extends RecordEventsInput {
  /** The batch's notifications, in seq order (notificationsFor of each event, with the state after it). */
  notifications: NotifyPeopleInput[];
  /**
   * Whether the batch's social updates are written here too, as `recordEventsStartingDeliveries` writes them; false
   * when it has none, or when the workflow's social loop writes them (it is behind with earlier ones).
   */
  withUpdates: boolean;
}

/**
 * The notifications' part of such a batch: written, their deliveries started (how many were to be sent now), or not
 * written this time (the workflow hands them to its people loop, which writes them on its own, so the read model never
 * waits for them).
 */
export type BatchNotifications = { notified: number } | { failed: string };

export interface ProductActivities {
  /** Writes timeline events and the product's read model; idempotent by (productId, seq). */
  recordEvents(input: RecordEventsInput): Promise<void>;
  /**
   * One local activity per batch instead of two (products from the `one-local-write` patch on): the read model
   * as `recordEvents` (a failure throws), then the social updates of the batch's social events as
   * `recordSocialUpdates` (a failure is answered, never thrown: the read model is written either way).
   */
  recordEventsWithUpdates(input: RecordEventsInput): Promise<{ social: BatchSocialUpdates }>;
  /**
   * As `recordEventsWithUpdates`, and the written updates' delivery workflows started from here (products from the
   * `deliveries-from-local-write` patch on) instead of as the product workflow's children: the answer's
   * deliveries are the ones started. Starting is idempotent (a delivery workflow id is never run twice); a start
   * that fails fails the attempt, which is tried again like any write of the batch.
   */
  recordEventsStartingDeliveries(input: RecordEventsInput): Promise<{ social: BatchSocialUpdates }>;
  /**
   * As `recordEventsStartingDeliveries` (or `recordEvents` without `withUpdates`), then the batch's notifications
   * written as `notifyPeopleStartingDeliveries` each (products from the `notifications-in-local-write` patch on),
   * instead of one more local activity per notification after the read model: their failure is answered, never
   * thrown (the read model is written either way); writing them again is idempotent (a notification's id is its
   * source's, its delivery workflow's id its own).
   */
  recordEventsNotifying(input: RecordEventsNotifyingInput): Promise<{ social?: BatchSocialUpdates; people: BatchNotifications }>;
  /**
   * Stops vote intake for the poll, waits for votes already being committed, then counts distinct fans
   * per option; every vote acknowledged before it is counted, none after it is accepted.
   */
  tallyPoll(input: TallyInput): Promise<OptionCount[]>;
}

/** Timeline events that produce a social update (libs/social decides their text). */
export const SOCIAL_EVENT_SOURCES = [
  'POLL_OPENED',
  'POLL_MILESTONE',
  'POLL_CLOSED',
  'DESIGN_APPROVED',
  'SAMPLE_APPROVED',
  'PRODUCTION_STARTED',
  'PRODUCTION_MILESTONE',
  'LAUNCH_SCHEDULED',
  'LAUNCH_COUNTDOWN',
  'LAUNCH_APPROVAL_OVERDUE',
  'LAUNCHED',
  'CANCELLED',
  // The demand gate and the sales after launch (DEMAND_BELOW_GOAL and RESTOCK_PROPOSED are internal).
  'DEMAND_OPENED',
  'DEMAND_GOAL_REACHED',
  'DEMAND_MET',
  'DEMAND_BELOW_GOAL',
  'RESERVATIONS_RELEASED',
  'SOLD_OUT',
  'RESTOCK_PROPOSED',
  'RESTOCK_APPROVED',
  'BACK_IN_STOCK',
  'SALES_ENDED',
] as const satisfies readonly LifecycleEventType[];
export type SocialSourceEventType = (typeof SOCIAL_EVENT_SOURCES)[number];

/** Whether a timeline event produces a social update. */
export function isSocialSource(type: LifecycleEventType): type is SocialSourceEventType {
  return (SOCIAL_EVENT_SOURCES as readonly LifecycleEventType[]).includes(type);
}

/**
 * An update's deliveries (one per channel) run in a workflow of their own, each with its own retries, so a
 * failing channel holds up neither the lifecycle nor the other channels.
 */
export const SOCIAL_DELIVERY_WORKFLOW_TYPE = 'socialDelivery';
/** The delivery workflow's signature, for starting it by name: `start<SocialDeliveryWorkflow>(SOCIAL_DELIVERY_WORKFLOW_TYPE, …)`. */
export type SocialDeliveryWorkflow = (input: DeliveryWorkflowInput) => Promise<DeliveryCounts>;

/** The workflow delivering one update to its channels. */
export function deliveryWorkflowId(updateId: string): string {
  return `deliveries-${updateId}`;
}

/**
 * The delivery workflow of one platform's sponsored post, started when its order is recorded (one per post,
 * since each platform's order comes on its own); a post from before per-platform posts ('*') uses its update's.
 */
export function sponsoredPostWorkflowId(updateId: string, platform: string): string {
  return platform === '*' ? deliveryWorkflowId(updateId) : `${deliveryWorkflowId(updateId)}-${platform}`;
}

/** Staff's n-th re-send of one failed delivery. */
export function resendWorkflowId(deliveryId: string, resend: number): string {
  return `resend-${deliveryId}-${resend}`;
}

/** How a delivery retries; read from the worker's configuration and fixed in history when it starts. */
export interface DeliveryRetry {
  maxAttempts: number;
  initialIntervalMs: number;
  maxIntervalMs: number;
  /** One attempt's limit, including the receiver's answer. */
  timeoutMs: number;
}

export interface DeliveryWorkflowInput {
  deliveryIds: string[];
  retry: DeliveryRetry;
}

/** How many of an update's deliveries went out and how many failed for good. */
export interface DeliveryCounts {
  delivered: number;
  failed: number;
  /** Withdrawn by the product's cancellation (an attempt that found it withdrawn before the stop request came). */
  withdrawn?: number;
}

export interface WithdrawDeliveriesInput {
  productId: string;
  /** The first seq of the cancellation's own events: updates before it are withdrawn, its own still go out. */
  beforeSeq: number;
}

export interface WithdrawnDeliveries {
  /** Deliveries cancelled (now or by an earlier try of the same compensation). */
  deliveries: number;
  /** The delivery workflows that may still be attempting them: each is asked to stop. */
  workflowIds: string[];
}

export interface RecordSocialUpdatesInput {
  productId: string;
  events: LifecycleEvent[];
  snapshot: ProductView;
}

export interface RecordedSocialUpdates {
  /** Deliveries to make, per update, one per channel; ids are stable, so a retried write returns the same. */
  deliveries: { updateId: string; deliveryIds: string[] }[];
  retry: DeliveryRetry;
}

/** What the receiver answered (webhook) or where the update went (log). */
export interface DeliveryAnswer {
  /** The receiver's HTTP status; null for the log channel. */
  httpStatus: number | null;
  body: string;
}

export type DeliveryOutcome = ({ status: 'delivered' } & DeliveryAnswer) | { status: 'failed'; error: string };

export interface SocialActivities {
  /** Writes the social updates of these events and their pending deliveries; idempotent by (product, seq). */
  recordSocialUpdates(input: RecordSocialUpdatesInput): Promise<RecordedSocialUpdates>;
  /** One attempt: the signed POST (or the log line). The only side effect; throws on a non-2xx answer. */
  sendDelivery(input: { deliveryId: string; timeoutMs: number }): Promise<DeliveryAnswer>;
  /** Records how the delivery ended. */
  recordDeliveryOutcome(input: { deliveryId: string; outcome: DeliveryOutcome }): Promise<void>;
  /** A cancelled product's compensation: its updates' deliveries that have not gone out become cancelled; idempotent. */
  withdrawDeliveries(input: WithdrawDeliveriesInput): Promise<WithdrawnDeliveries>;
}

/**
 * Reservation intake reports that the demand goal is reached (the total reserved units when it noticed).
 * A signal: intake must not wait on the workflow, and the workflow takes only the first.
 */
export const demandGoalReached = defineSignal<[{ totalUnits: number }]>('demandGoalReached');

/**
 * Order intake reports stock when a variant sells out or comes back, or sell-through crosses the
 * product's restock threshold; the workflow ignores what it already knows, so a repeat is harmless.
 */
export const salesReported = defineSignal<[SalesReport]>('salesReported');

export interface TallyReservationsInput {
  productId: string;
  /** The product's seq when the demand window began closing: closes reservation intake race-free, like the poll's. */
  closeIntakeAtSeq: number;
}

export interface NotifyReservationHoldersInput {
  productId: string;
  kind: ShopEventKind;
  /** The seq of the timeline event that decided it: with the kind, the idempotency key of the batch. */
  seq: number;
  /** For reservation.ready: until when the holder's stock is held. */
  holdUntil?: string;
}

/** The batch of shop events written for one notification; delivered by the shop-events workflow. */
export interface ShopEventBatch {
  /** Stable per (product, kind, seq); empty batches (no shop, no reservations) have no events. */
  batchId: string;
  events: number;
  /** How the batch's deliveries retry (the worker's delivery configuration, fixed in history). */
  retry: DeliveryRetry;
}

export interface SalesActivities {
  /** Closes reservation intake (every reservation acknowledged before is counted, none after accepted) and counts units per variant. */
  tallyReservations(input: TallyReservationsInput): Promise<ReservationTally>;
  /** Writes one signed event per affected reservation to the product's shop channel, and marks the reservations; idempotent per (product, kind, seq). */
  notifyReservationHolders(input: NotifyReservationHoldersInput): Promise<ShopEventBatch>;
  /**
   * As notifyReservationHolders, and starts the batch's delivery workflow before it answers (products from the
   * `notices-start-deliveries` patch on): the workflow runs once per batch, whichever attempt starts it.
   */
  notifyReservationHoldersStartingDelivery(input: NotifyReservationHoldersInput): Promise<ShopEventBatch>;
}

/** Delivers one batch of shop events (signed, guarded, retried like social deliveries); started by the activity that wrote the batch (before the notices-start-deliveries patch, by the product workflow). */
export const SHOP_EVENTS_WORKFLOW_TYPE = 'shopEventDelivery';
export type ShopEventDeliveryWorkflow = (input: { batchId: string; retry: DeliveryRetry }) => Promise<DeliveryCounts>;

export function shopEventsWorkflowId(batchId: string): string {
  return `shop-events-${batchId}`;
}
