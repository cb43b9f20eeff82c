// Tells a product's workflow when its reservations first reached the demand goal (demandGoalReached):
// intake records the moment in the same commit as the reservations, this service signals right after; a
// sweep re-sends the signal for goals the workflow's read model does not show yet.

import { Inject, Injectable } from '@nestjs/common';
import { demandGoalReached } from '@app/domain';
import { ReservationRepository, type GoalCrossing } from '@app/database';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { SignalSweeper } from '../common/signal-sweeper';
import { TEMPORAL_CLIENT } from '../common/tokens';

// Leaves the first attempt to the request path, and the workflow time to record it, before the sweep repeats it.
const SWEEP_GRACE_SECONDS = 10;
const SWEEP_BATCH = 100;

@Injectable()
export class GoalNotifier extends SignalSweeper<GoalCrossing> {
  constructor(
    private readonly reservations: ReservationRepository,
    @Inject(TEMPORAL_CLIENT) temporal: Client,
  ) {
    super(temporal, 'demand goal', 'DemandGoal');
  }

  protected pending(): Promise<GoalCrossing[]> {
    return this.reservations.unannouncedGoals(SWEEP_GRACE_SECONDS, SWEEP_BATCH);
  }

  protected signal(handle: WorkflowHandle, c: GoalCrossing): Promise<void> {
    return handle.signal(demandGoalReached, { totalUnits: c.totalUnits });
  }

  protected describe(c: GoalCrossing): Record<string, unknown> {
    return { productId: c.productId, totalUnits: c.totalUnits };
  }
}
