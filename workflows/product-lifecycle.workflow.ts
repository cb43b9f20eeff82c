// One workflow per product: holds the lifecycle state machine (libs/domain) and its timers, accepts every
// action as an Update with a validator, hands each event to local activities that write the PostgreSQL read
// model and the social updates, and continues as new when its history grows long.

import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  log,
  makeContinueAsNewFunc,
  ParentClosePolicy,
  patched,
  setHandler,
  proxyActivities,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  applyCommandInput,
  applyDeadline,
  applyDemandGoalReached,
  applyDemandTally,
  applyPollTally,
  applySalesReport,
  applyVoteMilestone,
  beginDemandClose,
  beginPollClose,
  closeDemand,
  closePoll,
  COMMAND_TYPES,
  COMMAND_UPDATES,
  createProductState,
  deliveryWorkflowId,
  demandGoalReached,
  getProduct,
  isFinalStage,
  LifecycleRefusal,
  nextDeadline,
  notificationsFor,
  recordDemandTally,
  salesReported,
  ProductStageKey,
  isSocialSource,
  SYSTEM_ACTOR,
  toView,
  validateCommandInput,
  voteMilestoneReached,
  type ActionRequest,
  type ActionResult,
  type Actor,
  type CommandInput,
  type CommandType,
  type CommandUpdate,
  type Deadline,
  type LifecycleEvent,
  type ProductLifecycleWorkflow,
  type LifecycleRules,
  type ProductState,
  type ProductWorkflowInput,
  type RecordedSocialUpdates,
  type RecordEventsInput,
  type BatchSocialUpdates,
  type NotifyPeopleInput,
  type SocialActivities,
} from '../libs/domain';
import { deadlineTimer, STEADY_DEADLINE_TIMER_PATCH } from './deadline-timer';
import { BOUNDED_LOCAL_ACTIVITIES_PATCH, localWrites, TALLY_AS_LOCAL_ACTIVITY } from './local-writes';
import { runIsLong } from './run-length';
import { shopNotifier } from './shop-notifications';
import { socialDelivery } from './social-delivery.workflow';
import { supplierNotifier } from './supplier-notifications';
import { NOTIFICATIONS_START_DELIVERIES_PATCH, NOTIFY_PEOPLE_LOCALLY_PATCH, peopleNotifier } from './people-notifications';
import { NOTICES_START_DELIVERIES_PATCH } from './notice-queue';

/** Products started before this patch produce no social updates (their histories have no such activity). */
export const SOCIAL_UPDATES_PATCH = 'social-updates';
/**
 * Runs started from this patch on answer an action with { stage, seq } once its events are in the read
 * model (the API answers from PostgreSQL), and continue as new when their history grows long. Runs started
 * before keep answering with the whole view and never continue as new: their caps bound their histories.
 */
export const SMALL_RESULTS_PATCH = 'small-update-results';
export const CONTINUE_AS_NEW_PATCH = 'continue-as-new';
/**
 * Products started from this patch on go LAUNCH → ON_SALE → ENDED (with restocks while on sale) and pass
 * through DEMAND when they have a demand goal; products started before end at LAUNCHED, as they did.
 */
export const ON_SALE_PATCH = 'on-sale';

/**
 * Products cancelled from this patch on release the reservations held after a met goal (as one cancelled in
 * DEMAND always did), and run their compensation once the cancellation's own updates are written: the
 * deliveries of earlier updates that have not gone out are withdrawn and their delivery workflows asked to
 * stop, so nothing of a cancelled product posts or retries afterwards.
 */
export const CANCEL_COMPENSATION_PATCH = 'cancel-compensation';

/**
 * Products started from this patch on tell the people who must act (the influencer when a design, sample or
 * announcement waits for her; staff when a poll or demand window falls short, a restock is proposed or the
 * announcement is overdue). Asked once, when the product starts; continued runs keep the answer.
 */
export const NOTIFICATIONS_PATCH = 'notifications';

// The compensation's write is a regular activity: durable, retried until the database answers, idempotent.
// One UPDATE: an attempt lost with its worker is tried again by another after 10 s.
const { withdrawDeliveries } = proxyActivities<SocialActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Products started from this patch on with a pollApproval in their input wait in DRAFT for the influencer's
 * approval of the poll's options before the poll opens (and nothing of it is public until then). Asked only
 * for such inputs, so runs of older products never ask it; a product created by a newer API but first run by
 * a worker from before it opened at once, and replays so.
 */
export const POLL_MODERATION_PATCH = 'poll-moderation';

/**
 * Products from this patch on write a batch's read model and its social updates in one local activity
 * (recordEventsWithUpdates) instead of one each: one activity, one marker and one activation less per action.
 * Social updates the activity could not write (it answers so, having written the read model) go to the social
 * loop, which writes them on its own as before, and so do later ones until it has caught up (their order kept).
 */
export const ONE_LOCAL_WRITE_PATCH = 'one-local-write';

/**
 * Products from this patch on have their updates' delivery workflows started by the local write that wrote the
 * updates (recordEventsStartingDeliveries), not as this workflow's children: a child's start and its completion
 * each woke this workflow for a task of its own and left their events in its history (a launched product took 44
 * workflow tasks and 276 events with them, 24 and 172 without: the v15 and v16 fixtures). Not in
 * PATCHES_2026_12_SET: runs from that marker on ask it on their own, once, when a run starts (a run of a product
 * started before keeps its answer to the end; a continued run asks again, as nothing it carries depends on it);
 * runs from PATCHES_2026_12_04 on take it from that marker.
 */
export const DELIVERIES_FROM_LOCAL_WRITE_PATCH = 'deliveries-from-local-write';

/**
 * Products whose rules warn staff of supplier orders nearing their due date (orderDueWarningMs) and remind a
 * waiting review more than once (reviewReminderLimit) arm those timers from these patches on. Asked only when
 * the rule is there, so older products never ask; a product created by a newer API but first run by a worker
 * from before got no such timers, and replays so (the rule is set aside for its run).
 */
export const ORDER_DUE_WARNINGS_PATCH = 'order-due-warnings';
export const REPEATED_REMINDERS_PATCH = 'repeated-reminders';

/**
 * The patches above (and the local writes' tally-as-local-activity), answered for a run by one marker: a run
 * started from this patch on, fresh or continued, takes every one of them as applied, which is what asking each
 * would answer in such a run, without asking it. Its history then holds one patch marker and one
 * TemporalChangeVersion upsert where it held one of each per patch (about 20 of a product's first workflow
 * task's events, each upsert a visibility write on the server). A run from before never finds this marker and
 * asks each patch where it always did, so recorded histories replay unchanged. A patch added later is not in
 * the set: it is asked on its own until the next such patch takes it in.
 */
export const PATCHES_2026_12 = 'patches-2026-12';
export const PATCHES_2026_12_SET: ReadonlySet<string> = new Set([
  SOCIAL_UPDATES_PATCH,
  SMALL_RESULTS_PATCH,
  CONTINUE_AS_NEW_PATCH,
  BOUNDED_LOCAL_ACTIVITIES_PATCH,
  ONE_LOCAL_WRITE_PATCH,
  ON_SALE_PATCH,
  ORDER_DUE_WARNINGS_PATCH,
  REPEATED_REMINDERS_PATCH,
  NOTIFICATIONS_PATCH,
  NOTIFY_PEOPLE_LOCALLY_PATCH,
  POLL_MODERATION_PATCH,
  CANCEL_COMPENSATION_PATCH,
  TALLY_AS_LOCAL_ACTIVITY,
]);

/**
 * Products from this patch on write the notifications a batch's events call for in the batch's own local write
 * (recordEventsNotifying), instead of one more local activity per notification once the read model holds its
 * event: a design submitted or a sample recorded was answered after two local activities, now one. Notifications
 * the write could not make go to the people loop, which writes them on its own as before, and so do later ones
 * until it has caught up (their order kept). Products that notify with a regular activity, or whose local write
 * starts no deliveries, keep the people loop for every notification. Only in PATCHES_2026_12_04_SET: it has no
 * marker of its own, and runs from before that marker never take it.
 */
export const NOTIFICATIONS_IN_LOCAL_WRITE_PATCH = 'notifications-in-local-write';

/**
 * The next such marker: PATCHES_2026_12_SET, the four patches asked on their own after it (each at a run's start,
 * or at its first notification or notice) and notifications-in-local-write, so a run started from it holds one patch
 * marker and one TemporalChangeVersion upsert where a run from PATCHES_2026_12 on holds two to five of each. Runs
 * that hold PATCHES_2026_12 never find this marker and ask the rest as they did. The set must never gain a patch
 * once products have run with it (they would replay that patch's commands): a later patch gets a later marker.
 */
export const PATCHES_2026_12_04 = 'patches-2026-12-04';
export const PATCHES_2026_12_04_SET: ReadonlySet<string> = new Set([
  ...PATCHES_2026_12_SET,
  DELIVERIES_FROM_LOCAL_WRITE_PATCH,
  NOTIFICATIONS_START_DELIVERIES_PATCH,
  NOTICES_START_DELIVERIES_PATCH,
  STEADY_DEADLINE_TIMER_PATCH,
  NOTIFICATIONS_IN_LOCAL_WRITE_PATCH,
]);

/**
 * How this run asks a patch: asked once, at its start, whether it is past PATCHES_2026_12_04, else whether it is
 * past PATCHES_2026_12 (see there). The newest first, so a run that holds it is never asked the older one.
 */
function patchesOfRun(): (patchId: string) => boolean {
  const newest = patched(PATCHES_2026_12_04);
  const current = !newest && patched(PATCHES_2026_12);
  return (patchId) => (newest && PATCHES_2026_12_04_SET.has(patchId)) || (current && PATCHES_2026_12_SET.has(patchId)) || patched(patchId);
}

/** Commands applied in the Update's handler at once; closing the poll or the demand window waits for a tally first. */
type ImmediateCommandType = Exclude<CommandType, 'CLOSE_POLL' | 'CLOSE_DEMAND' | 'CANCEL'>;

export const productLifecycle: ProductLifecycleWorkflow = async function productLifecycle(input: ProductWorkflowInput) {
  // A continued run takes the product as the previous run left it: every event already in the read model
  // and every social update recorded, so it emits nothing on start.
  const { continued } = input;
  const applies = patchesOfRun();
  const created = continued
    ? { state: continued.state, events: [] }
    : createProductState(input, input.createdAt ? Date.parse(input.createdAt) : Date.now(), input.pollApproval !== undefined && applies(POLL_MODERATION_PATCH));
  const state: ProductState = created.state;
  const outbox: LifecycleEvent[] = [...created.events];
  // A continued run keeps its product's choice: one started before social updates never gets them.
  const social = continued ? continued.social : applies(SOCIAL_UPDATES_PATCH);
  const smallResults = applies(SMALL_RESULTS_PATCH);
  const mayContinue = applies(CONTINUE_AS_NEW_PATCH);
  const boundedAttempts = applies(BOUNDED_LOCAL_ACTIVITIES_PATCH);
  // Asked only of products with social updates and bounded attempts (every product started for years).
  const oneWrite = social && boundedAttempts && applies(ONE_LOCAL_WRITE_PATCH);
  const deliveriesStartLocally = oneWrite && applies(DELIVERIES_FROM_LOCAL_WRITE_PATCH);
  // Asked once, when a run starts (as deliveries-from-local-write is), by runs from before PATCHES_2026_12_04.
  const timer = applies(STEADY_DEADLINE_TIMER_PATCH) ? deadlineTimer() : null;
  // A continued run keeps its product's lifecycle (the state says which); only a fresh run asks.
  if (!continued && applies(ON_SALE_PATCH)) state.sellsAfterLaunch = true;
  // Timers of rules an older worker did not know: kept only for runs past their patch (a continued run keeps
  // the rules its first run left).
  if (!continued && state.rules.orderDueWarningMs !== undefined && !applies(ORDER_DUE_WARNINGS_PATCH)) state.rules = withoutRule(state.rules, 'orderDueWarningMs');
  if (!continued && state.rules.reviewReminderLimit !== undefined && !applies(REPEATED_REMINDERS_PATCH)) state.rules = withoutRule(state.rules, 'reviewReminderLimit');
  const writes = localWrites(state.productId, boundedAttempts, applies);
  const { writeReadModel, writeReadModelWithUpdates, writeReadModelStartingDeliveries, writeReadModelNotifying, writeSocialUpdates, tally, tallyReservations } = writes;
  const shop = shopNotifier(applies);
  // Registered suppliers are told of their orders and of their cancellation (products without any get no notice).
  const suppliers = supplierNotifier(applies);
  const notifies = continued ? continued.notifications === true : applies(NOTIFICATIONS_PATCH);
  // Asked only of products that notify (a continued run keeps its product's answer): the patch's marker
  // sits in the histories where the choice is made.
  const notifiesLocally = notifies && (continued ? continued.notifiesLocally === true : applies(NOTIFY_PEOPLE_LOCALLY_PATCH));
  const people = peopleNotifier(notifiesLocally ? writes : undefined, applies);
  // Each batch's notifications written with it (notifications-in-local-write): those of the events in the outbox.
  const notifiesInBatch = notifiesLocally && deliveriesStartLocally && applies(NOTIFICATIONS_IN_LOCAL_WRITE_PATCH);
  const batchNotices: NotifyPeopleInput[] = [];
  const notice = (events: LifecycleEvent[]): void => {
    if (!notifies) return;
    if (notifiesInBatch) batchNotices.push(...events.flatMap((e) => notificationsFor(state, e)));
    else people.add(state, events);
  };
  // The product's first events (a poll drafted for her approval) notify too.
  notice(created.events);
  // The social loop's events: every social event, or (one-local-write) those the projector hands it.
  const socialOutbox: LifecycleEvent[] = social && !oneWrite ? created.events.filter((e) => isSocialSource(e.type)) : [];
  let recordingSocial = false;
  /** Delivery workflows being started for updates the projector wrote (one-local-write). */
  let startingDeliveries = 0;
  /** The social loop has nothing of its own to write, nor a write in flight. */
  const socialLoopIdle = () => socialOutbox.length === 0 && !recordingSocial;
  /** The last seq in the read model: a social update refers to its product row and timeline entry. */
  let projectedSeq = continued ? state.seq : 0;
  /** Updates this run accepted: Temporal refuses more than 2,000 per run. */
  let acceptedUpdates = 0;
  /** The first seq of the cancellation's events, once cancelled: the compensation's boundary. */
  let cancelledFromSeq: number | null = null;

  const refuseAsFailure = (run: () => void): void => {
    try {
      run();
    } catch (err) {
      if (err instanceof LifecycleRefusal) {
        throw ApplicationFailure.create({ type: err.code, message: err.message, nonRetryable: true });
      }
      throw err;
    }
  };

  const publish = (events: LifecycleEvent[]): void => {
    if (events.length === 0) return;
    const stageChanged = events.some((e) => e.type === 'STAGE_CHANGED' || e.type === 'CANCELLED' || e.type === 'SALES_ENDED');
    outbox.push(...events);
    if (social && !oneWrite) socialOutbox.push(...events.filter((e) => isSocialSource(e.type)));
    if (state.sellsAfterLaunch) shop.add(state, events);
    suppliers.add(state, events);
    notice(events);
    if (stageChanged) upsertSearchAttributes([{ key: ProductStageKey, value: state.stage }]);
  };

  // The answer to an action: its stage and seq, at once. The read model is written by a local activity in
  // the same workflow task, which completes (and so answers the caller) once that write is done; the API
  // reads the product from PostgreSQL. Waiting here instead would order the update's completion after the
  // local activities of the task, an order a replay does not reproduce. Runs from before the patch answer
  // with the whole view, as they did.
  const answer = (): ActionResult => {
    acceptedUpdates += 1;
    return smallResults ? { stage: state.stage, seq: state.seq } : toView(state);
  };

  // A command's validator refuses it before it reaches history; its handler applies it and answers.
  const register = <T extends ImmediateCommandType>(type: T): void => {
    const update: CommandUpdate<T> = COMMAND_UPDATES[type];
    setHandler(
      update,
      (req) => {
        publish(applyCommandInput(state, type, req.input, req.actor, Date.now()));
        return answer();
      },
      // The SDK infers the handler's argument from the definition but not the validator's: it is named here.
      { validator: (req: ActionRequest<CommandInput<T>>) => refuseAsFailure(() => validateCommandInput(state, type, req.input, Date.now())) },
    );
  };

  // Every command but closing the poll or the demand window, which wait for a tally, and cancelling (below); in the record's order.
  for (const type of COMMAND_TYPES) if (type !== 'CLOSE_POLL' && type !== 'CLOSE_DEMAND' && type !== 'CANCEL') register(type);

  // Cancelling an open demand window counts its reservations first (closing intake), so every reservation
  // taken is released and none is taken after; everywhere else it is applied at once, as it always was.
  // From the cancel-compensation patch on, reservations held after a met goal are released too.
  const cancel = (req: ActionRequest<CommandInput<'CANCEL'>>, releaseHeld: boolean): ActionResult => {
    const events = applyCommandInput(state, 'CANCEL', { ...req.input, releaseHeld }, req.actor, Date.now());
    cancelledFromSeq = events[0].seq;
    publish(events);
    return answer();
  };
  setHandler(
    COMMAND_UPDATES.CANCEL,
    (req) => {
      // Asked first, before any tally: where recorded histories hold the patch's marker.
      const releaseHeld = applies(CANCEL_COMPENSATION_PATCH);
      if (state.stage !== 'DEMAND' || state.demand?.status !== 'OPEN') return cancel(req, releaseHeld);
      return (async () => {
        beginDemandClose(state);
        recordDemandTally(state, await tallyReservations({ productId: state.productId, closeIntakeAtSeq: state.seq }), Date.now());
        return cancel(req, releaseHeld);
      })();
    },
    { validator: (req: ActionRequest<CommandInput<'CANCEL'>>) => refuseAsFailure(() => validateCommandInput(state, 'CANCEL', req.input, Date.now())) },
  );

  const closeTheDemand = async (actor: Actor): Promise<void> => {
    beginDemandClose(state);
    publish(applyDemandTally(state, await tallyReservations({ productId: state.productId, closeIntakeAtSeq: state.seq }), actor, Date.now()));
  };

  setHandler(
    closeDemand,
    async (req) => {
      await closeTheDemand(req.actor);
      return answer();
    },
    { validator: (req: ActionRequest<CommandInput<'CLOSE_DEMAND'>>) => refuseAsFailure(() => validateCommandInput(state, 'CLOSE_DEMAND', req.input, Date.now())) },
  );

  const closeThePoll = async (actor: Actor): Promise<void> => {
    beginPollClose(state);
    const input = { productId: state.productId, closeIntakeAtSeq: state.seq };
    const counts = await tally(input);
    publish(applyPollTally(state, counts, actor, Date.now()));
  };

  setHandler(
    closePoll,
    async (req) => {
      await closeThePoll(req.actor);
      return answer();
    },
    { validator: (req: ActionRequest<CommandInput<'CLOSE_POLL'>>) => refuseAsFailure(() => validateCommandInput(state, 'CLOSE_POLL', req.input, Date.now())) },
  );

  setHandler(getProduct, () => toView(state));
  setHandler(voteMilestoneReached, (reached) => publish(applyVoteMilestone(state, reached, Date.now())));
  // Intake's reports; ignored (no event) in a stage they do not apply to, so early or late ones are harmless.
  setHandler(demandGoalReached, (reached) => publish(applyDemandGoalReached(state, reached, Date.now())));
  setHandler(salesReported, (report) => publish(applySalesReport(state, report, Date.now())));

  // Starts one delivery workflow per written update (to all its channels), abandoned on purpose: deliveries
  // retry on their own schedule and outlive a product that has launched.
  const startDeliveries = async (recorded: RecordedSocialUpdates): Promise<void> => {
    await Promise.all(
      recorded.deliveries.map(async ({ updateId, deliveryIds }) => {
        try {
          await startChild(socialDelivery, {
            workflowId: deliveryWorkflowId(updateId),
            args: [{ deliveryIds, retry: recorded.retry }],
            parentClosePolicy: ParentClosePolicy.ABANDON,
          });
        } catch (err) {
          // Already started (the product's workflow was reset past this batch): nothing to do.
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }
      }),
    );
  };

  /**
   * One local activity for a batch's read model and social updates (one-local-write), when the social loop has
   * nothing of its own left to write. From deliveries-from-local-write on, the activity has started the
   * deliveries too; before, they start here without the projector waiting for them, since an action's answer
   * must wait only for local activities (the next batch's write among them).
   */
  const writeWithUpdates = deliveriesStartLocally ? writeReadModelStartingDeliveries : writeReadModelWithUpdates;
  /** The social part a batch's write did not make: refused, it is skipped; failed, the social loop writes it. */
  const socialNotWritten = (written: BatchSocialUpdates, socialEvents: LifecycleEvent[]): void => {
    if ('refused' in written) {
      log.warn('writing social updates refused; going on without it', { productId: state.productId, error: written.refused });
    } else if ('failed' in written) {
      log.warn('writing social updates failed; the social loop tries again', { productId: state.productId, error: written.failed });
      socialOutbox.push(...socialEvents);
    }
  };
  const writeBatchWithUpdates = async (batch: RecordEventsInput, socialEvents: LifecycleEvent[]): Promise<void> => {
    const { social: written } = await writeWithUpdates(batch);
    socialNotWritten(written, socialEvents);
    if ('recorded' in written && !deliveriesStartLocally) {
      startingDeliveries += 1;
      void startDeliveries(written.recorded).finally(() => (startingDeliveries -= 1));
    }
  };

  /**
   * A batch written with its notifications (notifications-in-local-write), and its social updates when `socialEvents`
   * is not empty; a part the write could not make goes to its loop, as in writeBatchWithUpdates.
   */
  const writeBatchNotifying = async (batch: RecordEventsInput, socialEvents: LifecycleEvent[], notifications: NotifyPeopleInput[]): Promise<void> => {
    const written = await writeReadModelNotifying({ ...batch, notifications, withUpdates: socialEvents.length > 0 });
    if (written.social) socialNotWritten(written.social, socialEvents);
    if ('failed' in written.people) {
      log.warn('writing notifications failed; the people loop tries again', { productId: state.productId, error: written.people.failed });
      people.push(notifications);
    }
  };

  // Drains the outbox into the read model; events that arrive while a write is in flight go together in
  // the next batch. (productId, seq) keys make a replayed or retried batch harmless.
  const projector = (async () => {
    for (;;) {
      await condition(() => outbox.length > 0 || isFinalStage(state.stage));
      if (outbox.length === 0) return;
      const events = outbox.splice(0, outbox.length);
      const batch = { productId: state.productId, events, snapshot: toView(state) };
      const socialEvents = oneWrite ? events.filter((e) => isSocialSource(e.type)) : [];
      // Behind earlier ones the social loop has still to write (or none), the loop writes them, in order.
      const withUpdates = socialEvents.length > 0 && socialLoopIdle();
      if (!withUpdates) socialOutbox.push(...socialEvents);
      // The batch's notifications go with it, unless the people loop still has earlier ones to write: then they
      // queue behind those.
      const notices = batchNotices.splice(0, batchNotices.length);
      const noticesWithBatch = notices.length > 0 && people.idle();
      if (notices.length > 0 && !noticesWithBatch) people.push(notices);
      if (noticesWithBatch) await writeBatchNotifying(batch, withUpdates ? socialEvents : [], notices);
      else if (withUpdates) await writeBatchWithUpdates(batch, socialEvents);
      else await writeReadModel(batch);
      projectedSeq = events[events.length - 1].seq;
    }
  })();

  // Writes social updates for projected events and starts their deliveries: every social event, or (one-local-write)
  // those the projector's write could not. Every event has its own seq and goes through the outbox, so the read
  // model holds them all exactly when it holds the latest.
  const projectedAll = () => projectedSeq === state.seq;
  const socialProjector = (async () => {
    if (!social) return;
    for (;;) {
      await condition(() => socialOutbox.some((e) => e.seq <= projectedSeq) || (isFinalStage(state.stage) && projectedAll() && socialOutbox.length === 0));
      const ready = socialOutbox.filter((e) => e.seq <= projectedSeq);
      if (ready.length === 0) return;
      socialOutbox.splice(0, ready.length);
      recordingSocial = true;
      const recorded = await writeSocialUpdates({ productId: state.productId, events: ready, snapshot: toView(state) });
      // null: the activity refused this batch (see local-writes); it makes no updates.
      if (recorded) await startDeliveries(recorded);
      recordingSocial = false;
    }
  })();

  // Reservation holders are told through the shop once the event is in the read model.
  const shopLoop = shop.run(() => projectedSeq, () => isFinalStage(state.stage) && projectedAll());
  const supplierLoop = suppliers.run(() => projectedSeq, () => isFinalStage(state.stage) && projectedAll());
  const peopleLoop = people.run(() => projectedSeq, () => isFinalStage(state.stage) && projectedAll());

  // A long run hands the product to a new run of the same workflow id: once no handler is running and
  // the outboxes are empty, so the new run re-emits nothing; its timers come back from the state.
  const continueWhenDrained = async (): Promise<never> => {
    await condition(() => allHandlersFinished() && projectedAll() && socialLoopIdle() && startingDeliveries === 0 && shop.idle() && suppliers.idle() && people.idle());
    const next: ProductWorkflowInput = { ...input, continued: { state, social, runs: (continued?.runs ?? 0) + 1, ...(notifies ? { notifications: true } : {}), ...(notifiesLocally ? { notifiesLocally: true } : {}) } };
    // The same workflow id and type, with the search attributes as they are now (the stage upserted).
    return makeContinueAsNewFunc<ProductLifecycleWorkflow>({ typedSearchAttributes: workflowInfo().typedSearchAttributes })(next);
  };
  const runIsDone = () => mayContinue && runIsLong(acceptedUpdates, state.rules.runEventLimit);

  const onDeadline = async (deadline: Deadline): Promise<void> => {
    if (deadline.kind === 'POLL_CLOSES') {
      await closeThePoll(SYSTEM_ACTOR);
    } else if (deadline.kind === 'DEMAND_CLOSES') {
      await closeTheDemand(SYSTEM_ACTOR);
    } else {
      publish(applyDeadline(state, deadline, Date.now()));
    }
  };

  while (!isFinalStage(state.stage)) {
    if (runIsDone()) await continueWhenDrained();
    const deadline = nextDeadline(state);
    const seenSeq = state.seq;
    const seenStatus = state.poll.status;
    const seenDemand = state.demand?.status;
    // An event (seq) or a poll or demand window that began closing (no event) changes which deadline is next.
    const changed = () => state.seq !== seenSeq || state.poll.status !== seenStatus || state.demand?.status !== seenDemand;
    // Runs from before the patch wait exactly as they did (runIsDone is always false for them).
    const wake = mayContinue ? () => changed() || runIsDone() : changed;
    if (timer) {
      // The deadline's timer outlives the events that leave it where it was (deadline-timer.ts).
      timer.set(deadline);
      await condition(() => wake() || timer.fired());
      const due = timer.take();
      // An action handled in the same workflow task as the timer may already have moved the product on; if the
      // deadline still stands, the next turn arms it again and it fires at once.
      if (due && !changed()) await onDeadline(due);
      continue;
    }
    if (!deadline) {
      await condition(wake);
      continue;
    }
    const fired = !(await condition(wake, Math.max(1, deadline.at - Date.now())));
    // An action handled in the same workflow task as the timer may already have moved the product on.
    if (!fired || changed()) continue;
    await onDeadline(deadline);
  }
  // A final product waits for no deadline.
  timer?.set(null);

  await condition(() => allHandlersFinished() && projectedAll());
  await projector;
  // Ends once every social update is written and its deliveries started, and every shop and supplier notice sent off.
  await socialProjector;
  if (startingDeliveries > 0) await condition(() => startingDeliveries === 0);
  await shopLoop;
  await supplierLoop;
  await peopleLoop;
  // Asked again rather than remembered from the cancel's handler: the first histories of the patch (v7) hold
  // its marker here, at the compensation, and replay it only if this call finds it.
  if (cancelledFromSeq !== null && applies(CANCEL_COMPENSATION_PATCH)) await compensate(state.productId, cancelledFromSeq);
  return toView(state);
};

/** Withdraws a cancelled product's earlier deliveries that have not gone out and stops the workflows attempting them. */
async function compensate(productId: string, beforeSeq: number): Promise<void> {
  const withdrawn = await withdrawDeliveries({ productId, beforeSeq });
  await Promise.all(
    withdrawn.workflowIds.map(async (workflowId) => {
      try {
        await getExternalWorkflowHandle(workflowId).cancel();
      } catch (err) {
        // Already finished (its last attempt ended meanwhile): nothing to stop. A delivery it had not made is
        // cancelled in the database, so a late attempt refuses to send it.
        if (!(err instanceof ApplicationFailure)) throw err;
        log.info('delivery workflow already finished', { productId, workflowId, error: err.message });
      }
    }),
  );
}

/** The rules without one an older worker would not have acted on. */
function withoutRule(rules: LifecycleRules, rule: 'orderDueWarningMs' | 'reviewReminderLimit'): LifecycleRules {
  const { [rule]: _dropped, ...rest } = rules;
  return rest;
}
