// A product's state and first timeline events when its workflow starts (the API builds the same view to
// answer the create call before the workflow has run).

import { emit, iso } from './events';
import type { LifecycleEvent, ProductState, ProductWorkflowInput } from './model';

export function createProductState(input: ProductWorkflowInput, nowMs: number): { state: ProductState; events: LifecycleEvent[] } {
  const now = iso(nowMs);
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
    poll: { ...input.poll, status: 'OPEN' },
    designs: [],
    samples: [],
    production: { milestones: [] },
    launch: { countdowns: [] },
    ...(input.variants ? { variants: input.variants } : {}),
    ...(input.shopId ? { shopId: input.shopId } : {}),
  };
  const events = [
    emit(state, 'PRODUCT_CREATED', input.createdBy, now, { name: input.name, targetKeyword: input.targetKeyword }),
    emit(state, 'POLL_OPENED', input.createdBy, now, {
      question: input.poll.question,
      options: input.poll.options,
      closesAt: input.poll.closesAt,
      minVotes: input.poll.minVotes,
    }),
  ];
  return { state, events };
}
