// Tells a product's workflow when its poll crossed a vote milestone (100, 1,000, …), once per milestone:
// vote intake records the crossing in the same commit as the votes, this service signals the workflow
// right after and marks the row notified; a sweep re-sends any crossing whose signal did not get through
// (Temporal down, API stopped in between). The workflow ignores repeats.

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { productWorkflowId, voteMilestoneReached } from '@app/domain';
import { PollVoteCountRepository, type ReachedMilestone } from '@app/database';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../common/tokens';

const SWEEP_EVERY_MS = 5_000;
// Leaves the first attempt to the request path before the sweep sends the same signal again.
const SWEEP_GRACE_SECONDS = 5;
const SWEEP_BATCH = 100;

@Injectable()
export class MilestoneNotifier implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('VoteMilestones');
  private timer?: NodeJS.Timeout;
  private readonly inFlight = new Set<Promise<void>>();
  private sweeping = false;

  constructor(
    private readonly counts: PollVoteCountRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Signals the workflows in the background; the votes' answers do not wait for Temporal. */
  announce(reached: ReachedMilestone[]): void {
    for (const m of reached) {
      const sending = this.send(m).finally(() => this.inFlight.delete(sending));
      this.inFlight.add(sending);
    }
  }

  /** Re-sends crossings that were recorded but not confirmed; returns how many were sent. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const pending = await this.counts.unnotifiedMilestones(SWEEP_GRACE_SECONDS, SWEEP_BATCH);
      await Promise.all(pending.map((m) => this.send(m)));
      return pending.length;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'milestone sweep failed; next sweep retries');
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  private async send(m: ReachedMilestone): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(productWorkflowId(m.productId)).signal(voteMilestoneReached, { milestone: m.milestone, totalVotes: m.totalVotes });
      this.logger.log({ productId: m.productId, milestone: m.milestone }, 'poll vote milestone reached');
    } catch (err) {
      // A workflow that has finished has nothing to announce any more.
      if (!(err instanceof WorkflowNotFoundError)) {
        this.logger.warn({ productId: m.productId, milestone: m.milestone, err: (err as Error).message }, 'milestone signal failed; the sweep retries');
        return;
      }
    }
    await this.counts
      .markMilestoneNotified(m.productId, m.milestone)
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'could not mark milestone notified; it will be signalled again (harmless)'));
  }
}
