// Cancelling the product (commands/cancel.ts).

import { DomainErrorCode } from '../errors';
import { beginDemandClose, beginPollClose, nextDeadline } from '../lifecycle';
import {
  ACTIVE_STAGES,
  driveTo,
  expectRefused,
  iso,
  MINUTE,
  Product,
  reserved,
  sellingInput,
  staff,
  votes,
  type ActiveStage,
} from '../testing/lifecycle-driver';

describe('cancelling', () => {
  it.each(ACTIVE_STAGES.filter((s) => s !== 'ON_SALE').map((s) => [s as ActiveStage]))('cancels from %s: records the stage it left and moves to CANCELLED', (stage) => {
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

  it('refuses to cancel a product on sale: it is ended (END_SALES)', () => {
    expectRefused(driveTo('ON_SALE'), { type: 'CANCEL', reason: 'stop' }, DomainErrorCode.WrongStage, /a product on sale is ended, not cancelled: use END_SALES/);
  });

  it('releases the reservations counted when a product is cancelled in DEMAND, before CANCELLED', () => {
    const p = driveTo('DEMAND').advance(MINUTE);
    p.closeDemand(reserved(4, 2));
    expect(p.state.demand?.status).toBe('AWAITING_DECISION');
    const events = p.advance(MINUTE).act({ type: 'CANCEL', reason: 'not enough fans' });
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['RESERVATIONS_RELEASED', { reservations: 3, totalUnits: 6, reason: 'not enough fans' }],
      ['CANCELLED', { reason: 'not enough fans', from: 'DEMAND', reservationsReleased: 3 }],
    ]);
    expect(p.state.demand?.status).toBe('RELEASED');
  });

  it.each(['DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH'] as const)(
    'releases the reservations held for launch when cancelled in %s after the goal was met, and says so on CANCELLED',
    (stage) => {
      // A selling product's demand window met its goal with 10 S and 14 M reserved on the way.
      const q = driveTo(stage, sellingInput());
      expect(q.state.demand?.status).toBe('MET');
      const events = q.advance(MINUTE).act({ type: 'CANCEL', reason: 'the mill closed', releaseHeld: true });
      expect(events.map((e) => [e.type, e.data])).toEqual([
        ['RESERVATIONS_RELEASED', { reservations: 12, totalUnits: 24, reason: 'the mill closed' }],
        ['CANCELLED', { reason: 'the mill closed', from: stage, reservationsReleased: 12 }],
      ]);
      expect(q.state.demand?.status).toBe('RELEASED');
    },
  );

  it('keeps held reservations when the workflow does not ask for their release (products cancelled before the patch)', () => {
    const p = driveTo('SAMPLING', sellingInput());
    expect(p.advance(MINUTE).act({ type: 'CANCEL', reason: 'old worker' }).map((e) => e.type)).toEqual(['CANCELLED']);
    expect(p.state.demand?.status).toBe('MET');
  });

  it('releases nothing when nobody reserved, and refuses while the window is being tallied', () => {
    const p = driveTo('DEMAND').advance(MINUTE);
    beginDemandClose(p.state);
    expectRefused(p, { type: 'CANCEL', reason: 'x' }, DomainErrorCode.InvalidState, /being tallied/);
    p.demandTally(reserved(0));
    expect(p.act({ type: 'CANCEL', reason: 'no fans' }).map((e) => e.type)).toEqual(['CANCELLED']);
  });

  it.each(['', '   '])('refuses a cancellation without a reason (%j → INVALID_VALUE)', (reason) => {
    expectRefused(driveTo('SAMPLING'), { type: 'CANCEL', reason }, DomainErrorCode.InvalidValue, 'a cancellation needs a reason');
  });
});
