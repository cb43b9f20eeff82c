// Extending or reopening the poll (commands/extend-poll.ts).

import { DomainErrorCode } from '../errors';
import { beginPollClose, nextDeadline } from '../lifecycle';
import {
  DAY,
  driveTo,
  expectRefused,
  HOUR,
  iso,
  makeInput,
  MINUTE,
  POLL_CLOSES_AT,
  PRODUCT_ID,
  staff,
  votes,
} from '../testing/lifecycle-driver';

describe('poll', () => {
  describe('extending', () => {
    it('refuses a closing time in the past (INVALID_VALUE)', () => {
      const p = driveTo('POLL').advance(DAY);
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: iso(p.now - MINUTE) }, DomainErrorCode.InvalidValue, /is not in the future/);
    });

    it('refuses a closing time equal to now (INVALID_VALUE)', () => {
      const p = driveTo('POLL');
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: iso(p.now) }, DomainErrorCode.InvalidValue, /is not in the future/);
    });

    it('refuses a future closing time earlier than the current one, pointing to closing early instead (INVALID_VALUE)', () => {
      const p = driveTo('POLL');
      const earlier = iso(POLL_CLOSES_AT - DAY);
      expectRefused(
        p,
        { type: 'EXTEND_POLL', closesAt: earlier },
        DomainErrorCode.InvalidValue,
        `closesAt ${earlier} is not later than the current closing time ${iso(POLL_CLOSES_AT)}; close the poll to end it early`,
      );
    });

    it('refuses a closing time equal to the current one (INVALID_VALUE)', () => {
      const p = driveTo('POLL');
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: iso(POLL_CLOSES_AT) }, DomainErrorCode.InvalidValue, /is not later than the current closing time/);
    });

    it('refuses a closing time that is not a time at all (INVALID_VALUE)', () => {
      const p = driveTo('POLL');
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: 'next friday' }, DomainErrorCode.InvalidValue, 'closesAt "next friday" is not a valid time');
    });

    it('refuses extending while the tally is running (INVALID_STATE)', () => {
      const p = driveTo('POLL');
      beginPollClose(p.state);
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: iso(POLL_CLOSES_AT + DAY) }, DomainErrorCode.InvalidState, `the poll of product ${PRODUCT_ID} is closing`);
    });

    it('moves the closing time of an open poll later, records the old one and re-arms the poll timer', () => {
      const p = driveTo('POLL').advance(HOUR);
      const events = p.act({ type: 'EXTEND_POLL', closesAt: iso(POLL_CLOSES_AT + 2 * DAY) });
      expect(events).toEqual([
        { seq: 3, type: 'POLL_EXTENDED', stage: 'POLL', actor: staff, at: iso(p.now), data: { from: iso(POLL_CLOSES_AT), closesAt: iso(POLL_CLOSES_AT + 2 * DAY) } },
      ]);
      expect(p.state.poll).toMatchObject({ status: 'OPEN', closesAt: iso(POLL_CLOSES_AT + 2 * DAY) });
      expect(nextDeadline(p.state)).toEqual({ kind: 'POLL_CLOSES', at: POLL_CLOSES_AT + 2 * DAY });
    });

    it('stores the new closing time as a UTC ISO instant whatever offset it was given with', () => {
      const p = driveTo('POLL');
      p.act({ type: 'EXTEND_POLL', closesAt: '2026-01-10T02:00:00+02:00' });
      expect(p.state.poll.closesAt).toBe('2026-01-10T00:00:00.000Z');
    });

    it('reopens a poll awaiting a decision, even with a closing time before the original one as long as it is in the future', () => {
      const p = driveTo('POLL').advance(3 * DAY);
      p.closePoll(votes(2, 1));
      expect(p.state.poll.status).toBe('AWAITING_DECISION');
      const reopenUntil = iso(p.now + DAY); // earlier than the original POLL_CLOSES_AT (T0 + 7 days)
      expect(Date.parse(reopenUntil)).toBeLessThan(POLL_CLOSES_AT);
      p.act({ type: 'EXTEND_POLL', closesAt: reopenUntil });
      expect(p.state.poll.status).toBe('OPEN');
      expect(p.state.stage).toBe('POLL');
      expect(nextDeadline(p.state)).toEqual({ kind: 'POLL_CLOSES', at: Date.parse(reopenUntil) });
    });

    it('still refuses a past closing time when reopening a poll awaiting a decision (INVALID_VALUE)', () => {
      const p = driveTo('POLL').advance(8 * DAY);
      p.tally(votes(1));
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: iso(p.now - HOUR) }, DomainErrorCode.InvalidValue);
    });
  });

  describe('cap', () => {
    it('counts every extension, reopenings included, and refuses the one past POLL_EXTENSION_LIMIT', () => {
      const p = driveTo('POLL', makeInput({ rules: { actionLimits: { launchReschedules: 20, pollExtensions: 2, announcementReapprovals: 5 } } }));
      p.act({ type: 'EXTEND_POLL', closesAt: iso(POLL_CLOSES_AT + DAY) });
      p.advance(8 * DAY).closePoll(votes(1));
      expect(p.state.poll.status).toBe('AWAITING_DECISION');
      p.act({ type: 'EXTEND_POLL', closesAt: iso(p.now + DAY) });
      expect(p.state.actionCounts?.pollExtensions).toBe(2);
      expectRefused(
        p,
        { type: 'EXTEND_POLL', closesAt: iso(p.now + 2 * DAY) },
        DomainErrorCode.ActionLimitReached,
        `product ${PRODUCT_ID} has used all 2 poll extensions it is allowed (POLL_EXTENSION_LIMIT when it was created); raise POLL_EXTENSION_LIMIT for products created from then on`,
      );
    });

    it('with a cap of 0, refuses the first extension', () => {
      const p = driveTo('POLL', makeInput({ rules: { actionLimits: { launchReschedules: 20, pollExtensions: 0, announcementReapprovals: 5 } } }));
      expectRefused(p, { type: 'EXTEND_POLL', closesAt: iso(POLL_CLOSES_AT + DAY) }, DomainErrorCode.ActionLimitReached, /has used all 0 poll extensions/);
    });
  });
});
