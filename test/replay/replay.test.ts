// Replays every recorded workflow history (test/fixtures/histories) against the current workflow code:
// a change that would break products already running fails here, before it reaches a worker.
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localActivityMarkers } from '../support/workflow-harness';

beforeAll(() => {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed in this worker process
  }
});

const dir = path.resolve(__dirname, '..', 'fixtures', 'histories');
const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

/** The parts of a fixture's events these checks read (the JSON form of the SDK's History: payload data in base64). */
interface FixtureEvent {
  activityTaskScheduledEventAttributes?: object;
  activityTaskStartedEventAttributes?: { attempt: number };
  startChildWorkflowExecutionInitiatedEventAttributes?: object;
  markerRecordedEventAttributes?: { markerName?: string; details?: Record<string, { payloads?: { data?: string }[] }> };
  workflowExecutionSignaledEventAttributes?: { signalName?: string };
  workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest?: { input?: { name?: string } } };
}

/** A fixture's events as the SDK's History message (payload data as bytes). */
function load(file: string): temporal.api.history.v1.IHistoryEvent[] {
  return temporal.api.history.v1.History.fromObject(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>).events;
}

/** The patch ids whose markers the history holds. */
function patchesOf(events: temporal.api.history.v1.IHistoryEvent[]): string[] {
  return events
    .map((e) => e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data)
    .filter((data): data is Uint8Array => data instanceof Uint8Array)
    .map((data) => (JSON.parse(Buffer.from(data).toString('utf8')) as { id: string }).id);
}

/** The names of the Updates the history accepted, in order. */
function updatesOf(events: temporal.api.history.v1.IHistoryEvent[]): string[] {
  return events.map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name).filter((n): n is string => typeof n === 'string');
}

/** How many children of these workflow types the history started. */
function childStarts(events: temporal.api.history.v1.IHistoryEvent[], ...types: string[]): number {
  return events.filter((e) => types.includes(e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowType?.name ?? '')).length;
}

/** How many workflow tasks the history completed. */
function workflowTasks(events: temporal.api.history.v1.IHistoryEvent[]): number {
  return events.filter((e) => e.workflowTaskCompletedEventAttributes).length;
}

/** The activity types of the history's local activity markers, in order. */
function localActivitiesOf(file: string): (string | undefined)[] {
  return localActivityMarkers(load(file)).map((m) => m.type);
}

function loadEvents(file: string): FixtureEvent[] {
  return (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { events: FixtureEvent[] }).events;
}

describe('recorded histories', () => {
  it('include a launched and a cancelled product', () => {
    expect(fixtures.some((f) => f.includes('launched'))).toBe(true);
    expect(fixtures.some((f) => f.includes('cancelled'))).toBe(true);
  });

  it('cover products from before and after the tally-as-local-activity patch', () => {
    const tallyAsActivity = (f: string) => loadEvents(f).some((e) => 'activityTaskScheduledEventAttributes' in e);
    const patchedMarker = (f: string) => loadEvents(f).some((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch');
    // v1 products closed their poll with a regular activity; they must keep replaying on today's code.
    // Listed per file (a launched and a cancelled one each), so a missing fixture fails as surely as a wrong one.
    const fixtureKinds = (version: string) =>
      fixtures.filter((f) => f.endsWith(`-${version}.json`)).map((f) => ({ file: f, tallyAsActivity: tallyAsActivity(f), patched: patchedMarker(f) }));
    expect(fixtureKinds('v1')).toEqual([
      { file: 'product-lifecycle-cancelled-v1.json', tallyAsActivity: true, patched: false },
      { file: 'product-lifecycle-launched-v1.json', tallyAsActivity: true, patched: false },
    ]);
    expect(fixtureKinds('v2')).toEqual([
      { file: 'product-lifecycle-cancelled-v2.json', tallyAsActivity: false, patched: true },
      { file: 'product-lifecycle-launched-v2.json', tallyAsActivity: false, patched: true },
    ]);
  });

  it('cover a product told of vote milestones by signal (v3), a repeat included', () => {
    const events = loadEvents('product-lifecycle-launched-v3.json');
    const signals = events.filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'voteMilestoneReached');
    expect(signals).toHaveLength(2);
  });

  it('cover products with social updates (v4): the patch marker, delivery workflows started, an approved and an unapproved launch', () => {
    const launched = loadEvents('product-lifecycle-launched-v4.json');
    const patches = launched
      .map((e) => e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data)
      .filter((data): data is string => data !== undefined)
      .map((data) => (JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as { id: string }).id);
    expect(patches).toEqual(expect.arrayContaining(['social-updates', 'tally-as-local-activity']));
    expect(launched.filter((e) => 'startChildWorkflowExecutionInitiatedEventAttributes' in e).length).toBeGreaterThan(10);
    expect(launched.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'approveLaunchAnnouncement')).toBe(true);
    const unapproved = loadEvents('product-lifecycle-unapproved-v4.json');
    expect(unapproved.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'approveLaunchAnnouncement')).toBe(false);
    const delivery = loadEvents('social-delivery-retried-v4.json');
    // The update's two deliveries: the log channel at once, the webhook on its second attempt.
    const attempts = delivery.filter((e) => 'activityTaskStartedEventAttributes' in e).map((e) => e.activityTaskStartedEventAttributes?.attempt);
    expect(attempts.sort()).toEqual([1, 2]);
  });

  it('cover products from the small-results and continue-as-new patches (v5): a run that continued as new, and the run after it', () => {
    const text = (data: Uint8Array | null | undefined): string => Buffer.from(data ?? []).toString('utf8');
    expect(patchesOf(load('product-lifecycle-launched-v5.json'))).toEqual(expect.arrayContaining(['small-update-results', 'continue-as-new']));
    const first = load('product-lifecycle-continued-run1-v5.json');
    expect(first[first.length - 1].workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
    const second = load('product-lifecycle-continued-run2-v5.json');
    const started = JSON.parse(text(second[0].workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data)) as { continued?: unknown };
    expect(started.continued).toMatchObject({ runs: 1, state: { seq: expect.any(Number) as number } });
    // The continued run tallied the poll and was cancelled there.
    const updates = second.map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name);
    expect(updates).toEqual(expect.arrayContaining(['closePoll', 'cancelProduct']));
  });

  it('cover products from the bounded-local-activities patch (v5), its continued runs included', () => {
    for (const f of ['product-lifecycle-launched-v5.json', 'product-lifecycle-cancelled-v5.json', 'product-lifecycle-continued-run2-v5.json']) {
      expect({ f, patches: patchesOf(load(f)) }).toEqual({ f, patches: expect.arrayContaining(['bounded-local-activities']) as string[] });
    }
  });

  it('cover products from the on-sale patch (v6): the demand gate, ON_SALE with a restock shipped, ENDED, and reservations released', () => {
    const signalsOf = (events: temporal.api.history.v1.IHistoryEvent[]) => events.map((e) => e.workflowExecutionSignaledEventAttributes?.signalName).filter(Boolean);
    const activitiesOf = (events: temporal.api.history.v1.IHistoryEvent[]) => events.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name).filter(Boolean);
    // What the notifications answered: real batches, each with its number of reservation events.
    const batchSizesOf = (events: temporal.api.history.v1.IHistoryEvent[]) =>
      events
        .map((e) => e.activityTaskCompletedEventAttributes?.result?.payloads?.[0]?.data)
        .filter((data): data is Uint8Array => data instanceof Uint8Array)
        .map((data) => JSON.parse(Buffer.from(data).toString('utf8')) as { batchId?: string; events?: number })
        .filter((result) => result.batchId !== undefined)
        .map((result) => result.events);
    const deliveriesStarted = (events: temporal.api.history.v1.IHistoryEvent[]) => childStarts(events, 'shopEventDelivery');

    const sales = load('product-lifecycle-sales-v6.json');
    expect(patchesOf(sales)).toContain('on-sale');
    expect(updatesOf(sales)).toEqual(expect.arrayContaining(['closeDemand', 'approveRestock', 'recordRestockMilestone', 'endSales']));
    expect(signalsOf(sales)).toEqual(expect.arrayContaining(['demandGoalReached', 'salesReported']));
    // The shop told at launch (ready) and when the hold ended (expired), each batch's delivery workflow started.
    expect(activitiesOf(sales).filter((a) => a === 'notifyReservationHolders')).toHaveLength(2);
    expect(batchSizesOf(sales)).toEqual([3, 3]);
    expect(deliveriesStarted(sales)).toBe(2);
    expect(sales[sales.length - 1].workflowExecutionCompletedEventAttributes).toBeTruthy();

    const released = load('product-lifecycle-released-v6.json');
    expect(updatesOf(released)).toEqual(expect.arrayContaining(['closeDemand', 'extendDemand', 'cancelProduct']));
    expect(activitiesOf(released)).toEqual(['notifyReservationHolders']);
    expect(batchSizesOf(released)).toEqual([1]);
    expect(deliveriesStarted(released)).toBe(1);

    // The launch's batch delivered by its own workflow: one page, refused once by the shop and retried.
    const delivery = load('shop-event-delivery-retried-v6.json');
    expect(delivery[0].workflowExecutionStartedEventAttributes?.workflowType?.name).toBe('shopEventDelivery');
    expect(activitiesOf(delivery)).toEqual(['sendShopEventPage']);
    expect(delivery.map((e) => e.activityTaskStartedEventAttributes?.attempt).filter(Boolean)).toEqual([2]);
    const counts = delivery[delivery.length - 1].workflowExecutionCompletedEventAttributes?.result?.payloads?.[0]?.data;
    expect(JSON.parse(Buffer.from(counts ?? []).toString('utf8'))).toEqual({ delivered: 3, failed: 0 });
    // Launched products of the on-sale patch are ended by staff.
    expect(updatesOf(load('product-lifecycle-launched-v6.json'))).toContain('endSales');
  });

  it('cover products from the cancel-compensation patch (v7, v8): deliveries withdrawn and their workflows stopped, once; held reservations released', () => {
    const cancelled = load('product-lifecycle-cancelled-v7.json');
    expect(patchesOf(cancelled)).toContain('cancel-compensation');
    expect(cancelled.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name).filter(Boolean)).toEqual(['withdrawDeliveries']);
    const stopped = cancelled.map((e) => e.requestCancelExternalWorkflowExecutionInitiatedEventAttributes?.workflowExecution?.workflowId).filter(Boolean);
    expect(stopped.length).toBeGreaterThan(0);
    // The delivery workflow it stopped: retrying when asked to stop, then ended cancelled without recording a failure.
    const withdrawn = load('social-delivery-withdrawn-v7.json');
    expect(stopped).toContain(withdrawn[0].workflowExecutionStartedEventAttributes?.workflowId);
    expect(withdrawn.some((e) => e.workflowExecutionCancelRequestedEventAttributes)).toBe(true);
    expect(withdrawn[withdrawn.length - 1].workflowExecutionCanceledEventAttributes).toBeTruthy();
    // A product cancelled before the patch ran no compensation.
    expect(load('product-lifecycle-cancelled-v6.json').some((e) => e.requestCancelExternalWorkflowExecutionInitiatedEventAttributes)).toBe(false);
    // From v8: a product cancelled in SAMPLING after its goal was met releases the reservations held for its
    // launch (the shop told), then withdraws its deliveries.
    const held = load('product-lifecycle-held-released-v8.json');
    expect(held.map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name).filter(Boolean)).toEqual([
      'closePoll',
      'closeDemand',
      'submitDesign',
      'reviewDesign',
      'cancelProduct',
    ]);
    expect(held.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name).filter(Boolean)).toEqual(['notifyReservationHolders', 'withdrawDeliveries']);
  });

  it('cover a product whose orders went to a registered supplier (v9): the sample request, the run and its cancellation, each delivered by its own workflow', () => {
    const supplied = load('product-lifecycle-supplied-v9.json');
    expect(updatesOf(supplied)).toContain('requestSample');
    expect(supplied.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name).filter(Boolean)).toEqual(['notifySupplier', 'notifySupplier', 'notifySupplier', 'withdrawDeliveries']);
    const children = supplied.map((e) => e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowType?.name).filter((n) => n === 'supplierEventDelivery');
    expect(children).toHaveLength(3);
    // The cancellation's delivery: refused once by the receiver, delivered at the second attempt.
    const event = load('supplier-event-retried-v9.json');
    expect(event.map((e) => e.activityTaskStartedEventAttributes?.attempt).filter(Boolean)).toEqual([2]);
    expect(event[event.length - 1].workflowExecutionCompletedEventAttributes).toBeTruthy();
  });

  it('cover a product from the poll-moderation patch (v10): DRAFT, changes requested, options edited, approved, then opened', () => {
    const moderated = load('product-lifecycle-moderated-v10.json');
    expect(patchesOf(moderated)).toContain('poll-moderation');
    expect(moderated.map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name).filter(Boolean)).toEqual([
      'requestPollChanges',
      'editPollOptions',
      'approvePoll',
      'closePoll',
      'cancelProduct',
    ]);
    // Products started without a pollApproval never ask the patch: their polls open at once, as before.
    expect(patchesOf(load('product-lifecycle-launched-v10.json'))).not.toContain('poll-moderation');
  });

  it('cover products from the notifications patch (v11): who must act is told, from the drafted poll on; products from before tell nobody', () => {
    const activities = (file: string) => load(file).map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name).filter(Boolean);
    const launched = load('product-lifecycle-launched-v11.json');
    expect(patchesOf(launched)).toContain('notifications');
    // Design submitted, its reminder, sample recorded, launch scheduled (approval waiting), overdue or not: at least those four.
    expect(activities('product-lifecycle-launched-v11.json').filter((a) => a === 'notifyPeople').length).toBeGreaterThanOrEqual(4);
    // The moderated product: its drafted poll, the edit after her change request, and the change request itself.
    expect(activities('product-lifecycle-moderated-v11.json').filter((a) => a === 'notifyPeople')).toHaveLength(3);
    expect(patchesOf(load('product-lifecycle-launched-v10.json'))).not.toContain('notifications');
    expect(activities('product-lifecycle-launched-v10.json')).not.toContain('notifyPeople');
  });

  it('cover products from the notify-people-locally patch (v12): notifications written by local activities; v11 products keep the regular activity', () => {
    const activities = (file: string) => load(file).map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name).filter(Boolean);
    expect(patchesOf(load('product-lifecycle-launched-v12.json'))).toEqual(expect.arrayContaining(['notifications', 'notify-people-locally']));
    expect(activities('product-lifecycle-launched-v12.json')).not.toContain('notifyPeople');
    expect(localActivitiesOf('product-lifecycle-launched-v12.json').filter((a) => a === 'notifyPeople').length).toBeGreaterThanOrEqual(4);
    expect(localActivitiesOf('product-lifecycle-moderated-v12.json').filter((a) => a === 'notifyPeople')).toHaveLength(3);
    // The continued run keeps its product's answer: it writes locally without asking the patch again.
    expect(patchesOf(load('product-lifecycle-continued-run2-v12.json'))).not.toContain('notify-people-locally');
    expect(activities('product-lifecycle-continued-run2-v12.json')).not.toContain('notifyPeople');
    expect(patchesOf(load('product-lifecycle-launched-v11.json'))).not.toContain('notify-people-locally');
  });

  it('cover products from the one-local-write patch (v13): a batch\'s read model and social updates in one local activity; v12 products keep two', () => {
    const launched = 'product-lifecycle-launched-v13.json';
    expect(patchesOf(load(launched))).toContain('one-local-write');
    const written = localActivitiesOf(launched);
    // Every social event of the lifecycle written with its read model; the social write alone never needed.
    expect(written.filter((a) => a === 'recordEventsWithUpdates').length).toBeGreaterThanOrEqual(8);
    expect(written).not.toContain('recordSocialUpdates');
    // Its updates still go out: one delivery workflow each, started from the projector.
    expect(loadEvents(launched).filter((e) => 'startChildWorkflowExecutionInitiatedEventAttributes' in e).length).toBeGreaterThanOrEqual(8);
    expect(patchesOf(load('product-lifecycle-launched-v12.json'))).not.toContain('one-local-write');
    expect(localActivitiesOf('product-lifecycle-launched-v12.json')).toContain('recordSocialUpdates');
  });

  it('cover products warning staff of orders nearing their due date and reminding a waiting review once per interval (v14); v13 products arm neither timer', () => {
    const notified = (file: string) => localActivitiesOf(file).filter((a) => a === 'notifyPeople').length;
    const timers = (file: string) => load(file).filter((e) => e.timerStartedEventAttributes).length;
    const inputRules = (file: string) =>
      (JSON.parse(Buffer.from(load(file)[0].workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data ?? []).toString('utf8')) as { rules: Record<string, unknown> }).rules;
    const launched = 'product-lifecycle-launched-v14.json';
    expect(inputRules(launched)).toMatchObject({ orderDueWarningMs: 3_600_000, reviewReminderLimit: 2 });
    expect(patchesOf(load(launched))).toEqual(expect.arrayContaining(['order-due-warnings', 'repeated-reminders']));
    const before = 'product-lifecycle-launched-v13.json';
    expect(inputRules(before).orderDueWarningMs).toBeUndefined();
    expect(patchesOf(load(before))).not.toContain('order-due-warnings');
    // The same actions as v13's launched product, and two timers more: the production run's warning and the
    // design round's second reminder; each tells someone (staff, the influencer).
    expect(updatesOf(load(launched))).toEqual(updatesOf(load(before)));
    expect(timers(launched)).toBe(timers(before) + 2);
    expect(notified(launched)).toBe(notified(before) + 2);
  });

  it('cover products from the patches-2026-12 patch (v15): one patch marker and one TemporalChangeVersion upsert where v14 products have one of each per patch, for the same actions', () => {
    const upserts = (events: temporal.api.history.v1.IHistoryEvent[]) => events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes).length;
    for (const kind of ['launched', 'cancelled', 'moderated', 'supplied', 'sales', 'held-released', 'continued-run1', 'continued-run2']) {
      const before = load(`product-lifecycle-${kind}-v14.json`);
      const after = load(`product-lifecycle-${kind}-v15.json`);
      expect(patchesOf(after)).toEqual(['patches-2026-12']);
      // The first run extends its poll until its history is long enough to continue as new: with fewer events per
      // product, a few more extensions.
      if (kind === 'continued-run1') expect(updatesOf(after).length).toBeGreaterThan(updatesOf(before).length);
      else expect(updatesOf(after)).toEqual(updatesOf(before));
      // Every other upsert (the stage's search attributes) is the same.
      expect(upserts(before) - upserts(after)).toBe(patchesOf(before).length - 1);
    }
    // The product did what v14's did, local write by local write: each patch taken as applied.
    expect(localActivitiesOf('product-lifecycle-launched-v15.json')).toEqual(localActivitiesOf('product-lifecycle-launched-v14.json'));
    expect(localActivitiesOf('product-lifecycle-sales-v15.json')).toEqual(localActivitiesOf('product-lifecycle-sales-v14.json'));
  });

  it('cover products from the deliveries-from-local-write patch (v16): the same deliveries, started by the local write instead of as children, in fewer workflow tasks', () => {
    const socialChildren = (events: temporal.api.history.v1.IHistoryEvent[]) => childStarts(events, 'socialDelivery');
    /** The updates whose deliveries the local writes started, from their markers' answers. */
    const startedByWrites = (events: temporal.api.history.v1.IHistoryEvent[]) =>
      localActivityMarkers(events)
        .filter((m) => m.type === 'recordEventsStartingDeliveries')
        .reduce((n, m) => n + ((m.result as { social: { recorded?: { deliveries: unknown[] } } }).social.recorded?.deliveries.length ?? 0), 0);
    for (const kind of ['launched', 'cancelled', 'sales']) {
      const before = load(`product-lifecycle-${kind}-v15.json`);
      const after = load(`product-lifecycle-${kind}-v16.json`);
      expect({ kind, patches: patchesOf(after) }).toEqual({ kind, patches: ['patches-2026-12', 'deliveries-from-local-write'] });
      expect(updatesOf(after)).toEqual(updatesOf(before));
      // Every update v15 delivered through a child, v16 delivered through a workflow its write started.
      expect(socialChildren(before)).toBeGreaterThan(0);
      expect({ kind, children: socialChildren(after), startedByWrites: startedByWrites(after) }).toEqual({ kind, children: 0, startedByWrites: socialChildren(before) });
      expect(workflowTasks(after)).toBeLessThan(workflowTasks(before));
    }
    // The same local writes, the one that writes a batch with its updates now starting their deliveries (the
    // cancelled product's run depends on when a review reminder fires, so only these two are compared).
    for (const kind of ['launched', 'sales']) {
      const renamed = localActivitiesOf(`product-lifecycle-${kind}-v15.json`).map((a) => (a === 'recordEventsWithUpdates' ? 'recordEventsStartingDeliveries' : a));
      expect(localActivitiesOf(`product-lifecycle-${kind}-v16.json`)).toEqual(renamed);
    }
    // The launched product: 44 workflow tasks and 276 events in v15, 24 and 172 in v16.
    expect(workflowTasks(load('product-lifecycle-launched-v16.json'))).toBeLessThanOrEqual(workflowTasks(load('product-lifecycle-launched-v15.json')) * 0.6);
  });

  it('cover products from the notices-start-deliveries patch (v17): the same shop and supplier notices, their deliveries started by the notices\' activities instead of as children', () => {
    const noticeChildren = (events: temporal.api.history.v1.IHistoryEvent[]) => childStarts(events, 'shopEventDelivery', 'supplierEventDelivery');
    const notices = (events: temporal.api.history.v1.IHistoryEvent[]) =>
      events.map((e) => e.activityTaskScheduledEventAttributes?.activityType?.name).filter((n): n is string => typeof n === 'string' && n.startsWith('notify'));
    const starting: Record<string, string> = { notifySupplier: 'notifySupplierStartingDelivery', notifyReservationHolders: 'notifyReservationHoldersStartingDelivery' };
    for (const kind of ['supplied', 'sales', 'released', 'held-released']) {
      const before = load(`product-lifecycle-${kind}-v16.json`);
      const after = load(`product-lifecycle-${kind}-v17.json`);
      // Asked at the run's first notice.
      expect({ kind, patches: patchesOf(after) }).toEqual({ kind, patches: ['patches-2026-12', 'deliveries-from-local-write', 'notices-start-deliveries'] });
      expect(updatesOf(after)).toEqual(updatesOf(before));
      // Every notice v16 wrote and delivered through a child, v17 wrote and delivered from the same activity.
      expect(noticeChildren(before)).toBeGreaterThan(0);
      expect({ kind, children: noticeChildren(after), notices: notices(after) }).toEqual({ kind, children: 0, notices: notices(before).map((n) => starting[n] ?? n) });
      expect(workflowTasks(after)).toBeLessThan(workflowTasks(before));
    }
    // A product that sends no notice never asks.
    for (const kind of ['launched', 'cancelled', 'moderated']) expect({ kind, patches: patchesOf(load(`product-lifecycle-${kind}-v17.json`)) }).toEqual({ kind, patches: ['patches-2026-12', 'deliveries-from-local-write'] });
    // The supplied product (a sample request, the production run and its cancellation): 18 workflow tasks and 131 events in v16, 14 and 112 in v17.
    expect(workflowTasks(load('product-lifecycle-supplied-v17.json'))).toBeLessThanOrEqual(workflowTasks(load('product-lifecycle-supplied-v16.json')) - 3);
  });

  it('cover products from the notifications-start-deliveries patch (v18): the same notifications, written by a local activity that starts their deliveries', () => {
    const renamed = (file: string) => localActivitiesOf(file).map((a) => (a === 'notifyPeople' ? 'notifyPeopleStartingDeliveries' : a));
    for (const kind of ['launched', 'sales', 'supplied', 'cancelled', 'moderated']) {
      const before = load(`product-lifecycle-${kind}-v17.json`);
      const after = load(`product-lifecycle-${kind}-v18.json`);
      // Asked at the run's first notification, before any notice to a shop or a supplier.
      expect({ kind, patches: patchesOf(after) }).toEqual({
        kind,
        patches: ['patches-2026-12', 'deliveries-from-local-write', 'notifications-start-deliveries', ...patchesOf(before).filter((p) => p === 'notices-start-deliveries')],
      });
      expect(updatesOf(after)).toEqual(updatesOf(before));
      expect(localActivitiesOf(`product-lifecycle-${kind}-v18.json`)).toContain('notifyPeopleStartingDeliveries');
      expect(localActivitiesOf(`product-lifecycle-${kind}-v18.json`)).not.toContain('notifyPeople');
    }
    // Local write by local write, the same as v17's (these two runs do not depend on when a reminder fires).
    for (const kind of ['launched', 'sales']) expect(localActivitiesOf(`product-lifecycle-${kind}-v18.json`)).toEqual(renamed(`product-lifecycle-${kind}-v17.json`));
  });

  it('cover products from the steady-deadline-timer patch (v19): the same actions, and a timer started again only when its deadline moved', () => {
    const timers = (events: temporal.api.history.v1.IHistoryEvent[]) => ({
      started: events.filter((e) => e.timerStartedEventAttributes).length,
      cancelled: events.filter((e) => e.timerCanceledEventAttributes).length,
      fired: events.filter((e) => e.timerFiredEventAttributes).length,
    });
    for (const kind of ['launched', 'unapproved', 'sales', 'supplied', 'cancelled', 'moderated']) {
      const before = load(`product-lifecycle-${kind}-v18.json`);
      const after = load(`product-lifecycle-${kind}-v19.json`);
      expect({ kind, steady: patchesOf(after).includes('steady-deadline-timer') }).toEqual({ kind, steady: true });
      expect(updatesOf(after)).toEqual(updatesOf(before));
      // Every deadline that fired in v18 fires in v19; no timer is started more often than before.
      expect({ kind, fired: timers(after).fired }).toEqual({ kind, fired: timers(before).fired });
      expect(timers(after).started).toBeLessThanOrEqual(timers(before).started);
    }
    // The sales product's vote milestones, production milestones and restock left its deadlines where they were:
    // 20 timers started and 15 cancelled in v18, 11 and 6 in v19. The unapproved one's 12 and 8: 8 and 4.
    expect(timers(load('product-lifecycle-sales-v19.json'))).toEqual({ started: 11, cancelled: 6, fired: 5 });
    expect(timers(load('product-lifecycle-unapproved-v19.json'))).toEqual({ started: 8, cancelled: 4, fired: 4 });
  });

  it('cover products from the patches-2026-12-04 patch (v20): one patch marker where v19 products hold two to five, and each notification written by the local write of its event', () => {
    const upserts = (events: temporal.api.history.v1.IHistoryEvent[]) => events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes).length;
    for (const kind of ['launched', 'unapproved', 'sales', 'supplied', 'cancelled', 'moderated', 'released', 'held-released']) {
      const before = load(`product-lifecycle-${kind}-v19.json`);
      const after = load(`product-lifecycle-${kind}-v20.json`);
      expect({ kind, patches: patchesOf(after) }).toEqual({ kind, patches: ['patches-2026-12-04'] });
      expect(updatesOf(after)).toEqual(updatesOf(before));
      // The stage's upserts stay; the patches' TemporalChangeVersion upserts go from one per marker to one.
      expect({ kind, upserts: upserts(after) }).toEqual({ kind, upserts: upserts(before) - (patchesOf(before).length - 1) });
      // notifications-in-local-write, which the marker brings: no local activity of its own per notification.
      expect({ kind, notifyingWrites: localActivitiesOf(`product-lifecycle-${kind}-v20.json`).includes('recordEventsNotifying') }).toEqual({ kind, notifyingWrites: true });
      expect(localActivitiesOf(`product-lifecycle-${kind}-v20.json`)).not.toContain('notifyPeopleStartingDeliveries');
    }
    // These two runs do not depend on when a reminder fires: one local activity less per notification (the launched
    // product's 32 were 25, the sales product's 37 were 31).
    for (const kind of ['launched', 'sales']) {
      const before = localActivitiesOf(`product-lifecycle-${kind}-v19.json`);
      expect(localActivitiesOf(`product-lifecycle-${kind}-v20.json`)).toHaveLength(before.length - before.filter((a) => a === 'notifyPeopleStartingDeliveries').length);
    }
  });

  it('replay a product created with the order-warning and reminder rules but run by a worker from before them (v13\'s launched history with those rules in its input)', async () => {
    const history = temporal.api.history.v1.History.fromObject(JSON.parse(fs.readFileSync(path.join(dir, 'product-lifecycle-launched-v13.json'), 'utf8')) as Record<string, unknown>);
    const payload = history.events?.[0].workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    if (!payload?.data) throw new Error('the v13 history has no start input');
    const input = JSON.parse(Buffer.from(payload.data).toString('utf8')) as { rules: Record<string, unknown> };
    input.rules = { ...input.rules, orderDueWarningMs: 60_000, reviewReminderLimit: 5 };
    payload.data = Buffer.from(JSON.stringify(input));
    // That worker armed neither timer; today's code sets the rules aside for such a run instead of arming them.
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE! } }, history, 'launched-v13-with-v14-rules');
  });

  it.each(fixtures)('replay %s without nondeterminism', async (file) => {
    // Fixtures are the JSON form of the SDK's History message (fetchHistory → JSON.stringify).
    const history = temporal.api.history.v1.History.fromObject(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>);
    expect(history.events?.length).toBeGreaterThan(10);
    await Worker.runReplayHistory({ workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE! } }, history, path.basename(file, '.json'));
  });
});
