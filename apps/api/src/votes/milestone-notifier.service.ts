// Tells a product's workflow when its poll crossed a vote milestone (100, 1,000, …), once per milestone:
// vote intake records the crossing in the same commit as the votes, this service signals the workflow
// right after and marks the row notified; a sweep re-sends any crossing whose signal did not get through.

import { Inject, Injectable } from '@nestjs/common';
import { voteMilestoneReached } from '@app/domain';
import { PollVoteCountRepository, type ReachedMilestone } from '@app/database';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { SignalSweeper } from '../common/signal-sweeper';
import { TEMPORAL_CLIENT } from '../common/tokens';

// Leaves the first attempt to the request path before the sweep sends the same signal again.
const SWEEP_GRACE_SECONDS = 5;
const SWEEP_BATCH = 100;

@Injectable()
export class MilestoneNotifier extends SignalSweeper<ReachedMilestone> {
  constructor(
    private readonly counts: PollVoteCountRepository,
    @Inject(TEMPORAL_CLIENT) temporal: Client,
  ) {
    super(temporal, 'poll vote milestone', 'VoteMilestones');
  }

  protected pending(): Promise<ReachedMilestone[]> {
    return this.counts.unnotifiedMilestones(SWEEP_GRACE_SECONDS, SWEEP_BATCH);
  }

  protected signal(handle: WorkflowHandle, m: ReachedMilestone): Promise<void> {
    return handle.signal(voteMilestoneReached, { milestone: m.milestone, totalVotes: m.totalVotes });
  }

  protected describe(m: ReachedMilestone): Record<string, unknown> {
    return { productId: m.productId, milestone: m.milestone };
  }

  protected override async confirmed(m: ReachedMilestone): Promise<void> {
    await this.counts
      .markMilestoneNotified(m.productId, m.milestone)
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'could not mark milestone notified; it will be signalled again (harmless)'));
  }
}
