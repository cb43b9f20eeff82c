// What the product waits for, and the view callers get (view.ts).

import { beginPollClose, pendingAction, toView } from './lifecycle';
import {
  DAY,
  DESIGN_ROUND_LIMIT,
  driveTo,
  influencer,
  iso,
  MIN_VOTES,
  POLL_CLOSES_AT,
  SAMPLE_ROUND_LIMIT,
  votes,
} from './testing/lifecycle-driver';

describe('pendingAction', () => {
  it('in an open poll, waits for fans to vote until the closing time', () => {
    expect(pendingAction(driveTo('POLL').state)).toEqual({
      by: 'fans',
      action: 'VOTE',
      description: `fans vote until ${iso(POLL_CLOSES_AT)}; staff may close the poll early`,
    });
  });

  it('while the poll is being tallied, waits for the engine', () => {
    const p = driveTo('POLL');
    beginPollClose(p.state);
    expect(pendingAction(p.state)).toEqual({ by: 'engine', action: 'TALLY', description: 'the poll is being tallied' });
  });

  it('below the minimum, asks staff to extend or cancel, with the vote count', () => {
    const p = driveTo('POLL');
    p.closePoll(votes(2, 1));
    expect(pendingAction(p.state)).toEqual({
      by: 'staff',
      action: 'EXTEND_OR_CANCEL',
      description: `the poll got 3 of ${MIN_VOTES} required votes; extend it or cancel the product`,
    });
  });

  it('in DESIGN, asks staff for design round 1, then the influencer for a review, then staff for round 2', () => {
    const p = driveTo('DESIGN');
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'SUBMIT_DESIGN', description: `submit design round 1 of ${DESIGN_ROUND_LIMIT}` });
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    expect(pendingAction(p.state)).toEqual({ by: 'influencer', action: 'REVIEW_DESIGN', description: 'review design round 1' });
    p.act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'x' }, influencer);
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'SUBMIT_DESIGN', description: `submit design round 2 of ${DESIGN_ROUND_LIMIT}` });
  });

  it('in DESIGN with every round used, tells staff the product can only be cancelled', () => {
    const p = driveTo('DESIGN');
    for (let round = 1; round <= DESIGN_ROUND_LIMIT; round++) {
      p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
      p.act({ type: 'REVIEW_DESIGN', round, decision: 'REQUEST_CHANGES', feedback: 'x' }, influencer);
    }
    expect(pendingAction(p.state)).toEqual({
      by: 'staff',
      action: 'CANCEL',
      description: `all ${DESIGN_ROUND_LIMIT} design rounds are used; the product can only be cancelled`,
    });
  });

  it('in SAMPLING, asks staff for a sample, then the influencer for its review, and says when rounds are used up', () => {
    const p = driveTo('SAMPLING');
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'RECORD_SAMPLE', description: `submit sample round 1 of ${SAMPLE_ROUND_LIMIT}` });
    for (let round = 1; round <= SAMPLE_ROUND_LIMIT; round++) {
      p.act({ type: 'RECORD_SAMPLE', supplier: 's', notes: '', photoUrls: [] });
      expect(pendingAction(p.state)).toEqual({ by: 'influencer', action: 'REVIEW_SAMPLE', description: `review sample round ${round}` });
      p.act({ type: 'REVIEW_SAMPLE', round, decision: 'REQUEST_CHANGES', feedback: 'x' }, influencer);
    }
    expect(pendingAction(p.state)).toEqual({
      by: 'staff',
      action: 'CANCEL',
      description: `all ${SAMPLE_ROUND_LIMIT} sample rounds are used; the product can only be cancelled`,
    });
  });

  it('in PRODUCTION, asks staff to start with the suggested quantity, then for each next milestone', () => {
    const p = driveTo('PRODUCTION');
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'START_PRODUCTION', description: 'start production (suggested quantity 50)' });
    p.act({ type: 'START_PRODUCTION', supplier: 's', dueDate: iso(p.now + DAY) });
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'RECORD_MILESTONE', description: 'record the MATERIALS milestone' });
    p.act({ type: 'RECORD_MILESTONE', milestone: 'MATERIALS' });
    p.act({ type: 'RECORD_MILESTONE', milestone: 'CUTTING' });
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'RECORD_MILESTONE', description: 'record the SEWING milestone' });
  });

  it('in LAUNCH, asks staff to schedule, then waits for the engine to launch at the set time', () => {
    const p = driveTo('LAUNCH');
    expect(pendingAction(p.state)).toEqual({ by: 'staff', action: 'SCHEDULE_LAUNCH', description: 'schedule the launch' });
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + DAY * 2) });
    expect(pendingAction(p.state)).toEqual({ by: 'engine', action: 'LAUNCH', description: `the product launches at ${iso(p.now + 2 * DAY)}` });
  });

  it.each(['LAUNCHED', 'CANCELLED'] as const)('once %s, waits for nobody', (stage) => {
    expect(pendingAction(driveTo(stage).state)).toEqual({ by: null, action: 'NONE', description: `the product is ${stage}` });
  });
});

describe('toView', () => {
  it('is a detached copy of the state with the pending action attached', () => {
    const p = driveTo('DESIGN');
    const view = toView(p.state);
    expect(view).toEqual({ ...JSON.parse(JSON.stringify(p.state)), pendingAction: pendingAction(p.state) });
    view.designs.push({} as never);
    view.poll.options[0].label = 'changed';
    expect(p.state.designs).toEqual([]);
    expect(p.state.poll.options[0].label).toBe('Linen');
  });
});
