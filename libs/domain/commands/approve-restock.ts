// Approving the proposed restock (staff): its quantities (default: the suggestion), supplier and due date;
// it is then produced with the usual milestones (record-restock-milestone.ts) while the product stays on sale.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import { totalUnits } from '../rules';
import { openRestock } from '../sales';
import type { VariantUnits } from '../sales-model';
import type { CommandHandler } from './command';
import { inVariantOrder, validateQuantities } from './quantities';

export interface ApproveRestockInput {
  /** Units per variant; defaults to the suggestion. */
  quantities?: VariantUnits[];
  supplier: string;
  /** A registered supplier (the API checks it and fills in `supplier`): it is sent the restock, and its cancellation. */
  supplierId?: string;
  dueDate: string;
}

export const approveRestockCommand: CommandHandler<ApproveRestockInput> = {
  update: 'approveRestock',
  action: 'approving a restock',
  stage: 'ON_SALE',
  validate(state, input, nowMs) {
    if (openRestock(state)?.status !== 'PROPOSED') refuse(DomainErrorCode.InvalidState, `product ${state.productId} has no proposed restock to approve`);
    if (input.quantities !== undefined) validateQuantities(state, input.quantities);
    if (!input.supplier.trim()) refuse(DomainErrorCode.InvalidValue, 'a restock needs a supplier');
    const due = Date.parse(input.dueDate);
    if (Number.isNaN(due)) refuse(DomainErrorCode.InvalidValue, `dueDate "${input.dueDate}" is not a valid time`);
    if (due <= nowMs) refuse(DomainErrorCode.InvalidValue, `dueDate ${input.dueDate} is not in the future`);
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const run = openRestock(state)!;
    const quantities = input.quantities ? inVariantOrder(state, input.quantities) : run.suggested;
    const supplierId = input.supplierId ? { supplierId: input.supplierId } : {};
    Object.assign(run, { status: 'IN_PRODUCTION', quantities, supplier: input.supplier.trim(), ...supplierId, dueDate: iso(Date.parse(input.dueDate)), approvedAt: at, approvedBy: actor });
    return [
      emit(state, 'RESTOCK_APPROVED', actor, at, { number: run.number, quantities, quantity: totalUnits(quantities), supplier: run.supplier, ...supplierId, dueDate: run.dueDate }),
    ];
  },
};
