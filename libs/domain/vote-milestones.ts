// Vote-count milestones (1,000 fans have voted…) reported by vote intake while the poll runs.

import { emit, iso } from './events';
import { SYSTEM_ACTOR, type LifecycleEvent, type ProductState, type VoteMilestone } from './model';

/**
 * Records a vote milestone reported by vote intake, once per milestone and only while the poll runs
 * (a report that arrives after the poll closed, or twice, changes nothing).
 */
export function applyVoteMilestone(state: ProductState, reached: VoteMilestone, nowMs: number): LifecycleEvent[] {
  if (state.stage !== 'POLL' || !Number.isSafeInteger(reached.milestone) || reached.milestone <= 0) return [];
  const seen = (state.poll.milestones ??= []);
  if (seen.some((m) => m.milestone === reached.milestone)) return [];
  const at = iso(nowMs);
  const totalVotes = Math.max(reached.milestone, Math.floor(reached.totalVotes) || 0);
  seen.push({ milestone: reached.milestone, totalVotes, at });
  seen.sort((a, b) => a.milestone - b.milestone);
  return [emit(state, 'POLL_MILESTONE', SYSTEM_ACTOR, at, { milestone: reached.milestone, totalVotes })];
}
