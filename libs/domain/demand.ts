// The demand gate between the poll and design: after the poll picks its winner, fans reserve it until the
// window closes; the reservations counted then decide whether production unlocks (and how much per variant)
// or the product waits for staff (extend, override with a reason, or cancel and release the reservations).

import { emit, iso, moveTo } from './events';
import type { Actor, LifecycleEvent, ProductState } from './model';
import { demandSuggestion, splitAcrossVariants, totalUnits } from './rules';
import { DEFAULT_VARIANTS, type DemandState, type ProductVariant, type ReservationTally, type VariantUnits } from './sales-model';

/** What the product sells: its own variants, or the single default one. */
export function variantsOf(state: ProductState): readonly ProductVariant[] {
  return state.variants && state.variants.length > 0 ? state.variants : DEFAULT_VARIANTS;
}

export function variantIdsOf(state: ProductState): string[] {
  return variantsOf(state).map((v) => v.id);
}

/** Whether the product passes through the demand gate after its poll. */
export function hasDemandGate(state: ProductState): boolean {
  return state.sellsAfterLaunch === true && state.rules.demandGoal !== undefined;
}

/** Moves a product whose poll just closed into DEMAND and opens its reservation window. */
export function openDemand(state: ProductState, actor: Actor, nowMs: number): LifecycleEvent[] {
  const goal = state.rules.demandGoal!;
  const at = iso(nowMs);
  const demand: DemandState = { goal, status: 'OPEN', openedAt: at, closesAt: iso(nowMs + goal.windowMs) };
  state.demand = demand;
  return [
    moveTo(state, 'DEMAND', actor, at),
    emit(state, 'DEMAND_OPENED', actor, at, { closesAt: demand.closesAt, minimumUnits: goal.minimumUnits, variants: variantsOf(state) }),
  ];
}

/**
 * Reservation intake reports the goal reached: the first report while the window is open is on the timeline
 * (reservations stay open); repeats, reports below the goal and reports outside the open window change nothing.
 */
export function applyDemandGoalReached(state: ProductState, reached: { totalUnits: number }, nowMs: number): LifecycleEvent[] {
  const demand = state.demand;
  if (state.stage !== 'DEMAND' || !demand || demand.status !== 'OPEN' || demand.goalReachedAt) return [];
  const units = Number(reached?.totalUnits);
  if (!Number.isFinite(units) || units < demand.goal.minimumUnits) return [];
  const at = iso(nowMs);
  demand.goalReachedAt = at;
  return [emit(state, 'DEMAND_GOAL_REACHED', { kind: 'system', id: 'reservation-intake' }, at, { totalUnits: units, minimumUnits: demand.goal.minimumUnits })];
}

/** Marks the window as being tallied, so that a second close, an extension or a cancellation waits for the result. */
export function beginDemandClose(state: ProductState): void {
  state.demand!.status = 'CLOSING';
}

/** Keeps the tally on the product (also when it decides nothing, e.g. before a cancellation). */
export function recordDemandTally(state: ProductState, tally: ReservationTally, nowMs: number): void {
  state.demand!.lastTally = { variants: tally.variants, totalUnits: tally.totalUnits, reservations: tally.reservations, at: iso(nowMs) };
}

/**
 * Applies the reservation tally of a closing window: at or above the goal, production unlocks with a
 * suggestion per variant (→ DESIGN); below it the product is parked for a staff decision. A product
 * cancelled (or otherwise moved on) while the tally ran is left as it is.
 */
export function applyDemandTally(state: ProductState, tally: ReservationTally, actor: Actor, nowMs: number): LifecycleEvent[] {
  const demand = state.demand;
  if (state.stage !== 'DEMAND' || !demand || demand.status !== 'CLOSING') return [];
  const at = iso(nowMs);
  recordDemandTally(state, tally, nowMs);
  const { minimumUnits } = demand.goal;
  const counted = { totalUnits: tally.totalUnits, minimumUnits, reservations: tally.reservations, variants: tally.variants };
  if (tally.totalUnits < minimumUnits) {
    demand.status = 'AWAITING_DECISION';
    return [emit(state, 'DEMAND_BELOW_GOAL', actor, at, counted)];
  }
  demand.status = 'MET';
  const suggested = suggestFromDemand(state, tally.variants);
  return [emit(state, 'DEMAND_MET', actor, at, { ...counted, suggested }), moveTo(state, 'DESIGN', actor, at)];
}

/**
 * The production suggested per variant from reserved units (demandSuggestion); with no reservations at all
 * (an override of an empty window) the poll's suggested quantity, split across the variants, so the run is
 * never suggested at zero. Kept on the product for START_PRODUCTION's default.
 */
export function suggestFromDemand(state: ProductState, reserved: readonly VariantUnits[]): VariantUnits[] {
  const ids = variantIdsOf(state);
  let suggested = demandSuggestion(ids, reserved, state.demand!.goal.safetyFactor);
  if (totalUnits(suggested) === 0) suggested = splitAcrossVariants(ids, state.suggestedQuantity ?? state.rules.demand.minimumOrder);
  state.demand!.suggested = suggested;
  state.suggestedQuantity = totalUnits(suggested);
  return suggested;
}
