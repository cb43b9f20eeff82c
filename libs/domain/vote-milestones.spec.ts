// Vote milestones reported by vote intake (vote-milestones.ts).

import { beginPollClose } from './lifecycle';
import { SYSTEM_ACTOR } from './model';
import { driveTo, iso, MINUTE, Product } from './testing/lifecycle-driver';

describe('vote milestones', () => {
  it('records each milestone once, as POLL_MILESTONE by the engine, in order of size', () => {
    const p = new Product().advance(MINUTE);
    expect(p.milestone(1000, 1003)).toEqual([
      { seq: 3, type: 'POLL_MILESTONE', stage: 'POLL', actor: SYSTEM_ACTOR, at: iso(p.now), data: { milestone: 1000, totalVotes: 1003 } },
    ]);
    expect(p.milestone(1000, 1500)).toEqual([]);
    p.advance(MINUTE);
    expect(p.milestone(100)).toHaveLength(1);
    expect(p.state.poll.milestones?.map((m) => m.milestone)).toEqual([100, 1000]);
  });

  it('reports at least the milestone as the total, even from a confused sender', () => {
    const p = new Product();
    expect(p.milestone(100, 3)[0].data).toEqual({ milestone: 100, totalVotes: 100 });
  });

  it('ignores milestones after the poll stage, and nonsense ones', () => {
    const p = driveTo('DESIGN');
    expect(p.milestone(100)).toEqual([]);
    const fresh = new Product();
    expect(fresh.milestone(0)).toEqual([]);
    expect(fresh.milestone(-5)).toEqual([]);
    expect(fresh.milestone(1.5)).toEqual([]);
  });

  it('keeps a CLOSING poll taking milestones until the tally moves the product on', () => {
    const p = new Product();
    beginPollClose(p.state);
    expect(p.milestone(10)).toHaveLength(1);
  });
});
