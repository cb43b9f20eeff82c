// Closing the poll early (commands/close-poll.ts).

import { DomainErrorCode } from '../errors';
import { beginPollClose } from '../lifecycle';
import { driveTo, expectAccepted, expectRefused, MIN_VOTES, PRODUCT_ID, votes } from '../testing/lifecycle-driver';

describe('poll', () => {
  describe('closing', () => {
    it('accepts closing an open poll early', () => {
      expectAccepted(driveTo('POLL'), { type: 'CLOSE_POLL' });
    });

    it('refuses a second close while the tally is running (INVALID_STATE)', () => {
      const p = driveTo('POLL');
      beginPollClose(p.state);
      expectRefused(p, { type: 'CLOSE_POLL' }, DomainErrorCode.InvalidState, `the poll of product ${PRODUCT_ID} is already closing`);
    });

    it('refuses closing a poll that is awaiting a staff decision, saying how many votes it got (INVALID_STATE)', () => {
      const p = driveTo('POLL');
      p.closePoll(votes(3, 4));
      expect(p.state.poll.status).toBe('AWAITING_DECISION');
      expectRefused(
        p,
        { type: 'CLOSE_POLL' },
        DomainErrorCode.InvalidState,
        `the poll of product ${PRODUCT_ID} closed with 7 of ${MIN_VOTES} required votes; extend it or cancel the product`,
      );
    });
  });
});
