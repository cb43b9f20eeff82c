import { DomainErrorCode } from './errors';
import {
  applyCommand,
  applyDeadline,
  applyPollTally,
  createProductState,
  LifecycleRefusal,
  nextDeadline,
  pendingAction,
  validateCommand,
  type LifecycleCommand,
} from './lifecycle';
import type { Actor, LifecycleEvent, ProductState, ProductWorkflowInput } from './model';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;
const staff: Actor = { kind: 'staff', id: 'k1' };
const influencer: Actor = { kind: 'influencer', id: 'inf-1' };

function input(): ProductWorkflowInput {
  return {
    productId: 'p-1',
    influencerId: 'inf-1',
    name: 'Dress',
    targetKeyword: 'linen dress',
    poll: { question: 'Which?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], closesAt: new Date(T0 + HOUR).toISOString(), minVotes: 3 },
    rules: { designRoundLimit: 2, sampleRoundLimit: 2, reviewReminderAfterMs: HOUR, launchCountdownsMs: [HOUR, 24 * HOUR], demand: { conversionRate: 0.5, minimumOrder: 10, batchSize: 5 } },
    createdBy: staff,
  };
}

type Cmd = Exclude<LifecycleCommand, { type: 'CLOSE_POLL' }>;

function act(state: ProductState, cmd: Cmd, actor: Actor = staff, now = T0): LifecycleEvent[] {
  validateCommand(state, cmd, now);
  return applyCommand(state, cmd, actor, now);
}

function refusal(state: ProductState, cmd: LifecycleCommand, now = T0): LifecycleRefusal {
  try {
    validateCommand(state, cmd, now);
  } catch (err) {
    expect(err).toBeInstanceOf(LifecycleRefusal);
    return err as LifecycleRefusal;
  }
  throw new Error(`${cmd.type} was accepted`);
}

function inStage(stage: 'POLL' | 'DESIGN' | 'SAMPLING' | 'PRODUCTION' | 'LAUNCH'): ProductState {
  const { state } = createProductState(input(), T0);
  if (stage === 'POLL') return state;
  applyPollTally(state, [{ optionId: 'b', votes: 30, lastVoteAt: new Date(T0).toISOString() }], staff, T0);
  if (stage === 'DESIGN') return state;
  act(state, { type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
  act(state, { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' }, influencer);
  if (stage === 'SAMPLING') return state;
  act(state, { type: 'RECORD_SAMPLE', supplier: 's', notes: '', photoUrls: [] });
  act(state, { type: 'REVIEW_SAMPLE', round: 1, decision: 'APPROVE' }, influencer);
  if (stage === 'PRODUCTION') return state;
  act(state, { type: 'START_PRODUCTION', supplier: 's', dueDate: new Date(T0 + 24 * HOUR).toISOString() });
  for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED'] as const) act(state, { type: 'RECORD_MILESTONE', milestone });
  return state;
}

describe('createProductState', () => {
  it('opens the poll and numbers the first events 1 and 2', () => {
    const { state, events } = createProductState(input(), T0);
    expect(state).toMatchObject({ stage: 'POLL', seq: 2, poll: { status: 'OPEN' } });
    expect(events.map((e) => [e.seq, e.type, e.stage])).toEqual([
      [1, 'PRODUCT_CREATED', 'POLL'],
      [2, 'POLL_OPENED', 'POLL'],
    ]);
  });
});

describe('wrong stage', () => {
  it('refuses a design review while the product is in SAMPLING, naming both stages', () => {
    const r = refusal(inStage('SAMPLING'), { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' });
    expect(r.code).toBe(DomainErrorCode.WrongStage);
    expect(r.message).toBe('product p-1 is in SAMPLING; design review is accepted only in DESIGN');
  });

  it('refuses every action once the product is cancelled or launched', () => {
    const cancelled = inStage('DESIGN');
    act(cancelled, { type: 'CANCEL', reason: 'no' });
    expect(refusal(cancelled, { type: 'CANCEL', reason: 'again' }).message).toBe('product p-1 is CANCELLED; no further actions are accepted');

    const launched = inStage('LAUNCH');
    act(launched, { type: 'SCHEDULE_LAUNCH', launchAt: new Date(T0 + 10_000).toISOString() });
    applyDeadline(launched, { kind: 'LAUNCH', at: T0 + 10_000 }, T0 + 10_000);
    expect(launched.stage).toBe('LAUNCHED');
    expect(refusal(launched, { type: 'CANCEL', reason: 'x' }).code).toBe(DomainErrorCode.WrongStage);
  });
});

describe('poll', () => {
  it('waits for a staff decision below the minimum and reopens on extension', () => {
    const state = inStage('POLL');
    const events = applyPollTally(state, [{ optionId: 'a', votes: 2, lastVoteAt: new Date(T0).toISOString() }], staff, T0 + HOUR);
    expect(events.map((e) => e.type)).toEqual(['POLL_BELOW_MINIMUM']);
    expect(state.poll.status).toBe('AWAITING_DECISION');
    expect(pendingAction(state)).toMatchObject({ by: 'staff', action: 'EXTEND_OR_CANCEL' });
    expect(refusal(state, { type: 'CLOSE_POLL' }).code).toBe(DomainErrorCode.InvalidState);
    expect(nextDeadline(state)).toBeNull();

    act(state, { type: 'EXTEND_POLL', closesAt: new Date(T0 + 2 * HOUR).toISOString() }, staff, T0 + HOUR);
    expect(state.poll.status).toBe('OPEN');
    expect(nextDeadline(state)).toEqual({ kind: 'POLL_CLOSES', at: T0 + 2 * HOUR });
  });

  it('refuses an extension into the past or to an earlier closing time', () => {
    const state = inStage('POLL');
    expect(refusal(state, { type: 'EXTEND_POLL', closesAt: new Date(T0 - 1).toISOString() }).code).toBe(DomainErrorCode.InvalidValue);
    const earlier = refusal(state, { type: 'EXTEND_POLL', closesAt: new Date(T0 + HOUR / 2).toISOString() });
    expect(earlier.code).toBe(DomainErrorCode.InvalidValue);
    expect(earlier.message).toMatch(/close the poll to end it early/);
  });

  it('closes at or above the minimum: winner, suggested quantity and DESIGN', () => {
    const state = inStage('POLL');
    const events = applyPollTally(state, [{ optionId: 'b', votes: 31, lastVoteAt: new Date(T0).toISOString() }], staff, T0);
    expect(events.map((e) => [e.type, e.stage])).toEqual([
      ['POLL_CLOSED', 'POLL'],
      ['STAGE_CHANGED', 'DESIGN'],
    ]);
    expect(state.poll.result?.winningOptionId).toBe('b');
    expect(state.suggestedQuantity).toBe(20); // ceil(31 × 0.5) = 16 → batches of 5 → 20
  });

  it('ignores a tally that arrives after the product was cancelled', () => {
    const state = inStage('POLL');
    act(state, { type: 'CANCEL', reason: 'stop' });
    expect(applyPollTally(state, [], staff, T0)).toEqual([]);
    expect(state.stage).toBe('CANCELLED');
  });
});

describe('design and sample rounds', () => {
  it('refuses a new design while one waits for review', () => {
    const state = inStage('DESIGN');
    act(state, { type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    const r = refusal(state, { type: 'SUBMIT_DESIGN', title: 't2', description: 'd', imageUrls: [] });
    expect(r.code).toBe(DomainErrorCode.InvalidState);
    expect(pendingAction(state)).toMatchObject({ by: 'influencer', action: 'REVIEW_DESIGN' });
  });

  it('refuses a review of an unknown round, a second review and changes without feedback', () => {
    const state = inStage('DESIGN');
    expect(refusal(state, { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' }).message).toMatch(/no design round to review yet/);
    act(state, { type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    expect(refusal(state, { type: 'REVIEW_DESIGN', round: 2, decision: 'APPROVE' }).code).toBe(DomainErrorCode.InvalidValue);
    expect(refusal(state, { type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: '  ' }).code).toBe(DomainErrorCode.InvalidValue);
    act(state, { type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'shorter' }, influencer);
    expect(refusal(state, { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' }).code).toBe(DomainErrorCode.InvalidState);
  });

  it('allows at most the configured number of rounds, then only cancelling', () => {
    const state = inStage('SAMPLING');
    for (const round of [1, 2]) {
      act(state, { type: 'RECORD_SAMPLE', supplier: 's', notes: '', photoUrls: [] });
      act(state, { type: 'REVIEW_SAMPLE', round, decision: 'REQUEST_CHANGES', feedback: 'seams' }, influencer);
    }
    const r = refusal(state, { type: 'RECORD_SAMPLE', supplier: 's', notes: '', photoUrls: [] });
    expect(r.code).toBe(DomainErrorCode.RoundLimitReached);
    expect(pendingAction(state)).toMatchObject({ by: 'staff', action: 'CANCEL' });
  });

  it('moves to SAMPLING on design approval and to PRODUCTION on sample approval', () => {
    expect(inStage('SAMPLING').stage).toBe('SAMPLING');
    expect(inStage('PRODUCTION').stage).toBe('PRODUCTION');
  });

  it('reminds once about a review that waits longer than configured', () => {
    const state = inStage('DESIGN');
    act(state, { type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] }, staff, T0);
    const due = nextDeadline(state);
    expect(due).toEqual({ kind: 'REVIEW_REMINDER', at: T0 + HOUR, what: 'design', round: 1 });
    const events = applyDeadline(state, due as Exclude<typeof due, null | { kind: 'POLL_CLOSES' }>, T0 + HOUR);
    expect(events.map((e) => e.type)).toEqual(['DESIGN_REVIEW_REMINDER']);
    expect(nextDeadline(state)).toBeNull();
  });
});

describe('production and launch', () => {
  it('uses the suggested quantity unless staff override it', () => {
    const a = inStage('PRODUCTION');
    act(a, { type: 'START_PRODUCTION', supplier: 's', dueDate: new Date(T0 + HOUR).toISOString() });
    expect(a.production.run).toMatchObject({ quantity: 15, suggestedQuantity: 15 });
    const b = inStage('PRODUCTION');
    act(b, { type: 'START_PRODUCTION', supplier: 's', quantity: 400, dueDate: new Date(T0 + HOUR).toISOString() });
    expect(b.production.run).toMatchObject({ quantity: 400, suggestedQuantity: 15 });
    expect(refusal(b, { type: 'START_PRODUCTION', supplier: 's', dueDate: new Date(T0 + HOUR).toISOString() }).code).toBe(DomainErrorCode.InvalidState);
  });

  it('records milestones only in order and moves to LAUNCH when shipped', () => {
    const state = inStage('PRODUCTION');
    expect(refusal(state, { type: 'RECORD_MILESTONE', milestone: 'MATERIALS' }).message).toMatch(/has not started/);
    act(state, { type: 'START_PRODUCTION', supplier: 's', dueDate: new Date(T0 + HOUR).toISOString() });
    expect(refusal(state, { type: 'RECORD_MILESTONE', milestone: 'CUTTING' }).message).toMatch(/next one is MATERIALS, not CUTTING/);
    expect(inStage('LAUNCH').stage).toBe('LAUNCH');
  });

  it('keeps only the countdowns still ahead, sends them latest-offset first, then launches', () => {
    const state = inStage('LAUNCH');
    expect(refusal(state, { type: 'SCHEDULE_LAUNCH', launchAt: new Date(T0 - 1).toISOString() }).code).toBe(DomainErrorCode.InvalidValue);
    act(state, { type: 'SCHEDULE_LAUNCH', launchAt: new Date(T0 + 2 * HOUR).toISOString() });
    expect(state.launch.countdowns.map((c) => c.offsetMs)).toEqual([HOUR]); // 24 h before is already past
    const first = nextDeadline(state);
    expect(first).toEqual({ kind: 'LAUNCH_COUNTDOWN', at: T0 + HOUR, offsetMs: HOUR });
    applyDeadline(state, first as never, T0 + HOUR);
    expect(nextDeadline(state)).toEqual({ kind: 'LAUNCH', at: T0 + 2 * HOUR });
    const events = applyDeadline(state, { kind: 'LAUNCH', at: T0 + 2 * HOUR }, T0 + 2 * HOUR);
    expect(events.map((e) => [e.type, e.stage])).toEqual([
      ['LAUNCHED', 'LAUNCH'],
      ['STAGE_CHANGED', 'LAUNCHED'],
    ]);
    expect(pendingAction(state).by).toBeNull();
  });
});

describe('cancel', () => {
  it.each(['POLL', 'DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH'] as const)('cancels from %s and records where it was', (stage) => {
    const state = inStage(stage);
    const events = act(state, { type: 'CANCEL', reason: ' budget ' });
    expect(events.map((e) => [e.type, e.stage])).toEqual([['CANCELLED', 'CANCELLED']]);
    expect(state.cancellation).toMatchObject({ reason: 'budget', fromStage: stage, by: staff });
  });

  it('needs a reason', () => {
    expect(refusal(inStage('POLL'), { type: 'CANCEL', reason: ' ' }).code).toBe(DomainErrorCode.InvalidValue);
  });
});

it('numbers events one by one and stamps each with the stage after it', () => {
  const { state, events } = createProductState(input(), T0);
  events.push(...applyPollTally(state, [{ optionId: 'a', votes: 5, lastVoteAt: null }], staff, T0));
  events.push(...act(state, { type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] }));
  events.push(...act(state, { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' }, influencer));
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(events[events.length - 1]).toMatchObject({ type: 'STAGE_CHANGED', stage: 'SAMPLING', data: { from: 'DESIGN', to: 'SAMPLING' } });
});
