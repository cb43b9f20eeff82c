// Recording a milestone of the restock in production (staff), in the order of the first run's milestones;
// SHIPPED adds its units to the stock and the variants are back in stock.

import { variantsOf } from '../demand';
import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import { nextMilestone } from '../rules';
import { openRestock } from '../sales';
import type { ProductionMilestone } from '../stages';
import type { CommandHandler } from './command';

export interface RecordRestockMilestoneInput {
  milestone: ProductionMilestone;
  note?: string;
}

export const recordRestockMilestoneCommand: CommandHandler<RecordRestockMilestoneInput> = {
  update: 'recordRestockMilestone',
  action: 'a restock milestone',
  stage: 'ON_SALE',
  validate(state, input) {
    const run = openRestock(state);
    if (run?.status !== 'IN_PRODUCTION') refuse(DomainErrorCode.InvalidState, `product ${state.productId} has no restock in production; approve the proposed one first`);
    const expected = nextMilestone(run.milestones.map((m) => m.milestone));
    if (input.milestone !== expected) {
      refuse(DomainErrorCode.InvalidState, `milestones of restock ${run.number} are recorded in order; the next one is ${expected}, not ${input.milestone}`);
    }
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const run = openRestock(state)!;
    const sales = state.sales!;
    run.milestones.push({ milestone: input.milestone, note: input.note, at });
    const events = [emit(state, 'RESTOCK_MILESTONE', actor, at, { number: run.number, milestone: input.milestone, note: input.note ?? null })];
    if (input.milestone !== 'SHIPPED') return events;
    Object.assign(run, { status: 'SHIPPED', closedAt: at });
    const added = new Map((run.quantities ?? []).map((q) => [q.variantId, q.units]));
    sales.produced = sales.produced.map((p) => ({ variantId: p.variantId, units: p.units + (added.get(p.variantId) ?? 0) }));
    const restocked = variantsOf(state).filter((v) => (added.get(v.id) ?? 0) > 0);
    sales.soldOut = sales.soldOut.filter((id) => !restocked.some((v) => v.id === id));
    const variants = restocked.map((v) => ({ variantId: v.id, label: v.label, units: added.get(v.id)! }));
    events.push(emit(state, 'BACK_IN_STOCK', actor, at, { number: run.number, variants }));
    return events;
  },
};
