// Design and sample rounds follow the same rules: one round waits for the influencer's review at a time,
// rounds are limited per product, and a review decides one pending round (approval moves the product on).

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso, moveTo } from '../events';
import type { Actor, LifecycleEvent, LifecycleEventType, ProductState, ReviewedRound } from '../model';
import type { ReviewDecision, Stage } from '../stages';
import type { CommandHandler } from './command';

export type RoundKind = 'design' | 'sample';

export interface ReviewInput {
  round: number;
  decision: ReviewDecision;
  feedback?: string;
}

const REVIEW_OUTCOME = {
  design: { approved: 'DESIGN_APPROVED', changesRequested: 'DESIGN_CHANGES_REQUESTED', next: 'SAMPLING' },
  sample: { approved: 'SAMPLE_APPROVED', changesRequested: 'SAMPLE_CHANGES_REQUESTED', next: 'PRODUCTION' },
} as const satisfies Record<RoundKind, { approved: LifecycleEventType; changesRequested: LifecycleEventType; next: Stage }>;

export function roundsOf(state: ProductState, what: RoundKind): ReviewedRound[] {
  return what === 'design' ? state.designs : state.samples;
}

export function validateSubmission(state: ProductState, what: RoundKind, limit: number): void {
  const rounds = roundsOf(state, what);
  const last = rounds[rounds.length - 1];
  if (last?.status === 'PENDING_REVIEW') {
    refuse(DomainErrorCode.InvalidState, `${what} round ${last.round} of product ${state.productId} is waiting for the influencer's review`);
  }
  if (rounds.length >= limit) {
    refuse(
      DomainErrorCode.RoundLimitReached,
      `product ${state.productId} has used all ${limit} ${what} rounds; the only action left in ${state.stage} is cancelling`,
    );
  }
}

export function validateReview(state: ProductState, what: RoundKind, input: ReviewInput): void {
  const rounds = roundsOf(state, what);
  const target = rounds.find((r) => r.round === input.round);
  if (!target) {
    refuse(
      DomainErrorCode.InvalidValue,
      rounds.length === 0
        ? `product ${state.productId} has no ${what} round to review yet`
        : `product ${state.productId} has no ${what} round ${input.round}; rounds are 1 to ${rounds.length}`,
    );
  }
  if (target.status !== 'PENDING_REVIEW') {
    refuse(DomainErrorCode.InvalidState, `${what} round ${input.round} of product ${state.productId} was already reviewed`);
  }
  if (input.decision === 'REQUEST_CHANGES' && !input.feedback?.trim()) {
    refuse(DomainErrorCode.InvalidValue, 'requesting changes needs feedback saying what to change');
  }
}

export function applyReview(state: ProductState, what: RoundKind, input: ReviewInput, actor: Actor, nowMs: number): LifecycleEvent[] {
  const at = iso(nowMs);
  const target = roundsOf(state, what).find((r) => r.round === input.round)!;
  const approved = input.decision === 'APPROVE';
  target.status = approved ? 'APPROVED' : 'CHANGES_REQUESTED';
  target.feedback = input.feedback?.trim() || undefined;
  target.reviewedAt = at;
  target.reviewedBy = actor;
  const outcome = REVIEW_OUTCOME[what];
  const events = [emit(state, approved ? outcome.approved : outcome.changesRequested, actor, at, { round: input.round, feedback: target.feedback ?? null })];
  if (approved) events.push(moveTo(state, outcome.next, actor, at));
  return events;
}

/** The part of a new round every kind shares: the next number, waiting for the influencer's review. */
export function newRound(state: ProductState, what: RoundKind, actor: Actor, at: string): ReviewedRound {
  return { round: roundsOf(state, what).length + 1, status: 'PENDING_REVIEW', submittedAt: at, submittedBy: actor };
}

/** The influencer's review of a design or sample round; only the Update's name and the stage differ. */
export function reviewCommand(what: RoundKind, update: string, stage: Stage): CommandHandler<ReviewInput> {
  return {
    update,
    action: `${what} review`,
    stage,
    validate(state, input) {
      validateReview(state, what, input);
    },
    apply(state, input, actor, nowMs) {
      return applyReview(state, what, input, actor, nowMs);
    },
  };
}
