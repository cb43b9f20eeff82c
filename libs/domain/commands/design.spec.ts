// Design rounds: submitting and reviewing designs (commands/submit-design.ts, review-design.ts, rounds.ts).

import { DomainErrorCode } from '../errors';
import { type LifecycleCommand } from '../lifecycle';
import {
  DESIGN_ROUND_LIMIT,
  driveTo,
  expectAccepted,
  expectRefused,
  HOUR,
  influencer,
  iso,
  makeInput,
  MINUTE,
  Product,
  PRODUCT_ID,
  staff,
} from '../testing/lifecycle-driver';

describe('design rounds', () => {
  const design: LifecycleCommand = { type: 'SUBMIT_DESIGN', title: 'Wrap dress', description: 'Midi', imageUrls: ['https://img/1.png'] };
  const submitDesign = (p: Product) => p.act({ type: 'SUBMIT_DESIGN', title: 'Wrap dress', description: 'Midi', imageUrls: ['https://img/1.png'] });

  it('records a submission as round 1 waiting for review', () => {
    const p = driveTo('DESIGN').advance(MINUTE);
    const events = submitDesign(p);
    expect(events).toEqual([{ seq: p.state.seq, type: 'DESIGN_SUBMITTED', stage: 'DESIGN', actor: staff, at: iso(p.now), data: { round: 1, title: 'Wrap dress' } }]);
    expect(p.state.designs).toEqual([
      { round: 1, status: 'PENDING_REVIEW', submittedAt: iso(p.now), submittedBy: staff, title: 'Wrap dress', description: 'Midi', imageUrls: ['https://img/1.png'] },
    ]);
  });

  it('refuses a new submission while the previous design waits for review (INVALID_STATE)', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    expectRefused(p, design, DomainErrorCode.InvalidState, `design round 1 of product ${PRODUCT_ID} is waiting for the influencer's review`);
  });

  it('requesting changes keeps the product in DESIGN, stores the trimmed feedback and allows round 2', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    const events = p.advance(HOUR).act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: '  shorter sleeves ' }, influencer);
    expect(events).toEqual([
      { seq: p.state.seq, type: 'DESIGN_CHANGES_REQUESTED', stage: 'DESIGN', actor: influencer, at: iso(p.now), data: { round: 1, feedback: 'shorter sleeves' } },
    ]);
    expect(p.state.designs[0]).toMatchObject({ status: 'CHANGES_REQUESTED', feedback: 'shorter sleeves', reviewedAt: iso(p.now), reviewedBy: influencer });
    expect(p.state.stage).toBe('DESIGN');
    expect(submitDesign(p)[0].data).toEqual({ round: 2, title: 'Wrap dress' });
  });

  it(`refuses a submission once all ${DESIGN_ROUND_LIMIT} rounds had changes requested (ROUND_LIMIT_REACHED)`, () => {
    const p = driveTo('DESIGN');
    for (let round = 1; round <= DESIGN_ROUND_LIMIT; round++) {
      submitDesign(p);
      p.act({ type: 'REVIEW_DESIGN', round, decision: 'REQUEST_CHANGES', feedback: 'again' }, influencer);
    }
    expectRefused(
      p,
      design,
      DomainErrorCode.RoundLimitReached,
      `product ${PRODUCT_ID} has used all ${DESIGN_ROUND_LIMIT} design rounds; the only action left in DESIGN is cancelling`,
    );
    expectAccepted(p, { type: 'CANCEL', reason: 'no design agreed' });
  });

  it('honours a per-product design round limit of 1', () => {
    const p = driveTo('DESIGN', makeInput({ rules: { designRoundLimit: 1 } }));
    submitDesign(p);
    p.act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'no' }, influencer);
    expectRefused(p, design, DomainErrorCode.RoundLimitReached);
  });

  it('refuses reviewing when no design was submitted yet (INVALID_VALUE)', () => {
    expectRefused(
      driveTo('DESIGN'),
      { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' },
      DomainErrorCode.InvalidValue,
      `product ${PRODUCT_ID} has no design round to review yet`,
    );
  });

  it('refuses reviewing a round that does not exist, naming the rounds there are (INVALID_VALUE)', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    expectRefused(
      p,
      { type: 'REVIEW_DESIGN', round: 2, decision: 'APPROVE' },
      DomainErrorCode.InvalidValue,
      `product ${PRODUCT_ID} has no design round 2; rounds are 1 to 1`,
    );
    expectRefused(p, { type: 'REVIEW_DESIGN', round: 0, decision: 'APPROVE' }, DomainErrorCode.InvalidValue);
  });

  it('refuses reviewing the same round twice (INVALID_STATE)', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    p.act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'bolder' }, influencer);
    expectRefused(
      p,
      { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' },
      DomainErrorCode.InvalidState,
      `design round 1 of product ${PRODUCT_ID} was already reviewed`,
    );
  });

  it('refuses reviewing an earlier round while a later one waits (INVALID_STATE)', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    p.act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'bolder' }, influencer);
    submitDesign(p);
    expectRefused(p, { type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' }, DomainErrorCode.InvalidState);
    expectAccepted(p, { type: 'REVIEW_DESIGN', round: 2, decision: 'APPROVE' });
  });

  it.each([undefined, '', '  \n '])('refuses requesting changes without feedback (%j → INVALID_VALUE)', (feedback) => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    expectRefused(
      p,
      { type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback },
      DomainErrorCode.InvalidValue,
      'requesting changes needs feedback saying what to change',
    );
  });

  it('approving a design moves the product to SAMPLING (DESIGN_APPROVED then STAGE_CHANGED)', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    const events = p.advance(HOUR).act({ type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' }, influencer);
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([
      ['DESIGN_APPROVED', 'DESIGN', { round: 1, feedback: null }],
      ['STAGE_CHANGED', 'SAMPLING', { from: 'DESIGN', to: 'SAMPLING' }],
    ]);
    expect(p.state.stage).toBe('SAMPLING');
    expect(p.state.designs[0]).toMatchObject({ status: 'APPROVED', reviewedBy: influencer, reviewedAt: iso(p.now) });
    expect(p.state.designs[0].feedback).toBeUndefined();
  });

  it('approves the last allowed round after earlier rounds had changes requested', () => {
    const p = driveTo('DESIGN');
    submitDesign(p);
    p.act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'x' }, influencer);
    submitDesign(p);
    p.act({ type: 'REVIEW_DESIGN', round: 2, decision: 'APPROVE', feedback: 'love it' }, influencer);
    expect(p.state.stage).toBe('SAMPLING');
    expect(p.state.designs[1]).toMatchObject({ status: 'APPROVED', feedback: 'love it' });
  });
});
