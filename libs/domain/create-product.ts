// A product's state and first timeline events when its workflow starts (the API builds the same view to
// answer the create call before the workflow has run).

import { emit, iso } from './events';
import type { LifecycleEvent, ProductState, ProductWorkflowInput } from './model';

/**
 * `moderated`: the poll waits in DRAFT for the influencer's approval of its options (the input's
 * pollApproval; the workflow also asks its `poll-moderation` patch), with nothing public until then.
 * Otherwise it opens at once, as products always did.
 */
export function createProductState(
  input: ProductWorkflowInput,
  nowMs: number,
  moderated = input.pollApproval !== undefined,
): { state: ProductState; events: LifecycleEvent[] } {
  const now = iso(nowMs);
  const draft = moderated && input.pollApproval ? { durationMs: input.pollApproval.durationMs } : undefined;
  const state: ProductState = {
    productId: input.productId,
    influencerId: input.influencerId,
    name: input.name,
    targetKeyword: input.targetKeyword,
    stage: 'POLL',
    seq: 0,
    createdAt: now,
    updatedAt: now,
    rules: input.rules,
    poll: { ...input.poll, status: draft ? 'DRAFT' : 'OPEN', ...(draft ? { draft } : {}) },
    designs: [],
    samples: [],
    production: { milestones: [] },
    launch: { countdowns: [] },
    ...(input.variants ? { variants: input.variants } : {}),
    ...(input.shopId ? { shopId: input.shopId } : {}),
  };
  const created = emit(state, 'PRODUCT_CREATED', input.createdBy, now, { name: input.name, targetKeyword: input.targetKeyword });
  if (draft) {
    const drafted = emit(state, 'POLL_DRAFTED', input.createdBy, now, { question: input.poll.question, options: input.poll.options, durationMs: draft.durationMs, minVotes: input.poll.minVotes });
    return { state, events: [created, drafted] };
  }
  const opened = emit(state, 'POLL_OPENED', input.createdBy, now, {
    question: input.poll.question,
    options: input.poll.options,
    closesAt: input.poll.closesAt,
    minVotes: input.poll.minVotes,
  });
  return { state, events: [created, opened] };
}
