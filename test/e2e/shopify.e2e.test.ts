// Shopify's own order webhooks, end to end over HTTP against the real stack: X-Shopify-Hmac-Sha256 over
// the raw body, X-Shopify-Webhook-Id for idempotency, SKUs mapped to variants (other items ignored),
// prices from decimal strings, the reservation code from a note attribute or discount code, cancellations
// and refunds onto the same intake as the standard connector.
import type { ShopWebhookReceiptDto } from '../support/api-types';
import { deliverShopEvent, deliverShopify, openDemandWindow, putOnSale, registerShop, shopifyDelivery, signShopEvent, stockOf, variantsWithSkus, type Shop } from '../support/intake';
import { castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { startTestEngine, type TestEngine } from '../support/stack';
import { expectError, expectOk, recordAttacks } from './e2e-helpers';

let nextId = 5_829_301_147_000;
const shopifyId = () => ++nextId;

describe('Shopify order webhooks', () => {
  let t: TestEngine;
  let mia: Cast;
  let shopify: Shop;
  const signatures = recordAttacks('Shopify webhook: forged HMAC or replayed webhook id');

  beforeAll(async () => {
    t = await startTestEngine();
    mia = await castInfluencer(t, 'mia');
    shopify = await registerShop(t, { kind: 'shopify' });
  });
  afterAll(() => t?.stop());

  async function onSale() {
    const variants = variantsWithSkus(['s', 'm']);
    const productId = await createProduct(t, mia.influencerId, { variants });
    await putOnSale(t, productId, { produced: variants.map((v) => ({ variantId: v.id, units: 20 })) });
    return { productId, sku: Object.fromEntries(variants.map((v) => [v.id, v.sku!])) };
  }

  function orderPayload(items: { sku: string; quantity: number; price?: string; id?: number }[], extra: Record<string, unknown> = {}) {
    return {
      id: shopifyId(),
      admin_graphql_api_id: 'gid://shopify/Order/1',
      created_at: '2026-11-30T10:00:00-05:00',
      currency: 'EUR',
      total_price: '99.80',
      line_items: items.map((i) => ({ id: i.id ?? shopifyId(), sku: i.sku, quantity: i.quantity, price: i.price ?? '49.90', title: 'Dress', variant_id: 1 })),
      note_attributes: [],
      discount_codes: [],
      ...extra,
    };
  }
  const post = (topic: string, body: unknown, webhookId?: string) => deliverShopify<ShopWebhookReceiptDto>(t, shopify.id, shopifyDelivery(shopify.secret, topic, body, webhookId));
  const linesOf = (orderId: number) =>
    t.db.dataSource.query<{ line_id: string; variant_id: string; quantity: number; unit_price_minor: string; currency: string; reservation_code: string | null; attribution_code: string | null }[]>(
      `SELECT line_id, variant_id, quantity, unit_price_minor, currency, reservation_code, attribution_code FROM order_lines WHERE shop_id = $1 AND order_id = $2 ORDER BY line_id`,
      [shopify.id, String(orderId)],
    );

  it('records orders/create lines whose SKU is ours, ignoring other items, with prices in minor units', async () => {
    const { productId, sku } = await onSale();
    const payload = orderPayload([{ sku: sku.m, quantity: 2, id: 111 }, { sku: 'SOMEONE-ELSES-MUG', quantity: 1 }, { sku: '', quantity: 1 }], {
      note_attributes: [{ name: 'attribution_code', value: 'r7k2m9q1' }],
    });
    const delivery = shopifyDelivery(shopify.secret, 'orders/create', payload);
    const body = expectOk(await deliverShopify<ShopWebhookReceiptDto>(t, shopify.id, delivery), 202);
    expect(body).toMatchObject({ result: 'recorded', type: 'orders/create', webhookId: delivery.webhookId, orderId: String(payload.id), lines: 1 });
    expect(await linesOf(payload.id)).toEqual([
      { line_id: '111', variant_id: 'm', quantity: 2, unit_price_minor: '4990', currency: 'EUR', reservation_code: null, attribution_code: 'r7k2m9q1' },
    ]);
    expect(await stockOf(t, productId)).toMatchObject({ m: { sold: 2 }, s: { sold: 0 } });

    const replay = await deliverShopify<ShopWebhookReceiptDto>(t, shopify.id, delivery);
    signatures.checked(replay.status === 200 && replay.body.result === 'duplicate', 'a replayed X-Shopify-Webhook-Id is not counted again');
    expect(await stockOf(t, productId)).toMatchObject({ m: { sold: 2 } });
  });

  it('answers 200 ignored for an order with none of our SKUs, storing nothing', async () => {
    const payload = orderPayload([{ sku: 'SOMEONE-ELSES-MUG', quantity: 1 }]);
    expect(expectOk(await post('orders/create', payload))).toMatchObject({ result: 'ignored', lines: 0 });
    expect(await linesOf(payload.id)).toEqual([]);
  });

  it('refuses a forged or missing HMAC with 401, and a delivery without X-Shopify-Webhook-Id with 422', async () => {
    const { sku } = await onSale();
    const payload = orderPayload([{ sku: sku.s, quantity: 1 }]);
    const good = shopifyDelivery(shopify.secret, 'orders/create', payload);
    signatures.refused(await deliverShopify(t, shopify.id, { ...good, payload: good.payload.replace('"quantity":1', '"quantity":7') }), [401], { message: 'X-Shopify-Hmac-Sha256' });
    signatures.refused(await deliverShopify(t, shopify.id, shopifyDelivery('another-app-secret-0123456789', 'orders/create', payload)), [401]);
    signatures.refused(await deliverShopify(t, shopify.id, good, { 'x-shopify-hmac-sha256': '' }), [401]);
    const noId = { ...good, headers: Object.fromEntries(Object.entries(good.headers).filter(([k]) => k !== 'x-shopify-webhook-id')) };
    expectError(await deliverShopify(t, shopify.id, noId), 422, { fields: ['X-Shopify-Webhook-Id'] });
    expect(await linesOf(payload.id)).toEqual([]);
  });

  it('answers 400 for a body that is not Shopify\'s shape and 422 for a topic it does not handle', async () => {
    const { sku } = await onSale();
    expectError(await post('orders/create', { id: 'not-a-number', line_items: [] }), 400, { message: 'not a Shopify orders/create payload' });
    expectError(await post('orders/create', { ...orderPayload([{ sku: sku.s, quantity: 1 }]), line_items: 'x' }), 400, { message: 'line_items must be a list' });
    expectError(await post('orders/create', orderPayload([{ sku: sku.s, quantity: 1, price: 'free' }])), 400, { message: 'line_items[0].price' });
    expectError(await post('orders/create', orderPayload([{ sku: sku.s, quantity: 0 }])), 400, { message: 'line_items[0].quantity must be at least 1' });
    expectError(await post('products/update', { id: 1 }), 422, { fields: ['X-Shopify-Topic'] });
  });

  it('converts the reservation whose code the order carries as a discount code', async () => {
    const variants = variantsWithSkus(['s', 'm']);
    const productId = await createProduct(t, mia.influencerId, { variants });
    await openDemandWindow(t, productId, { minimumUnits: 10, closesAt: new Date(Date.now() + 3_600_000) });
    const standard = await registerShop(t);
    const reserved = expectOk(
      await deliverShopEvent<ShopWebhookReceiptDto>(t, standard.id, signShopEvent(standard, 'reservation.created', { productId, variantId: 's', quantity: 1, customerId: 'c-1' })),
      202,
    );
    await putOnSale(t, productId, { produced: variants.map((v) => ({ variantId: v.id, units: 5 })), held: [{ variantId: 's', units: 1 }] });
    const payload = orderPayload([{ sku: variants[0].sku!, quantity: 1 }], { discount_codes: [{ code: 'WELCOME10' }, { code: (reserved.code ?? '').toLowerCase() }] });
    expect(expectOk(await post('orders/create', payload), 202)).toMatchObject({ reservationsConverted: 1 });
    expect((await linesOf(payload.id)).map((l) => l.reservation_code)).toEqual([reserved.code]);
    expect(await stockOf(t, productId)).toMatchObject({ s: { sold: 1, held: 0 } });
  });

  it('maps orders/cancelled and refunds/create onto the same intake, refusing a refund above what was ordered', async () => {
    const { productId, sku } = await onSale();
    const payload = orderPayload([{ sku: sku.s, quantity: 3, id: 501, price: '10.00' }]);
    expectOk(await post('orders/create', payload), 202);
    const refund = (id: number, quantity: number) => ({
      id,
      order_id: payload.id,
      created_at: '2026-12-01T09:00:00Z',
      refund_line_items: [{ id: shopifyId(), line_item_id: 501, quantity, subtotal: (quantity * 10).toFixed(2) }],
    });
    expectError(await post('refunds/create', refund(shopifyId(), 4)), 422, { message: 'more than the 3 ordered' });
    expectOk(await post('refunds/create', refund(shopifyId(), 1)), 202);
    const [row] = await t.db.dataSource.query<{ amount_minor: string }[]>(`SELECT amount_minor FROM refund_lines WHERE shop_id = $1 AND order_id = $2`, [shopify.id, String(payload.id)]);
    expect(row.amount_minor).toBe('1000');
    expect(await stockOf(t, productId)).toMatchObject({ s: { sold: 3, returned: 1 } });

    expect(expectOk(await post('orders/cancelled', { ...payload, cancelled_at: '2026-12-01T10:00:00Z' }), 202)).toMatchObject({ orderKnown: true });
    expect(await stockOf(t, productId)).toMatchObject({ s: { sold: 0, returned: 0 } });
  });

  it('refuses a standard shop\'s delivery to the Shopify route and the other way round (404 naming the right path)', async () => {
    const standard = await registerShop(t);
    expectError(await deliverShopify(t, standard.id, shopifyDelivery(standard.secret, 'orders/create', orderPayload([]))), 404, { message: `/webhooks/shops/${standard.id}` });
    expectError(await deliverShopEvent(t, shopify.id, signShopEvent(standard, 'order.cancelled', { orderId: '1', cancelledAt: new Date().toISOString() })), 404, {
      message: `/webhooks/shopify/${shopify.id}`,
    });
  });
});
