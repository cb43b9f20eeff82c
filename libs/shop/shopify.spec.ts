import { createHmac } from 'node:crypto';
import { mapShopifyCancellation, mapShopifyOrder, mapShopifyRefund, ShopPayloadError, verifyShopifyHmac } from './shopify';

const order = {
  id: 5829301147001,
  created_at: '2026-11-30T10:00:00-05:00',
  currency: 'USD',
  line_items: [
    { id: 13500011290001, sku: 'DRESS-M', quantity: 2, price: '49.90' },
    { id: 13500011290002, sku: '', quantity: 1, price: '5.00' },
  ],
  note_attributes: [{ name: 'attribution_code', value: 'r7k2m9q1' }],
  discount_codes: [{ code: 'summer10' }, { code: 'abcdefgh23' }],
};

describe('Shopify webhooks', () => {
  it('verifies X-Shopify-Hmac-Sha256 over the raw body, and nothing else', () => {
    const body = Buffer.from(JSON.stringify(order));
    const hmac = createHmac('sha256', 'app-secret').update(body).digest('base64');
    expect(verifyShopifyHmac(body, 'app-secret', hmac)).toBe(true);
    expect(verifyShopifyHmac(body, 'other-secret', hmac)).toBe(false);
    expect(verifyShopifyHmac(Buffer.from(`${body.toString()} `), 'app-secret', hmac)).toBe(false);
    expect(verifyShopifyHmac(body, 'app-secret', undefined)).toBe(false);
    expect(verifyShopifyHmac(body, 'app-secret', 'short')).toBe(false);
  });

  it('maps orders/create: ids as text, prices in minor units, codes from note attributes and discount codes', () => {
    expect(mapShopifyOrder(order)).toEqual({
      orderId: '5829301147001',
      orderedAt: '2026-11-30T15:00:00.000Z',
      currency: 'USD',
      lines: [
        { lineId: '13500011290001', sku: 'DRESS-M', quantity: 2, unitPriceMinor: 4990 },
        { lineId: '13500011290002', sku: null, quantity: 1, unitPriceMinor: 500 },
      ],
      reservationCode: 'ABCDEFGH23',
      attributionCode: 'r7k2m9q1',
    });
    const noted = mapShopifyOrder({ ...order, note_attributes: [{ name: 'reservation_code', value: 'zzzzzzzz22' }] });
    expect(noted).toMatchObject({ reservationCode: 'ZZZZZZZZ22', attributionCode: null });
  });

  it('maps orders/cancelled and refunds/create', () => {
    expect(mapShopifyCancellation({ id: 1001, cancelled_at: '2026-11-30T16:00:00Z' })).toEqual({ orderId: '1001', cancelledAt: '2026-11-30T16:00:00.000Z' });
    expect(
      mapShopifyRefund({ id: 77, order_id: 1001, created_at: '2026-12-01T00:00:00Z', refund_line_items: [{ line_item_id: 5, quantity: 1, subtotal: 49.9 }] }, 'USD'),
    ).toEqual({ refundId: '77', orderId: '1001', refundedAt: '2026-12-01T00:00:00.000Z', lines: [{ lineId: '5', quantity: 1, amountMinor: 4990 }] });
  });

  it('refuses what is not Shopify\'s shape, naming the field', () => {
    const cases: [unknown, string][] = [
      [[], 'body'],
      [{ ...order, currency: 'dollars' }, 'currency'],
      [{ ...order, line_items: 'none' }, 'line_items'],
      [{ ...order, id: 'abc' }, 'id'],
      [{ ...order, created_at: 'yesterday' }, 'created_at'],
      [{ ...order, line_items: [{ id: 1, sku: 'X', quantity: 1.5, price: '1.00' }] }, 'line_items[0].quantity'],
      [{ ...order, line_items: [{ id: 1, sku: 'X', quantity: 1, price: '1.001' }] }, 'line_items[0].price'],
    ];
    for (const [payload, field] of cases) {
      let caught: unknown;
      try {
        mapShopifyOrder(payload);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(ShopPayloadError);
      expect((caught as ShopPayloadError).field).toBe(field);
    }
    expect(() => mapShopifyRefund({ id: 1, order_id: 2, created_at: '2026-12-01T00:00:00Z' }, 'USD')).toThrow(ShopPayloadError);
    // Before its order arrived, the refund must name its currency itself.
    const early = { id: 1, order_id: 2, created_at: '2026-12-01T00:00:00Z', refund_line_items: [{ line_item_id: 5, quantity: 1, subtotal: '1500' }] };
    expect(() => mapShopifyRefund(early)).toThrow(ShopPayloadError);
    expect(mapShopifyRefund({ ...early, transactions: [{ currency: 'JPY' }] }).lines).toEqual([{ lineId: '5', quantity: 1, amountMinor: 1500 }]);
  });
});
