import 'reflect-metadata';
import { RequestValidationError } from '../common/validation';
import { ShopEnvelopePipe } from './shop-envelope.pipe';

const pipe = new ShopEnvelopePipe();
const line = { lineId: '1', productId: 'p-1', variantId: 'm', quantity: 2, unitPriceMinor: 4990 };
const order = { orderId: 'o-1', createdAt: '2026-12-01T10:00:00Z', currency: 'USD', lines: [line] };

async function refusal(body: unknown): Promise<{ field: string; messages: string[] }[]> {
  try {
    await pipe.transform(body);
  } catch (err) {
    if (err instanceof RequestValidationError) return err.details;
    throw err;
  }
  throw new Error('accepted');
}

describe('ShopEnvelopePipe', () => {
  it('answers a well-formed envelope with its data as its type\'s DTO checked it, lines included', async () => {
    await expect(pipe.transform({ type: 'order.created', data: order })).resolves.toStrictEqual({ type: 'order.created', data: order });
    const reservation = { productId: 'p-1', variantId: 'm', quantity: 1, customerId: 'c-1' };
    await expect(pipe.transform({ type: 'reservation.created', data: reservation })).resolves.toStrictEqual({ type: 'reservation.created', data: reservation });
  });

  it('checks the data by its own type\'s DTO, not another type\'s', async () => {
    expect(await refusal({ type: 'reservation.created', data: order })).toEqual(
      expect.arrayContaining([{ field: 'data.orderId', messages: ['data.orderId is not an accepted field'] }]),
    );
  });

  it('names a wrong field of the data by its path under data', async () => {
    expect(await refusal({ type: 'order.created', data: { ...order, lines: [{ ...line, quantity: 'two' }] } })).toEqual([
      { field: 'data.lines.0.quantity', messages: expect.arrayContaining(['data.lines.0.quantity must be a whole number']) as string[] },
    ]);
    expect(await refusal({ type: 'order.created', data: { ...order, currency: 'usd' } })).toEqual([
      { field: 'data.currency', messages: ['data.currency must be an ISO 4217 code such as USD'] },
    ]);
  });

  it('refuses a field neither the envelope nor its data declares, naming where it is', async () => {
    expect(await refusal({ type: 'order.created', data: order, note: 'x' })).toEqual([{ field: 'note', messages: ['note is not an accepted field'] }]);
    expect(await refusal({ type: 'order.created', data: { ...order, stray: 1 } })).toEqual([{ field: 'data.stray', messages: ['data.stray is not an accepted field'] }]);
  });

  it('refuses an unknown type, a data that is not an object and a body that is not an object as before', async () => {
    expect(await refusal({ type: 'order.paid', data: order })).toEqual([
      { field: 'type', messages: ['type must be one of order.created, order.cancelled, refund.created, reservation.created'] },
    ]);
    expect(await refusal({ type: 'order.created', data: 'o-1' })).toEqual([{ field: 'data', messages: ['data must be an object'] }]);
    expect(await refusal({ type: 'order.created' })).toEqual([{ field: 'data', messages: expect.arrayContaining(['data should not be null or undefined']) as string[] }]);
    expect(await refusal([{ type: 'order.created', data: order }])).toEqual([{ field: 'body', messages: ['the body must be a JSON object { "type": …, "data": { … } }'] }]);
  });
});
