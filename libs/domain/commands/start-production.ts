// Starting production (staff), once: the quantity defaults to the one suggested by demand (the reservations
// per variant when the product had a demand gate, else the poll's votes split across the variants).

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import { variantIdsOf } from '../demand';
import { splitAcrossVariants, totalUnits } from '../rules';
import type { VariantUnits } from '../sales-model';
import type { CommandHandler } from './command';
import { inVariantOrder, validateQuantities } from './quantities';

export interface StartProductionInput {
  /** Total units; with `quantities` it must equal their sum. */
  quantity?: number;
  /** Units per variant (every variant of the product); products that sell after launch only. */
  quantities?: VariantUnits[];
  supplier: string;
  /** A registered supplier (the API checks it and fills in `supplier`): it is sent the run, and its cancellation. */
  supplierId?: string;
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
    if (input.quantities !== undefined) {
      if (!state.sellsAfterLaunch) refuse(DomainErrorCode.InvalidValue, `product ${state.productId} was started before variants; give quantity instead of quantities`);
      validateQuantities(state, input.quantities);
      const sum = totalUnits(input.quantities);
      if (input.quantity !== undefined && input.quantity !== sum) refuse(DomainErrorCode.InvalidValue, `quantity ${input.quantity} is not the sum of quantities (${sum})`);
    }
    const due = Date.parse(input.dueDate);
    if (Number.isNaN(due)) refuse(DomainErrorCode.InvalidValue, `dueDate "${input.dueDate}" is not a valid time`);
    if (due <= nowMs) refuse(DomainErrorCode.InvalidValue, `dueDate ${input.dueDate} is not in the future`);
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const suggested = state.suggestedQuantity ?? state.rules.demand.minimumOrder;
    const dueDate = new Date(Date.parse(input.dueDate)).toISOString();
    if (!state.sellsAfterLaunch) {
      // Products from before variants record the run exactly as they did (their histories replay it).
      const supplierId = input.supplierId ? { supplierId: input.supplierId } : {};
      state.production.run = { quantity: input.quantity ?? suggested, suggestedQuantity: suggested, supplier: input.supplier, ...supplierId, dueDate, startedAt: at };
      return [emit(state, 'PRODUCTION_STARTED', actor, at, { ...state.production.run })];
    }
    const ids = variantIdsOf(state);
    const quantities = input.quantities
      ? inVariantOrder(state, input.quantities)
      : input.quantity !== undefined
        ? splitAcrossVariants(ids, input.quantity)
        : (state.demand?.suggested ?? splitAcrossVariants(ids, suggested));
    state.production.run = {
      quantity: totalUnits(quantities),
      quantities,
      suggestedQuantity: suggested,
      supplier: input.supplier,
      ...(input.supplierId ? { supplierId: input.supplierId } : {}),
      dueDate,
      startedAt: at,
    };
    return [emit(state, 'PRODUCTION_STARTED', actor, at, { ...state.production.run })];
  },
};
