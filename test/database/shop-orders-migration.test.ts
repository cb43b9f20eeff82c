// The migration that gives every order a shop_orders row (the row each delivery about the order locks):
// orders, cancellations and refunds stored before it get theirs, so a new order's one-statement path never
// takes an order something was stored about for a new one.
import { createTestDatabase, type TestDatabase } from '../support/stack';

const MIGRATION = 'ShopOrders1764540000000';

describe('migration ShopOrders', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const applied = async () => (await db.dataSource.query<{ name: string }[]>(`SELECT name FROM schema_migrations`)).map((r) => r.name);

  it('gives each order with lines, a cancellation or a refund one row', async () => {
    while ((await applied()).includes(MIGRATION)) await db.dataSource.undoLastMigration({ transaction: 'each' });
    await db.dataSource.query(`INSERT INTO influencers (id, handle, display_name) VALUES ('inf-m', 'mia', 'Mia')`);
    await db.dataSource.query(`INSERT INTO products (id, influencer_id, name, target_keyword, stage, workflow_id) VALUES ('p-m', 'inf-m', 'Dress', 'linen dress', 'ON_SALE', 'product-p-m')`);
    await db.dataSource.query(
      `INSERT INTO order_lines (shop_id, order_id, line_id, product_id, variant_id, quantity, unit_price_minor, currency, ordered_at)
       VALUES ('s1', 'o-1', '1', 'p-m', 'm', 1, 100, 'USD', now()), ('s1', 'o-1', '2', 'p-m', 's', 1, 100, 'USD', now()), ('s2', 'o-1', '1', 'p-m', 'm', 1, 100, 'USD', now())`,
    );
    await db.dataSource.query(`INSERT INTO order_cancellations (shop_id, order_id, cancelled_at) VALUES ('s1', 'o-1', now()), ('s1', 'o-early', now())`);
    await db.dataSource.query(`INSERT INTO refund_lines (shop_id, refund_id, order_id, line_id, quantity, amount_minor, refunded_at) VALUES ('s1', 'r-1', 'o-refunded', '1', 1, 100, now())`);

    await db.dataSource.runMigrations({ transaction: 'each' });

    expect(await applied()).toContain(MIGRATION);
    expect(await db.dataSource.query(`SELECT shop_id, order_id, deliveries FROM shop_orders ORDER BY shop_id, order_id`)).toEqual([
      { shop_id: 's1', order_id: 'o-1', deliveries: 1 },
      { shop_id: 's1', order_id: 'o-early', deliveries: 1 },
      { shop_id: 's1', order_id: 'o-refunded', deliveries: 1 },
      { shop_id: 's2', order_id: 'o-1', deliveries: 1 },
    ]);
  });
});
