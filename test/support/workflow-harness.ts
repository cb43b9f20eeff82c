// Starts product workflows directly on the real Temporal dev server for workflow suites, with quick rules.
import {
  getProduct,
  InfluencerIdKey,
  PRODUCT_WORKFLOW_TYPE,
  productWorkflowId,
  ProductStageKey,
  type ActionRequest,
  type ActionResult,
  type Actor,
  type LifecycleRules,
  type ProductLifecycleWorkflow,
  type ProductView,
  type ProductWorkflowInput,
} from '../../libs/domain';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { DataSource } from 'typeorm';
import { eventually, uniqueName } from './stack';
import { executeUpdateRetrying } from '../../apps/api/src/common/update-retry';

export const STAFF: Actor = { kind: 'staff', id: 'key-staff', label: 'tests' };

export const QUICK_RULES: LifecycleRules = {
  designRoundLimit: 2,
  sampleRoundLimit: 2,
  reviewReminderAfterMs: 3_600_000,
  launchCountdownsMs: [],
  demand: { conversionRate: 0.5, minimumOrder: 10, batchSize: 5 },
};

export interface StartedProduct {
  productId: string;
  influencerId: string;
  handle: WorkflowHandle;
  /** Sends the action and reads the product's view from the workflow after it (the update answers with { stage, seq } only). */
  act<I>(update: UpdateDefinition<ActionResult, [ActionRequest<I>]>, input: I, actor?: Actor): Promise<ProductView>;
  /** Sends the action and returns the update's own answer. */
  update<I>(update: UpdateDefinition<ActionResult, [ActionRequest<I>]>, input: I, actor?: Actor): Promise<ActionResult>;
}

export async function insertInfluencer(ds: DataSource): Promise<string> {
  const id = uniqueName('inf').replace('_', '-');
  await ds.query('INSERT INTO influencers (id, handle, display_name) VALUES ($1, $2, $3)', [id, id, 'Test influencer']);
  return id;
}

export async function startProduct(
  client: Client,
  ds: DataSource,
  taskQueue: string,
  opts: { rules?: Partial<LifecycleRules>; closesInMs?: number; minVotes?: number; pollApproval?: ProductWorkflowInput['pollApproval'] } = {},
): Promise<StartedProduct> {
  const influencerId = await insertInfluencer(ds);
  const productId = uniqueName('p').replace('_', '-');
  const input: ProductWorkflowInput = {
    productId,
    influencerId,
    name: 'Test dress',
    targetKeyword: 'linen dress',
    poll: {
      question: 'Which?',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
      closesAt: new Date(Date.now() + (opts.closesInMs ?? 3_600_000)).toISOString(),
      minVotes: opts.minVotes ?? 0,
    },
    rules: { ...QUICK_RULES, ...opts.rules },
    createdBy: STAFF,
    ...(opts.pollApproval ? { pollApproval: opts.pollApproval } : {}),
  };
  const handle = await client.workflow.start<ProductLifecycleWorkflow>(PRODUCT_WORKFLOW_TYPE, {
    workflowId: productWorkflowId(productId),
    taskQueue,
    args: [input],
    typedSearchAttributes: [
      { key: ProductStageKey, value: 'POLL' },
      { key: InfluencerIdKey, value: influencerId },
    ],
  });
  // The workflow's first task writes the product row; votes reference it.
  await eventually('the product row', async () => (await ds.query<unknown[]>('SELECT 1 FROM products WHERE id = $1', [productId])).length === 1);
  const influencer: Actor = { kind: 'influencer', id: influencerId };
  const send = <I>(update: UpdateDefinition<ActionResult, [ActionRequest<I>]>, input: I, actor?: Actor): Promise<ActionResult> =>
    executeUpdateRetrying(handle, update, [{ actor: actor ?? (update.name.startsWith('review') ? influencer : STAFF), input }]);
  return {
    productId,
    influencerId,
    handle,
    update: send,
    act: async (update, input, actor) => {
      await send(update, input, actor);
      return handle.query(getProduct);
    },
  };
}

export async function vote(ds: DataSource, productId: string, optionId: string, fans: number): Promise<void> {
  for (let i = 0; i < fans; i++) {
    const fan = uniqueName('fan');
    await ds.query(
      `INSERT INTO votes (product_id, option_id, platform, platform_user_id, platform_user_id_raw, occurred_at) VALUES ($1, $2, 'tiktok', $3, $4, now())`,
      [productId, optionId, fan, fan],
    );
  }
}

export async function timelineTypes(ds: DataSource, productId: string): Promise<string[]> {
  const rows: { type: string }[] = await ds.query('SELECT type FROM timeline_events WHERE product_id = $1 ORDER BY seq', [productId]);
  return rows.map((r) => r.type);
}

/**
 * The workflow's history at a settled point, for replaying a running workflow: one whose last workflow task
 * completed. A history fetched inside a task (a local activity still retrying, say) replays the task's rest
 * as new work, which a replay worker cannot run ("Local activity … not registered on worker").
 */
export async function settledHistory(handle: Pick<WorkflowHandle, 'fetchHistory'>): ReturnType<WorkflowHandle['fetchHistory']> {
  return eventually('no workflow task in flight', async () => {
    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    const lastScheduled = events.map((e) => Boolean(e.workflowTaskScheduledEventAttributes)).lastIndexOf(true);
    const lastCompleted = events.map((e) => Boolean(e.workflowTaskCompletedEventAttributes)).lastIndexOf(true);
    return lastCompleted > lastScheduled ? history : undefined;
  });
}

/** The history's local activity markers, in order: each one's activity type and its recorded answer (JSON). */
export function localActivityMarkers(events: temporal.api.history.v1.IHistoryEvent[]): { type: string | undefined; result: unknown }[] {
  const json = (data: Uint8Array | null | undefined): unknown => (data?.length ? JSON.parse(Buffer.from(data).toString('utf8')) : undefined);
  return events
    .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity' && e.markerRecordedEventAttributes.details?.data?.payloads?.[0]?.data)
    .map((e) => ({
      type: (json(e.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data) as { activity_type?: string }).activity_type,
      result: json(e.markerRecordedEventAttributes?.details?.result?.payloads?.[0]?.data),
    }));
}
