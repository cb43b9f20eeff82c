// Staff watch what a product's shop was told about its reservations, over HTTP on the real stack: every
// event pending while the shop has not answered, delivered once it has, failed (with the error, the
// endpoint named by its host only) when the shop's endpoint is gone. The batches are written and delivered
// by the engine's own activities and shop-events workflow; the shop, the product's shop and the
// reservations are set up in the database (their intake is another feature's).
import { Client } from '@temporalio/client';
import type { ShopEventsDto } from '../../apps/api/src/shop-events/dto/shop-event.dto';
import { createShopEventActivities } from '../../activities';
import { socialActivityDeps } from '../../apps/worker/src/worker';
import { SHOP_EVENTS_WORKFLOW_TYPE, shopEventsWorkflowId, type DeliveryCounts, type DeliveryRetry, type ShopEventBatch, type ShopEventKind } from '../../libs/domain';
import { castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { insertReservation, insertShop, sellThrough, type TestReservation } from '../support/shop-events';
import { eventually, startTestEngine, temporalClient, uniqueName, type TestEngine } from '../support/stack';
import { expectError, expectOk } from './e2e-helpers';

jest.setTimeout(120_000);

// A long attempt timeout: the first test holds the shop's answers while it reads the events as pending.
const QUICK: DeliveryRetry = { maxAttempts: 3, initialIntervalMs: 200, maxIntervalMs: 1_000, timeoutMs: 15_000 };

describe('GET /products/:id/shop-events', () => {
  let t: TestEngine;
  let client: Client;
  let receiver: Receiver;
  let cast: Cast;
  let seq = 0;
  beforeAll(async () => {
    t = await startTestEngine();
    client = await temporalClient();
    receiver = await startReceiver();
    cast = await castInfluencer(t, 'shop.events');
  });
  afterAll(async () => {
    await receiver?.close();
    await client?.connection.close();
    await t?.stop();
  });

  const deps = () => socialActivityDeps(t.config, () => 'http://share.test');
  const notify = (productId: string, kind: ShopEventKind): Promise<ShopEventBatch> =>
    createShopEventActivities({ dataSource: t.db.dataSource, ...deps() }).notifyReservationHolders({ productId, kind, seq: ++seq, holdUntil: '2030-01-01T00:00:00.000Z' });
  const deliver = (batch: ShopEventBatch): Promise<DeliveryCounts> =>
    client.workflow.execute(SHOP_EVENTS_WORKFLOW_TYPE, {
      workflowId: shopEventsWorkflowId(batch.batchId),
      taskQueue: t.config.temporal.taskQueue,
      args: [{ batchId: batch.batchId, retry: QUICK }],
    });
  const shopEvents = async (productId: string, query = ''): Promise<ShopEventsDto> => expectOk(await t.http<ShopEventsDto>('GET', `/products/${productId}/shop-events${query}`));

  /** A product of the engine selling through a shop whose endpoint is a path on the receiver carrying a token. */
  const productWithShop = async (): Promise<{ productId: string; path: string; held: TestReservation[] }> => {
    const productId = await createProduct(t, cast.influencerId);
    // The workflow's first write of the read model, which the shop is added to.
    await eventually('the product read model', async () => (await t.db.dataSource.query<{ seq: number }[]>('SELECT seq FROM products WHERE id = $1', [productId]))[0]?.seq >= 1);
    const path = `/shop/${uniqueName('token')}/events`;
    const query = `key=${uniqueName('secret')}`;
    const shop = await insertShop(t.db.dataSource, deps().secretBox, `${receiver.origin}${path}?${query}`);
    receiver.setSecret(shop.outboundSecret, `${path}?${query}`);
    await sellThrough(t.db.dataSource, productId, shop.shopId);
    const held = [await insertReservation(t.db.dataSource, productId, 's-black', 2), await insertReservation(t.db.dataSource, productId, 'm-black', 1)];
    return { productId, path, held };
  };

  it('shows each event pending until the shop answers, then delivered with its answer and attempts', async () => {
    const { productId, held } = await productWithShop();
    const batch = await notify(productId, 'reservation.ready');
    expect(batch.events).toBe(2);

    const pending = await shopEvents(productId);
    expect(pending.counts).toEqual({ pending: 2, delivered: 0, failed: 0 });
    expect(pending.events.map((e) => [e.kind, e.status, e.attempts, e.batchId])).toEqual([
      ['reservation.ready', 'pending', 0, batch.batchId],
      ['reservation.ready', 'pending', 0, batch.batchId],
    ]);
    expect(pending.events.map((e) => e.reservationCode).sort()).toEqual(held.map((h) => h.code).sort());

    receiver.hold();
    const delivering = deliver(batch);
    try {
      await eventually('both events at the shop, unanswered', () => receiver.held() === 2);
      // Sent but not answered yet: still pending.
      expect((await shopEvents(productId)).counts).toEqual({ pending: 2, delivered: 0, failed: 0 });
    } finally {
      receiver.release();
    }
    expect(await delivering).toEqual({ delivered: 2, failed: 0 });

    const done = await shopEvents(productId);
    expect(done.counts).toEqual({ pending: 0, delivered: 2, failed: 0 });
    for (const e of done.events) {
      expect(e).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 200, lastError: null, failedAt: null });
      expect(Date.parse(e.deliveredAt!)).toBeGreaterThanOrEqual(Date.parse(e.createdAt));
    }
    // The event's id is the webhook-id the shop received (and verified with its outbound secret).
    expect(done.events).toHaveLength(2);
    for (const e of done.events) expect(receiver.accepted().get(e.id)?.verified).toBe(true);
  });

  it('shows events failed with the error when the shop endpoint is gone, naming its host and never its path or query', async () => {
    const { productId, path } = await productWithShop();
    const batch = await notify(productId, 'reservation.released');
    receiver.failAlways(410);
    try {
      expect(await deliver(batch)).toEqual({ delivered: 0, failed: 2 });
    } finally {
      receiver.failFirst(0);
    }
    const failed = await shopEvents(productId, '?status=failed');
    expect(failed.counts).toEqual({ pending: 0, delivered: 0, failed: 2 });
    expect(failed.events).toHaveLength(2);
    for (const e of failed.events) {
      expect(e).toMatchObject({ kind: 'reservation.released', status: 'failed', deliveredAt: null });
      expect(e.lastError).toContain(`${receiver.origin}/… answered 410`);
      expect(e.lastError).not.toContain(path.split('/')[2]);
      expect(e.lastError).not.toContain('key=');
      expect(Date.parse(e.failedAt!)).not.toBeNaN();
    }
    expect((await shopEvents(productId, '?status=delivered')).events).toEqual([]);
    expect((await shopEvents(productId, '?kind=reservation.ready')).counts).toEqual({ pending: 0, delivered: 0, failed: 0 });
  });

  it('pages through a product\'s events and refuses a bad filter, another influencer\'s key or an unknown product', async () => {
    const { productId } = await productWithShop();
    await notify(productId, 'reservation.ready');
    const first = await shopEvents(productId, '?limit=1');
    expect(first.events).toHaveLength(1);
    expect(first.nextOffset).toBe(1);
    const second = await shopEvents(productId, `?limit=1&offset=${first.nextOffset}`);
    expect(second.events).toHaveLength(1);
    expect(second.nextOffset).toBeNull();
    expect(second.events[0].id).not.toBe(first.events[0].id);

    expectError(await t.http('GET', `/products/${productId}/shop-events?status=lost`), 422, { fields: ['status'], message: 'status must be one of pending, delivered, failed' });
    expectError(await t.http('GET', `/products/${productId}/shop-events?limit=0`), 422, { fields: ['limit'] });
    expectError(await t.http('GET', `/products/${productId}/shop-events`, { key: cast.influencerKey }), 403);
    expectError(await t.http('GET', '/products/p-doesnotexist/shop-events'), 404, { message: 'product p-doesnotexist does not exist' });
  });
});
