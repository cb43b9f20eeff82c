// The delivery workflows a product's local write and its notices' activities start (activities/delivery-starts.ts),
// on the real Temporal server: an attempt tried again after its starts went through (a worker lost before the
// activity answered) starts nothing twice, also once the first delivery workflow has ended; a supplier's
// cancellation stops the requests it withdrew first. Started on a task queue no worker polls, so each run stays
// as started until the test ends it.
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { createNoticeDeliveryActivities, deliveryStarter, deliveryWorkflows, type DeliveryWorkflows, type NoticeWriters } from '../../activities';
import {
  deliveryWorkflowId,
  notificationWorkflowId,
  shopEventsWorkflowId,
  supplierEventWorkflowId,
  type DeliveryRetry,
  type NotifyPeopleInput,
  type NotifyReservationHoldersInput,
  type NotifySupplierInput,
  type RecordedSocialUpdates,
} from '@app/domain';
import { temporalClient } from '../support/stack';

describe('delivery workflows started by the local write', () => {
  let client: Client;
  beforeAll(async () => {
    client = await temporalClient();
  });
  afterAll(async () => {
    await client?.connection.close();
  });

  it('starts one workflow per update, and an attempt tried again starts none twice, even after the first ended', async () => {
    const taskQueue = `no-worker-${randomUUID()}`;
    const start = deliveryStarter(deliveryWorkflows(client, taskQueue));
    const updates = [`upd-${randomUUID()}`, `upd-${randomUUID()}`];
    const recorded: RecordedSocialUpdates = {
      deliveries: updates.map((updateId) => ({ updateId, deliveryIds: [`dlv-${updateId}`] })),
      retry: { maxAttempts: 3, initialIntervalMs: 100, maxIntervalMs: 200, timeoutMs: 1_000 },
    };
    await start(recorded);
    const first = await Promise.all(updates.map((u) => client.workflow.getHandle(deliveryWorkflowId(u)).describe()));
    expect(first.map((d) => ({ status: d.status.name, taskQueue: d.taskQueue, type: d.type, parent: d.parentExecution ?? null }))).toEqual(
      updates.map(() => ({ status: 'RUNNING', taskQueue, type: 'socialDelivery', parent: null })),
    );

    // The attempt tried again while the first runs are open: nothing new started, nothing thrown.
    await start(recorded);
    // And once the first of them has ended (delivered, or here terminated): still not started again.
    await client.workflow.getHandle(deliveryWorkflowId(updates[0])).terminate('the test ends this delivery');
    await start(recorded);

    // The latest run of each id is still the first one: a second run would be the latest.
    const after = await Promise.all(updates.map((u) => client.workflow.getHandle(deliveryWorkflowId(u)).describe()));
    expect(after.map((d) => d.runId)).toEqual(first.map((d) => d.runId));
    expect(after.map((d) => d.status.name)).toEqual(['TERMINATED', 'RUNNING']);
    await client.workflow.getHandle(deliveryWorkflowId(updates[1])).terminate('the test is over');
  });

  it('fails the attempt when a start fails for another reason, so the write is tried again', async () => {
    // A namespace that does not exist stands in for a server that refuses the start.
    const elsewhere = new Client({ connection: client.connection, namespace: `missing-${randomUUID()}` });
    const start = deliveryStarter(deliveryWorkflows(elsewhere, 'any'));
    await expect(start({ deliveries: [{ updateId: `upd-${randomUUID()}`, deliveryIds: ['dlv-x'] }], retry: { maxAttempts: 1, initialIntervalMs: 1, maxIntervalMs: 1, timeoutMs: 1 } })).rejects.toThrow(
      /namespace/i,
    );
  });

  describe('notices', () => {
    const retry: DeliveryRetry = { maxAttempts: 3, initialIntervalMs: 100, maxIntervalMs: 200, timeoutMs: 1_000 };
    const shopInput: NotifyReservationHoldersInput = { productId: 'p-notices', kind: 'reservation.released', seq: 7 };
    const supplierInput: NotifySupplierInput = {
      productId: 'p-notices',
      seq: 9,
      supplierId: 'sup-1',
      kind: 'sample.cancelled',
      order: 'sample-1',
      at: new Date().toISOString(),
      details: {},
    };
    /** Writers answering as the real ones do on every attempt (the same batch, the same notice): the test is about the starts. */
    const writers = (batch: { batchId: string; events: number }, notice: { eventId: string; withdrawn: string[] }, notificationIds: string[] = []): NoticeWriters => ({
      notifyReservationHolders: () => Promise.resolve({ ...batch, retry }),
      notifySupplier: () => Promise.resolve({ ...notice, retry }),
      notifyPeople: () => Promise.resolve({ notificationIds, retry }),
    });
    const describeRun = async (workflowId: string) => {
      const d = await client.workflow.getHandle(workflowId).describe();
      return { type: d.type, status: d.status.name, taskQueue: d.taskQueue, parent: d.parentExecution ?? null, runId: d.runId };
    };
    const cancelRequested = async (workflowId: string) =>
      ((await client.workflow.getHandle(workflowId).fetchHistory()).events ?? []).some(
        (e) => e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED,
      );

    it('starts a shop batch\'s delivery once, whichever attempt, and none for an empty batch', async () => {
      const taskQueue = `no-worker-${randomUUID()}`;
      const batchId = `seb-${randomUUID()}`;
      const activities = createNoticeDeliveryActivities(writers({ batchId, events: 2 }, { eventId: 'unused', withdrawn: [] }), deliveryWorkflows(client, taskQueue));
      expect(await activities.notifyReservationHoldersStartingDelivery(shopInput)).toEqual({ batchId, events: 2, retry });
      const first = await describeRun(shopEventsWorkflowId(batchId));
      expect(first).toEqual({ type: 'shopEventDelivery', status: 'RUNNING', taskQueue, parent: null, runId: first.runId });
      await activities.notifyReservationHoldersStartingDelivery(shopInput);
      await client.workflow.getHandle(shopEventsWorkflowId(batchId)).terminate('the test ends this delivery');
      await activities.notifyReservationHoldersStartingDelivery(shopInput);
      expect(await describeRun(shopEventsWorkflowId(batchId))).toEqual({ ...first, status: 'TERMINATED' });

      // A batch with no events (no shop, or no reservation to tell) has nothing to deliver: no workflow.
      const empty = `seb-${randomUUID()}`;
      await createNoticeDeliveryActivities(writers({ batchId: empty, events: 0 }, { eventId: 'unused', withdrawn: [] }), deliveryWorkflows(client, taskQueue)).notifyReservationHoldersStartingDelivery(shopInput);
      await expect(client.workflow.getHandle(shopEventsWorkflowId(empty)).describe()).rejects.toThrow(/not found/i);
    });

    it('stops the requests a supplier\'s cancellation withdrew (one still running, one already ended, one never started), then starts the cancellation\'s delivery once', async () => {
      const taskQueue = `no-worker-${randomUUID()}`;
      const [running, ended, never, cancellation] = [1, 2, 3, 4].map(() => `spe-${randomUUID()}`);
      for (const id of [running, ended]) await client.workflow.start('supplierEventDelivery', { workflowId: supplierEventWorkflowId(id), taskQueue, args: [{ eventId: id, retry }] });
      await client.workflow.getHandle(supplierEventWorkflowId(ended)).terminate('delivered, in this test');
      // The real starts and stops, in the order they were made.
      const made: string[] = [];
      const real = deliveryWorkflows(client, taskQueue);
      const inOrder: DeliveryWorkflows = {
        startOnce: async (type, workflowId, input) => {
          await real.startOnce(type, workflowId, input);
          made.push(`start ${workflowId}`);
        },
        cancel: async (workflowId) => {
          await real.cancel(workflowId);
          made.push(`cancel ${workflowId}`);
        },
      };
      const activities = createNoticeDeliveryActivities(writers({ batchId: 'unused', events: 0 }, { eventId: cancellation, withdrawn: [running, ended, never] }), inOrder);

      await activities.notifySupplierStartingDelivery(supplierInput);
      // Every withdrawn request asked to stop before the cancellation's delivery starts.
      expect(made.slice(0, 3).sort()).toEqual([running, ended, never].map((id) => `cancel ${supplierEventWorkflowId(id)}`).sort());
      expect(made.slice(3)).toEqual([`start ${supplierEventWorkflowId(cancellation)}`]);
      expect(await cancelRequested(supplierEventWorkflowId(running))).toBe(true);
      expect((await describeRun(supplierEventWorkflowId(ended))).status).toBe('TERMINATED');
      const first = await describeRun(supplierEventWorkflowId(cancellation));
      expect(first).toEqual({ type: 'supplierEventDelivery', status: 'RUNNING', taskQueue, parent: null, runId: first.runId });

      // Tried again (a worker lost before the activity answered): the same requests asked to stop, nothing started twice.
      await activities.notifySupplierStartingDelivery(supplierInput);
      expect(await describeRun(supplierEventWorkflowId(cancellation))).toEqual(first);
      for (const id of [running, cancellation]) await client.workflow.getHandle(supplierEventWorkflowId(id)).terminate('the test is over');
    });

    it('fails the attempt, starting nothing, when a withdrawn request cannot be asked to stop', async () => {
      const taskQueue = `no-worker-${randomUUID()}`;
      const cancellation = `spe-${randomUUID()}`;
      // A namespace that does not exist stands in for a server that refuses the stop.
      const refusing = deliveryWorkflows(new Client({ connection: client.connection, namespace: `missing-${randomUUID()}` }), taskQueue);
      const real = deliveryWorkflows(client, taskQueue);
      const workflows: DeliveryWorkflows = { startOnce: (type, workflowId, input) => real.startOnce(type, workflowId, input), cancel: (workflowId) => refusing.cancel(workflowId) };
      const activities = createNoticeDeliveryActivities(writers({ batchId: 'unused', events: 0 }, { eventId: cancellation, withdrawn: [`spe-${randomUUID()}`] }), workflows);
      await expect(activities.notifySupplierStartingDelivery(supplierInput)).rejects.toThrow(/namespace/i);
      await expect(client.workflow.getHandle(supplierEventWorkflowId(cancellation)).describe()).rejects.toThrow(/not found/i);
    });

    it('starts the delivery of each notification to send now once, whichever attempt', async () => {
      const taskQueue = `no-worker-${randomUUID()}`;
      const ids = [`ntf-${randomUUID()}`, `ntf-${randomUUID()}`];
      const input: NotifyPeopleInput = { productId: 'p-notices', seq: 3, kind: 'design.review_waiting', audience: ['influencer'], at: new Date().toISOString(), details: {} };
      const activities = createNoticeDeliveryActivities(writers({ batchId: 'unused', events: 0 }, { eventId: 'unused', withdrawn: [] }, ids), deliveryWorkflows(client, taskQueue));
      expect(await activities.notifyPeopleStartingDeliveries(input)).toEqual({ notificationIds: ids, retry });
      const first = await Promise.all(ids.map((id) => describeRun(notificationWorkflowId(id))));
      expect(first).toEqual(first.map((r) => ({ type: 'notificationDelivery', status: 'RUNNING', taskQueue, parent: null, runId: r.runId })));
      await client.workflow.getHandle(notificationWorkflowId(ids[0])).terminate('sent, in this test');
      await activities.notifyPeopleStartingDeliveries(input);
      expect(await Promise.all(ids.map((id) => describeRun(notificationWorkflowId(id))))).toEqual([{ ...first[0], status: 'TERMINATED' }, first[1]]);
      await client.workflow.getHandle(notificationWorkflowId(ids[1])).terminate('the test is over');
    });
  });
});
