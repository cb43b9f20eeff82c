// Starting production (staff), once: the quantity defaults to the one suggested by the poll's demand.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import type { CommandHandler } from './command';

export interface StartProductionInput {
  quantity?: number;
  supplier: string;
  dueDate: string;
}

export const startProductionCommand: CommandHandler<StartProductionInput> = {
  update: 'startProduction',
  action: 'starting production',
  stage: 'PRODUCTION',
  validate(state, input, nowMs) {
    if (state.production.run) refuse(DomainErrorCode.InvalidState, `production of product ${state.productId} has already started`);
    if (input.quantity !== undefined && (!Number.isInteger(input.quantity) || input.quantity < 1)) {
      refuse(DomainErrorCode.InvalidValue, 'quantity must be a positive whole number');
    }
    const due = Date.parse(input.dueDate);
    if (Number.isNaN(due)) refuse(DomainErrorCode.InvalidValue, `dueDate "${input.dueDate}" is not a valid time`);
    if (due <= nowMs) refuse(DomainErrorCode.InvalidValue, `dueDate ${input.dueDate} is not in the future`);
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const suggested = state.suggestedQuantity ?? state.rules.demand.minimumOrder;
    state.production.run = {
      quantity: input.quantity ?? suggested,
      suggestedQuantity: suggested,
      supplier: input.supplier,
      dueDate: new Date(Date.parse(input.dueDate)).toISOString(),
      startedAt: at,
    };
    return [emit(state, 'PRODUCTION_STARTED', actor, at, { ...state.production.run })];
  },
};
