// Sample rounds: recording and reviewing samples (commands/record-sample.ts, review-sample.ts, rounds.ts).

import { DomainErrorCode } from '../errors';
import { type LifecycleCommand } from '../lifecycle';
import {
  driveTo,
  expectAccepted,
  expectRefused,
  influencer,
  iso,
  MINUTE,
  Product,
  PRODUCT_ID,
  SAMPLE_ROUND_LIMIT,
  staff,
} from '../testing/lifecycle-driver';

describe('sample rounds', () => {
  const sample: LifecycleCommand = { type: 'RECORD_SAMPLE', supplier: 'Atelier Nord', notes: 'seams ok', photoUrls: ['https://img/s1.jpg'] };
  const recordSample = (p: Product) => p.act({ type: 'RECORD_SAMPLE', supplier: 'Atelier Nord', notes: 'seams ok', photoUrls: ['https://img/s1.jpg'] });

  it('records a sample as round 1 waiting for review', () => {
    const p = driveTo('SAMPLING').advance(MINUTE);
    const events = recordSample(p);
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([['SAMPLE_RECORDED', 'SAMPLING', { round: 1, supplier: 'Atelier Nord' }]]);
    expect(p.state.samples[0]).toEqual({
      round: 1,
      status: 'PENDING_REVIEW',
      submittedAt: iso(p.now),
      submittedBy: staff,
      supplier: 'Atelier Nord',
      notes: 'seams ok',
      photoUrls: ['https://img/s1.jpg'],
    });
  });

  it('refuses a new sample while the previous one waits for review (INVALID_STATE)', () => {
    const p = driveTo('SAMPLING');
    recordSample(p);
    expectRefused(p, sample, DomainErrorCode.InvalidState, `sample round 1 of product ${PRODUCT_ID} is waiting for the influencer's review`);
  });

  it(`refuses a sample once all ${SAMPLE_ROUND_LIMIT} rounds had changes requested (ROUND_LIMIT_REACHED)`, () => {
    const p = driveTo('SAMPLING');
    for (let round = 1; round <= SAMPLE_ROUND_LIMIT; round++) {
      expectAccepted(p, sample);
      recordSample(p);
      p.act({ type: 'REVIEW_SAMPLE', round, decision: 'REQUEST_CHANGES', feedback: 'loose seams' }, influencer);
    }
    expectRefused(
      p,
      sample,
      DomainErrorCode.RoundLimitReached,
      `product ${PRODUCT_ID} has used all ${SAMPLE_ROUND_LIMIT} sample rounds; the only action left in SAMPLING is cancelling`,
    );
  });

  it('refuses reviewing a sample round that does not exist (INVALID_VALUE)', () => {
    const p = driveTo('SAMPLING');
    expectRefused(p, { type: 'REVIEW_SAMPLE', round: 1, decision: 'APPROVE' }, DomainErrorCode.InvalidValue, `product ${PRODUCT_ID} has no sample round to review yet`);
    recordSample(p);
    expectRefused(
      p,
      { type: 'REVIEW_SAMPLE', round: 4, decision: 'APPROVE' },
      DomainErrorCode.InvalidValue,
      `product ${PRODUCT_ID} has no sample round 4; rounds are 1 to 1`,
    );
  });

  it('refuses reviewing the same sample round twice (INVALID_STATE)', () => {
    const p = driveTo('SAMPLING');
    recordSample(p);
    p.act({ type: 'REVIEW_SAMPLE', round: 1, decision: 'REQUEST_CHANGES', feedback: 'tighter hem' }, influencer);
    expectRefused(
      p,
      { type: 'REVIEW_SAMPLE', round: 1, decision: 'REQUEST_CHANGES', feedback: 'again' },
      DomainErrorCode.InvalidState,
      `sample round 1 of product ${PRODUCT_ID} was already reviewed`,
    );
  });

  it('refuses rejecting a sample without feedback (INVALID_VALUE)', () => {
    const p = driveTo('SAMPLING');
    recordSample(p);
    expectRefused(p, { type: 'REVIEW_SAMPLE', round: 1, decision: 'REQUEST_CHANGES', feedback: ' ' }, DomainErrorCode.InvalidValue);
  });

  it('requesting changes on a sample keeps SAMPLING and records the feedback', () => {
    const p = driveTo('SAMPLING');
    recordSample(p);
    const events = p.act({ type: 'REVIEW_SAMPLE', round: 1, decision: 'REQUEST_CHANGES', feedback: 'tighter hem' }, influencer);
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([['SAMPLE_CHANGES_REQUESTED', 'SAMPLING', { round: 1, feedback: 'tighter hem' }]]);
    expect(p.state.samples[0]).toMatchObject({ status: 'CHANGES_REQUESTED', feedback: 'tighter hem', reviewedBy: influencer });
  });

  it('approving a sample moves the product to PRODUCTION (SAMPLE_APPROVED then STAGE_CHANGED)', () => {
    const p = driveTo('SAMPLING');
    recordSample(p);
    const events = p.act({ type: 'REVIEW_SAMPLE', round: 1, decision: 'APPROVE' }, influencer);
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([
      ['SAMPLE_APPROVED', 'SAMPLING', { round: 1, feedback: null }],
      ['STAGE_CHANGED', 'PRODUCTION', { from: 'SAMPLING', to: 'PRODUCTION' }],
    ]);
    expect(p.state.stage).toBe('PRODUCTION');
    expect(p.state.samples[0].status).toBe('APPROVED');
  });
});
