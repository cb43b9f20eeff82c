// Cancel means cancel: a product cancelled while its social updates are still retrying against a failing
// receiver stops posting. In every stage it can be cancelled from, its earlier deliveries that had not
// gone out are withdrawn (cancelled, never re-sent), the delivery workflows retrying them end cancelled,
// the receiver gets nothing after, the cancellation's own public update (fans saw the product: the release
// of their reservations when it released some, else PRODUCT_CANCELLED) still goes out, and each
// compensation ran exactly once (the product workflow's history). A whole saga (reservations held for a met
// goal, a registered supplier's open production run, a launch with its countdown ahead) undoes each part
// once: one cancellation to the supplier, one release per reservation at the shop, no countdown or launch
// post ever. A product whose poll was still a draft tells nobody.
import { deliveryWorkflowId, productWorkflowId } from '@app/domain';
import type { Client } from '@temporalio/client';
import { expectError, expectOk } from './e2e-helpers';
import type { DeliveriesDto, DeliveryDto, IssuedSupplierDto, ProductDto, SocialUpdatesDto, SupplierEventDto, TimelineDto } from '../support/api-types';
import { compensationOf, deliveryWorkflowEnd, requestsWhileRetrying } from '../support/compensation';
import { registerShop, variantsWithSkus, type Shop } from '../support/intake';
import { addChannels, advanceTo, castInfluencer, createProduct, insertReservations, PRODUCTION_MILESTONES, type Cast, type ForwardStage } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';

jest.setTimeout(180_000);

/** Social updates of a launch and what follows it: a cancelled product makes none, whenever its launch was due. */
const LAUNCH_AND_AFTER = ['LAUNCH_COUNTDOWN', 'LAUNCHED', 'SOLD_OUT', 'RESTOCK_PROPOSED', 'RESTOCK_APPROVED', 'BACK_IN_STOCK', 'SALES_ENDED'];
/** How long before its launch the countdown post is due (LAUNCH_COUNTDOWNS), and how far ahead the saga's launch is. */
const COUNTDOWN_MS = 3_000;
const LAUNCH_IN_MS = 8_000;

interface ShopMessage {
  type: string;
  data: { productId: string; reservationCode: string };
}
interface SupplierMessage {
  type: string;
  data: { productId: string; orderId: string };
}
interface SocialMessage {
  data: { productId: string; event: string };
}

describe('cancelling a product withdraws what it has not posted yet', () => {
  let t: TestEngine;
  let client: Client;
  let receiver: Receiver;
  let shopReceiver: Receiver;
  let supplierReceiver: Receiver;
  let cast: Cast;
  let shop: Shop;
  let supplier: IssuedSupplierDto;
  beforeAll(async () => {
    // Attempts far apart enough that a delivery is still retrying when the product is cancelled, and many
    // of them: without the compensation the receiver would keep getting them. A countdown post due a few
    // seconds before a launch (the approval alert after it), so a launch scheduled a few seconds ahead has one pending.
    t = await startTestEngine({
      DELIVERY_MAX_ATTEMPTS: '50',
      DELIVERY_RETRY_INITIAL: '200ms',
      DELIVERY_RETRY_MAX_INTERVAL: '1s',
      DELIVERY_TIMEOUT: '2s',
      LAUNCH_COUNTDOWNS: `${COUNTDOWN_MS}ms`,
      LAUNCH_APPROVAL_LEAD: '1s',
    });
    client = await temporalClient();
    [receiver, shopReceiver, supplierReceiver] = await Promise.all([startReceiver(), startReceiver(), startReceiver()]);
    cast = await castInfluencer(t, 'cancel-cara');
    await addChannels(t, cast.influencerId, receiver);
    receiver.failAlways(503);
    // The shop and the supplier answer at once: what they get is counted, retries included.
    shop = await registerShop(t, { outboundUrl: shopReceiver.url });
    if (!shop.outboundSecret) throw new Error('the shop was registered without its outbound secret');
    shopReceiver.setSecret(shop.outboundSecret);
    const supplierPath = '/hooks/supplier';
    supplier = expectOk(await t.http<IssuedSupplierDto>('POST', '/suppliers', { body: { name: 'Atelier Cara', outboundUrl: `${supplierReceiver.origin}${supplierPath}` } }), 201);
    supplierReceiver.setSecret(supplier.outboundSecret, supplierPath);
  });
  afterAll(async () => {
    await Promise.all([receiver?.close(), shopReceiver?.close(), supplierReceiver?.close()]);
    await client?.connection.close();
    await t?.stop();
  });

  const deliveriesOf = async (productId: string): Promise<DeliveryDto[]> => expectOk(await t.http<DeliveriesDto>('GET', `/products/${productId}/deliveries`)).deliveries;
  const updatesOf = async (productId: string) => expectOk(await t.http<SocialUpdatesDto>('GET', `/products/${productId}/social-updates`)).updates;
  const timelineOf = async (productId: string): Promise<string[]> => expectOk(await t.http<TimelineDto>('GET', `/products/${productId}/timeline`)).events.map((e) => e.type);
  const supplierEventsOf = async (productId: string) => expectOk(await t.http<SupplierEventDto[]>('GET', `/products/${productId}/supplier-events`));
  const act = async (productId: string, path: string, body: unknown = {}, key?: string) => expectOk(await t.http<ProductDto>('POST', `/products/${productId}${path}`, { body, key }));
  const dueDate = () => new Date(Date.now() + 20 * 86_400_000).toISOString();
  /** Cancels the product and waits until its workflow has ended (once its compensation is done). */
  const cancel = async (productId: string, reason: string): Promise<ProductDto> => {
    const cancelled = await act(productId, '/cancel', { reason });
    await client.workflow.getHandle(productWorkflowId(productId)).result();
    return cancelled;
  };
  /** One JSON line of what a test's cancellation undid, for the closing note's counts. */
  const logCounts = (test: string, counts: Record<string, number | string>) => console.log(JSON.stringify({ test, ...counts }));

  /** Its webhook deliveries, once every one is failing and being retried. */
  const retryingOf = (productId: string) =>
    eventually(`retrying webhook deliveries of ${productId}`, async () => {
      const webhook = (await deliveriesOf(productId)).filter((d) => d.channelKind === 'webhook');
      return webhook.length > 0 && webhook.every((d) => d.status === 'pending' && d.attempts >= 2) ? webhook : undefined;
    });

  /**
   * What the shop got for the product's reservations of one kind: the codes, one per webhook-id, and every
   * request, retries included (each verified with the shop's outbound secret and accepted).
   */
  function atShop(productId: string, kind: string): { codes: string[]; requests: number } {
    const requests = shopReceiver.received
      .map((r) => ({ ...r, message: JSON.parse(r.body) as ShopMessage }))
      .filter((r) => r.message.type === kind && r.message.data.productId === productId);
    expect(requests.map((r) => [r.verified, r.answered])).toEqual(requests.map(() => [true, 200]));
    const codes = new Map(requests.map((r) => [r.webhookId, r.message.data.reservationCode]));
    return { codes: [...codes.values()].sort(), requests: requests.length };
  }

  /** The supplier's requests for the product's order cancellations (retries included), and their webhook-ids. */
  function cancellationsAtSupplier(productId: string): { types: string[]; webhookIds: string[]; requests: number } {
    const requests = supplierReceiver.received
      .map((r) => ({ ...r, message: JSON.parse(r.body) as SupplierMessage }))
      .filter((r) => r.message.type.endsWith('.cancelled') && r.message.data.productId === productId);
    expect(requests.map((r) => [r.verified, r.answered])).toEqual(requests.map(() => [true, 200]));
    return { types: requests.map((r) => r.message.type), webhookIds: [...new Set(requests.map((r) => r.webhookId))], requests: requests.length };
  }

  /** The social events the webhook receiver was sent for the product (retries included). */
  const postedFor = (productId: string): string[] =>
    receiver.received.map((r) => JSON.parse(r.body) as SocialMessage).filter((m) => m.data.productId === productId).map((m) => m.data.event);

  /** A product in `stage`; in DEMAND one sold through the shop, its poll closed, with two fans' reservations held (the goal not met). */
  async function productIn(stage: 'POLL' | 'DEMAND' | ForwardStage): Promise<{ productId: string; reservations: string[] }> {
    if (stage !== 'DEMAND') {
      const productId = await createProduct(t, cast.influencerId);
      if (stage !== 'POLL') await advanceTo(t, cast, productId, stage);
      return { productId, reservations: [] };
    }
    const productId = await createProduct(t, cast.influencerId, { variants: variantsWithSkus(['one']), demandGoal: { minimumUnits: 10, windowHours: 24 }, shopId: shop.id });
    expect((await act(productId, '/poll/close')).stage).toBe('DEMAND');
    return { productId, reservations: await insertReservations(t, productId, 'one', 2) };
  }

  it.each<'POLL' | 'DEMAND' | ForwardStage>(['POLL', 'DEMAND', 'DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH'])('in %s', async (stage) => {
    const { productId, reservations } = await productIn(stage);
    // Its webhook deliveries are failing and being retried.
    const retrying = await retryingOf(productId);

    const cancelled = await cancel(productId, 'the mill closed');
    expect(cancelled.stage).toBe('CANCELLED');

    const after = await deliveriesOf(productId);
    const withdrawn = after.filter((d) => retrying.some((r) => r.id === d.id));
    expect(withdrawn.map((d) => d.status)).toEqual(retrying.map(() => 'cancelled'));
    for (const d of withdrawn) expect(d.cancelledAt).not.toBeNull();
    // Every delivery workflow that was retrying them ended: stopped (cancelled), or, when an attempt found its
    // delivery withdrawn before the stop request came, completed; none failed, none attempts anything again.
    for (const updateId of new Set(withdrawn.map((d) => d.updateId))) expect(['CANCELLED', 'COMPLETED']).toContain(await deliveryWorkflowEnd(client, updateId));
    // The cancellation's own word to fans is not withdrawn: fans saw the product, so it is told to them, on every
    // channel, once: by the release of their reservations when it released some (staff's CANCELLED, with the
    // reason, then goes to the log alone), else by PRODUCT_CANCELLED.
    const publicWord = reservations.length > 0 ? 'RESERVATIONS_RELEASED' : 'PRODUCT_CANCELLED';
    const told = after.filter((d) => ['CANCELLED', 'PRODUCT_CANCELLED', 'RESERVATIONS_RELEASED'].includes(d.event));
    expect(told.map((d) => `${d.event} ${d.channelKind}`).sort()).toEqual(
      reservations.length > 0 ? ['CANCELLED log', 'RESERVATIONS_RELEASED log', 'RESERVATIONS_RELEASED webhook'] : ['PRODUCT_CANCELLED log', 'PRODUCT_CANCELLED webhook'],
    );
    expect(told.filter((d) => d.status === 'cancelled')).toEqual([]);
    // Nothing more arrives for them while the cancellation's own webhook delivery (the receiver fails it too) is
    // tried twice more.
    const ownDelivery = told.find((d) => d.event === publicWord && d.channelKind === 'webhook')!;
    const postedAfter = await requestsWhileRetrying(receiver, withdrawn.map((d) => d.id), ownDelivery.id);
    expect(postedAfter).toBe(0);

    // The compensation ran once: one withdrawal, one stop request per delivery workflow, and (in DEMAND) one
    // release, each reservation told to the shop once, meanwhile re-sent never.
    const compensation = await compensationOf(client, productId);
    expect(compensation.withdrawals).toBe(1);
    expect(compensation.stopped.sort()).toEqual([...new Set(withdrawn.map((d) => deliveryWorkflowId(d.updateId)))].sort());
    expect(compensation.shopNotices).toEqual(reservations.length > 0 ? ['reservation.released'] : []);
    // None of these products has an order with a registered supplier: none is told anything.
    expect(compensation.supplierNotices).toEqual([]);
    const atSupplier = cancellationsAtSupplier(productId);
    expect(atSupplier.requests).toBe(0);
    const released = await eventually(`${reservations.length} reservations released at the shop`, () => {
      const got = atShop(productId, 'reservation.released');
      return got.codes.length === reservations.length ? got : undefined;
    });
    expect(released).toEqual({ codes: [...reservations].sort(), requests: reservations.length });
    const rows: { status: string }[] = await t.db.dataSource.query('SELECT status FROM reservations WHERE product_id = $1', [productId]);
    expect(rows.map((r) => r.status)).toEqual(reservations.map(() => 'released'));

    // A withdrawn delivery is never re-sent.
    expectError(await t.http('POST', `/products/${productId}/deliveries/${withdrawn[0].id}/resend`), 409, { message: /withdrawn when its product was cancelled/ });
    logCounts('cancel in stage', {
      stage,
      withdrawn: withdrawn.length,
      stopped: compensation.stopped.length,
      supplierCancellations: atSupplier.requests,
      reservationsReleased: released.requests,
      postedAfter,
    });
  });

  // No single moment has both an open production run and a scheduled launch (the run closes when it ships,
  // which is what moves a product into LAUNCH): the saga is cancelled at each of the two.
  it.each(['PRODUCTION', 'LAUNCH'] as const)(
    'undoes a whole saga cancelled in %s once each: the supplier\'s open order (none once the run shipped), every reservation at the shop, pending posts; no countdown or launch post ever',
    async (stage) => {
      // Fans reserved enough to meet the goal: their reservations are held for the launch.
      const productId = await createProduct(t, cast.influencerId, {
        name: 'Saga cardigan',
        variants: variantsWithSkus(['s', 'm']),
        demandGoal: { minimumUnits: 3, windowHours: 24 },
        shopId: shop.id,
      });
      await act(productId, '/poll/close');
      const reservations = [...(await insertReservations(t, productId, 's', 2)), ...(await insertReservations(t, productId, 'm', 1))];
      expect(await act(productId, '/demand/close')).toMatchObject({ stage: 'DESIGN', demand: { status: 'MET' } });
      // The registered supplier was asked for a sample (received: that order is closed) and given the run.
      await advanceTo(t, cast, productId, 'SAMPLING', 'DESIGN');
      await act(productId, '/samples/requests', { supplierId: supplier.id, notes: 'size M', dueDate: dueDate() });
      await act(productId, '/samples', { notes: 'arrived, seams good' });
      await act(productId, '/samples/1/review', { decision: 'APPROVE' }, cast.influencerKey);
      await act(productId, '/production', { supplierId: supplier.id, dueDate: dueDate() });
      // In LAUNCH the run has shipped: it is closed, so nothing of it is cancelled.
      if (stage === 'LAUNCH') for (const milestone of PRODUCTION_MILESTONES) await act(productId, '/production/milestones', { milestone });
      const requested = [
        ['sample-1', 'sample.requested', 'delivered'],
        ['production', 'production.requested', 'delivered'],
      ];
      await eventually('the supplier\'s requests delivered', async () => {
        const events = await supplierEventsOf(productId);
        return events.length === requested.length && events.every((e) => e.status === 'delivered');
      });
      // Its social updates are failing at the receiver and being retried.
      const retrying = await retryingOf(productId);
      if (stage === 'LAUNCH') {
        // A launch a few seconds ahead, its countdown post still to come.
        const launchAt = Date.now() + LAUNCH_IN_MS;
        const scheduled = await act(productId, '/launch', { launchAt: new Date(launchAt).toISOString() });
        expect(scheduled.launch.countdowns).toEqual([expect.objectContaining({ offsetMs: COUNTDOWN_MS, sent: false })]);
      }

      const cancelled = await cancel(productId, 'the mill closed');
      expect(cancelled).toMatchObject({ stage: 'CANCELLED', demand: { status: 'RELEASED' } });

      // Every delivery of an update before the cancellation is withdrawn (the launch's scheduling among them),
      // its delivery workflow stopped once; the release of the reservations, fans' one word, goes out.
      const after = await deliveriesOf(productId);
      const earlier = after.filter((d) => !['RESERVATIONS_RELEASED', 'CANCELLED'].includes(d.event));
      const withdrawn = earlier.filter((d) => d.status === 'cancelled');
      expect(withdrawn.map((d) => d.id)).toEqual(expect.arrayContaining(retrying.map((d) => d.id)));
      expect(earlier.filter((d) => d.channelKind === 'webhook').map((d) => [d.event, d.status])).toEqual(
        earlier.filter((d) => d.channelKind === 'webhook').map((d) => [d.event, 'cancelled']),
      );
      for (const updateId of new Set(withdrawn.map((d) => d.updateId))) expect(['CANCELLED', 'COMPLETED']).toContain(await deliveryWorkflowEnd(client, updateId));
      const updates = await updatesOf(productId);
      expect(updates.filter((u) => ['CANCELLED', 'PRODUCT_CANCELLED', 'RESERVATIONS_RELEASED'].includes(u.event)).map((u) => [u.event, u.status])).toEqual([
        ['RESERVATIONS_RELEASED', 'published'],
        ['CANCELLED', 'internal'],
      ]);
      const clock = after.find((d) => d.event === 'RESERVATIONS_RELEASED' && d.channelKind === 'webhook')!;
      expect(clock.status).toBe('pending');

      // The supplier's open order (the run, in PRODUCTION) gets its cancellation once it is recorded delivered;
      // the closed sample request, and in LAUNCH the shipped run, get none.
      const cancellations = stage === 'PRODUCTION' ? [['production', 'production.cancelled', 'delivered']] : [];
      const supplierEvents = await eventually('the supplier\'s events recorded delivered', async () => {
        const events = await supplierEventsOf(productId);
        return events.length === requested.length + cancellations.length && events.every((e) => e.status === 'delivered') ? events : undefined;
      });
      expect(supplierEvents.map((e) => [e.orderRef, e.kind, e.status])).toEqual([...requested, ...cancellations]);

      // Nothing of the withdrawn deliveries arrives while the release's own webhook delivery (failed by the
      // receiver too) is tried twice more.
      const postedAfter = await requestsWhileRetrying(receiver, withdrawn.map((d) => d.id), clock.id, 30_000);
      expect(postedAfter).toBe(0);

      // No countdown, launch or on-sale update was ever made, nor sent; the product never launched: its workflow
      // completed with the compensation, and with it the countdown's and the launch's timers.
      const launchPosts = (await updatesOf(productId)).filter((u) => LAUNCH_AND_AFTER.includes(u.event)).map((u) => u.event);
      expect(launchPosts).toEqual([]);
      expect(postedFor(productId).filter((e) => LAUNCH_AND_AFTER.includes(e))).toEqual([]);
      expect((await timelineOf(productId)).filter((e) => e === 'LAUNCH_COUNTDOWN' || e === 'LAUNCHED')).toEqual([]);
      expect(expectOk(await t.http<ProductDto>('GET', `/products/${productId}`)).stage).toBe('CANCELLED');

      // Each compensation once, counted after all of that, so a late duplicate would be seen: one cancellation
      // request at the supplier (every request with its webhook-id), one release per reservation at the shop and
      // no "ready", one withdrawal, one stop request per delivery workflow.
      const atSupplier = cancellationsAtSupplier(productId);
      const cancellationIds = supplierEvents.filter((e) => e.kind.endsWith('.cancelled')).map((e) => e.id);
      expect(atSupplier).toEqual({ types: cancellations.map(() => 'supplier.production.cancelled'), webhookIds: cancellationIds, requests: cancellations.length });
      expect(supplierReceiver.requestsFor(cancellationIds)).toBe(cancellations.length);
      const released = atShop(productId, 'reservation.released');
      expect(released).toEqual({ codes: [...reservations].sort(), requests: reservations.length });
      expect(atShop(productId, 'reservation.ready')).toEqual({ codes: [], requests: 0 });
      const compensation = await compensationOf(client, productId);
      expect(compensation.withdrawals).toBe(1);
      expect(compensation.stopped.sort()).toEqual([...new Set(withdrawn.map((d) => deliveryWorkflowId(d.updateId)))].sort());
      expect(compensation.supplierNotices).toEqual([...requested, ...cancellations].map(([order, kind]) => `${kind} ${order}`));
      expect(compensation.shopNotices).toEqual(['reservation.released']);
      logCounts('whole saga', {
        stage,
        withdrawn: withdrawn.length,
        stopped: compensation.stopped.length,
        supplierCancellations: atSupplier.requests,
        reservationsReleased: released.requests,
        postedAfter,
        launchPosts: launchPosts.length,
      });
    },
  );

  it('tells nobody when a product is cancelled while its poll is a draft awaiting the influencer: no public update, CANCELLED on its timeline', async () => {
    const productId = await createProduct(t, cast.influencerId, { pollApproval: 'influencer' });
    expect(expectOk(await t.http<ProductDto>('GET', `/products/${productId}`)).poll.status).toBe('DRAFT');

    const cancelled = await cancel(productId, 'the influencer changed her mind');
    expect(cancelled.stage).toBe('CANCELLED');

    expect(await timelineOf(productId)).toContain('CANCELLED');
    // Fans never saw it: the cancellation stays staff's (internal, to the log), nothing is published.
    const updates = await updatesOf(productId);
    expect(updates.map((u) => [u.event, u.status])).toEqual([['CANCELLED', 'internal']]);
    const deliveries = await deliveriesOf(productId);
    expect(deliveries.map((d) => `${d.event} ${d.channelKind}`)).toEqual(['CANCELLED log']);
    const posted = postedFor(productId);
    expect(posted).toEqual([]);
    // Its compensation found nothing to withdraw or stop, and nobody else to tell.
    const compensation = await compensationOf(client, productId);
    expect(compensation).toEqual({ withdrawals: 1, stopped: [], supplierNotices: [], shopNotices: [] });
    logCounts('draft poll', {
      withdrawn: deliveries.filter((d) => d.status === 'cancelled').length,
      stopped: compensation.stopped.length,
      supplierCancellations: cancellationsAtSupplier(productId).requests,
      reservationsReleased: atShop(productId, 'reservation.released').requests,
      postedAfter: posted.length,
      publicUpdates: updates.filter((u) => u.status === 'published').length,
    });
  });

  it('refuses to re-send a cancelled product\'s delivery that had failed for good before', async () => {
    // The receiver is gone for good (410): the delivery fails at once, for good.
    receiver.failAlways(410);
    const productId = await createProduct(t, cast.influencerId);
    const failed = await eventually('a failed webhook delivery', async () => (await deliveriesOf(productId)).find((d) => d.channelKind === 'webhook' && d.status === 'failed'));
    receiver.failAlways(503);
    await cancel(productId, 'no longer');
    expectError(await t.http('POST', `/products/${productId}/deliveries/${failed.id}/resend`), 409, { message: /was cancelled; its deliveries are not sent again/ });
    expect((await deliveriesOf(productId)).find((d) => d.id === failed.id)?.status).toBe('failed');
  });
});
