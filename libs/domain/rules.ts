// Pure rules of the lifecycle: tally and tie-break, suggested production quantity, milestone order.

import type { DemandRules, OptionCount, PollOption } from './model';
import { PRODUCTION_MILESTONES, type ProductionMilestone } from './stages';

export interface TallyDecision {
  winningOptionId: string;
  tieBroken: boolean;
  counts: OptionCount[];
  totalVotes: number;
}

/**
 * Picks the poll's winner. Most votes wins. A tie goes to the tied option that reached the tied count
 * first (its last counted vote is the earliest); if that is equal too, to the option listed first.
 * Options without a row in `counts` have zero votes. Counts come back in the poll's option order.
 */
export function decideTally(options: PollOption[], counts: OptionCount[]): TallyDecision {
  if (options.length === 0) throw new Error('a poll has at least two options');
  const byId = new Map(counts.map((c) => [c.optionId, c]));
  const ordered: OptionCount[] = options.map(
    (o) => byId.get(o.id) ?? { optionId: o.id, votes: 0, lastVoteAt: null },
  );
  const totalVotes = ordered.reduce((sum, c) => sum + c.votes, 0);
  const top = Math.max(...ordered.map((c) => c.votes));
  const tied = ordered.filter((c) => c.votes === top);
  let winner = tied[0];
  for (const candidate of tied.slice(1)) {
    if (reachedEarlier(candidate, winner)) winner = candidate;
  }
  return { winningOptionId: winner.optionId, tieBroken: tied.length > 1, counts: ordered, totalVotes };
}

function reachedEarlier(a: OptionCount, b: OptionCount): boolean {
  if (a.lastVoteAt === null || b.lastVoteAt === null) return false;
  return toMicros(a.lastVoteAt) < toMicros(b.lastVoteAt);
}

/** Microseconds since the epoch of an ISO instant, keeping PostgreSQL's sub-millisecond digits. */
export function toMicros(iso: string): number {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(iso);
  if (!match) return Date.parse(iso) * 1000;
  return Date.parse(`${match[1]}Z`) * 1000 + Number((match[2] ?? '').padEnd(6, '0').slice(0, 6));
}

/** Suggested first production run for the winning concept, rounded up to whole batches. */
export function suggestedQuantity(winnerVotes: number, rules: DemandRules): number {
  // Rounded to a millionth first: 100 × 0.07 is 7.000000000000001 in floating point, and ceil must say 7.
  const expected = Math.round(winnerVotes * rules.conversionRate * 1e6) / 1e6;
  const demand = Math.max(rules.minimumOrder, Math.ceil(expected));
  return Math.ceil(demand / rules.batchSize) * rules.batchSize;
}

/** The milestone that must be recorded next, or null when production has shipped. */
export function nextMilestone(recorded: readonly ProductionMilestone[]): ProductionMilestone | null {
  return PRODUCTION_MILESTONES[recorded.length] ?? null;
}
