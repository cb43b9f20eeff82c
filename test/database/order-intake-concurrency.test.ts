// Order intake as several API processes run it: batches of deliveries about the same orders (orders,
// cancellations before or after them, refunds, redeliveries under the same and other webhook ids) recorded
// at the same time through two connection pools. New orders take the one-statement path without a
// transaction; everything else locks the orders' rows. Whatever the interleaving, each order is stored once
// and the stock counts every order, cancellation and refund exactly once.
import { createDataSource, OrderRepository, type BatchOutcome, type NewOrder, type ShopDelivery } from '@app/database';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/stack';

const SHOP = 'shop-c';
const PRODUCT = 'p-c';

interface Plan {
  id: string;
  variant: 's' | 'm';
  quantity: number;
  cancelled: boolean;
  refunded: boolean;
}

function deliveriesOf(o: Plan): ShopDelivery[] {
  const order: NewOrder = {
    orderId: o.id,
    orderedAt: new Date().toISOString(),
    currency: 'USD',
    lines: [{ lineId: '1', productId: PRODUCT, variantId: o.variant, quantity: o.quantity, unitPriceMinor: 1000, reservationCode: null, attributionCode: null }],
  };
  const base = { shopId: SHOP, orderId: o.id };
  const out: ShopDelivery[] = [
    { ...base, webhookId: `w-${o.id}-order`, topic: 'order.created', order, effect: (r) => r.recordOrder(SHOP, order) },
    // The same order again under another webhook id (the shop sent it twice).
    { ...base, webhookId: `w-${o.id}-order-again`, topic: 'order.created', order, effect: (r) => r.recordOrder(SHOP, order) },
  ];
  if (o.cancelled) out.push({ ...base, webhookId: `w-${o.id}-cancel`, topic: 'order.cancelled', effect: (r) => r.recordCancellation(SHOP, o.id, new Date().toISOString()) });
  if (o.refunded) {
    const refund = { refundId: `r-${o.id}`, orderId: o.id, refundedAt: new Date().toISOString(), lines: [{ lineId: '1', quantity: 1, amountMinor: 1000 }] };
    out.push({ ...base, webhookId: `w-${o.id}-refund`, topic: 'refund.created', mayBeRefused: true, effect: (r) => r.recordRefund(SHOP, refund) });
  }
  return out;
}

/** An order of one line, `quantity` units of the product's variant "one". */
function oneLineOrder(orderId: string, productId: string, quantity: number): NewOrder {
  return {
    orderId,
    orderedAt: new Date().toISOString(),
    currency: 'USD',
    lines: [{ lineId: '1', productId, variantId: 'one', quantity, unitPriceMinor: 500, reservationCode: null, attributionCode: null }],
  };
}

function orderDelivery(order: NewOrder, webhookId: string): ShopDelivery {
  return { shopId: SHOP, orderId: order.orderId, webhookId, topic: 'order.created', order, effect: (r) => r.recordOrder(SHOP, order) };
}

function shuffled<T>(xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('order intake under concurrent batches from several processes', () => {
  let db: TestDatabase;
  let second: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    second = createDataSource({ url: db.url, applicationName: 'incubator-test-2' });
    await second.initialize();
    await db.dataSource.query(`INSERT INTO influencers (id, handle, display_name) VALUES ('inf-c', 'cara', 'Cara')`);
    await db.dataSource.query(`INSERT INTO products (id, influencer_id, name, target_keyword, stage, workflow_id) VALUES ($1, 'inf-c', 'Coat', 'wool coat', 'ON_SALE', 'product-p-c')`, [
      PRODUCT,
    ]);
  });
  afterAll(async () => {
    await second.destroy();
    await db.close();
  });

  it('stores each order once and counts its stock exactly, in any order and interleaving', async () => {
    const plans: Plan[] = Array.from({ length: 120 }, (_, i) => ({ id: `o-${i}`, variant: i % 2 ? 's' : 'm', quantity: (i % 3) + 1, cancelled: i % 4 === 0, refunded: i % 5 === 0 }));
    const deliveries = plans.flatMap(deliveriesOf);
    // Every delivery once, and every third again (a redelivery under the same webhook id), shuffled.
    const sends = shuffled([...deliveries, ...deliveries.filter((_, i) => i % 3 === 0)]);
    const batches: ShopDelivery[][] = [];
    for (let at = 0; at < sends.length; ) {
      const size = 1 + Math.floor(Math.random() * 12);
      batches.push(sends.slice(at, at + size));
      at += size;
    }
    // Three writers per pool, two pools: batches about the same orders meet in every way.
    const repos = [new OrderRepository(db.dataSource), new OrderRepository(second)];
    const outcomes: BatchOutcome[] = [];
    let next = 0;
    const writer = async (repo: OrderRepository) => {
      while (next < batches.length) outcomes.push(...(await repo.recordBatch(batches[next++])));
    };
    await Promise.all([0, 1, 2, 3, 4, 5].map((w) => writer(repos[w % 2])));

    expect(outcomes).toHaveLength(sends.length);
    expect(outcomes.filter((o) => !('duplicate' in o))).toEqual([]);
    // Each webhook id took effect once: every other delivery of it is a duplicate.
    expect(outcomes.filter((o) => 'duplicate' in o && !o.duplicate)).toHaveLength(deliveries.length);

    const lines = await db.dataSource.query<{ order_id: string; n: number }[]>(`SELECT order_id, count(*)::int AS n FROM order_lines GROUP BY order_id`);
    expect(lines.map((l) => l.order_id).sort()).toEqual(plans.map((p) => p.id).sort());
    expect(lines.filter((l) => l.n !== 1)).toEqual([]);
    const counted = plans.filter((p) => !p.cancelled);
    const expected = (variant: string) => ({
      sold: counted.filter((p) => p.variant === variant).reduce((t, p) => t + p.quantity, 0),
      returned: counted.filter((p) => p.variant === variant && p.refunded).length,
    });
    const stock = await db.dataSource.query<{ variant_id: string; sold: number; returned: number }[]>(
      `SELECT variant_id, sold, returned FROM variant_stock WHERE product_id = $1 ORDER BY variant_id`,
      [PRODUCT],
    );
    expect(stock).toEqual([
      { variant_id: 'm', ...expected('m') },
      { variant_id: 's', ...expected('s') },
    ]);
    const receipts = await db.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM shop_webhook_receipts WHERE shop_id = $1`, [SHOP]);
    expect(receipts[0].n).toBe(deliveries.length);
  });

  it('refuses, storing nothing, a new order for a product not on sale, even as a second delivery in its batch', async () => {
    await db.dataSource.query(`INSERT INTO products (id, influencer_id, name, target_keyword, stage, workflow_id) VALUES ('p-poll', 'inf-c', 'Hat', 'straw hat', 'POLL', 'product-p-poll')`);
    const delivery = (webhookId: string) => orderDelivery(oneLineOrder('o-early', 'p-poll', 1), webhookId);
    const outcomes = await new OrderRepository(db.dataSource).recordBatch([delivery('w-early-1'), delivery('w-early-2'), delivery('w-early-1')]);
    expect(outcomes).toEqual([{ notOnSale: true }, { notOnSale: true }, { notOnSale: true }]);
    expect(await db.dataSource.query(`SELECT 1 FROM order_lines WHERE order_id = 'o-early'`)).toEqual([]);
    expect(await db.dataSource.query(`SELECT 1 FROM shop_webhook_receipts WHERE webhook_id LIKE 'w-early-%'`)).toEqual([]);
  });

  it('answers a redelivery from its receipt, while on sale and after sales ended, recording nothing again', async () => {
    await db.dataSource.query(`INSERT INTO products (id, influencer_id, name, target_keyword, stage, workflow_id) VALUES ('p-late', 'inf-c', 'Scarf', 'wool scarf', 'ON_SALE', 'product-p-late')`);
    const delivery = orderDelivery(oneLineOrder('o-late', 'p-late', 2), 'w-late');
    const orders = new OrderRepository(db.dataSource);
    const [first] = await orders.recordBatch([delivery]);
    expect(first).toMatchObject({ duplicate: false, effect: { kind: 'order', orderId: 'o-late', lines: 1 } });
    const effect = (first as { effect: unknown }).effect;

    expect(await orders.recordBatch([delivery])).toEqual([{ duplicate: true, effect }]);
    await db.dataSource.query(`UPDATE products SET stage = 'ENDED' WHERE id = 'p-late'`);
    expect(await orders.recordBatch([delivery, delivery])).toEqual([
      { duplicate: true, effect },
      { duplicate: true, effect },
    ]);
    expect(await db.dataSource.query(`SELECT quantity FROM order_lines WHERE order_id = 'o-late'`)).toEqual([{ quantity: 2 }]);
    expect(await db.dataSource.query(`SELECT sold FROM variant_stock WHERE product_id = 'p-late'`)).toEqual([{ sold: 2 }]);
  });
});
