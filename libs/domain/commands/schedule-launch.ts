// Scheduling (or moving) the launch (staff): sets the launch time and the countdowns still ahead of it.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import { countAction, validateWithinLimit } from './action-limits';
import type { CommandHandler } from './command';

export interface ScheduleLaunchInput {
  launchAt: string;
}

export const scheduleLaunchCommand: CommandHandler<ScheduleLaunchInput> = {
  update: 'scheduleLaunch',
  action: 'scheduling the launch',
  stage: 'LAUNCH',
  validate(state, input, nowMs) {
    const at = Date.parse(input.launchAt);
    if (Number.isNaN(at)) refuse(DomainErrorCode.InvalidValue, `launchAt "${input.launchAt}" is not a valid time`);
    if (at <= nowMs) refuse(DomainErrorCode.InvalidValue, `launchAt ${input.launchAt} is not in the future`);
    // The first scheduling is free; moving it counts against the cap.
    if (state.launch.launchAt) validateWithinLimit(state, 'launchReschedules');
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const launchMs = Date.parse(input.launchAt);
    const previous = state.launch.launchAt ?? null;
    if (previous) countAction(state, 'launchReschedules');
    state.launch.launchAt = iso(launchMs);
    // Only countdowns still ahead are kept; a launch scheduled 30 minutes out gets no "24 hours to go".
    state.launch.countdowns = [...state.rules.launchCountdownsMs]
      .sort((a, b) => b - a)
      .filter((offset) => launchMs - offset > nowMs)
      .map((offsetMs) => ({ offsetMs, at: iso(launchMs - offsetMs), sent: false }));
    // A new launch time re-arms the approval alert for it.
    delete state.launch.approvalOverdueAt;
    return [emit(state, 'LAUNCH_SCHEDULED', actor, at, { launchAt: state.launch.launchAt, previous })];
  },
};
