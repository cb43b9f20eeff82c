// Recording a production milestone (staff), strictly in order; SHIPPED moves the product to LAUNCH.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso, moveTo } from '../events';
import { nextMilestone } from '../rules';
import type { ProductionMilestone } from '../stages';
import type { CommandHandler } from './command';

export interface RecordMilestoneInput {
  milestone: ProductionMilestone;
  note?: string;
}

export const recordMilestoneCommand: CommandHandler<RecordMilestoneInput> = {
  update: 'recordMilestone',
  action: 'a production milestone',
  stage: 'PRODUCTION',
  validate(state, input) {
    const p = state.productId;
    if (!state.production.run) refuse(DomainErrorCode.InvalidState, `production of product ${p} has not started; start it first`);
    const expected = nextMilestone(state.production.milestones.map((m) => m.milestone));
    if (input.milestone !== expected) {
      refuse(DomainErrorCode.InvalidState, `milestones of product ${p} are recorded in order; the next one is ${expected}, not ${input.milestone}`);
    }
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    state.production.milestones.push({ milestone: input.milestone, note: input.note, at });
    const events = [emit(state, 'PRODUCTION_MILESTONE', actor, at, { milestone: input.milestone, note: input.note ?? null })];
    if (input.milestone === 'SHIPPED') events.push(moveTo(state, 'LAUNCH', actor, at));
    return events;
  },
};
