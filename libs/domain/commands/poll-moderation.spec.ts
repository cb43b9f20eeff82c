// Poll moderation: a product whose influencer approves the poll's options starts with the poll in DRAFT
// (nothing public, no deadline), and opens on her approval with its duration counted from then.

import { DomainErrorCode } from '../errors';
import { isSocialSource } from '../contract';
import { nextDeadline } from '../deadlines';
import { pendingAction } from '../view';
import { DRAFT_POLL_COMMANDS, sampleCommand } from '../testing/command-samples';
import { DAY, expectRefused as expectRefusedExactly, HOUR, influencer, iso, makeInput, MINUTE, Product, staff, T0 } from '../testing/lifecycle-driver';

// The refusal's message contains `part`.
const expectRefused = (p: Product, cmd: Parameters<typeof expectRefusedExactly>[1], code: DomainErrorCode, part: string) =>
  expectRefusedExactly(p, cmd, code, new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

const moderated = () => new Product({ ...makeInput(), pollApproval: { durationMs: 3 * DAY } }, T0);

describe('a poll waiting for the influencer (DRAFT)', () => {
  it('starts in DRAFT with nothing public and no closing timer, waiting for the influencer', () => {
    const p = moderated();
    expect(p.state.poll.status).toBe('DRAFT');
    expect(p.events.map((e) => e.type)).toEqual(['PRODUCT_CREATED', 'POLL_DRAFTED']);
    expect(p.events.filter((e) => isSocialSource(e.type))).toEqual([]);
    expect(nextDeadline(p.state)).toBeNull();
    expect(pendingAction(p.state)).toMatchObject({ by: 'influencer', action: 'APPROVE_POLL' });
    expect(pendingAction(p.state).description).toContain('open for 4320 minutes from the approval');
  });

  it('opens on approval: POLL_OPENED (the first public update) and closesAt counted from the approval', () => {
    const p = moderated();
    p.advance(5 * HOUR);
    const events = p.act({ type: 'APPROVE_POLL' }, influencer);
    expect(events.map((e) => e.type)).toEqual(['POLL_APPROVED', 'POLL_OPENED']);
    expect(events[1].data).toMatchObject({ closesAt: iso(T0 + 5 * HOUR + 3 * DAY), options: p.state.poll.options });
    expect(p.state.poll).toMatchObject({ status: 'OPEN', closesAt: iso(T0 + 5 * HOUR + 3 * DAY), draft: { approvedAt: iso(T0 + 5 * HOUR), approvedBy: influencer } });
    expect(nextDeadline(p.state)).toEqual({ kind: 'POLL_CLOSES', at: T0 + 5 * HOUR + 3 * DAY });
    expect(pendingAction(p.state)).toMatchObject({ by: 'fans', action: 'VOTE' });
  });

  it('goes back to staff when the influencer requests changes, and to her again once staff edit the options', () => {
    const p = moderated();
    p.advance(MINUTE).act({ type: 'REQUEST_POLL_CHANGES', feedback: '  add a cotton option ' }, influencer);
    expect(p.state.poll.draft?.changesRequested).toEqual({ feedback: 'add a cotton option', at: iso(T0 + MINUTE), by: influencer });
    expect(pendingAction(p.state)).toMatchObject({ by: 'staff', action: 'EDIT_POLL_OPTIONS' });
    expect(pendingAction(p.state).description).toContain('"add a cotton option"');

    const options = [{ id: 'a', label: 'Linen' }, { id: 'd', label: 'Cotton' }];
    const [edited] = p.advance(MINUTE).act({ type: 'EDIT_POLL_OPTIONS', question: 'Which fabric now?', options }, staff);
    expect(edited).toMatchObject({ type: 'POLL_OPTIONS_EDITED', data: { question: 'Which fabric now?', options } });
    expect(p.state.poll).toMatchObject({ status: 'DRAFT', question: 'Which fabric now?', options });
    expect(p.state.poll.draft?.changesRequested).toBeUndefined();
    expect(pendingAction(p.state)).toMatchObject({ by: 'influencer', action: 'APPROVE_POLL' });
    expect(p.state.actionCounts?.pollRevisions).toBe(2);
  });

  it('refuses closing or extending a draft poll, and feedback that says nothing', () => {
    const p = moderated();
    expectRefused(p, { type: 'CLOSE_POLL' }, DomainErrorCode.InvalidState, "is not open yet: it waits for the influencer's approval");
    expectRefused(p, { type: 'EXTEND_POLL', closesAt: iso(T0 + 9 * DAY) }, DomainErrorCode.InvalidState, 'is not open yet');
    expectRefused(p, { type: 'REQUEST_POLL_CHANGES', feedback: '  ' }, DomainErrorCode.InvalidValue, 'needs feedback');
    expectRefused(p, { type: 'EDIT_POLL_OPTIONS', options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }, DomainErrorCode.InvalidValue, 'poll option id "a" is used twice');
  });

  it('caps edits and change requests together (POLL_REVISION_LIMIT)', () => {
    const p = new Product({ ...makeInput({ rules: { actionLimits: { launchReschedules: 1, pollExtensions: 1, announcementReapprovals: 1, pollRevisions: 2 } } }), pollApproval: { durationMs: DAY } }, T0);
    p.act({ type: 'REQUEST_POLL_CHANGES', feedback: 'one' }, influencer);
    p.act({ type: 'EDIT_POLL_OPTIONS', options: [{ id: 'a', label: 'Linen' }, { id: 'b', label: 'Cotton' }] });
    expectRefused(p, { type: 'REQUEST_POLL_CHANGES', feedback: 'three' }, DomainErrorCode.ActionLimitReached, 'all 2 poll option edits and change requests');
  });

  it.each(DRAFT_POLL_COMMANDS)('refuses %s once the poll is open, and for a product that never needed approval', (type) => {
    const open = new Product(makeInput(), T0);
    expectRefused(open, sampleCommand(type, open.now), DomainErrorCode.InvalidState, 'is OPEN, not waiting for approval');
    const approved = moderated();
    approved.act({ type: 'APPROVE_POLL' }, influencer);
    expectRefused(approved, sampleCommand(type, approved.now), DomainErrorCode.InvalidState, 'is OPEN, not waiting for approval');
  });

  it('cancels from DRAFT: the poll is cancelled and takes no votes', () => {
    const p = moderated();
    p.act({ type: 'CANCEL', reason: 'the influencer left' });
    expect(p.state).toMatchObject({ stage: 'CANCELLED', poll: { status: 'CANCELLED' } });
  });
});
