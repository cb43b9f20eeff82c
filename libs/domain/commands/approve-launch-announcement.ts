// Approving the launch announcement's text (the influencer); it goes out word for word at launch.
// Products started before approvals existed have no such step: theirs goes out as drafted.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import { countAction, validateWithinLimit } from './action-limits';
import type { CommandHandler } from './command';

/** Longest approved announcement; the platforms' own limits are applied when it is composed per channel. */
export const ANNOUNCEMENT_LIMITS = { title: 200, body: 5000 } as const;

export interface ApproveLaunchAnnouncementInput {
  title: string;
  body: string;
}

export const approveLaunchAnnouncementCommand: CommandHandler<ApproveLaunchAnnouncementInput> = {
  update: 'approveLaunchAnnouncement',
  action: 'approving the launch announcement',
  stage: 'LAUNCH',
  validate(state, input) {
    if (state.rules.launchApprovalLeadMs === undefined) {
      refuse(DomainErrorCode.InvalidState, `product ${state.productId} was started before launch announcements needed approval; its announcement goes out as drafted`);
    }
    if (!input.title.trim() || !input.body.trim()) refuse(DomainErrorCode.InvalidValue, 'the announcement needs a title and a body');
    if (input.title.length > ANNOUNCEMENT_LIMITS.title || input.body.length > ANNOUNCEMENT_LIMITS.body) {
      refuse(DomainErrorCode.InvalidValue, `the announcement's title is limited to ${ANNOUNCEMENT_LIMITS.title} and its body to ${ANNOUNCEMENT_LIMITS.body} characters`);
    }
    // The first approval is free; replacing an approved text counts against the cap.
    if (state.launch.announcement) validateWithinLimit(state, 'announcementReapprovals');
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const previous = state.launch.announcement ? 'replaced' : null;
    if (previous) countAction(state, 'announcementReapprovals');
    const announcement = { title: input.title.trim(), body: input.body.trim(), approvedAt: at, approvedBy: actor };
    state.launch.announcement = announcement;
    return [emit(state, 'LAUNCH_ANNOUNCEMENT_APPROVED', actor, at, { title: announcement.title, body: announcement.body, previous })];
  },
};
