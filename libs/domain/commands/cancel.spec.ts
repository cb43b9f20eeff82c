// Cancelling the product (commands/cancel.ts).

import { DomainErrorCode } from '../errors';
import { beginPollClose, nextDeadline } from '../lifecycle';
import {
  ACTIVE_STAGES,
  driveTo,
  expectRefused,
  iso,
  MINUTE,
  Product,
  staff,
  votes,
  type ActiveStage,
} from '../testing/lifecycle-driver';

describe('cancelling', () => {
  it.each(ACTIVE_STAGES.map((s) => [s as ActiveStage]))('cancels from %s: records the stage it left and moves to CANCELLED', (stage) => {
    const p = driveTo(stage).advance(MINUTE);
    const events = p.act({ type: 'CANCEL', reason: '  fabric shortage  ' });
    expect(events).toEqual([
      { seq: p.state.seq, type: 'CANCELLED', stage: 'CANCELLED', actor: staff, at: iso(p.now), data: { reason: 'fabric shortage', from: stage } },
    ]);
    expect(p.state.stage).toBe('CANCELLED');
    expect(p.state.cancellation).toEqual({ reason: 'fabric shortage', at: iso(p.now), by: staff, fromStage: stage });
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('stops vote intake: a poll that had not closed is CANCELLED, a closed one keeps its result', () => {
    const polling = new Product().advance(MINUTE);
    polling.act({ type: 'CANCEL', reason: 'brand paused' });
    expect(polling.state.poll.status).toBe('CANCELLED');

    const closing = new Product();
    beginPollClose(closing.state);
    closing.act({ type: 'CANCEL', reason: 'brand paused' });
    expect(closing.state.poll.status).toBe('CANCELLED');
    expect(closing.tally(votes(20))).toEqual([]);
    expect(closing.state.poll.status).toBe('CANCELLED');

    const designed = driveTo('DESIGN');
    designed.act({ type: 'CANCEL', reason: 'brand paused' });
    expect(designed.state.poll.status).toBe('CLOSED');
    expect(designed.state.poll.result).toBeDefined();
  });

  it('cancels in DESIGN while a design waits for review', () => {
    const p = driveTo('DESIGN');
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    p.act({ type: 'CANCEL', reason: 'influencer left' });
    expect(p.state.cancellation?.fromStage).toBe('DESIGN');
  });

  it.each(['', '   '])('refuses a cancellation without a reason (%j → INVALID_VALUE)', (reason) => {
    expectRefused(driveTo('SAMPLING'), { type: 'CANCEL', reason }, DomainErrorCode.InvalidValue, 'a cancellation needs a reason');
  });
});
