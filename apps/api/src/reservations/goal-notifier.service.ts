// Tells a product's workflow when its reservations first reached the demand goal (demandGoalReached):
// intake records the moment in the same commit as the reservations, this service signals right after; a
// sweep re-sends the signal for goals the workflow's read model does not show yet (Temporal down, API
// stopped in between). The workflow ignores repeats.

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { demandGoalReached, productWorkflowId } from '@app/domain';
import { ReservationRepository, type GoalCrossing } from '@app/database';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../common/tokens';

const SWEEP_EVERY_MS = 5_000;
// Leaves the first attempt to the request path, and the workflow time to record it, before the sweep repeats it.
const SWEEP_GRACE_SECONDS = 10;
const SWEEP_BATCH = 100;

@Injectable()
export class GoalNotifier implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DemandGoal');
  private timer?: NodeJS.Timeout;
  private readonly inFlight = new Set<Promise<void>>();
  private sweeping = false;

  constructor(
    private readonly reservations: ReservationRepository,
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

  /** Signals in the background; the reservations' answers do not wait for Temporal. */
  announce(crossed: GoalCrossing[]): void {
    for (const c of crossed) {
      const sending = this.send(c).finally(() => this.inFlight.delete(sending));
      this.inFlight.add(sending);
    }
  }

  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const pending = await this.reservations.unannouncedGoals(SWEEP_GRACE_SECONDS, SWEEP_BATCH);
      await Promise.all(pending.map((c) => this.send(c)));
      return pending.length;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'demand goal sweep failed; next sweep retries');
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  private async send(c: GoalCrossing): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(productWorkflowId(c.productId)).signal(demandGoalReached, { totalUnits: c.totalUnits });
      this.logger.log({ productId: c.productId, totalUnits: c.totalUnits }, 'demand goal reached');
    } catch (err) {
      // A finished workflow has nothing to be told; anything else is retried by the sweep.
      if (!(err instanceof WorkflowNotFoundError)) this.logger.warn({ productId: c.productId, err: (err as Error).message }, 'demand goal signal failed; the sweep retries');
    }
  }
}
