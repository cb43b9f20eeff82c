// The poll's tally: winner, minimum votes, suggested quantity (poll-tally.ts).

import { applyPollTally, beginPollClose } from './lifecycle';
import { SYSTEM_ACTOR } from './model';
import { DAY, driveTo, HOUR, iso, MIN_VOTES, MINUTE, T0, votes } from './testing/lifecycle-driver';

describe('poll', () => {
  describe('applyPollTally', () => {
    it('below the minimum, waits for staff: AWAITING_DECISION with a POLL_BELOW_MINIMUM event and the tally kept', () => {
      const p = driveTo('POLL').advance(7 * DAY);
      beginPollClose(p.state);
      const events = p.tally(votes(4, 5));
      expect(events).toEqual([
        {
          seq: 3,
          type: 'POLL_BELOW_MINIMUM',
          stage: 'POLL',
          actor: SYSTEM_ACTOR,
          at: iso(p.now),
          data: {
            totalVotes: 9,
            minVotes: MIN_VOTES,
            counts: [votes(4)[0], votes(0, 5)[0], { optionId: 'c', votes: 0, lastVoteAt: null }],
          },
        },
      ]);
      expect(p.state.stage).toBe('POLL');
      expect(p.state.poll.status).toBe('AWAITING_DECISION');
      expect(p.state.poll.lastTally).toEqual({ counts: events[0].data.counts, totalVotes: 9, at: iso(p.now) });
      expect(p.state.poll.result).toBeUndefined();
      expect(p.state.suggestedQuantity).toBeUndefined();
    });

    it('at exactly the minimum, closes the poll, picks the winner and moves to DESIGN (POLL_CLOSED then STAGE_CHANGED)', () => {
      const p = driveTo('POLL').advance(HOUR);
      const events = p.closePoll(votes(3, 7));
      expect(events.map((e) => [e.seq, e.type, e.stage])).toEqual([
        [3, 'POLL_CLOSED', 'POLL'],
        [4, 'STAGE_CHANGED', 'DESIGN'],
      ]);
      expect(events[1].data).toEqual({ from: 'POLL', to: 'DESIGN' });
      expect(p.state.stage).toBe('DESIGN');
      expect(p.state.poll.status).toBe('CLOSED');
      expect(p.state.poll.result).toEqual({
        counts: [votes(3)[0], votes(0, 7)[0], { optionId: 'c', votes: 0, lastVoteAt: null }],
        totalVotes: 10,
        winningOptionId: 'b',
        tieBroken: false,
        closedAt: iso(p.now),
      });
      // 7 × 0.25 = 1.75 is below the minimum order of 50.
      expect(p.state.suggestedQuantity).toBe(50);
      expect(events[0].data).toMatchObject({ winningOptionId: 'b', totalVotes: 10, tieBroken: false, suggestedQuantity: 50 });
    });

    it('above the minimum, derives the suggested quantity from the winner votes (conversion rate, batches)', () => {
      const p = driveTo('POLL');
      p.closePoll(votes(100, 402, 7)); // 402 × 0.25 = 100.5 → 101 → 11 batches of 10
      expect(p.state.poll.result?.winningOptionId).toBe('b');
      expect(p.state.poll.result?.totalVotes).toBe(509);
      expect(p.state.suggestedQuantity).toBe(110);
    });

    it('records a broken tie in the result (earliest last vote wins)', () => {
      const p = driveTo('POLL');
      p.closePoll([
        { optionId: 'a', votes: 6, lastVoteAt: iso(T0 + 5 * HOUR) },
        { optionId: 'c', votes: 6, lastVoteAt: iso(T0 + 4 * HOUR) },
      ]);
      expect(p.state.poll.result).toMatchObject({ winningOptionId: 'c', tieBroken: true, totalVotes: 12 });
    });

    it('closes a reopened poll once it reaches the minimum', () => {
      const p = driveTo('POLL').advance(7 * DAY);
      beginPollClose(p.state);
      p.tally(votes(2));
      p.act({ type: 'EXTEND_POLL', closesAt: iso(p.now + 2 * DAY) });
      p.advance(2 * DAY);
      beginPollClose(p.state);
      p.tally(votes(2, 9));
      expect(p.state.stage).toBe('DESIGN');
      expect(p.state.poll.result?.winningOptionId).toBe('b');
      expect(p.events.map((e) => e.type)).toEqual([
        'PRODUCT_CREATED',
        'POLL_OPENED',
        'POLL_BELOW_MINIMUM',
        'POLL_EXTENDED',
        'POLL_CLOSED',
        'STAGE_CHANGED',
      ]);
    });

    it('does nothing when the product was cancelled while the tally ran', () => {
      const p = driveTo('POLL');
      beginPollClose(p.state);
      p.act({ type: 'CANCEL', reason: 'brand deal fell through' });
      const before = JSON.stringify(p.state);
      expect(applyPollTally(p.state, votes(50, 10), SYSTEM_ACTOR, p.now + MINUTE)).toEqual([]);
      expect(JSON.stringify(p.state)).toBe(before);
      expect(p.state.stage).toBe('CANCELLED');
    });

    it('does nothing once the poll has already moved the product on to DESIGN', () => {
      const p = driveTo('DESIGN');
      const before = JSON.stringify(p.state);
      expect(applyPollTally(p.state, votes(500), SYSTEM_ACTOR, p.now)).toEqual([]);
      expect(JSON.stringify(p.state)).toBe(before);
    });
  });
});
