// Durable-before-acknowledge reservation intake with group commit, like votes: concurrent reservations are
// written together by one statement (ReservationRepository.insertBatch: the reservations, the window's live
// totals and the moment the goal was first reached) and one commit; each request is answered after its
// batch has committed. Closing the window is race-free (see the repository): a reservation acknowledged
// before the close is counted, one after it is refused.

import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { isDatabaseUnavailable, newId, ReservationRepository, type NewReservation, type StoredReservation } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { newReservationCode } from '@app/shop';
import { CONFIG } from '../common/tokens';
import { ApiMetrics } from '../metrics/api-metrics';
import { GroupCommitClosedError, GroupCommitter } from '../votes/group-commit';
import { GoalNotifier } from './goal-notifier.service';

export type ReservationInput = Omit<NewReservation, 'id' | 'code'>;

export type ReservationOutcome =
  | { kind: 'reserved'; code: string }
  | { kind: 'duplicate'; reason: 'redelivery' | 'already-reserved'; code: string }
  | { kind: 'window-not-open'; status: string | null; closesAt: string | null }
  | { kind: 'failed'; error: unknown };

/** How often a batch member is written again after its insert collided with nothing we can find (a code collision). */
const CODE_ATTEMPTS = 3;

@Injectable()
export class ReservationIntakeService implements OnApplicationShutdown {
  private readonly logger = new Logger('ReservationIntake');
  private readonly committer: GroupCommitter<NewReservation, ReservationOutcome>;

  constructor(
    private readonly reservations: ReservationRepository,
    @Inject(CONFIG) config: AppConfig,
    private readonly goals: GoalNotifier,
    metrics: ApiMetrics,
  ) {
    this.committer = metrics.intakeCommitter('reservation', config, (rs: NewReservation[]) => this.flush(rs));
  }

  async record(input: ReservationInput): Promise<Exclude<ReservationOutcome, { kind: 'failed' }>> {
    for (let attempt = 1; ; attempt++) {
      const reservation: NewReservation = { ...input, id: newId('rsv'), code: newReservationCode() };
      const outcome = await this.committer.submit(reservation).catch((err: unknown) => {
        if (err instanceof GroupCommitClosedError) throw new DomainError(DomainErrorCode.DependencyUnavailable, 'the API is shutting down and takes no more reservations');
        throw err;
      });
      if (outcome.kind === 'failed') {
        if (outcome.error instanceof CodeCollision && attempt < CODE_ATTEMPTS) continue;
        throw outcome.error;
      }
      return outcome;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.committer.drain();
  }

  private async flush(rs: NewReservation[]): Promise<ReservationOutcome[]> {
    let outcomes: ReservationOutcome[];
    try {
      outcomes = await this.write(rs);
    } catch (err) {
      if (isDatabaseUnavailable(err) || rs.length === 1) throw err;
      // One bad reservation must not fail its neighbours: write them one by one to find it.
      this.logger.warn({ err: (err as Error).message, batch: rs.length }, 'reservation batch failed; writing its reservations one by one');
      outcomes = [];
      for (const r of rs) {
        try {
          outcomes.push(...(await this.write([r])));
        } catch (single) {
          if (isDatabaseUnavailable(single)) throw single;
          outcomes.push({ kind: 'failed', error: single });
        }
      }
    }
    return outcomes;
  }

  private async write(rs: NewReservation[]): Promise<ReservationOutcome[]> {
    const { reservations: written, crossed } = await this.reservations.insertBatch(rs);
    if (crossed.length) this.goals.announce(crossed);
    // Which stored reservation each refused one collided with (the same delivery again, or the fan's earlier
    // one), all in one look-up after the batch: a redelivery after the close still gets its stored answer.
    const refused = written.flatMap((w, i) => (w.stored ? [] : [i]));
    const found = await this.reservations.findExistingMany(refused.map((i) => rs[i]));
    const priors = new Map(refused.map((i, k) => [i, found[k]]));
    return written.map((w, i): ReservationOutcome => {
      const r = rs[i];
      if (w.stored) return { kind: 'reserved', code: r.code };
      const prior = priors.get(i);
      if (prior) return this.asDuplicate(r, prior);
      return w.open ? { kind: 'failed', error: new CodeCollision() } : { kind: 'window-not-open', status: w.windowStatus, closesAt: w.closesAt };
    });
  }

  private asDuplicate(r: NewReservation, prior: StoredReservation): ReservationOutcome {
    const redelivery = prior.sourceId === r.sourceId && prior.webhookId === r.webhookId;
    return { kind: 'duplicate', reason: redelivery ? 'redelivery' : 'already-reserved', code: prior.code };
  }
}

/** The random code was taken (50 bits: about never); the reservation is written again with another. */
class CodeCollision extends Error {
  constructor() {
    super('reservation code collision');
  }
}
