// Extending the demand window (staff): moves an open window's closing time later, or reopens a window that
// closed below its goal. Counts against the product's demand-extension cap.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import { countAction, validateWithinLimit } from './action-limits';
import type { CommandHandler } from './command';

export interface ExtendDemandInput {
  closesAt: string;
}

export const extendDemandCommand: CommandHandler<ExtendDemandInput> = {
  update: 'extendDemand',
  action: 'extending the demand window',
  stage: 'DEMAND',
  validate(state, input, nowMs) {
    const demand = state.demand!;
    if (demand.status === 'CLOSING') refuse(DomainErrorCode.InvalidState, `the demand window of product ${state.productId} is closing`);
    const closesAt = Date.parse(input.closesAt);
    if (Number.isNaN(closesAt)) refuse(DomainErrorCode.InvalidValue, `closesAt "${input.closesAt}" is not a valid time`);
    if (closesAt <= nowMs) refuse(DomainErrorCode.InvalidValue, `closesAt ${input.closesAt} is not in the future`);
    if (demand.status === 'OPEN' && closesAt <= Date.parse(demand.closesAt)) {
      refuse(
        DomainErrorCode.InvalidValue,
        `closesAt ${input.closesAt} is not later than the current closing time ${demand.closesAt}; close the demand window to end it early`,
      );
    }
    validateWithinLimit(state, 'demandExtensions');
  },
  apply(state, input, actor, nowMs) {
    const demand = state.demand!;
    const previous = demand.closesAt;
    countAction(state, 'demandExtensions');
    demand.closesAt = iso(Date.parse(input.closesAt));
    demand.status = 'OPEN';
    return [emit(state, 'DEMAND_EXTENDED', actor, iso(nowMs), { closesAt: demand.closesAt, previous })];
  },
};
