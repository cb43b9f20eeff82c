// Scheduling the launch, its countdowns and the launch itself (commands/schedule-launch.ts, deadlines.ts).

import { DomainErrorCode } from '../errors';
import { nextDeadline } from '../lifecycle';
import { SYSTEM_ACTOR } from '../model';
import { DAY, driveTo, expectRefused, HOUR, iso, makeInput, MINUTE, PRODUCT_ID } from '../testing/lifecycle-driver';

describe('launch', () => {
  it('refuses scheduling the launch in the past or right now (INVALID_VALUE)', () => {
    const p = driveTo('LAUNCH');
    expectRefused(p, { type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now - HOUR) }, DomainErrorCode.InvalidValue, `launchAt ${iso(p.now - HOUR)} is not in the future`);
    expectRefused(p, { type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now) }, DomainErrorCode.InvalidValue, /is not in the future/);
  });

  it('refuses a launch time that is not a time (INVALID_VALUE)', () => {
    expectRefused(driveTo('LAUNCH'), { type: 'SCHEDULE_LAUNCH', launchAt: 'tbd' }, DomainErrorCode.InvalidValue, 'launchAt "tbd" is not a valid time');
  });

  it('schedules the launch with every countdown, largest offset first, none sent', () => {
    const p = driveTo('LAUNCH');
    const launchAt = p.now + 3 * DAY;
    const events = p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(launchAt) });
    expect(events.map((e) => [e.type, e.stage, e.data])).toEqual([['LAUNCH_SCHEDULED', 'LAUNCH', { launchAt: iso(launchAt), previous: null }]]);
    expect(p.state.launch).toEqual({
      launchAt: iso(launchAt),
      countdowns: [
        { offsetMs: DAY, at: iso(launchAt - DAY), sent: false },
        { offsetMs: HOUR, at: iso(launchAt - HOUR), sent: false },
      ],
    });
  });

  it('keeps only the countdowns still ahead: a launch two hours out gets the one-hour countdown only', () => {
    const p = driveTo('LAUNCH');
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 2 * HOUR) });
    expect(p.state.launch.countdowns.map((c) => c.offsetMs)).toEqual([HOUR]);
  });

  it('keeps no countdown for a launch 30 minutes out and waits for the launch itself', () => {
    const p = driveTo('LAUNCH');
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 30 * MINUTE) });
    expect(p.state.launch.countdowns).toEqual([]);
    expect(nextDeadline(p.state)).toEqual({ kind: 'LAUNCH', at: p.now + 30 * MINUTE });
  });

  it('drops a countdown that would fire exactly now', () => {
    const p = driveTo('LAUNCH');
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + HOUR) });
    expect(p.state.launch.countdowns).toEqual([]);
  });

  it('rescheduling replaces the launch time, reports the previous one and recomputes fresh countdowns', () => {
    const p = driveTo('LAUNCH');
    const first = p.now + 3 * DAY;
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(first) });
    p.fire(); // the 24 h countdown
    expect(p.state.launch.countdowns[0].sent).toBe(true);
    const second = first + 2 * DAY;
    const events = p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(second) });
    expect(events[0].data).toEqual({ launchAt: iso(second), previous: iso(first) });
    expect(p.state.launch.countdowns).toEqual([
      { offsetMs: DAY, at: iso(second - DAY), sent: false },
      { offsetMs: HOUR, at: iso(second - HOUR), sent: false },
    ]);
  });

  it('sends the countdowns in time order and then launches: LAUNCHED then STAGE_CHANGED to LAUNCHED', () => {
    const p = driveTo('LAUNCH');
    const launchAt = p.now + 3 * DAY;
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(launchAt) });

    const first = p.fire();
    expect(first.deadline).toEqual({ kind: 'LAUNCH_COUNTDOWN', at: launchAt - DAY, offsetMs: DAY });
    expect(first.events).toEqual([
      { seq: p.state.seq, type: 'LAUNCH_COUNTDOWN', stage: 'LAUNCH', actor: SYSTEM_ACTOR, at: iso(launchAt - DAY), data: { launchAt: iso(launchAt), remainingMs: DAY } },
    ]);

    const second = p.fire();
    expect(second.deadline).toEqual({ kind: 'LAUNCH_COUNTDOWN', at: launchAt - HOUR, offsetMs: HOUR });
    expect(p.state.launch.countdowns.map((c) => c.sent)).toEqual([true, true]);

    const launch = p.fire();
    expect(launch.deadline).toEqual({ kind: 'LAUNCH', at: launchAt });
    expect(launch.events.map((e) => [e.type, e.stage, e.actor, e.data])).toEqual([
      ['LAUNCHED', 'LAUNCH', SYSTEM_ACTOR, { launchAt: iso(launchAt) }],
      ['STAGE_CHANGED', 'LAUNCHED', SYSTEM_ACTOR, { from: 'LAUNCH', to: 'LAUNCHED' }],
    ]);
    expect(p.state.stage).toBe('LAUNCHED');
    expect(p.state.launch.launchedAt).toBe(iso(launchAt));
    expect(nextDeadline(p.state)).toBeNull();
  });

  it('caps the reschedules (the first scheduling is free): refused at limit + 1 with the cap and its setting, counted in the state', () => {
    const p = driveTo('LAUNCH', makeInput({ rules: { actionLimits: { launchReschedules: 3, pollExtensions: 10, announcementReapprovals: 5 } } }));
    for (let i = 0; i <= 3; i++) p.advance(MINUTE).act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + (3 + i) * DAY) });
    expect(p.state.actionCounts?.launchReschedules).toBe(3);
    expectRefused(
      p,
      { type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 9 * DAY) },
      DomainErrorCode.ActionLimitReached,
      `product ${PRODUCT_ID} has used all 3 launch reschedules it is allowed (LAUNCH_RESCHEDULE_LIMIT when it was created); raise LAUNCH_RESCHEDULE_LIMIT for products created from then on`,
    );
  });

  it('gives a product started before caps existed the default cap of 20 reschedules', () => {
    const p = driveTo('LAUNCH');
    expect(p.state.rules.actionLimits).toBeUndefined();
    for (let i = 0; i <= 20; i++) p.advance(MINUTE).act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 3 * DAY) });
    expectRefused(p, { type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 3 * DAY) }, DomainErrorCode.ActionLimitReached, /has used all 20 launch reschedules/);
  });
});
