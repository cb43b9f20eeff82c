// The poll's result: the votes counted from PostgreSQL decide the winner and the suggested quantity, or
// send the poll to a staff decision when too few fans voted.

import { hasDemandGate, openDemand } from './demand';
import { emit, iso, moveTo } from './events';
import type { Actor, LifecycleEvent, ProductState } from './model';
import { decideTally, suggestedQuantity, type TallyDecision } from './rules';

/**
 * Applies the tally read from PostgreSQL: below the minimum the poll waits for a staff decision,
 * otherwise the winner is chosen and the product moves to DESIGN. A product cancelled while the tally
 * ran is left as it is.
 */
export function applyPollTally(state: ProductState, counts: TallyDecision['counts'], actor: Actor, nowMs: number): LifecycleEvent[] {
  if (state.stage !== 'POLL') return [];
  const at = iso(nowMs);
  const decision = decideTally(state.poll.options, counts);
  state.poll.lastTally = { counts: decision.counts, totalVotes: decision.totalVotes, at };
  if (decision.totalVotes < state.poll.minVotes) {
    state.poll.status = 'AWAITING_DECISION';
    return [
      emit(state, 'POLL_BELOW_MINIMUM', actor, at, {
        totalVotes: decision.totalVotes,
        minVotes: state.poll.minVotes,
        counts: decision.counts,
      }),
    ];
  }
  state.poll.status = 'CLOSED';
  state.poll.result = {
    counts: decision.counts,
    totalVotes: decision.totalVotes,
    winningOptionId: decision.winningOptionId,
    tieBroken: decision.tieBroken,
    closedAt: at,
  };
  const winnerVotes = decision.counts.find((c) => c.optionId === decision.winningOptionId)!.votes;
  state.suggestedQuantity = suggestedQuantity(winnerVotes, state.rules.demand);
  const closed = emit(state, 'POLL_CLOSED', actor, at, {
    winningOptionId: decision.winningOptionId,
    totalVotes: decision.totalVotes,
    tieBroken: decision.tieBroken,
    counts: decision.counts,
    suggestedQuantity: state.suggestedQuantity,
  });
  // With a demand goal, fans reserve the winner before design starts.
  if (hasDemandGate(state)) return [closed, ...openDemand(state, actor, nowMs)];
  return [closed, moveTo(state, 'DESIGN', actor, at)];
}
