// Pure rules of the lifecycle: tally and tie-break, suggested production quantity, milestone order.

import type { DemandRules, OptionCount, PollOption } from './model';
import type { SalesRules, VariantStock, VariantUnits } from './sales-model';
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

/**
 * Production suggested by the demand gate, per variant: ceil(reserved units × (1 + safetyFactor)), so the
 * run covers every reservation plus a margin for buyers who did not reserve. Variants nobody reserved get 0;
 * every variant of the product is listed, in the product's order.
 */
export function demandSuggestion(variantIds: readonly string[], reserved: readonly VariantUnits[], safetyFactor: number): VariantUnits[] {
  const units = new Map(reserved.map((r) => [r.variantId, r.units]));
  return variantIds.map((variantId) => {
    const r = units.get(variantId) ?? 0;
    // Rounded to a millionth first, like suggestedQuantity: 10 × 1.1 must say 11, not 12.
    return { variantId, units: r > 0 ? Math.ceil(Math.round(r * (1 + safetyFactor) * 1e6) / 1e6) : 0 };
  });
}

/** A total split across variants: all to a single variant; several: evenly, the remainder to the first. */
export function splitAcrossVariants(variantIds: readonly string[], total: number): VariantUnits[] {
  const each = Math.floor(total / variantIds.length);
  const remainder = total - each * variantIds.length;
  return variantIds.map((variantId, i) => ({ variantId, units: each + (i === 0 ? remainder : 0) }));
}

export function totalUnits(units: readonly VariantUnits[]): number {
  return units.reduce((sum, u) => sum + u.units, 0);
}

/** Net units sold (sold − returned) ÷ units produced, over every variant; 0 when nothing was produced. */
export function sellThrough(stock: readonly VariantStock[]): number {
  const produced = stock.reduce((sum, v) => sum + v.produced, 0);
  if (produced <= 0) return 0;
  const net = stock.reduce((sum, v) => sum + Math.max(0, v.sold - v.returned), 0);
  return Math.round((net / produced) * 10_000) / 10_000;
}

/**
 * A restock sized from the recent sales rate, per variant: a variant that sold anything gets
 * max(restockMinimumUnits, ceil(unitsPerDay × restockCoverDays)); one that sold nothing gets 0.
 */
export function restockSuggestion(variantIds: readonly string[], stock: readonly VariantStock[], rules: SalesRules): VariantUnits[] {
  const byId = new Map(stock.map((s) => [s.variantId, s]));
  return variantIds.map((variantId) => {
    const s = byId.get(variantId);
    if (!s || s.sold <= 0) return { variantId, units: 0 };
    const cover = Math.ceil(Math.round(Math.max(0, s.unitsPerDay) * rules.restockCoverDays * 1e6) / 1e6);
    return { variantId, units: Math.max(rules.restockMinimumUnits, cover) };
  });
}
