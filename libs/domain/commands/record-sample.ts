// Recording a sample (staff): a new round waiting for the influencer's review, within the round limit. A
// sample requested of a registered supplier closes its request, and the round names that supplier.

import { DomainErrorCode, refuse } from '../errors';
import { emit, iso } from '../events';
import type { SampleRound } from '../model';
import type { CommandHandler } from './command';
import { newRound, validateSubmission } from './rounds';

export interface RecordSampleInput {
  /** The supplier's name; with an open request, it may be left out (the request's supplier made it). */
  supplier?: string;
  /** A registered supplier (the API checks it and fills in `supplier`). */
  supplierId?: string;
  notes: string;
  photoUrls: string[];
}

export const recordSampleCommand: CommandHandler<RecordSampleInput> = {
  update: 'recordSample',
  action: 'sample submission',
  stage: 'SAMPLING',
  validate(state, input) {
    validateSubmission(state, 'sample', state.rules.sampleRoundLimit);
    const open = state.sampleRequests?.find((r) => r.status === 'OPEN');
    if (open && input.supplierId !== undefined && input.supplierId !== open.supplierId) {
      refuse(DomainErrorCode.InvalidValue, `sample request ${open.number} is open with supplier ${open.supplierId}; its sample comes from that supplier, not ${input.supplierId}`);
    }
    if (open && input.supplierId === undefined && input.supplier !== undefined) {
      refuse(DomainErrorCode.InvalidValue, `sample request ${open.number} is open with supplier ${open.supplierId} (${open.supplier}); its sample comes from that supplier: leave supplier out`);
    }
    if (!open && !input.supplier?.trim()) refuse(DomainErrorCode.InvalidValue, 'a sample needs its supplier (supplier or supplierId)');
  },
  apply(state, input, actor, nowMs) {
    const at = iso(nowMs);
    const open = state.sampleRequests?.find((r) => r.status === 'OPEN');
    const supplier = open?.supplier ?? input.supplier!;
    const supplierId = open?.supplierId ?? input.supplierId;
    const sample: SampleRound = {
      ...newRound(state, 'sample', actor, at),
      supplier,
      ...(supplierId ? { supplierId } : {}),
      ...(open ? { request: open.number } : {}),
      notes: input.notes,
      photoUrls: input.photoUrls,
    };
    state.samples.push(sample);
    if (open) Object.assign(open, { status: 'RECEIVED', closedAt: at });
    // Products recorded before registered suppliers produce exactly the data they did (their histories replay it).
    return [emit(state, 'SAMPLE_RECORDED', actor, at, { round: sample.round, supplier, ...(supplierId ? { supplierId } : {}), ...(open ? { request: open.number } : {}) })];
  },
};
