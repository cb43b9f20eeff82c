// Shops and the standard shop connector, end to end over HTTP against the real stack: registration with
// sealed secrets and a guarded outbound URL, signed order / cancellation / refund / reservation webhooks
// (idempotent, out-of-order safe, bad input refused with nothing stored), stock per variant, reservation
// conversion, and the stock report to the workflow (which must not fail an order when it cannot be sent).
import type { Client } from '@temporalio/client';
import { productWorkflowId, salesReported } from '../../libs/domain';
import type { IssuedShopDto, ReservationReceiptDto, ShopDto, ShopWebhookReceiptDto } from '../support/api-types';
import {
  deliverReservation,
  deliverShopEvent,
  openDemandWindow,
  putOnSale,
  registerShop,
  reservationBody,
  signShopEvent,
  stockOf,
  variantsWithSkus,
  type Shop,
} from '../support/intake';
import { castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';
import { inParallel, registerSource, sign } from '../support/votes';
import { expectError, expectOk, recordAttacks } from './e2e-helpers';

describe('shops and the standard shop connector', () => {
  let t: TestEngine;
  let mia: Cast;
  let shop: Shop;
  let temporal: Client;
  const signatures = recordAttacks('shop webhook: forged, stale or replayed signature');

  beforeAll(async () => {
    t = await startTestEngine();
    mia = await castInfluencer(t, 'mia');
    shop = await registerShop(t);
    temporal = await temporalClient();
  });
  afterAll(async () => {
    await temporal?.connection.close();
    await t?.stop();
  });

  /** A product ON_SALE with s and m produced (10 each unless said otherwise). */
  async function onSale(produced = 10, opts: { held?: number } = {}) {
    const variants = variantsWithSkus(['s', 'm']);
    const productId = await createProduct(t, mia.influencerId, { variants });
    await putOnSale(t, productId, {
      produced: variants.map((v) => ({ variantId: v.id, units: produced })),
      ...(opts.held ? { held: variants.map((v) => ({ variantId: v.id, units: opts.held! })) } : {}),
    });
    return { productId, variants };
  }
  const send = (type: string, data: unknown, opts: { webhookId?: string; at?: Date } = {}) =>
    deliverShopEvent<ShopWebhookReceiptDto>(t, shop.id, signShopEvent(shop, type, data, opts));
  const order = (orderId: string, lines: Record<string, unknown>[]) => ({ orderId, createdAt: new Date().toISOString(), currency: 'USD', lines });
  const line = (lineId: string, productId: string, variantId: string, quantity = 1, extra: Record<string, unknown> = {}) => ({
    lineId,
    productId,
    variantId,
    quantity,
    unitPriceMinor: 4990,
    ...extra,
  });
  const linesOf = (orderId: string) =>
    t.db.dataSource.query<{ line_id: string; variant_id: string; quantity: number; unit_price_minor: string; reservation_code: string | null }[]>(
      `SELECT line_id, variant_id, quantity, unit_price_minor, reservation_code FROM order_lines WHERE shop_id = $1 AND order_id = $2 ORDER BY line_id`,
      [shop.id, orderId],
    );

  describe('registration', () => {
    it('shows a standard shop\'s generated secrets once and stores them only sealed', async () => {
      const created = expectOk(await t.http<IssuedShopDto>('POST', '/shops', { body: { name: 'Mia store', kind: 'standard', outboundUrl: 'http://127.0.0.1:9/hooks' } }), 201);
      expect(created).toMatchObject({ kind: 'standard', deliveryPath: `/webhooks/shops/${created.id}`, status: 'active', outboundUrl: 'http://127.0.0.1:9/…' });
      expect(created.inboundSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(created.outboundSecret).toMatch(/^whsec_/);
      const listed = expectOk(await t.http<ShopDto[]>('GET', '/shops'));
      expect(listed.find((s) => s.id === created.id)).toEqual(expect.not.objectContaining({ inboundSecret: expect.anything() as unknown }));
      const one = expectOk(await t.http<ShopDto>('GET', `/shops/${created.id}`));
      expect(Object.keys(one).sort()).toEqual(['createdAt', 'deliveryPath', 'id', 'kind', 'name', 'outboundUrl', 'status']);
      const [row] = await t.db.dataSource.query<Record<string, string>[]>(`SELECT * FROM shops WHERE id = $1`, [created.id]);
      expect(row.inbound_secret_sealed).toMatch(/^v1\./);
      expect(row.outbound_secret_sealed).toMatch(/^v1\./);
      expect(JSON.stringify(row)).not.toContain(created.inboundSecret!.slice(6, 26));
      expect(JSON.stringify(row)).not.toContain(created.outboundSecret!.slice(6, 26));
    });

    it('takes a Shopify shop\'s app secret instead of generating one, and never shows it', async () => {
      const created = expectOk(await t.http<IssuedShopDto>('POST', '/shops', { body: { name: 'Shopify', kind: 'shopify', inboundSecret: 'shpss_0123456789abcdef0123' } }), 201);
      expect(created).toMatchObject({ kind: 'shopify', deliveryPath: `/webhooks/shopify/${created.id}` });
      expect(created).not.toHaveProperty('inboundSecret');
      expectError(await t.http('POST', '/shops', { body: { name: 'Shopify', kind: 'shopify' } }), 422, { fields: ['inboundSecret'] });
      expectError(await t.http('POST', '/shops', { body: { name: 'Std', kind: 'standard', inboundSecret: 'shpss_0123456789abcdef0123' } }), 422, { fields: ['inboundSecret'] });
    });

    it('refuses an outbound URL the engine must not reach before storing it, and lets only staff manage shops', async () => {
      expectError(await t.http('POST', '/shops', { body: { name: 'x', kind: 'standard', outboundUrl: 'http://10.1.2.3/hook' } }), 422, { fields: ['outboundUrl'], message: 'cannot deliver to' });
      expectError(await t.http('POST', '/shops', { body: { name: 'x', kind: 'standard', outboundUrl: 'ftp://example.com/' } }), 422, { fields: ['outboundUrl'] });
      expectError(await t.http('POST', '/shops', { body: { name: 'x', kind: 'marketplace' } }), 422, { fields: ['kind'] });
      expectError(await t.http('POST', '/shops', { key: mia.influencerKey, body: { name: 'x', kind: 'standard' } }), 403);
      expectError(await t.http('GET', '/shops', { key: null }), 401);
      expectError(await t.http('GET', '/shops/shop-nope'), 404);
    });
  });

  describe('orders', () => {
    it('records an order per variant with its price, moves stock sold, and answers a replay or the same order again as a duplicate', async () => {
      const { productId } = await onSale();
      const delivery = signShopEvent(shop, 'order.created', order('o-1', [line('1', productId, 's', 2), line('2', productId, 'm', 1)]));
      const first = expectOk(await deliverShopEvent<ShopWebhookReceiptDto>(t, shop.id, delivery), 202);
      expect(first).toEqual({ result: 'recorded', type: 'order.created', webhookId: delivery.webhookId, orderId: 'o-1', lines: 2, reservationsConverted: 0, cancelled: false });
      expect(await linesOf('o-1')).toEqual([
        { line_id: '1', variant_id: 's', quantity: 2, unit_price_minor: '4990', reservation_code: null },
        { line_id: '2', variant_id: 'm', quantity: 1, unit_price_minor: '4990', reservation_code: null },
      ]);
      const replay = await deliverShopEvent<ShopWebhookReceiptDto>(t, shop.id, delivery);
      signatures.checked(replay.status === 200 && replay.body.result === 'duplicate' && replay.body.reason === 'redelivery', 'a replayed order is not counted again');
      expect(expectOk(await send('order.created', order('o-1', [line('1', productId, 's', 2)])))).toMatchObject({ result: 'duplicate', reason: 'already-recorded' });
      expect(await stockOf(t, productId)).toMatchObject({ s: { produced: 10, sold: 2, returned: 0 }, m: { produced: 10, sold: 1, returned: 0 } });
    });

    it('finds the variant by SKU', async () => {
      const { productId, variants } = await onSale();
      expectOk(await send('order.created', order('o-sku', [{ lineId: 'a', sku: variants[1].sku, quantity: 3, unitPriceMinor: 100 }])), 202);
      expect(await stockOf(t, productId)).toMatchObject({ m: { sold: 3 } });
    });

    it('answers 401 for a missing, forged or stale signature and stores nothing', async () => {
      const { productId } = await onSale();
      const good = signShopEvent(shop, 'order.created', order('o-401', [line('1', productId, 's')]));
      signatures.refused(await deliverShopEvent(t, shop.id, { ...good, headers: {} }), [401], { message: 'headers are required' });
      signatures.refused(await deliverShopEvent(t, shop.id, { ...good, payload: good.payload.replace('"quantity":1', '"quantity":5') }), [401], { message: 'no signature' });
      const other = await registerShop(t);
      signatures.refused(await deliverShopEvent(t, shop.id, signShopEvent(other, 'order.created', order('o-401', [line('1', productId, 's')]))), [401], { message: 'no signature' });
      signatures.refused(await send('order.created', order('o-401', [line('1', productId, 's')]), { at: new Date(Date.now() - 6 * 60_000) }), [401], {
        message: 'more than five minutes old',
      });
      expect(await linesOf('o-401')).toEqual([]);
      expectError(await deliverShopEvent(t, 'shop-nope', good), 404, { message: 'shop shop-nope does not exist' });
    });

    it('refuses an unknown product, variant or SKU (422), a quantity below 1 (400) and a product not on sale (409), storing nothing', async () => {
      const { productId } = await onSale();
      const cases: [Record<string, unknown>, number, string][] = [
        [line('1', 'p-doesnotexist', 's'), 422, 'product p-doesnotexist does not exist'],
        [line('1', productId, 'xl'), 422, 'not one of product'],
        [{ lineId: '1', sku: 'NO-SUCH-SKU', quantity: 1, unitPriceMinor: 1 }, 422, 'SKU "NO-SUCH-SKU" is not the SKU'],
        [line('1', productId, 's', 0), 400, 'data.lines[1].quantity must be at least 1'],
        [line('1', productId, 's', -3), 400, 'must be at least 1'],
      ];
      for (const [bad, status, message] of cases) {
        // The bad line comes second: the good one before it must not be stored either.
        expectError(await send('order.created', order('o-bad', [line('0', productId, 'm'), bad])), status, { message });
      }
      expectError(await send('order.created', { ...order('o-bad', [line('0', productId, 'm')]), currency: 'usd' }), 422, { fields: ['data.currency'] });
      expectError(await send('order.created', order('o-bad', [])), 422, { fields: ['data.lines'] });
      expectError(await send('order.shipped', {}), 422, { fields: ['type'] });
      // The envelope itself: its two fields only, data an object, the body an object.
      const envelope = (body: unknown) => deliverShopEvent(t, shop.id, sign(shop.secret, body));
      const good = order('o-bad', [line('0', productId, 'm')]);
      expectError(await envelope({ type: 'order.created', data: good, note: 'x' }), 422, { fields: ['note'], message: 'note is not an accepted field' });
      expectError(await envelope({ type: 'order.created' }), 422, { fields: ['data'] });
      expectError(await envelope({ type: 'order.created', data: 'o-bad' }), 422, { fields: ['data'], message: 'data must be an object' });
      expectError(await envelope({ type: 'order.shipped', data: { orderId: 7 } }), 422, { fields: ['type'] });
      expectError(await envelope([{ type: 'order.created', data: good }]), 422, { fields: ['body'], message: 'the body must be a JSON object' });
      const notOnSale = await createProduct(t, mia.influencerId);
      expectError(await send('order.created', order('o-bad', [line('0', notOnSale, 'one-size')])), 409, { message: `product ${notOnSale} is in POLL; orders are taken only while it is ON_SALE` });
      expect(await linesOf('o-bad')).toEqual([]);
      expect(await stockOf(t, productId)).toMatchObject({ s: { sold: 0 }, m: { sold: 0 } });
    });
  });

  it('keeps every acknowledged order exactly once, and stock exact, under concurrent orders, cancellations and redeliveries in any order', async () => {
    const { productId } = await onSale(1_000);
    const orders = Array.from({ length: 60 }, (_, i) => ({ id: `o-flood-${i}`, variant: i % 2 ? 's' : 'm', quantity: (i % 3) + 1, cancel: i % 4 === 0 }));
    const deliveries = orders.flatMap((o) => [
      signShopEvent(shop, 'order.created', order(o.id, [line('1', productId, o.variant, o.quantity)])),
      ...(o.cancel ? [signShopEvent(shop, 'order.cancelled', { orderId: o.id, cancelledAt: new Date().toISOString() })] : []),
    ]);
    // Shuffled (a cancellation may come first), every fifth delivery twice.
    const sends = [...deliveries, ...deliveries.filter((_, i) => i % 5 === 0)].sort(() => Math.random() - 0.5);
    const answers = await inParallel(30, sends.map((d) => () => deliverShopEvent<ShopWebhookReceiptDto>(t, shop.id, d)));
    expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 202)).toEqual([]);
    expect(answers.filter((a) => a.status === 202)).toHaveLength(deliveries.length);

    const stored = await t.db.dataSource.query<{ order_id: string }[]>(`SELECT order_id FROM order_lines WHERE shop_id = $1 AND order_id LIKE 'o-flood-%'`, [shop.id]);
    expect(stored.map((r) => r.order_id).sort()).toEqual(orders.map((o) => o.id).sort());
    const sold = (variant: string) => orders.filter((o) => o.variant === variant && !o.cancel).reduce((t, o) => t + o.quantity, 0);
    expect(await stockOf(t, productId)).toMatchObject({ s: { sold: sold('s') }, m: { sold: sold('m') } });
  });

  describe('cancellations and refunds', () => {
    it('gives back the units of a cancelled order', async () => {
      const { productId } = await onSale();
      expectOk(await send('order.created', order('o-c', [line('1', productId, 's', 3)])), 202);
      expect(expectOk(await send('order.cancelled', { orderId: 'o-c', cancelledAt: new Date().toISOString() }), 202)).toMatchObject({ result: 'recorded', orderKnown: true });
      expect(expectOk(await send('order.cancelled', { orderId: 'o-c', cancelledAt: new Date().toISOString() }))).toMatchObject({ result: 'duplicate', reason: 'already-recorded' });
      expect(await stockOf(t, productId)).toMatchObject({ s: { sold: 0, returned: 0 } });
    });

    it('counts an order whose cancellation arrived first as cancelled', async () => {
      const { productId } = await onSale();
      expect(expectOk(await send('order.cancelled', { orderId: 'o-early', cancelledAt: new Date().toISOString() }), 202)).toMatchObject({ orderKnown: false });
      expect(expectOk(await send('order.created', order('o-early', [line('1', productId, 'm', 2)])), 202)).toMatchObject({ cancelled: true });
      expect(await linesOf('o-early')).toHaveLength(1);
      expect(await stockOf(t, productId)).toMatchObject({ m: { sold: 0 } });
    });

    it('returns refunded units, and refuses a refund above what was ordered minus earlier refunds (422, nothing stored)', async () => {
      const { productId } = await onSale();
      expectOk(await send('order.created', order('o-r', [line('1', productId, 's', 3), line('2', productId, 'm', 1)])), 202);
      const refund = (refundId: string, lines: Record<string, unknown>[]) => ({ refundId, orderId: 'o-r', createdAt: new Date().toISOString(), lines });
      expectError(await send('refund.created', refund('r-0', [{ lineId: '1', quantity: 4, amountMinor: 100 }])), 422, { message: 'more than the 3 ordered' });
      expectOk(await send('refund.created', refund('r-1', [{ lineId: '1', quantity: 2, amountMinor: 9980 }])), 202);
      expectError(await send('refund.created', refund('r-2', [{ lineId: '1', quantity: 2, amountMinor: 9980 }])), 422, { message: 'more than the 1 ordered and not yet refunded' });
      expectError(await send('refund.created', refund('r-3', [{ lineId: '9', quantity: 1, amountMinor: 1 }])), 422, { message: 'has no line 9' });
      expectError(await send('refund.created', refund('r-4', [{ lineId: '2', quantity: 0, amountMinor: 0 }])), 400, { message: 'quantity must be at least 1' });
      expect(expectOk(await send('refund.created', refund('r-1', [{ lineId: '1', quantity: 2, amountMinor: 9980 }])))).toMatchObject({ result: 'duplicate', reason: 'already-recorded' });
      const refunds = await t.db.dataSource.query<{ refund_id: string; quantity: number }[]>(`SELECT refund_id, quantity FROM refund_lines WHERE shop_id = $1 AND order_id = 'o-r'`, [shop.id]);
      expect(refunds).toEqual([{ refund_id: 'r-1', quantity: 2 }]);
      expect(await stockOf(t, productId)).toMatchObject({ s: { sold: 3, returned: 2 }, m: { sold: 1, returned: 0 } });
    });

    it('keeps a refund that arrives before its order and counts it, capped at the line, when the order comes', async () => {
      const { productId } = await onSale();
      const early = { refundId: 'r-early', orderId: 'o-late', createdAt: new Date().toISOString(), lines: [{ lineId: '1', quantity: 1, amountMinor: 4990 }] };
      expect(expectOk(await send('refund.created', early), 202)).toMatchObject({ orderKnown: false });
      expectOk(await send('order.created', order('o-late', [line('1', productId, 's', 2)])), 202);
      expect(await stockOf(t, productId)).toMatchObject({ s: { sold: 2, returned: 1 } });
    });
  });

  describe('reservations through the shop', () => {
    it('takes a reservation.created from the shop (one per customer and variant) and converts it when the order carries its code', async () => {
      const productId = await createProduct(t, mia.influencerId, { variants: variantsWithSkus(['s', 'm']) });
      await openDemandWindow(t, productId, { minimumUnits: 100, closesAt: new Date(Date.now() + 3_600_000) });
      const viaShop = expectOk(await send('reservation.created', { productId, variantId: 'm', quantity: 2, customerId: 'cust-77' }), 202);
      expect(viaShop).toMatchObject({ result: 'reserved', type: 'reservation.created', code: expect.stringMatching(/^[A-Z2-9]{10}$/) as string });
      const shopCode = viaShop.code ?? '';
      expect(expectOk(await send('reservation.created', { productId, variantId: 'm', quantity: 1, customerId: 'cust-77' }))).toMatchObject({
        result: 'duplicate',
        reason: 'already-reserved',
        code: shopCode,
      });
      expectError(await send('reservation.created', { productId, variantId: 'm', quantity: 0, customerId: 'c' }), 400, { message: 'data.quantity must be at least 1' });
      const weibo = await registerSource(t);
      const fan = expectOk(await deliverReservation<ReservationReceiptDto>(t, weibo.id, sign(weibo.secret, reservationBody(productId, 's', 'fan-9', 1))), 202);

      await putOnSale(t, productId, { produced: [{ variantId: 's', units: 5 }, { variantId: 'm', units: 5 }], held: [{ variantId: 's', units: 1 }, { variantId: 'm', units: 2 }] });
      // The fan's code on a line of another variant converts nothing (and is still kept: it is this product's).
      const res = expectOk(
        await send('order.created', order('o-rsv', [line('1', productId, 'm', 2, { reservationCode: shopCode.toLowerCase() }), line('2', productId, 'm', 1, { reservationCode: fan.code })])),
        202,
      );
      expect(res).toMatchObject({ reservationsConverted: 1 });
      expect((await linesOf('o-rsv')).map((l) => l.reservation_code)).toEqual([shopCode, fan.code]);
      const statuses = await t.db.dataSource.query<{ code: string; status: string; platform: string; via: string }[]>(
        `SELECT code, status, platform, via FROM reservations WHERE product_id = $1 ORDER BY code`,
        [productId],
      );
      expect(statuses).toEqual(
        expect.arrayContaining([
          { code: shopCode, status: 'converted', platform: 'shop', via: 'shop' },
          { code: fan.code, status: 'held', platform: 'weibo', via: 'fan' },
        ]),
      );
      expect(await stockOf(t, productId)).toMatchObject({ m: { sold: 3, held: 0 }, s: { sold: 0, held: 1 } });
    });
  });

  describe('stock reports', () => {
    it('tells the running workflow when a variant sells out, and marks it reported once the signal got through', async () => {
      const { productId } = await onSale(4);
      expectOk(await send('order.created', order('o-so', [line('1', productId, 's', 4)])), 202);
      await eventually('the sold-out variant to be marked reported', async () => ((await stockOf(t, productId)).s.reportedSoldOut ? true : undefined));
      // A signal that arrives while a workflow task is running is buffered by the server and written to the
      // history when that task completes: wait for it there, then check it came once.
      const signalled = async () => {
        const history = await temporal.workflow.getHandle(productWorkflowId(productId)).fetchHistory();
        return (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes?.signalName === salesReported.name);
      };
      const reports = await eventually('the sales report in the workflow history', async () => {
        const found = await signalled();
        return found.length > 0 ? found : undefined;
      });
      expect(reports).toHaveLength(1);
    });

    it('still records orders (202) and their stock when the product\'s workflow is gone and cannot be told', async () => {
      const { productId } = await onSale(2);
      await temporal.workflow.getHandle(productWorkflowId(productId)).terminate('test: the workflow is gone');
      expectOk(await send('order.created', order('o-nowf-1', [line('1', productId, 'm', 2)])), 202);
      expectOk(await send('order.created', order('o-nowf-2', [line('1', productId, 's', 1)])), 202);
      expect(await stockOf(t, productId)).toMatchObject({ m: { sold: 2 }, s: { sold: 1 } });
      expect(await linesOf('o-nowf-1')).toHaveLength(1);
    });
  });
});
