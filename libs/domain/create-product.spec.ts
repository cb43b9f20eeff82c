// createProductState: the product's state and first events when its workflow starts.

import { createProductState } from './lifecycle';
import { iso, makeInput, MIN_VOTES, POLL_CLOSES_AT, PRODUCT_ID, staff, T0 } from './testing/lifecycle-driver';

describe('createProductState', () => {
  it('starts the product in POLL with an open poll and seq 2', () => {
    const input = makeInput();
    const { state } = createProductState(input, T0);
    expect(state).toMatchObject({
      productId: PRODUCT_ID,
      influencerId: 'inf-7',
      name: 'Summer linen dress',
      targetKeyword: 'linen dress',
      stage: 'POLL',
      seq: 2,
      createdAt: iso(T0),
      updatedAt: iso(T0),
      rules: input.rules,
      poll: { ...input.poll, status: 'OPEN' },
      designs: [],
      samples: [],
      production: { milestones: [] },
      launch: { countdowns: [] },
    });
    expect(state.suggestedQuantity).toBeUndefined();
    expect(state.cancellation).toBeUndefined();
    expect(state.poll.result).toBeUndefined();
  });

  it('emits PRODUCT_CREATED (seq 1) then POLL_OPENED (seq 2), both in POLL, by the creator at the start time', () => {
    const input = makeInput();
    const { events } = createProductState(input, T0);
    expect(events).toEqual([
      { seq: 1, type: 'PRODUCT_CREATED', stage: 'POLL', actor: staff, at: iso(T0), data: { name: 'Summer linen dress', targetKeyword: 'linen dress' } },
      {
        seq: 2,
        type: 'POLL_OPENED',
        stage: 'POLL',
        actor: staff,
        at: iso(T0),
        data: { question: 'Which fabric?', options: input.poll.options, closesAt: iso(POLL_CLOSES_AT), minVotes: MIN_VOTES },
      },
    ]);
  });
});
