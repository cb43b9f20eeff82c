// The whole loop from fan demand to the consumer on the real stack, as the people and systems around it
// use it over HTTP: a fan poll whose posts carry tracked links, clicks and share-page views, signed votes
// and reservations from a fan connector, the demand goal met, production sized from the reservations, the
// launch telling the shop about every reservation, signed orders from the shop, a sell-out and the
// sell-through that proposes a restock, the restock's own run and "back in stock", the funnel exact to
// what was sent, and staff ending the product. And a product that misses its goal and releases its
// reservations.
import { randomUUID } from 'node:crypto';
import { productWorkflowId, shopEventsWorkflowId } from '@app/domain';
import { shopEventBatchId } from '../../activities';
import type { LiveDemandDto, ProductDto, ReservationReceiptDto, TimelineDto } from '../support/api-types';
import type { FunnelDto, FunnelRowDto } from '../../apps/api/src/funnel/dto/funnel.dto';
import { deliverReservation, deliverShopEvent, registerShop, signShopEvent, variantsWithSkus, type Shop } from '../support/intake';
import { addChannels, advanceTo, castInfluencer, productBody, type Cast } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { childStartsOf, completedRuns } from '../support/runs';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';
import { deliver, registerSource, sign, voteBody, type Source } from '../support/votes';
import { act, expectError, expectOk } from './e2e-helpers';

jest.setTimeout(180_000);

const PRICE = 4990;
/** A phone's browser, one per fan (a visitor is its address, user agent and day). */
const phone = (fan: string) => `Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 ${fan}`;

describe('from fan demand to the consumer', () => {
  let t: TestEngine;
  let social: Receiver;
  let shopReceiver: Receiver;
  let cast: Cast;
  let source: Source;
  let shop: Shop & { outboundSecret: string };

  beforeAll(async () => {
    t = await startTestEngine({
      LAUNCH_COUNTDOWNS: '1s',
      LAUNCH_APPROVAL_LEAD: '1s',
      DELIVERY_MAX_ATTEMPTS: '4',
      DELIVERY_RETRY_INITIAL: '200ms',
      DELIVERY_RETRY_MAX_INTERVAL: '500ms',
      DELIVERY_TIMEOUT: '2s',
    });
    social = await startReceiver();
    shopReceiver = await startReceiver();
    cast = await castInfluencer(t, 'lena.knits');
    await addChannels(t, cast.influencerId, social, 'scheduler');
    source = await registerSource(t, { platform: 'weibo' });
    const registered = await registerShop(t, { outboundUrl: shopReceiver.url });
    if (!registered.outboundSecret) throw new Error('the shop was registered without its outbound secret');
    shop = { ...registered, outboundSecret: registered.outboundSecret };
    shopReceiver.setSecret(shop.outboundSecret);
  });
  afterAll(async () => {
    await Promise.all([social?.close(), shopReceiver?.close()]);
    await t?.stop();
  });

  const product = async (id: string) => expectOk(await t.http<ProductDto>('GET', `/products/${id}`));
  const timelineTypes = async (id: string): Promise<string[]> => expectOk(await t.http<TimelineDto>('GET', `/products/${id}/timeline`)).events.map((e) => e.type);
  const waitForEvent = (id: string, type: string) => eventually(`${type} on the timeline of ${id}`, async () => (await timelineTypes(id)).includes(type), 30_000);

  /** The tracked link the webhook channel got for the product's update of this event: its code. */
  async function linkOf(productId: string, event: string): Promise<string> {
    return eventually(`the ${event} delivery of ${productId}`, () => {
      for (const r of social.received) {
        const body = JSON.parse(r.body) as { data: { productId?: string; event?: string; shareUrl?: string } };
        if (r.verified && body.data.productId === productId && body.data.event === event) return /\/r\/([A-Za-z0-9_-]+)$/.exec(body.data.shareUrl ?? '')?.[1];
      }
      return undefined;
    });
  }

  const click = (code: string, userAgent: string) => fetch(`${t.engine.apiUrl}/r/${code}`, { redirect: 'manual', headers: { 'user-agent': userAgent } });
  const view = (location: string, userAgent: string) => fetch(new URL(location, t.engine.apiUrl), { headers: { 'user-agent': userAgent } });

  const vote = async (productId: string, optionId: string, fan: string, attributionCode?: string) =>
    expectOk(await deliver(t, source, sign(source.secret, { ...voteBody(productId, optionId, fan), ...(attributionCode ? { attributionCode } : {}) })), 202);

  async function reserve(productId: string, variantId: string, fan: string, quantity: number, attributionCode?: string): Promise<ReservationReceiptDto> {
    const body = { productId, variantId, quantity, fan: { platform: 'weibo', userId: fan }, occurredAt: new Date().toISOString(), ...(attributionCode ? { attributionCode } : {}) };
    return expectOk(await deliverReservation<ReservationReceiptDto>(t, source.id, sign(source.secret, body)), 202);
  }

  interface Line {
    lineId: string;
    variantId: string;
    quantity: number;
    reservationCode?: string;
    attributionCode?: string;
  }
  async function order(productId: string, orderId: string, lines: Line[]): Promise<void> {
    const data = { orderId, createdAt: new Date().toISOString(), currency: 'EUR', lines: lines.map((l) => ({ ...l, productId, unitPriceMinor: PRICE })) };
    expectOk(await deliverShopEvent(t, shop.id, signShopEvent(shop, 'order.created', data)), 202);
  }

  /** Shop events of one kind for a product, as the shop accepted them (one per webhook-id), each verified with its outbound secret. */
  function shopEvents(productId: string, kind: string): { reservationCode: string; variantId: string; quantity: number; holdUntil?: string }[] {
    const accepted = [...shopReceiver.accepted().values()];
    expect(accepted.every((r) => r.verified)).toBe(true);
    return accepted
      .map((r) => JSON.parse(r.body) as { type: string; data: { productId: string; reservationCode: string; variantId: string; quantity: number; holdUntil?: string } })
      .filter((e) => e.type === kind && e.data.productId === productId)
      .map((e) => e.data);
  }

  it('takes a product from poll to reservations, production, sales, a restock and back in stock, with an exact funnel', async () => {
    const variants = variantsWithSkus(['s', 'm']);
    const created = expectOk(
      await t.http<ProductDto>('POST', '/products', {
        body: productBody(cast.influencerId, {
          name: 'Cable cardigan',
          variants,
          demandGoal: { minimumUnits: 6, windowHours: 24, safetyFactor: 0.5 },
          shopId: shop.id,
          sales: { restockThreshold: 0.75, restockCoverDays: 7, restockMinimumUnits: 5, reservationHoldHours: 1 },
        }),
      }),
      201,
    );
    const id = created.id;

    // The poll's post links through a tracked link: three fans click it (one twice), a crawler too.
    const pollLink = await linkOf(id, 'POLL_OPENED');
    const first = await click(pollLink, phone('fan-a'));
    expect(first.status).toBe(302);
    const sharePage = first.headers.get('location')!;
    expect(sharePage).toMatch(new RegExp(`/s/[A-Za-z0-9_-]+\\?c=${pollLink}$`));
    for (const ua of [phone('fan-b'), phone('fan-c'), phone('fan-a'), 'Googlebot/2.1 (+http://www.google.com/bot.html)']) expect((await click(pollLink, ua)).status).toBe(302);
    // Two of them open the share page through the link; one more fan finds the page directly.
    for (const ua of [phone('fan-a'), phone('fan-b')]) expect((await view(sharePage, ua)).status).toBe(200);
    expect((await view(sharePage.replace(/\?.*$/, ''), phone('fan-d'))).status).toBe(200);

    // Five fans vote, four through the poll's link.
    const fans = Array.from({ length: 6 }, (_, i) => `lena-fan-${i + 1}-${randomUUID().slice(0, 6)}`);
    await vote(id, 'midi', fans[0], pollLink);
    await vote(id, 'midi', fans[1], pollLink);
    await vote(id, 'midi', fans[2], pollLink);
    await vote(id, 'wrap', fans[3], pollLink);
    await vote(id, 'midi', fans[4]);

    // The winner goes to the demand gate: fans reserve it, mostly through the DEMAND_OPENED post.
    const closed = await act(t, `/products/${id}/poll/close`, {});
    expect(closed).toMatchObject({ stage: 'DEMAND', demand: { status: 'OPEN', goal: { minimumUnits: 6 } } });
    const demandLink = await linkOf(id, 'DEMAND_OPENED');
    const r1 = await reserve(id, 's', fans[0], 2, demandLink);
    const r2 = await reserve(id, 'm', fans[1], 2, demandLink);
    const r3 = await reserve(id, 'm', fans[2], 1, demandLink);
    const r4 = await reserve(id, 's', fans[5], 1);
    expect(new Set([r1.code, r2.code, r3.code, r4.code]).size).toBe(4);
    const live = expectOk(await t.http<LiveDemandDto>('GET', `/products/${id}/demand`, { key: null }));
    expect(live).toMatchObject({ status: 'OPEN', minimumUnits: 6, reservedUnits: 6, reservations: 4, shareOfGoal: 1 });
    expect(live.variants).toEqual([
      { variantId: 's', label: 'S', units: 3 },
      { variantId: 'm', label: 'M', units: 3 },
    ]);
    await waitForEvent(id, 'DEMAND_GOAL_REACHED');

    // Staff close the window: the goal is met and production is sized from the reservations (× 1.5).
    const met = await act(t, `/products/${id}/demand/close`, {});
    expect(met).toMatchObject({ stage: 'DESIGN', demand: { status: 'MET', suggested: [{ variantId: 's', units: 5 }, { variantId: 'm', units: 5 }] } });
    expectError(await deliverReservation(t, source.id, sign(source.secret, { productId: id, variantId: 's', quantity: 1, fan: { platform: 'weibo', userId: 'late-fan' }, occurredAt: new Date().toISOString() })), 409);

    await advanceTo(t, cast, id, 'LAUNCH', 'DESIGN');
    expect((await product(id)).production?.run).toMatchObject({ quantity: 10, quantities: [{ variantId: 's', units: 5 }, { variantId: 'm', units: 5 }] });
    expectOk(await t.http('POST', `/products/${id}/launch-announcement/approve`, { key: cast.influencerKey, body: {} }));
    await act(t, `/products/${id}/launch`, { launchAt: new Date(Date.now() + 2_500).toISOString() });
    await eventually('the product on sale', async () => (await product(id)).stage === 'ON_SALE', 30_000);

    // Every reservation holder's code went to the shop, signed, once.
    const ready = await eventually('four reservation.ready events', () => {
      const events = shopEvents(id, 'reservation.ready');
      return events.length === 4 ? events : undefined;
    });
    expect(ready.map((e) => e.reservationCode).sort()).toEqual([r1.code, r2.code, r3.code, r4.code].sort());
    expect(ready.every((e) => typeof e.holdUntil === 'string')).toBe(true);
    const launchLink = await linkOf(id, 'LAUNCHED');

    // Orders: a holder converts her reservation, a buyer through the launch post sells out S, a holder of M
    // buys without a link, and a buyer through the poll's old post takes M past the restock threshold.
    await order(id, 'o-1', [{ lineId: '1', variantId: 's', quantity: 2, reservationCode: r1.code, attributionCode: launchLink }]);
    await order(id, 'o-2', [{ lineId: '1', variantId: 's', quantity: 2, attributionCode: launchLink }]);
    await order(id, 'o-3', [{ lineId: '1', variantId: 'm', quantity: 2, reservationCode: r2.code }]);
    await order(id, 'o-4', [{ lineId: '1', variantId: 'm', quantity: 2, attributionCode: pollLink }]);

    await waitForEvent(id, 'SOLD_OUT');
    await waitForEvent(id, 'RESTOCK_PROPOSED');
    const proposed = await product(id);
    expect(proposed.sales).toMatchObject({ restocks: [{ number: 1, status: 'PROPOSED' }] });

    // Staff approve the restock; its own run goes through the same milestones, and the product is back in stock.
    await act(t, `/products/${id}/restocks/approve`, { supplier: 'Mill', dueDate: new Date(Date.now() + 86_400_000).toISOString() });
    for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED']) await act(t, `/products/${id}/restocks/milestones`, { milestone });
    await waitForEvent(id, 'BACK_IN_STOCK');
    const restocked = await product(id);
    expect(restocked).toMatchObject({ stage: 'ON_SALE', sales: { soldOut: [], restocks: [{ number: 1, status: 'SHIPPED' }] } });

    // After the restock: one more order through the demand post, and a refund of one unit of o-4.
    await order(id, 'o-5', [{ lineId: '1', variantId: 's', quantity: 1, attributionCode: demandLink }]);
    expectOk(
      await deliverShopEvent(t, shop.id, signShopEvent(shop, 'refund.created', { refundId: 'rf-1', orderId: 'o-4', createdAt: new Date().toISOString(), lines: [{ lineId: '1', quantity: 1, amountMinor: PRICE }] })),
      202,
    );

    // The funnel, exact to what this test sent.
    const funnel = expectOk(await t.http<FunnelDto>('GET', `/products/${id}/funnel`));
    const row = (source: FunnelRowDto['source'], stage: string | null, channel?: string) =>
      funnel.rows.find((r) => r.source === source && r.stage === stage && (channel === undefined || r.channel === channel));
    expect(row('link', 'POLL', 'scheduler')).toMatchObject({ views: 2, clicks: 3, votes: 4, reservations: 0, orders: 1, orderedUnits: 2, revenue: [{ currency: 'EUR', amountMinor: PRICE }] });
    // o-3 carried no link but a reservation made through the demand post: the reservation's link brought it.
    expect(row('link', 'DEMAND', 'scheduler')).toMatchObject({ clicks: 0, reservations: 3, reservedUnits: 5, orders: 2, orderedUnits: 3, revenue: [{ currency: 'EUR', amountMinor: 3 * PRICE }] });
    expect(row('link', 'LAUNCH', 'scheduler')).toMatchObject({ orders: 2, orderedUnits: 4, revenue: [{ currency: 'EUR', amountMinor: 4 * PRICE }] });
    expect(row('direct', 'POLL')).toMatchObject({ views: 1, clicks: 0 });
    expect(row('unattributed', null)).toMatchObject({ votes: 1, reservations: 1, reservedUnits: 1, orders: 0, orderedUnits: 0, revenue: [] });
    expect(funnel.totals).toMatchObject({ views: 3, clicks: 3, votes: 5, reservations: 4, reservedUnits: 6, orders: 5, orderedUnits: 9, revenue: [{ currency: 'EUR', amountMinor: 8 * PRICE }] });
    expect(funnel.conversions).toEqual({
      voterToReserver: { numerator: 3, denominator: 5, rate: 0.6 },
      reserverToBuyer: { numerator: 2, denominator: 4, rate: 0.5 },
    });
    const csv = await t.http<string>('GET', `/products/${id}/funnel?format=csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.body).split('\n')[0]).toMatch(/stage/);
    const svg = await fetch(`${t.engine.apiUrl}/products/${id}/funnel.svg`, { headers: { authorization: `Bearer ${t.staffKey}` } });
    expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);

    // Staff end the product: its workflow completes.
    const ended = await act(t, `/products/${id}/end`, { reason: 'Season over' });
    expect(ended).toMatchObject({ stage: 'ENDED' });
    expect(await timelineTypes(id)).toEqual(expect.arrayContaining(['DEMAND_MET', 'RESTOCK_APPROVED', 'BACK_IN_STOCK', 'SALES_ENDED']));
  });

  /** A one-size product sold through the shop, its poll closed: reservations are open toward `minimumUnits`. */
  async function inDemand(name: string, minimumUnits: number): Promise<string> {
    const created = expectOk(
      await t.http<ProductDto>('POST', '/products', {
        body: productBody(cast.influencerId, { name, variants: variantsWithSkus(['one']), demandGoal: { minimumUnits, windowHours: 24 }, shopId: shop.id }),
      }),
      201,
    );
    await act(t, `/products/${created.id}/poll/close`, {});
    return created.id;
  }

  /** Every reservation of the product released: one reservation.released event each at the shop, every row released. */
  async function expectReleased(id: string, codes: string[]): Promise<void> {
    const released = await eventually(`${codes.length} reservation.released events`, () => {
      const events = shopEvents(id, 'reservation.released');
      return events.length === codes.length ? events : undefined;
    });
    expect(released.map((e) => e.reservationCode).sort()).toEqual([...codes].sort());
    const rows: { status: string }[] = await t.db.dataSource.query('SELECT status FROM reservations WHERE product_id = $1', [id]);
    expect(rows.map((r) => r.status)).toEqual(codes.map(() => 'released'));
  }

  it('parks a product that misses its goal; cancelling it releases every reservation at the shop', async () => {
    const id = await inDemand('Mohair scarf', 10);
    const a = await reserve(id, 'one', `scarf-fan-a-${randomUUID().slice(0, 6)}`, 2);
    const b = await reserve(id, 'one', `scarf-fan-b-${randomUUID().slice(0, 6)}`, 1);

    const parked = await act(t, `/products/${id}/demand/close`, {});
    expect(parked).toMatchObject({ stage: 'DEMAND', demand: { status: 'AWAITING_DECISION', lastTally: { totalUnits: 3 } }, pendingAction: { by: 'staff' } });
    // The window is closed: a late reservation is refused and changes nothing.
    expectError(await deliverReservation(t, source.id, sign(source.secret, { productId: id, variantId: 'one', quantity: 1, fan: { platform: 'weibo', userId: 'late' }, occurredAt: new Date().toISOString() })), 409);

    const cancelled = await act(t, `/products/${id}/cancel`, { reason: 'Not enough demand' });
    expect(cancelled.stage).toBe('CANCELLED');
    expect(await timelineTypes(id)).toEqual(expect.arrayContaining(['DEMAND_BELOW_GOAL', 'RESERVATIONS_RELEASED', 'CANCELLED']));
    await expectReleased(id, [a.code, b.code]);
    // Fans who followed the product hear it too: the release is a published social update.
    await linkOf(id, 'RESERVATIONS_RELEASED');
  });

  it('releases the reservations held for launch when a product that met its goal is cancelled in production, telling fans once', async () => {
    const id = await inDemand('Cable beanie', 3);
    const a = await reserve(id, 'one', `beanie-fan-a-${randomUUID().slice(0, 6)}`, 2);
    const b = await reserve(id, 'one', `beanie-fan-b-${randomUUID().slice(0, 6)}`, 2);
    expect(await act(t, `/products/${id}/demand/close`, {})).toMatchObject({ stage: 'DESIGN', demand: { status: 'MET' } });
    await advanceTo(t, cast, id, 'PRODUCTION', 'DESIGN');

    const cancelled = await act(t, `/products/${id}/cancel`, { reason: 'the mill closed' });
    expect(cancelled).toMatchObject({ stage: 'CANCELLED', demand: { status: 'RELEASED' } });
    const timeline = expectOk(await t.http<TimelineDto>('GET', `/products/${id}/timeline`)).events;
    expect(timeline.slice(-2).map((e) => [e.type, e.data])).toEqual([
      ['RESERVATIONS_RELEASED', { reservations: 2, totalUnits: 4, reason: 'the mill closed' }],
      ['CANCELLED', { reason: 'the mill closed', from: 'PRODUCTION', reservationsReleased: 2 }],
    ]);
    await expectReleased(id, [a.code, b.code]);
    // The release's delivery workflow was started once by the activity that wrote its batch, not as a child of the
    // product's workflow (whose history would hold its start and its completion).
    const client = await temporalClient();
    try {
      await client.workflow.getHandle(productWorkflowId(id)).result();
      expect(await childStartsOf(client, productWorkflowId(id))).toHaveLength(0);
      const releasedAt = timeline.find((e) => e.type === 'RESERVATIONS_RELEASED')!.seq;
      const runs = await completedRuns(client, shopEventsWorkflowId(shopEventBatchId(id, 'reservation.released', releasedAt)));
      expect(runs.map((r) => r.parentExecution ?? null)).toEqual([null]);
    } finally {
      await client.connection.close();
    }
    // One public word to fans, the release; the cancellation itself (with staff's reason) stays staff's.
    await linkOf(id, 'RESERVATIONS_RELEASED');
    const updates = await eventually('the cancellation update', async () => {
      const list = expectOk(await t.http<{ updates: { event: string; status: string }[] }>('GET', `/products/${id}/social-updates`)).updates;
      return list.some((u) => u.event === 'CANCELLED') ? list : undefined;
    });
    expect(updates.filter((u) => u.event === 'CANCELLED' || u.event === 'PRODUCT_CANCELLED' || u.event === 'RESERVATIONS_RELEASED').map((u) => [u.event, u.status])).toEqual([
      ['RESERVATIONS_RELEASED', 'published'],
      ['CANCELLED', 'internal'],
    ]);
  });
});
