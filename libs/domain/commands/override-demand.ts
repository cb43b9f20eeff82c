// Overriding a missed demand goal (staff, with a reason for the timeline): production unlocks anyway,
// suggested from the reservations counted (demand.ts suggestFromDemand), and the product moves to DESIGN.

import { suggestFromDemand } from '../demand';
import { DomainErrorCode, refuse } from '../errors';
import { emit, iso, moveTo } from '../events';
import type { CommandHandler } from './command';

export interface OverrideDemandInput {
  reason: string;
}

export const overrideDemandCommand: CommandHandler<OverrideDemandInput> = {
  update: 'overrideDemand',
  action: 'overriding the demand goal',
  stage: 'DEMAND',
  validate(state, input) {
    if (state.demand?.status !== 'AWAITING_DECISION') {
      refuse(DomainErrorCode.InvalidState, `the demand window of product ${state.productId} is ${state.demand?.status ?? 'not open'}; only a window that closed below its goal can be overridden`);
    }
    if (!input.reason.trim()) refuse(DomainErrorCode.InvalidValue, 'an override needs a reason');
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const demand = state.demand!;
    const tally = demand.lastTally;
    const suggested = suggestFromDemand(state, tally?.variants ?? []);
    demand.status = 'OVERRIDDEN';
    demand.override = { reason: input.reason.trim(), at, by: actor };
    return [
      emit(state, 'DEMAND_OVERRIDDEN', actor, at, { reason: demand.override.reason, totalUnits: tally?.totalUnits ?? 0, minimumUnits: demand.goal.minimumUnits, suggested }),
      moveTo(state, 'DESIGN', actor, at),
    ];
  },
};
