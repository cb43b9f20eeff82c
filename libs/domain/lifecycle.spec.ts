// The lifecycle as a whole: event numbering and stages over whole lifecycles, and direct use of its functions.

import { LifecycleRefusal } from './errors';
import { applyCommand, applyDeadline, applyPollTally, beginPollClose, createProductState, validateCommand } from './lifecycle';
import { SYSTEM_ACTOR } from './model';
import { PRODUCTION_MILESTONES } from './stages';
import {
  DAY,
  driveTo,
  HOUR,
  influencer,
  iso,
  makeInput,
  MINUTE,
  POLL_CLOSES_AT,
  Product,
  REMINDER_AFTER,
  staff,
  T0,
  votes,
} from './testing/lifecycle-driver';

describe('event invariants', () => {
  it('over a full lifecycle, numbers events 1, 2, 3… and gives each the stage right after it', () => {
    const p = driveTo('LAUNCHED');
    // Product.record checks each batch; here the whole timeline at once.
    expect(p.events.map((e) => e.seq)).toEqual(p.events.map((_, i) => i + 1));
    expect(p.state.seq).toBe(p.events.length);
    expect(p.events.map((e) => `${e.type}@${e.stage}`)).toEqual([
      'PRODUCT_CREATED@POLL',
      'POLL_OPENED@POLL',
      'POLL_CLOSED@POLL',
      'STAGE_CHANGED@DESIGN',
      'DESIGN_SUBMITTED@DESIGN',
      'DESIGN_APPROVED@DESIGN',
      'STAGE_CHANGED@SAMPLING',
      'SAMPLE_RECORDED@SAMPLING',
      'SAMPLE_APPROVED@SAMPLING',
      'STAGE_CHANGED@PRODUCTION',
      'PRODUCTION_STARTED@PRODUCTION',
      'PRODUCTION_MILESTONE@PRODUCTION',
      'PRODUCTION_MILESTONE@PRODUCTION',
      'PRODUCTION_MILESTONE@PRODUCTION',
      'PRODUCTION_MILESTONE@PRODUCTION',
      'PRODUCTION_MILESTONE@PRODUCTION',
      'STAGE_CHANGED@LAUNCH',
      'LAUNCH_SCHEDULED@LAUNCH',
      'LAUNCH_COUNTDOWN@LAUNCH',
      'LAUNCH_COUNTDOWN@LAUNCH',
      'LAUNCHED@LAUNCH',
      'STAGE_CHANGED@LAUNCHED',
    ]);
    expect(p.events.filter((e) => e.type === 'STAGE_CHANGED').map((e) => e.data.to)).toEqual(['DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH', 'LAUNCHED']);
  });

  it('over a bumpy lifecycle (short poll, extension, rejected rounds, reminders, rescheduling, cancellation), keeps seq contiguous', () => {
    const p = new Product(makeInput(), T0);
    p.advance(7 * DAY);
    beginPollClose(p.state);
    p.tally(votes(1, 2));
    p.advance(HOUR).act({ type: 'EXTEND_POLL', closesAt: iso(p.now + DAY) });
    p.advance(DAY);
    beginPollClose(p.state);
    p.tally(votes(6, 6), SYSTEM_ACTOR);
    expect(p.state.poll.result).toMatchObject({ winningOptionId: 'a', tieBroken: true });
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    p.fire();
    p.advance(HOUR).act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'x' }, influencer);
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    p.advance(HOUR).act({ type: 'REVIEW_DESIGN', round: 2, decision: 'APPROVE' }, influencer);
    p.act({ type: 'RECORD_SAMPLE', supplier: 's', notes: '', photoUrls: [] });
    p.fire();
    p.advance(HOUR).act({ type: 'REVIEW_SAMPLE', round: 1, decision: 'APPROVE' }, influencer);
    p.act({ type: 'START_PRODUCTION', quantity: 80, supplier: 's', dueDate: iso(p.now + 20 * DAY) });
    for (const milestone of PRODUCTION_MILESTONES) p.advance(DAY).act({ type: 'RECORD_MILESTONE', milestone });
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 2 * DAY) });
    p.fire();
    p.advance(HOUR).act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 5 * DAY) });
    p.advance(HOUR).act({ type: 'CANCEL', reason: 'recall' });
    expect(p.events.map((e) => e.seq)).toEqual(p.events.map((_, i) => i + 1));
    expect(p.events[p.events.length - 1]).toMatchObject({ type: 'CANCELLED', stage: 'CANCELLED', data: { from: 'LAUNCH' } });
    expect(p.state.updatedAt).toBe(iso(p.now));
  });

  it('a refused action changes nothing: same seq, same state', () => {
    const p = driveTo('SAMPLING');
    const before = JSON.stringify(p.state);
    expect(() => validateCommand(p.state, { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' }, p.now)).toThrow(LifecycleRefusal);
    expect(JSON.stringify(p.state)).toBe(before);
  });

  it('applyCommand leaves the clock fields in ISO form (updatedAt moves with each event)', () => {
    const p = driveTo('DESIGN').advance(5 * MINUTE);
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    expect(p.state.updatedAt).toBe(iso(p.now));
    expect(p.state.createdAt).toBe(iso(T0));
  });
});

describe('direct use without the harness', () => {
  it('applyCommand and applyDeadline return the events they produced and mutate the given state', () => {
    const { state } = createProductState(makeInput(), T0);
    expect(applyCommand(state, { type: 'EXTEND_POLL', closesAt: iso(POLL_CLOSES_AT + DAY) }, staff, T0).map((e) => e.seq)).toEqual([3]);
    beginPollClose(state);
    applyPollTally(state, votes(20), staff, T0 + HOUR);
    applyCommand(state, { type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] }, staff, T0 + HOUR);
    const events = applyDeadline(state, { kind: 'REVIEW_REMINDER', at: T0 + HOUR + REMINDER_AFTER, what: 'design', round: 1 }, T0 + HOUR + REMINDER_AFTER);
    expect(events.map((e) => [e.seq, e.type])).toEqual([[7, 'DESIGN_REVIEW_REMINDER']]);
    expect(state.seq).toBe(7);
  });
});
