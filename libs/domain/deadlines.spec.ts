// The next timer in each state (deadlines.ts).

import { beginPollClose, nextDeadline, type Deadline } from './lifecycle';
import { SYSTEM_ACTOR } from './model';
import {
  DAY,
  driveTo,
  HOUR,
  influencer,
  iso,
  makeInput,
  MINUTE,
  POLL_CLOSES_AT,
  REMINDER_AFTER,
  votes,
} from './testing/lifecycle-driver';

describe('nextDeadline', () => {
  it('in an open poll, is the poll closing time', () => {
    expect(nextDeadline(driveTo('POLL').state)).toEqual({ kind: 'POLL_CLOSES', at: POLL_CLOSES_AT });
  });

  it('is null while the poll is being tallied', () => {
    const p = driveTo('POLL');
    beginPollClose(p.state);
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('is null while the poll awaits a staff decision', () => {
    const p = driveTo('POLL');
    p.closePoll(votes(1));
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('in DESIGN without a submission, is null (waiting for staff only)', () => {
    expect(nextDeadline(driveTo('DESIGN').state)).toBeNull();
  });

  it('in DESIGN with a pending design, is a review reminder after the configured wait; it fires only once', () => {
    const p = driveTo('DESIGN').advance(MINUTE);
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    const submittedAt = p.now;
    expect(nextDeadline(p.state)).toEqual({ kind: 'REVIEW_REMINDER', at: submittedAt + REMINDER_AFTER, what: 'design', round: 1 });

    const fired = p.fire();
    expect(fired.events).toEqual([
      {
        seq: p.state.seq,
        type: 'DESIGN_REVIEW_REMINDER',
        stage: 'DESIGN',
        actor: SYSTEM_ACTOR,
        at: iso(submittedAt + REMINDER_AFTER),
        data: { round: 1, waitingSince: iso(submittedAt) },
      },
    ]);
    expect(p.state.designs[0].remindedAt).toBe(iso(submittedAt + REMINDER_AFTER));
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('with a reminder limit, reminds once per interval the review keeps waiting, up to the limit', () => {
    const p = driveTo('DESIGN', makeInput({ rules: { reviewReminderLimit: 3 } })).advance(MINUTE);
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    const submittedAt = p.now;
    const fired = [1, 2, 3].map((n) => {
      expect(nextDeadline(p.state)).toEqual({ kind: 'REVIEW_REMINDER', at: submittedAt + n * REMINDER_AFTER, what: 'design', round: 1 });
      return p.fire().events.map((e) => [e.type, e.at, e.data.reminder]);
    });
    expect(fired).toEqual([1, 2, 3].map((n) => [['DESIGN_REVIEW_REMINDER', iso(submittedAt + n * REMINDER_AFTER), n]]));
    expect(p.state.designs[0]).toMatchObject({ reminders: 3, remindedAt: iso(submittedAt + 3 * REMINDER_AFTER) });
    expect(nextDeadline(p.state)).toBeNull();
    // The review ends it; the next round starts its own count.
    p.advance(MINUTE).act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'shorter' }, influencer);
    p.advance(MINUTE).act({ type: 'SUBMIT_DESIGN', title: 't2', description: 'd', imageUrls: [] });
    expect(nextDeadline(p.state)).toEqual({ kind: 'REVIEW_REMINDER', at: p.now + REMINDER_AFTER, what: 'design', round: 2 });
  });

  it('without a limit (products from before repeated reminders), reminds once and records no count', () => {
    const p = driveTo('DESIGN').advance(MINUTE);
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    expect(p.fire().events[0].data).toEqual({ round: 1, waitingSince: iso(p.now - REMINDER_AFTER) });
    expect(p.state.designs[0].reminders).toBeUndefined();
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('in DESIGN, arms a fresh reminder for the next round after changes were requested', () => {
    const p = driveTo('DESIGN');
    p.act({ type: 'SUBMIT_DESIGN', title: 't', description: 'd', imageUrls: [] });
    p.fire();
    p.advance(HOUR).act({ type: 'REVIEW_DESIGN', round: 1, decision: 'REQUEST_CHANGES', feedback: 'x' }, influencer);
    expect(nextDeadline(p.state)).toBeNull();
    p.advance(HOUR).act({ type: 'SUBMIT_DESIGN', title: 't2', description: 'd', imageUrls: [] });
    expect(nextDeadline(p.state)).toEqual({ kind: 'REVIEW_REMINDER', at: p.now + REMINDER_AFTER, what: 'design', round: 2 });
  });

  it('in SAMPLING with a pending sample, is a sample review reminder; it fires only once', () => {
    const p = driveTo('SAMPLING');
    expect(nextDeadline(p.state)).toBeNull();
    p.act({ type: 'RECORD_SAMPLE', supplier: 's', notes: '', photoUrls: [] });
    const submittedAt = p.now;
    expect(nextDeadline(p.state)).toEqual({ kind: 'REVIEW_REMINDER', at: submittedAt + REMINDER_AFTER, what: 'sample', round: 1 });
    const fired = p.fire();
    expect(fired.events.map((e) => [e.type, e.stage, e.data])).toEqual([['SAMPLE_REVIEW_REMINDER', 'SAMPLING', { round: 1, waitingSince: iso(submittedAt) }]]);
    expect(p.state.samples[0].remindedAt).toBe(iso(submittedAt + REMINDER_AFTER));
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('in PRODUCTION, is null before and after production starts (staff drive it)', () => {
    const p = driveTo('PRODUCTION');
    expect(nextDeadline(p.state)).toBeNull();
    p.act({ type: 'START_PRODUCTION', supplier: 's', dueDate: iso(p.now + DAY) });
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('in LAUNCH without a schedule, is null', () => {
    expect(nextDeadline(driveTo('LAUNCH').state)).toBeNull();
  });

  it('in LAUNCH, walks the countdowns in descending offset order, then the launch', () => {
    const p = driveTo('LAUNCH', makeInput({ rules: { launchCountdownsMs: [10 * MINUTE, DAY, HOUR] } }));
    const launchAt = p.now + 2 * DAY;
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(launchAt) });
    const seen: Deadline[] = [];
    while (p.state.stage === 'LAUNCH') seen.push(p.fire().deadline);
    expect(seen).toEqual([
      { kind: 'LAUNCH_COUNTDOWN', at: launchAt - DAY, offsetMs: DAY },
      { kind: 'LAUNCH_COUNTDOWN', at: launchAt - HOUR, offsetMs: HOUR },
      { kind: 'LAUNCH_COUNTDOWN', at: launchAt - 10 * MINUTE, offsetMs: 10 * MINUTE },
      { kind: 'LAUNCH', at: launchAt },
    ]);
  });

  it.each(['LAUNCHED', 'CANCELLED'] as const)('is null once the product is %s', (stage) => {
    expect(nextDeadline(driveTo(stage).state)).toBeNull();
  });
});
