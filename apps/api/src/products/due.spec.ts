import { APPROVING, DAY, driveTo, HOUR, iso, MINUTE, REMINDER_AFTER, T0 } from '../../../../libs/domain/testing/lifecycle-driver';
import { dueOf } from './due';

describe('dueOf: when what a product waits for falls due', () => {
  it('is the poll closing time while fans vote', () => {
    const p = driveTo('POLL');
    expect(dueOf(p.state)).toEqual({ kind: 'POLL_CLOSES', at: p.state.poll.closesAt });
  });

  it('is the review reminder time while a design waits for the influencer, and nothing once staff must submit again', () => {
    const p = driveTo('DESIGN');
    expect(dueOf(p.state)).toBeNull();
    p.advance(MINUTE).act({ type: 'SUBMIT_DESIGN', title: 'v1', description: 'd', imageUrls: [] });
    expect(dueOf(p.state)).toEqual({ kind: 'REVIEW_DUE', at: iso(Date.parse(p.state.designs[0].submittedAt) + REMINDER_AFTER) });
  });

  it("is the production run's due date in PRODUCTION", () => {
    const p = driveTo('PRODUCTION');
    expect(dueOf(p.state)).toBeNull();
    p.advance(MINUTE).act({ type: 'START_PRODUCTION', supplier: 'Mill', dueDate: iso(T0 + 30 * DAY) });
    expect(dueOf(p.state)).toEqual({ kind: 'PRODUCTION_DUE', at: iso(T0 + 30 * DAY) });
  });

  it("is the announcement's approval deadline before the launch when the influencer must approve it, else the launch", () => {
    const approving = driveTo('LAUNCH', APPROVING);
    approving.advance(MINUTE).act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(approving.now + 3 * DAY) });
    expect(dueOf(approving.state)).toEqual({ kind: 'ANNOUNCEMENT_DUE', at: iso(Date.parse(approving.state.launch.launchAt!) - 2 * HOUR) });

    const plain = driveTo('LAUNCH');
    plain.advance(MINUTE).act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(plain.now + 3 * DAY) });
    expect(dueOf(plain.state)).toEqual({ kind: 'LAUNCH', at: plain.state.launch.launchAt });
  });

  it('is nothing for a cancelled product', () => {
    expect(dueOf(driveTo('CANCELLED').state)).toBeNull();
  });
});
