// Fault: the worker SIGKILLed in the middle of a cancelled product's compensation. Products whose social
// deliveries are retrying against a failing receiver are cancelled while their deliveries' rows are held, so
// the compensation's withdrawal waits in PostgreSQL when the worker dies; a new worker finishes it. Every
// delivery that had not gone out ends withdrawn, every delivery workflow retrying one is stopped once, and
// the receiver gets nothing more. And products with reservations held for a met goal and a registered
// supplier's open production run, cancelled while the supplier events table and their reservations are held,
// so the supplier's cancellation and the reservations' release wait in PostgreSQL when the worker dies: the
// new worker sends the supplier its cancellation once and the shop each release once, and withdraws the rest.
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { productWorkflowId } from '../../libs/domain';
import { ok } from '../support/api-client';
import type { IssuedSupplierDto } from '../support/api-types';
import { compensationOf, deliveryWorkflowEnd, requestsWhileRetrying } from '../support/compensation';
import { registerShop, variantsWithSkus } from '../support/intake';
import { addChannels, advanceTo, castInfluencer, createProduct, insertReservations } from '../support/product-flow';
import { startReceiver, type Received, type Receiver } from '../support/receiver';
import { eventually } from '../support/wait';
import { faultProduct, faultStackForSuite, report } from './fault-stack';
import { lockWaiters } from './read-model';

jest.setTimeout(240_000);

// Retries far apart enough to be caught retrying, and many of them: nothing but the compensation stops them.
const RETRYING = { DELIVERY_TIMEOUT: '2s', DELIVERY_RETRY_INITIAL: '200ms', DELIVERY_RETRY_MAX_INTERVAL: '1s', DELIVERY_MAX_ATTEMPTS: '60' };
// The same, retrying for minutes: the supplier and shop notices a dead worker held are tried again only when
// their one-minute attempt times out, and the cancellation's own delivery must still be retrying after that.
const RETRYING_LONG = { ...RETRYING, DELIVERY_RETRY_MAX_INTERVAL: '2s', DELIVERY_MAX_ATTEMPTS: '100' };

/** How many of the list's entries repeat one before them. */
function repeats(list: unknown[]): number {
  return list.length - new Set(list).size;
}

/** Requests received for one webhook-id after another: how many arrived, and how many beyond the first of each. */
function perWebhookId(requests: Received[]): { distinct: number; repeated: number } {
  const ids = requests.map((r) => r.webhookId);
  return { distinct: new Set(ids).size, repeated: repeats(ids) };
}

type WebhookRow = { id: string; update_id: string; attempts: number; status: string };

/** How many of the deliveries that were retrying are withdrawn now. */
function withdrawnOf(after: WebhookRow[], retrying: WebhookRow[]): number {
  return after.filter((r) => retrying.some((x) => x.id === r.id) && r.status === 'cancelled').length;
}

describe('fault: worker killed mid-compensation', () => {
  const stack = faultStackForSuite();
  let receiver: Receiver;
  let client: Client;
  beforeAll(async () => {
    receiver = await startReceiver();
    client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  });
  afterAll(async () => {
    await receiver?.close();
    await client?.connection.close();
  });

  /** The products' webhook deliveries. */
  const webhookRows = (products: string[]) =>
    stack.db.query<WebhookRow[]>(
      `SELECT d.id, d.update_id, d.attempts, d.status FROM deliveries d JOIN channels c ON c.id = d.channel_id WHERE d.product_id = ANY($1) AND c.kind = 'webhook' ORDER BY d.id`,
      [products],
    );
  /** The products' webhook deliveries once they are all failing and being retried, and (when given) there are `count`. */
  const retryingRows = (products: string[], count?: number) =>
    eventually(
      'every webhook delivery retrying',
      async () => {
        const rows = await webhookRows(products);
        return rows.length > 0 && (count === undefined || rows.length === count) && rows.every((r) => r.status === 'pending' && r.attempts >= 2) ? rows : undefined;
      },
      30_000,
    );
  /** The webhook delivery of the product's update for `event` (the cancellation's own word to fans). */
  const ownWebhookDelivery = async (productId: string, event: string): Promise<{ id: string }> => {
    const [own] = await stack.db.query<{ id: string }[]>(
      `SELECT d.id FROM deliveries d JOIN social_updates u ON u.id = d.update_id JOIN channels c ON c.id = d.channel_id
       WHERE d.product_id = $1 AND u.event = $2 AND c.kind = 'webhook'`,
      [productId, event],
    );
    return own;
  };

  it('a new worker finishes the withdrawal: every pending delivery cancelled, each delivery workflow stopped once, nothing posted after', async () => {
    const workerA = await stack.startWorker('worker A (compensation)', RETRYING);
    const api = await stack.startApi();
    const cast = await castInfluencer(api, 'cora');
    await addChannels(api, cast.influencerId, receiver);
    receiver.failAlways(503);

    const products = await Promise.all(Array.from({ length: 3 }, () => createProduct(api, cast.influencerId, faultProduct(3_600_000))));
    const retrying = await retryingRows(products, products.length);

    // Hold the deliveries' rows: the compensation's withdrawal (one UPDATE) waits on them.
    const locker = new PgClient({ connectionString: stack.databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM deliveries WHERE product_id = ANY($1) FOR UPDATE', [products]);
    for (const id of products) expect((await api.http('POST', `/products/${id}/cancel`, { body: { reason: 'the mill closed' } })).status).toBe(200);
    await eventually('the withdrawal to wait in PostgreSQL', async () => (await lockWaiters(stack.db, "SET status = 'cancelled'")) > 0);
    await workerA.kill('SIGKILL');
    await locker.query('ROLLBACK');
    await locker.end();

    await stack.startWorker('worker B (compensation)', RETRYING);
    for (const id of products) await client.workflow.getHandle(productWorkflowId(id)).result();

    const withdrawn = withdrawnOf(await webhookRows(products), retrying);
    // Each product's compensation stopped each of its delivery workflows once, and they ended cancelled.
    let stops = 0;
    let stoppedTwice = 0;
    for (const id of products) {
      const { stopped } = await compensationOf(client, id);
      stops += stopped.length;
      stoppedTwice += repeats(stopped);
    }
    // Stopped, or completed when an attempt found its delivery withdrawn before the stop request came.
    for (const r of retrying) expect(['CANCELLED', 'COMPLETED']).toContain(await deliveryWorkflowEnd(client, r.update_id, 30_000));
    // Nothing more arrives for them while the cancellations' own webhook deliveries (failed too) are tried again.
    const ids = retrying.map((r) => r.id);
    const seen = receiver.requestsFor(ids);
    const own = await ownWebhookDelivery(products[0], 'PRODUCT_CANCELLED');
    const postedAfter = await requestsWhileRetrying(receiver, ids, own.id, 30_000);
    report({
      fault: 'worker SIGKILLed mid-compensation (cancel), new worker',
      runs: 1,
      products: products.length,
      votes: 0,
      deliveries: retrying.length,
      lost: retrying.length - withdrawn,
      duplicated: stoppedTwice,
      checked: `${withdrawn} retrying deliveries withdrawn, ${stops} delivery workflows stopped once each, none posted after (${seen} requests before)`,
    });
    expect(withdrawn).toBe(retrying.length);
    expect(stops).toBe(products.length);
    expect(stoppedTwice).toBe(0);
    expect(postedAfter).toBe(0);
  });

  it('a new worker finishes a supplier cancellation and reservation releases killed mid-write: each sent once, deliveries withdrawn, nothing posted after', async () => {
    // Only this test's worker serves the task queue, so the kill stops every compensation in flight.
    await stack.killWorkers();
    const social = await startReceiver();
    const shopReceiver = await startReceiver();
    const supplierReceiver = await startReceiver();
    const locker = new PgClient({ connectionString: stack.databaseUrl });
    try {
      const workerA = await stack.startWorker('worker A (supplier and shop compensation)', RETRYING_LONG);
      const api = await stack.startApi('api (supplier and shop compensation)');
      const cast = await castInfluencer(api, 'cleo');
      await addChannels(api, cast.influencerId, social);
      social.failAlways(503);
      const shop = await registerShop(api, { outboundUrl: shopReceiver.url });
      if (!shop.outboundSecret) throw new Error('the shop was registered without its outbound secret');
      shopReceiver.setSecret(shop.outboundSecret);
      const supplier = await ok(api.http<IssuedSupplierDto>('POST', '/suppliers', { body: { name: 'Killed Mill', outboundUrl: `${supplierReceiver.origin}/hooks/supplier` } }), 201);
      supplierReceiver.setSecret(supplier.outboundSecret, '/hooks/supplier');

      // Each product met its goal (two reservations held for its launch) and gave its run to the registered supplier.
      const dueDate = new Date(Date.now() + 20 * 86_400_000).toISOString();
      const products: string[] = [];
      const reservations: string[] = [];
      for (let i = 0; i < 2; i++) {
        const id = await createProduct(api, cast.influencerId, { ...faultProduct(3_600_000, `Saga dress ${i}`), variants: variantsWithSkus(['one']), demandGoal: { minimumUnits: 2, windowHours: 24 }, shopId: shop.id });
        await ok(api.http('POST', `/products/${id}/poll/close`, { body: {} }), 200);
        reservations.push(...(await insertReservations({ db: { dataSource: stack.db } }, id, 'one', 2)));
        await ok(api.http('POST', `/products/${id}/demand/close`, { body: {} }), 200);
        await advanceTo(api, cast, id, 'PRODUCTION', 'DESIGN');
        await ok(api.http('POST', `/products/${id}/production`, { body: { supplierId: supplier.id, dueDate } }), 200);
        products.push(id);
      }
      await eventually('every production run delivered to the supplier', async () => {
        const rows = await stack.db.query<{ status: string }[]>(`SELECT status FROM supplier_events WHERE product_id = ANY($1) AND kind = 'production.requested'`, [products]);
        return rows.length === products.length && rows.every((r) => r.status === 'delivered');
      }, 30_000);
      const retrying = await retryingRows(products);

      // Hold the supplier events table and the reservations: the cancellation's first write to each (the
      // supplier event's INSERT, the reservations' UPDATE to released) waits on them.
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE supplier_events IN SHARE MODE');
      await locker.query('SELECT 1 FROM reservations WHERE product_id = ANY($1) FOR UPDATE', [products]);
      for (const id of products) await ok(api.http('POST', `/products/${id}/cancel`, { body: { reason: 'the mill closed' } }), 200);
      await eventually('the supplier cancellations and the releases to wait in PostgreSQL', async () =>
        (await lockWaiters(stack.db, 'INSERT INTO supplier_events')) === products.length && (await lockWaiters(stack.db, 'UPDATE reservations SET status')) === products.length, 30_000);
      await workerA.kill('SIGKILL');
      await locker.query('ROLLBACK');
      // Worker A committed nothing of them.
      const [before] = await stack.db.query<{ cancellations: number; held: number }[]>(
        `SELECT (SELECT count(*)::int FROM supplier_events WHERE product_id = ANY($1) AND kind = 'production.cancelled') AS cancellations,
                (SELECT count(*)::int FROM reservations WHERE product_id = ANY($1) AND status = 'held') AS held`,
        [products],
      );
      expect(before).toEqual({ cancellations: 0, held: reservations.length });

      await stack.startWorker('worker B (supplier and shop compensation)', RETRYING_LONG);
      for (const id of products) await client.workflow.getHandle(productWorkflowId(id)).result();

      // The supplier's cancellations recorded delivered; then, while the release's own webhook delivery (failed
      // too) is tried twice more, nothing of the withdrawn deliveries arrives, and no late duplicate comes.
      const cancellations = await eventually('every cancellation delivered to the supplier', async () => {
        const rows = await stack.db.query<{ id: string; status: string }[]>(`SELECT id, status FROM supplier_events WHERE product_id = ANY($1) AND kind = 'production.cancelled'`, [products]);
        return rows.length === products.length && rows.every((r) => r.status === 'delivered') ? rows.map((r) => r.id) : undefined;
      }, 30_000);
      const withdrawn = withdrawnOf(await webhookRows(products), retrying);
      for (const r of retrying) expect(['CANCELLED', 'COMPLETED']).toContain(await deliveryWorkflowEnd(client, r.update_id, 30_000));
      const own = await ownWebhookDelivery(products[0], 'RESERVATIONS_RELEASED');
      const postedAfter = await requestsWhileRetrying(social, retrying.map((r) => r.id), own.id, 60_000);

      // Each exactly once, counted over every request the supplier and the shop got.
      const atSupplier = supplierReceiver.received.filter((r) => (JSON.parse(r.body) as { type: string }).type === 'supplier.production.cancelled');
      const supplierCount = perWebhookId(atSupplier);
      const releases = shopReceiver.received.filter((r) => (JSON.parse(r.body) as { type: string }).type === 'reservation.released');
      const shopCount = perWebhookId(releases);
      const releasedCodes = [...new Set(releases.map((r) => (JSON.parse(r.body) as { data: { reservationCode: string } }).data.reservationCode))].sort();
      const rows = await stack.db.query<{ status: string }[]>('SELECT status FROM reservations WHERE product_id = ANY($1)', [products]);
      let stops = 0;
      let stoppedTwice = 0;
      let noticesRepeated = 0;
      for (const id of products) {
        const compensation = await compensationOf(client, id);
        expect(compensation.withdrawals).toBe(1);
        expect(compensation.supplierNotices).toEqual(['production.requested production', 'production.cancelled production']);
        expect(compensation.shopNotices).toEqual(['reservation.released']);
        stops += compensation.stopped.length;
        stoppedTwice += repeats(compensation.stopped);
        noticesRepeated += repeats(compensation.supplierNotices) + repeats(compensation.shopNotices);
      }
      const lost = retrying.length - withdrawn + (products.length - supplierCount.distinct) + (reservations.length - shopCount.distinct);
      const duplicated = supplierCount.repeated + shopCount.repeated + stoppedTwice + noticesRepeated;
      report({
        fault: 'worker SIGKILLed mid-compensation (cancel: supplier + shop), new worker',
        runs: 1,
        products: products.length,
        votes: 0,
        deliveries: retrying.length + products.length + reservations.length,
        lost,
        duplicated,
        checked:
          `${supplierCount.distinct} supplier cancellations in ${atSupplier.length} requests, ${shopCount.distinct} reservations released in ${releases.length} requests, ` +
          `${withdrawn}/${retrying.length} retrying deliveries withdrawn, ${stops} delivery workflows stopped, ${postedAfter} posted after`,
      });
      console.log(JSON.stringify({ test: 'worker killed mid supplier/shop compensation', products: products.length, withdrawn, stopped: stops, supplierCancellations: atSupplier.length, reservationsReleased: releases.length, postedAfter, lost, duplicated }));
      expect(supplierCount).toEqual({ distinct: products.length, repeated: 0 });
      expect(atSupplier.map((r) => r.webhookId).sort()).toEqual([...cancellations].sort());
      expect(atSupplier.every((r) => r.verified && r.answered === 200)).toBe(true);
      expect(shopCount).toEqual({ distinct: reservations.length, repeated: 0 });
      expect(releasedCodes).toEqual([...reservations].sort());
      expect(rows.map((r) => r.status)).toEqual(reservations.map(() => 'released'));
      expect(withdrawn).toBe(retrying.length);
      expect(stoppedTwice).toBe(0);
      expect(postedAfter).toBe(0);
      expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
    } finally {
      await locker.end();
      await Promise.all([social.close(), shopReceiver.close(), supplierReceiver.close()]);
    }
  }, 360_000);
});
