// Approving the launch announcement, and the alert when it is late (commands/approve-launch-announcement.ts).

import { DomainErrorCode } from '../errors';
import { nextDeadline, pendingAction } from '../lifecycle';
import { APPROVING, DAY, driveToStage, expectRefused, HOUR, influencer, iso, makeInput, PRODUCT_ID } from '../testing/lifecycle-driver';

describe('launch announcement approval', () => {
  const driveTo = (stage: 'LAUNCH', input = APPROVING) => driveToStage(stage, input);
  const announce = { type: 'APPROVE_LAUNCH_ANNOUNCEMENT', title: '  Our linen dress is live  ', body: 'Go get it.' } as const;

  it('alerts once, the lead time before launch, when the influencer has not approved, and launches anyway', () => {
    const p = driveTo('LAUNCH', makeInput({ rules: { launchCountdownsMs: [DAY, HOUR], launchApprovalLeadMs: 2 * HOUR } }));
    const launchAt = p.now + 2 * DAY;
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(launchAt) });
    expect(pendingAction(p.state).action).toBe('APPROVE_LAUNCH_ANNOUNCEMENT');
    const fired: { kind: string; events: string[] }[] = [];
    while (p.state.stage === 'LAUNCH') {
      const { deadline, events } = p.fire();
      fired.push({ kind: deadline.kind, events: events.map((e) => e.type) });
    }
    expect(fired).toEqual([
      { kind: 'LAUNCH_COUNTDOWN', events: ['LAUNCH_COUNTDOWN'] },
      { kind: 'LAUNCH_APPROVAL_DUE', events: ['LAUNCH_APPROVAL_OVERDUE'] },
      { kind: 'LAUNCH_COUNTDOWN', events: ['LAUNCH_COUNTDOWN'] },
      { kind: 'LAUNCH', events: ['LAUNCHED', 'STAGE_CHANGED'] },
    ]);
    const launched = p.events.find((e) => e.type === 'LAUNCHED')!;
    expect(launched.data).toEqual({ launchAt: iso(launchAt), announcementApproved: false });
  });

  it('keeps the approved text word for word (trimmed) and needs no alert then', () => {
    const p = driveTo('LAUNCH');
    const launchAt = p.now + 2 * DAY;
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(launchAt) });
    const [approved] = p.act(announce, influencer);
    expect(approved).toMatchObject({ type: 'LAUNCH_ANNOUNCEMENT_APPROVED', data: { title: 'Our linen dress is live', body: 'Go get it.', previous: null } });
    expect(p.state.launch.announcement).toMatchObject({ title: 'Our linen dress is live', body: 'Go get it.', approvedBy: influencer });
    const kinds: string[] = [];
    while (p.state.stage === 'LAUNCH') kinds.push(p.fire().deadline.kind);
    expect(kinds).not.toContain('LAUNCH_APPROVAL_DUE');
    expect(p.events.find((e) => e.type === 'LAUNCHED')!.data).toMatchObject({ announcementApproved: true });
  });

  it('alerts at once when the launch is scheduled closer than the lead time', () => {
    const p = driveTo('LAUNCH', makeInput({ rules: { launchCountdownsMs: [], launchApprovalLeadMs: 2 * HOUR } }));
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + HOUR) });
    expect(nextDeadline(p.state)).toEqual({ kind: 'LAUNCH_APPROVAL_DUE', at: p.now + HOUR - 2 * HOUR });
  });

  it('re-arms the alert when the launch is moved', () => {
    const p = driveTo('LAUNCH', makeInput({ rules: { launchCountdownsMs: [], launchApprovalLeadMs: 2 * HOUR } }));
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + HOUR) });
    p.fire();
    expect(p.state.launch.approvalOverdueAt).toBeDefined();
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 3 * DAY) });
    expect(nextDeadline(p.state)).toMatchObject({ kind: 'LAUNCH_APPROVAL_DUE' });
  });

  it('refuses an empty or oversized text, and approval for products started before approvals existed', () => {
    const p = driveTo('LAUNCH');
    expectRefused(p, { ...announce, title: ' ' }, DomainErrorCode.InvalidValue, 'the announcement needs a title and a body');
    expectRefused(p, { ...announce, body: 'x'.repeat(5001) }, DomainErrorCode.InvalidValue, /limited to 200 and its body to 5000/);
    const old = driveTo('LAUNCH', makeInput());
    expectRefused(old, announce, DomainErrorCode.InvalidState, /started before launch announcements needed approval/);
    old.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(old.now + DAY) });
    expect(pendingAction(old.state).action).toBe('LAUNCH');
  });

  it('caps the re-approvals (the first approval is free) and refuses the one past ANNOUNCEMENT_REAPPROVAL_LIMIT', () => {
    const rules = { launchApprovalLeadMs: 2 * HOUR, actionLimits: { launchReschedules: 20, pollExtensions: 10, announcementReapprovals: 2 } };
    const p = driveTo('LAUNCH', makeInput({ rules }));
    p.act({ type: 'SCHEDULE_LAUNCH', launchAt: iso(p.now + 2 * DAY) });
    for (let i = 0; i <= 2; i++) p.act({ ...announce, title: `take ${i}` }, influencer);
    expect(p.state.actionCounts?.announcementReapprovals).toBe(2);
    expectRefused(
      p,
      announce,
      DomainErrorCode.ActionLimitReached,
      `product ${PRODUCT_ID} has used all 2 launch announcement re-approvals it is allowed (ANNOUNCEMENT_REAPPROVAL_LIMIT when it was created); raise ANNOUNCEMENT_REAPPROVAL_LIMIT for products created from then on`,
    );
  });
});
