// Which timeline events tell whom (notifications.ts).
import { notificationsFor } from './notifications';
import { APPROVING, DAY, driveTo, HOUR, influencer, iso, MINUTE, PRODUCT_ID, votes } from './testing/lifecycle-driver';
import { Product, makeInput, T0 } from './testing/lifecycle-driver';

describe('notificationsFor', () => {
  it('tells the influencer a design waits for her, and again when it is reminded; nobody when she reviews it', () => {
    const p = driveTo('DESIGN').advance(MINUTE);
    const [submitted] = p.act({ type: 'SUBMIT_DESIGN', title: 'Wrap', description: 'd', imageUrls: [] });
    expect(notificationsFor(p.state, submitted)).toEqual([
      { productId: PRODUCT_ID, seq: submitted.seq, at: submitted.at, kind: 'design.review_waiting', audience: ['influencer'], details: { productName: p.state.name, round: 1, title: 'Wrap' } },
    ]);
    const { events: reminded } = p.fire();
    expect(reminded.map((e) => e.type)).toEqual(['DESIGN_REVIEW_REMINDER']);
    expect(notificationsFor(p.state, reminded[0]).map((n) => [n.kind, n.audience])).toEqual([['design.review_reminder', ['influencer']]]);
    const reviewed = p.advance(MINUTE).act({ type: 'REVIEW_DESIGN', round: 1, decision: 'APPROVE' }, influencer);
    expect(reviewed.flatMap((e) => notificationsFor(p.state, e))).toEqual([]);
  });

  it('tells staff a poll closed short of its minimum', () => {
    const p = new Product(makeInput({ poll: { minVotes: 10 } }), T0).advance(MINUTE);
    const events = p.closePoll(votes(2, 1));
    expect(events.flatMap((e) => notificationsFor(p.state, e)).map((n) => [n.kind, n.audience, n.details.totalVotes, n.details.minVotes])).toEqual([['poll.below_minimum', ['staff'], 3, 10]]);
  });

  it('asks the influencer to approve the announcement only when the launch needs it and she has not, and tells both when it is overdue', () => {
    const p = driveTo('LAUNCH', APPROVING).advance(MINUTE);
    const [scheduled] = p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + DAY) });
    expect(notificationsFor(p.state, scheduled).map((n) => n.kind)).toEqual(['announcement.approval_waiting']);
    const { events: overdue } = p.fire();
    expect(overdue.flatMap((e) => notificationsFor(p.state, e)).map((n) => [n.kind, n.audience])).toEqual([['announcement.approval_overdue', ['influencer', 'staff']]]);
    const plain = driveTo('LAUNCH').advance(MINUTE);
    const [unapproved] = plain.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(plain.now + HOUR) });
    expect(notificationsFor(plain.state, unapproved)).toEqual([]);
  });
});
