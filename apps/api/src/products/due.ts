// When what a product waits for falls due, for the staff board: the poll's or the demand window's closing, the
// reminder time of a review waiting for the influencer, an open sample request's due date, the production
// run's or an approved restock's due date, the announcement's approval deadline, the launch. Read from the
// product's state (the read model's snapshot); null when nothing it waits for has a time.
import type { ProductState } from '@app/domain';

export const DUE_KINDS = ['POLL_CLOSES', 'DEMAND_CLOSES', 'REVIEW_DUE', 'SAMPLE_DUE', 'PRODUCTION_DUE', 'ANNOUNCEMENT_DUE', 'LAUNCH', 'RESTOCK_DUE'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export interface Due {
  kind: DueKind;
  /** ISO-8601 instant. */
  at: string;
}

const at = (kind: DueKind, instant: string | number): Due => ({ kind, at: new Date(instant).toISOString() });

export function dueOf(state: ProductState): Due | null {
  switch (state.stage) {
    case 'POLL':
      return state.poll.status === 'OPEN' ? at('POLL_CLOSES', state.poll.closesAt) : null;
    case 'DEMAND':
      return state.demand?.status === 'OPEN' ? at('DEMAND_CLOSES', state.demand.closesAt) : null;
    case 'DESIGN':
    case 'SAMPLING': {
      const rounds = state.stage === 'DESIGN' ? state.designs : state.samples;
      const last = rounds[rounds.length - 1];
      if (last?.status === 'PENDING_REVIEW') return at('REVIEW_DUE', Date.parse(last.submittedAt) + state.rules.reviewReminderAfterMs);
      const requested = state.stage === 'SAMPLING' ? state.sampleRequests?.find((r) => r.status === 'OPEN' && r.dueDate) : undefined;
      return requested?.dueDate ? at('SAMPLE_DUE', requested.dueDate) : null;
    }
    case 'PRODUCTION':
      return state.production.run ? at('PRODUCTION_DUE', state.production.run.dueDate) : null;
    case 'LAUNCH': {
      if (!state.launch.launchAt) return null;
      const lead = state.rules.launchApprovalLeadMs;
      if (lead !== undefined && !state.launch.announcement) return at('ANNOUNCEMENT_DUE', Date.parse(state.launch.launchAt) - lead);
      return at('LAUNCH', state.launch.launchAt);
    }
    case 'ON_SALE': {
      const restock = state.sales?.restocks.find((r) => r.status === 'IN_PRODUCTION' && r.dueDate);
      return restock?.dueDate ? at('RESTOCK_DUE', restock.dueDate) : null;
    }
    case 'LAUNCHED':
    case 'ENDED':
    case 'CANCELLED':
      return null;
    default: {
      const stage: never = state.stage;
      throw new Error(`no due time for stage ${String(stage)}`);
    }
  }
}
