// The product workflow's local activities (the poll's tally, the read model, social updates) and how long
// each is tried: quick attempts inside the workflow task, then durable pauses, never an unbounded chain.

import { ActivityFailure, ApplicationFailure, CancelledFailure, log, proxyActivities, proxyLocalActivities, sleep, TemporalFailure } from '@temporalio/workflow';
import type {
  BatchNotifications,
  BatchSocialUpdates,
  NotificationActivities,
  NotifyPeopleInput,
  PeopleNotified,
  ProductActivities,
  RecordedSocialUpdates,
  RecordEventsInput,
  RecordEventsNotifyingInput,
  RecordSocialUpdatesInput,
  ReservationTally,
  SalesActivities,
  SocialActivities,
  TallyInput,
  TallyReservationsInput,
} from '../libs/domain';

// The tally reads PostgreSQL and retries until the database answers: closing a poll must not fail
// because the database was briefly down. The timeout bounds one attempt only.
const tallyRetry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;
// Products started before the `tally-as-local-activity` patch tally with a regular activity.
const { tallyPoll: tallyPollAsActivity } = proxyActivities<ProductActivities>({ startToCloseTimeout: '30 seconds', retry: tallyRetry });
// A read of one indexed aggregate, so it runs as a local activity inside the closing workflow task:
// no activity task round trip through the server while staff wait for the close to answer.
const { tallyPoll } = proxyLocalActivities<ProductActivities>({ startToCloseTimeout: '30 seconds', retry: tallyRetry });
export const TALLY_AS_LOCAL_ACTIVITY = 'tally-as-local-activity';

// The read model is written by a local activity: it runs in the same workflow task as the update that
// produced the events, so when an action's HTTP call returns, GET /products/:id already shows it, and
// no extra activity task round trip through the server is paid per action. The write is idempotent by
// (productId, seq), so trying it again is safe and no event is ever dropped.
const { recordEvents } = proxyLocalActivities<ProductActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// Social updates are written by a local activity right after the event is in the read model: composing
// the text and one insert take milliseconds, and a local activity costs no task round trip through the
// server (a regular one doubled the server's work per action). Idempotent by (productId, seq); it runs in
// its own loop, so a failing social write never holds the read model.
const { recordSocialUpdates } = proxyLocalActivities<SocialActivities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// From the `bounded-local-activities` patch on, a local activity gives up after a few quick attempts and
// the caller waits on a durable timer before the next round: no attempt chain runs unbounded inside a
// workflow task, and the batch is tried again until it lands, so no event is dropped. A social write that
// the activity refuses outright (non-retryable) is skipped: it never stops the read model or the lifecycle.
// Runs from before the patch keep retrying inside the local activity without bound, as they did.
export const BOUNDED_LOCAL_ACTIVITIES_PATCH = 'bounded-local-activities';
const bounded = proxyLocalActivities<ProductActivities & SocialActivities & Pick<SalesActivities, 'tallyReservations'> & Pick<NotificationActivities, 'notifyPeople' | 'notifyPeopleStartingDeliveries'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 5 },
});

/** The durable pause between rounds of attempts: doubling from 1 s up to a minute. */
function pauseMs(round: number): number {
  return Math.min(60_000, 1_000 * 2 ** Math.min(round, 6));
}

/**
 * A failed attempt chain as the workflow sees it: a local activity's own failure (ApplicationFailure, or a
 * timeout), sometimes wrapped in an ActivityFailure. null for anything else (a cancellation, a bug).
 */
function failureOf(err: unknown): { refused: boolean; message: string } | null {
  if (err instanceof CancelledFailure || !(err instanceof TemporalFailure)) return null;
  const inner = err instanceof ActivityFailure && err.cause ? err.cause : err;
  return { refused: inner instanceof ApplicationFailure && inner.nonRetryable === true, message: inner.message };
}

/** Runs `attempt` in rounds until it succeeds; an outright refusal answers `ifRefused` when given (else: try again). */
async function untilItLands<T>(what: string, productId: string, attempt: () => Promise<T>, ifRefused?: T): Promise<T> {
  for (let round = 0; ; round++) {
    try {
      return await attempt();
    } catch (err) {
      const failure = failureOf(err);
      if (!failure) throw err;
      if (failure.refused && ifRefused !== undefined) {
        log.warn(`${what} refused; going on without it`, { productId, error: failure.message });
        return ifRefused;
      }
      log.warn(`${what} failed; trying again after a pause`, { productId, error: failure.message, round });
      await sleep(pauseMs(round));
    }
  }
}


/**
 * The product's local writes; `boundedAttempts` is the product's answer to BOUNDED_LOCAL_ACTIVITIES_PATCH, and
 * `applies` how the run asks a patch (product-lifecycle's patchesOfRun).
 * From that patch on they also run one at a time: the read model, the social loop and the tally each call
 * local activities, and two in flight at once resolve in the order they finish on a live worker but in the
 * order they were scheduled on replay, which a replay reports as nondeterminism.
 */
export function localWrites(productId: string, boundedAttempts: boolean, applies: (patchId: string) => boolean) {
  let lane: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(run: () => Promise<T>): Promise<T> => {
    const next = lane.then(run, run);
    lane = next.catch(() => undefined);
    return next;
  };
  return {
    writeReadModel: (batch: RecordEventsInput): Promise<void> =>
      boundedAttempts ? untilItLands('writing the read model', productId, () => oneAtATime(() => bounded.recordEvents(batch))) : recordEvents(batch),
    /**
     * The read model and the batch's social updates in one local activity (products from the `one-local-write`
     * patch on, which all have bounded attempts): tried like the read model's write; the social part's outcome
     * is answered, so it never holds the read model.
     */
    writeReadModelWithUpdates: (batch: RecordEventsInput): Promise<{ social: BatchSocialUpdates }> =>
      untilItLands('writing the read model', productId, () => oneAtATime(() => bounded.recordEventsWithUpdates(batch))),
    /**
     * As writeReadModelWithUpdates, with the written updates' delivery workflows started by the activity
     * (products from the `deliveries-from-local-write` patch on): the answer's deliveries are already started.
     */
    writeReadModelStartingDeliveries: (batch: RecordEventsInput): Promise<{ social: BatchSocialUpdates }> =>
      untilItLands('writing the read model', productId, () => oneAtATime(() => bounded.recordEventsStartingDeliveries(batch))),
    /**
     * As writeReadModelStartingDeliveries (or writeReadModel, without `withUpdates`), with the batch's notifications
     * written and their deliveries started (products from the `notifications-in-local-write` patch on); the
     * notifications' outcome is answered, so it never holds the read model.
     */
    writeReadModelNotifying: (batch: RecordEventsNotifyingInput): Promise<{ social?: BatchSocialUpdates; people: BatchNotifications }> =>
      untilItLands('writing the read model', productId, () => oneAtATime(() => bounded.recordEventsNotifying(batch))),
    /** The batch's deliveries to start; null when the activity refused the batch (it makes no updates). */
    writeSocialUpdates: (batch: RecordSocialUpdatesInput): Promise<RecordedSocialUpdates | null> =>
      boundedAttempts
        ? untilItLands<RecordedSocialUpdates | null>('writing social updates', productId, () => oneAtATime(() => bounded.recordSocialUpdates(batch)), null)
        : recordSocialUpdates(batch),
    /** The demand window's tally (products from the `on-sale` patch on, which all have bounded attempts). */
    tallyReservations: (input: TallyReservationsInput): Promise<ReservationTally> =>
      untilItLands('tallying the reservations', productId, () => oneAtATime(() => bounded.tallyReservations(input))),
    /**
     * Writing the notifications of one event (products from the `notify-people-locally` patch on): a
     * recipients read and one insert, so a local activity in the lane like the other writes, instead of
     * an activity task round trip through the server per event.
     */
    notifyPeople: (input: NotifyPeopleInput): Promise<PeopleNotified> =>
      untilItLands('writing notifications', productId, () => oneAtATime(() => bounded.notifyPeople(input))),
    /** As notifyPeople, with the delivery workflows of the notifications to send now started by the activity (notifications-start-deliveries). */
    notifyPeopleStartingDeliveries: (input: NotifyPeopleInput): Promise<PeopleNotified> =>
      untilItLands('writing notifications', productId, () => oneAtATime(() => bounded.notifyPeopleStartingDeliveries(input))),
    tally: (input: TallyInput) => {
      if (!applies(TALLY_AS_LOCAL_ACTIVITY)) return tallyPollAsActivity(input);
      return boundedAttempts ? untilItLands('tallying the poll', productId, () => oneAtATime(() => bounded.tallyPoll(input))) : tallyPoll(input);
    },
  };
}
