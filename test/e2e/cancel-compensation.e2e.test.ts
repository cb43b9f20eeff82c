// Cancel means cancel: a product cancelled while its social updates are still retrying against a failing
// receiver stops posting. In every stage it can be cancelled from, its earlier deliveries that had not
// gone out are withdrawn (cancelled, never re-sent), the delivery workflows retrying them end cancelled,
// the receiver gets nothing after, the cancellation's own update (public: fans saw the product) still goes
// out, and the compensation ran exactly once (the product workflow's history).
import { deliveryWorkflowId, productWorkflowId } from '@app/domain';
import type { Client } from '@temporalio/client';
import { expectError, expectOk } from './e2e-helpers';
import type { DeliveriesDto, DeliveryDto, ProductDto } from '../support/api-types';
import { compensationOf, deliveryWorkflowEnd, requestsWhileRetrying } from '../support/compensation';
import { addChannels, advanceTo, castInfluencer, createProduct, type Cast, type ForwardStage } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';

jest.setTimeout(180_000);

describe('cancelling a product withdraws what it has not posted yet', () => {
  let t: TestEngine;
  let client: Client;
  let receiver: Receiver;
  let cast: Cast;
  beforeAll(async () => {
    // Attempts far apart enough that a delivery is still retrying when the product is cancelled, and many
    // of them: without the compensation the receiver would keep getting them.
    t = await startTestEngine({ DELIVERY_MAX_ATTEMPTS: '50', DELIVERY_RETRY_INITIAL: '200ms', DELIVERY_RETRY_MAX_INTERVAL: '1s', DELIVERY_TIMEOUT: '2s' });
    client = await temporalClient();
    receiver = await startReceiver();
    cast = await castInfluencer(t, 'cancel-cara');
    await addChannels(t, cast.influencerId, receiver);
    receiver.failAlways(503);
  });
  afterAll(async () => {
    await receiver?.close();
    await client?.connection.close();
    await t?.stop();
  });

  const deliveriesOf = async (productId: string): Promise<DeliveryDto[]> => expectOk(await t.http<DeliveriesDto>('GET', `/products/${productId}/deliveries`)).deliveries;

  it.each<'POLL' | ForwardStage>(['POLL', 'DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH'])('in %s', async (stage) => {
    const productId = await createProduct(t, cast.influencerId);
    if (stage !== 'POLL') await advanceTo(t, cast, productId, stage);
    // Its webhook deliveries are failing and being retried.
    const retrying = await eventually(`retrying webhook deliveries of ${productId}`, async () => {
      const all = await deliveriesOf(productId);
      const webhook = all.filter((d) => d.channelKind === 'webhook');
      return webhook.length > 0 && webhook.every((d) => d.status === 'pending' && d.attempts >= 2) ? webhook : undefined;
    });

    const cancelled = expectOk(await t.http<ProductDto>('POST', `/products/${productId}/cancel`, { body: { reason: 'the mill closed' } }));
    expect(cancelled.stage).toBe('CANCELLED');
    // The workflow ends once its compensation is done.
    await client.workflow.getHandle(productWorkflowId(productId)).result();

    const after = await deliveriesOf(productId);
    const withdrawn = after.filter((d) => retrying.some((r) => r.id === d.id));
    expect(withdrawn.map((d) => d.status)).toEqual(retrying.map(() => 'cancelled'));
    for (const d of withdrawn) expect(d.cancelledAt).not.toBeNull();
    // Every delivery workflow that was retrying them ended: stopped (cancelled), or, when an attempt found its
    // delivery withdrawn before the stop request came, completed; none failed, none attempts anything again.
    for (const updateId of new Set(withdrawn.map((d) => d.updateId))) expect(['CANCELLED', 'COMPLETED']).toContain(await deliveryWorkflowEnd(client, updateId));
    // Nothing more arrives for them while the cancellation's own webhook delivery (the receiver fails it too) is
    // tried twice more.
    const ownDelivery = await eventually('the cancellation\'s own webhook delivery', async () => (await deliveriesOf(productId)).find((d) => d.event === 'PRODUCT_CANCELLED' && d.channelKind === 'webhook'));
    expect(await requestsWhileRetrying(receiver, withdrawn.map((d) => d.id), ownDelivery.id)).toBe(0);
    // The cancellation's own update is not withdrawn: fans saw the product, so it is told to them, on every channel.
    const told = after.filter((d) => d.event === 'PRODUCT_CANCELLED');
    expect(told.map((d) => d.channelKind).sort()).toEqual(['log', 'webhook']);
    expect(told.every((d) => d.status !== 'cancelled')).toBe(true);
    expect(after.some((d) => d.event === 'CANCELLED')).toBe(false);

    // The compensation ran once: one withdrawal, one stop request per delivery workflow.
    const compensation = await compensationOf(client, productId);
    expect(compensation.withdrawals).toBe(1);
    expect(compensation.stopped.sort()).toEqual([...new Set(withdrawn.map((d) => deliveryWorkflowId(d.updateId)))].sort());

    // A withdrawn delivery is never re-sent.
    expectError(await t.http('POST', `/products/${productId}/deliveries/${withdrawn[0].id}/resend`), 409, { message: /withdrawn when its product was cancelled/ });
  });

  it('refuses to re-send a cancelled product\'s delivery that had failed for good before', async () => {
    // The receiver is gone for good (410): the delivery fails at once, for good.
    receiver.failAlways(410);
    const productId = await createProduct(t, cast.influencerId);
    const failed = await eventually('a failed webhook delivery', async () => (await deliveriesOf(productId)).find((d) => d.channelKind === 'webhook' && d.status === 'failed'));
    receiver.failAlways(503);
    expectOk(await t.http<ProductDto>('POST', `/products/${productId}/cancel`, { body: { reason: 'no longer' } }));
    await client.workflow.getHandle(productWorkflowId(productId)).result();
    expectError(await t.http('POST', `/products/${productId}/deliveries/${failed.id}/resend`), 409, { message: /was cancelled; its deliveries are not sent again/ });
    expect((await deliveriesOf(productId)).find((d) => d.id === failed.id)?.status).toBe('failed');
  });
});
