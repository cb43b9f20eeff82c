// Requesting a sample of a registered supplier (staff): the request is sent to the supplier's outbound
// channel, and the round recorded when the sample arrives closes it. One request is open at a time, and
// only while no round waits for the influencer's review; requests count toward the round limit.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import type { CommandHandler } from './command';
import { validateSubmission } from './rounds';

export interface RequestSampleInput {
  /** A registered, active supplier (the API checks it and fills in its name). */
  supplierId: string;
  supplier: string;
  notes: string;
  dueDate?: string;
}

export const requestSampleCommand: CommandHandler<RequestSampleInput> = {
  update: 'requestSample',
  action: 'a sample request',
  stage: 'SAMPLING',
  validate(state, input, nowMs) {
    const open = state.sampleRequests?.find((r) => r.status === 'OPEN');
    if (open) {
      refuse(DomainErrorCode.InvalidState, `sample request ${open.number} of product ${state.productId} (to ${open.supplier}) is still open; record its sample first`);
    }
    validateSubmission(state, 'sample', state.rules.sampleRoundLimit);
    if (!input.supplierId.trim()) refuse(DomainErrorCode.InvalidValue, 'a sample request needs a registered supplier');
    if (input.dueDate !== undefined) {
      const due = Date.parse(input.dueDate);
      if (Number.isNaN(due)) refuse(DomainErrorCode.InvalidValue, `dueDate "${input.dueDate}" is not a valid time`);
      if (due <= nowMs) refuse(DomainErrorCode.InvalidValue, `dueDate ${input.dueDate} is not in the future`);
    }
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const requests = (state.sampleRequests ??= []);
    // The request becomes the next round: its number is that round's.
    const number = state.samples.length + 1;
    const dueDate = input.dueDate === undefined ? undefined : iso(Date.parse(input.dueDate));
    requests.push({ number, supplierId: input.supplierId, supplier: input.supplier, notes: input.notes, ...(dueDate ? { dueDate } : {}), requestedAt: at, requestedBy: actor, status: 'OPEN' });
    return [emit(state, 'SAMPLE_REQUESTED', actor, at, { number, supplierId: input.supplierId, supplier: input.supplier, notes: input.notes, ...(dueDate ? { dueDate } : {}) })];
  },
};
