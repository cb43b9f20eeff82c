// The delivery workflows a product's local write starts (activities/delivery-starts.ts), on the real Temporal
// server: an attempt tried again after its starts went through (a worker lost before the write answered) starts
// nothing twice, also once the first delivery workflow has ended. Started on a task queue no worker polls, so
// each run stays as started until the test ends it.
import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { deliveryStarter } from '../../activities';
import { deliveryWorkflowId, type RecordedSocialUpdates } from '@app/domain';
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
    const start = deliveryStarter(client, taskQueue);
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
    const start = deliveryStarter(elsewhere, 'any');
    await expect(start({ deliveries: [{ updateId: `upd-${randomUUID()}`, deliveryIds: ['dlv-x'] }], retry: { maxAttempts: 1, initialIntervalMs: 1, maxIntervalMs: 1, timeoutMs: 1 } })).rejects.toThrow(
      /namespace/i,
    );
  });
});
