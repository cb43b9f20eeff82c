// Test support for the command specs: one well-formed example of each command and the stage that accepts it.

import type { LifecycleCommand } from '../lifecycle';
import { DAY, iso, POLL_CLOSES_AT, type ActiveStage } from './lifecycle-driver';

/** One well-formed example of each command (valid for its own stage on a freshly driven product). */
export function sampleCommand(type: LifecycleCommand['type'], now: number): LifecycleCommand {
  switch (type) {
    case 'CLOSE_POLL':
      return { type };
    case 'EXTEND_POLL':
      return { type, closesAt: iso(POLL_CLOSES_AT + DAY) };
    case 'CANCEL':
      return { type, reason: 'supplier went bust' };
    case 'SUBMIT_DESIGN':
      return { type, title: 't', description: 'd', imageUrls: [] };
    case 'REVIEW_DESIGN':
      return { type, round: 1, decision: 'APPROVE' };
    case 'RECORD_SAMPLE':
      return { type, supplier: 's', notes: 'n', photoUrls: [] };
    case 'REVIEW_SAMPLE':
      return { type, round: 1, decision: 'APPROVE' };
    case 'START_PRODUCTION':
      return { type, supplier: 's', dueDate: iso(now + 30 * DAY) };
    case 'RECORD_MILESTONE':
      return { type, milestone: 'MATERIALS' };
    case 'SCHEDULE_LAUNCH':
      return { type, launchAt: iso(now + 3 * DAY) };
    case 'APPROVE_LAUNCH_ANNOUNCEMENT':
      return { type, title: 'Our dress is live', body: 'It is here.' };
    case 'CLOSE_DEMAND':
      return { type };
    case 'EXTEND_DEMAND':
      return { type, closesAt: iso(now + 30 * DAY) };
    case 'OVERRIDE_DEMAND':
      return { type, reason: 'the influencer backs it' };
    case 'APPROVE_RESTOCK':
      return { type, supplier: 's', dueDate: iso(now + 30 * DAY) };
    case 'DECLINE_RESTOCK':
      return { type, reason: 'end of season' };
    case 'CANCEL_RESTOCK':
      return { type, reason: 'fabric unavailable' };
    case 'RECORD_RESTOCK_MILESTONE':
      return { type, milestone: 'MATERIALS' };
    case 'END_SALES':
      return { type, reason: 'season over' };
    case 'REQUEST_SAMPLE':
      return { type, supplierId: 'sup-1', supplier: 'Atelier Nord', notes: 'size M, the approved design' };
    case 'EDIT_POLL_OPTIONS':
      return { type, options: [{ id: 'a', label: 'Linen' }, { id: 'b', label: 'Cotton' }] };
    case 'REQUEST_POLL_CHANGES':
      return { type, feedback: 'add a cotton option' };
    case 'APPROVE_POLL':
      return { type };
  }
}

export const STAGE_BOUND: { type: Exclude<LifecycleCommand['type'], 'CANCEL'>; name: string; stage: ActiveStage }[] = [
  { type: 'CLOSE_POLL', name: 'closing the poll', stage: 'POLL' },
  { type: 'EXTEND_POLL', name: 'extending the poll', stage: 'POLL' },
  { type: 'SUBMIT_DESIGN', name: 'design submission', stage: 'DESIGN' },
  { type: 'REVIEW_DESIGN', name: 'design review', stage: 'DESIGN' },
  { type: 'RECORD_SAMPLE', name: 'sample submission', stage: 'SAMPLING' },
  { type: 'REQUEST_SAMPLE', name: 'a sample request', stage: 'SAMPLING' },
  { type: 'REVIEW_SAMPLE', name: 'sample review', stage: 'SAMPLING' },
  { type: 'START_PRODUCTION', name: 'starting production', stage: 'PRODUCTION' },
  { type: 'RECORD_MILESTONE', name: 'a production milestone', stage: 'PRODUCTION' },
  { type: 'SCHEDULE_LAUNCH', name: 'scheduling the launch', stage: 'LAUNCH' },
  { type: 'APPROVE_LAUNCH_ANNOUNCEMENT', name: 'approving the launch announcement', stage: 'LAUNCH' },
  { type: 'CLOSE_DEMAND', name: 'closing the demand window', stage: 'DEMAND' },
  { type: 'EXTEND_DEMAND', name: 'extending the demand window', stage: 'DEMAND' },
  { type: 'OVERRIDE_DEMAND', name: 'overriding the demand goal', stage: 'DEMAND' },
  { type: 'APPROVE_RESTOCK', name: 'approving a restock', stage: 'ON_SALE' },
  { type: 'DECLINE_RESTOCK', name: 'declining a restock', stage: 'ON_SALE' },
  { type: 'CANCEL_RESTOCK', name: 'cancelling a restock', stage: 'ON_SALE' },
  { type: 'RECORD_RESTOCK_MILESTONE', name: 'a restock milestone', stage: 'ON_SALE' },
  { type: 'END_SALES', name: 'ending sales', stage: 'ON_SALE' },
];

/** Accepted only while a moderated product's poll waits in DRAFT (poll-moderation.spec.ts), so not in STAGE_BOUND. */
export const DRAFT_POLL_COMMANDS = ['EDIT_POLL_OPTIONS', 'REQUEST_POLL_CHANGES', 'APPROVE_POLL'] as const;

export const ALL_COMMAND_TYPES: LifecycleCommand['type'][] = [...STAGE_BOUND.map((c) => c.type), ...DRAFT_POLL_COMMANDS, 'CANCEL'];
