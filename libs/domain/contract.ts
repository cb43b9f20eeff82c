// The Temporal contract between the API, the worker and the workflow: names, ids, search attributes,
// updates and queries, defined once and imported by every side.

import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { LifecycleCommand } from './lifecycle';
import type { Actor, ProductView, VoteMilestone } from './model';

/** Registered workflow type name (the exported function in workflows/). */
export const PRODUCT_WORKFLOW_TYPE = 'productLifecycle';
export const DEFAULT_TASK_QUEUE = 'incubator-products';

/** One workflow per product; its id is derived from the product id, so `getHandle(id)` finds it. */
export function productWorkflowId(productId: string): string {
  return `product-${productId}`;
}

export const ProductStageKey = defineSearchAttributeKey('ProductStage', SearchAttributeType.KEYWORD);
export const InfluencerIdKey = defineSearchAttributeKey('InfluencerId', SearchAttributeType.KEYWORD);
/** Custom search attributes the Temporal namespace must have (name → CLI type). */
export const SEARCH_ATTRIBUTES: Record<string, 'Keyword'> = { ProductStage: 'Keyword', InfluencerId: 'Keyword' };

type CommandInput<T extends LifecycleCommand['type']> = Omit<Extract<LifecycleCommand, { type: T }>, 'type'>;

/** Every action carries who asked for it, for the timeline. */
export interface ActionRequest<I> {
  actor: Actor;
  input: I;
}

export const closePoll = defineUpdate<ProductView, [ActionRequest<CommandInput<'CLOSE_POLL'>>]>('closePoll');
export const extendPoll = defineUpdate<ProductView, [ActionRequest<CommandInput<'EXTEND_POLL'>>]>('extendPoll');
export const cancelProduct = defineUpdate<ProductView, [ActionRequest<CommandInput<'CANCEL'>>]>('cancelProduct');
export const submitDesign = defineUpdate<ProductView, [ActionRequest<CommandInput<'SUBMIT_DESIGN'>>]>('submitDesign');
export const reviewDesign = defineUpdate<ProductView, [ActionRequest<CommandInput<'REVIEW_DESIGN'>>]>('reviewDesign');
export const recordSample = defineUpdate<ProductView, [ActionRequest<CommandInput<'RECORD_SAMPLE'>>]>('recordSample');
export const reviewSample = defineUpdate<ProductView, [ActionRequest<CommandInput<'REVIEW_SAMPLE'>>]>('reviewSample');
export const startProduction = defineUpdate<ProductView, [ActionRequest<CommandInput<'START_PRODUCTION'>>]>('startProduction');
export const recordMilestone = defineUpdate<ProductView, [ActionRequest<CommandInput<'RECORD_MILESTONE'>>]>('recordMilestone');
export const scheduleLaunch = defineUpdate<ProductView, [ActionRequest<CommandInput<'SCHEDULE_LAUNCH'>>]>('scheduleLaunch');
export const approveLaunchAnnouncement = defineUpdate<ProductView, [ActionRequest<CommandInput<'APPROVE_LAUNCH_ANNOUNCEMENT'>>]>(
  'approveLaunchAnnouncement',
);

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
  events: import('./model').LifecycleEvent[];
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

export interface ProductActivities {
  /** Writes timeline events and the product's read model; idempotent by (productId, seq). */
  recordEvents(input: RecordEventsInput): Promise<void>;
  /**
   * Stops vote intake for the poll, waits for votes already being committed, then counts distinct fans
   * per option; every vote acknowledged before it is counted, none after it is accepted.
   */
  tallyPoll(input: TallyInput): Promise<import('./model').OptionCount[]>;
}
