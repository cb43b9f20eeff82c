// The intake's duplicate look-ups must stay probes per fan while a table grows from a few rows to millions
// faster than autovacuum analyses it (a viral poll, a drop that sells out). A prepared statement keeps,
// after its first five runs on a connection, a generic plan made on the statistics of that moment: when
// those are of a table holding a few dozen rows, the plan is a sequential scan, and every later batch read
// the whole table (seen under bench:votes: 6 ms per look-up and growing). Reproduced here on one connection:
// the look-ups run while the table is small and freshly analysed, then it grows, and the rows the next
// look-up reads are counted by PostgreSQL itself (pg_stat_xact_user_tables, this transaction's own reads).
// The look-ups are therefore not prepared: an unnamed statement is planned for its values every time. The
// new-order batch is prepared, and must touch the receipts only through its claim's unique-index probe.
import { OrderRepository, ReservationRepository, VoteRepository, type ShopDelivery } from '@app/database';
import type { QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/stack';

const PRODUCT = 'p-viral';

describe('intake duplicate look-ups read only the rows they look for, however the table grew', () => {
  let db: TestDatabase;
  let runner: QueryRunner;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.dataSource.query(`INSERT INTO influencers (id, handle, display_name) VALUES ('inf-pp', 'pia', 'Pia')`);
    await db.dataSource.query(`INSERT INTO products (id, influencer_id, name, target_keyword, stage, workflow_id) VALUES ($1, 'inf-pp', 'Dress', 'dress', 'POLL', 'product-p-viral')`, [
      PRODUCT,
    ]);
    // Autovacuum would analyse again at some point; off here, so the statistics certainly lag the table.
    await db.dataSource.query(`ALTER TABLE votes SET (autovacuum_enabled = off)`);
    await db.dataSource.query(`ALTER TABLE reservations SET (autovacuum_enabled = off)`);
    await db.dataSource.query(`ALTER TABLE shop_webhook_receipts SET (autovacuum_enabled = off)`);
    runner = db.dataSource.createQueryRunner();
    await runner.connect();
    // PostgreSQL picks the generic plan once it costs no more than the custom ones so far, which depends on
    // timing; forced here, so the look-ups must be right whatever the plan cache would keep.
    await runner.query(`SET plan_cache_mode = force_generic_plan`);
  });
  afterAll(async () => {
    await runner?.release();
    await db?.close();
  });

  /** Rows of `table` read (scanned or fetched by index) while `work` ran on the test's connection. */
  async function rowsRead(table: string, work: () => Promise<unknown>): Promise<number> {
    // The view also holds this connection's earlier reads not yet reported to the statistics; nothing is
    // reported inside a transaction, so the difference is the work's own.
    const count = async () => {
      const [row] = (await runner.query(`SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS n FROM pg_stat_xact_user_tables WHERE relname = $1`, [table])) as { n: string }[];
      return Number(row.n);
    };
    await runner.startTransaction();
    try {
      const before = await count();
      await work();
      return (await count()) - before;
    } finally {
      await runner.rollbackTransaction();
    }
  }

  it('finds the stored votes of a batch of fans without reading the rest of the poll', async () => {
    const votes = new VoteRepository(runner.manager);
    const addVotes = (from: number, to: number) =>
      db.dataSource.query(
        `INSERT INTO votes (product_id, option_id, platform, platform_user_id, platform_user_id_raw, occurred_at, source_id, webhook_id)
         SELECT $1, 'a', 'weibo', 'fan-' || g, 'fan-' || g, now(), 'src', 'msg-' || g FROM generate_series($2::int, $3::int) g`,
        [PRODUCT, from, to],
      );
    const batch = ['fan-7', 'fan-70', 'fan-700', 'fan-7000', 'nobody'];
    // The poll's first seconds: a few dozen votes, analysed, and enough look-ups for a generic plan.
    await addVotes(1, 60);
    await db.dataSource.query(`ANALYZE votes`);
    for (let i = 0; i < 8; i++) await votes.storedDeliveries(PRODUCT, 'weibo', batch);
    await addVotes(61, 20_000);

    let found: Awaited<ReturnType<VoteRepository['storedDeliveries']>> = [];
    const read = await rowsRead('votes', async () => (found = await votes.storedDeliveries(PRODUCT, 'weibo', batch)));
    expect(found.sort((a, b) => a.platformUserId.localeCompare(b.platformUserId))).toEqual(
      ['fan-7', 'fan-70', 'fan-700', 'fan-7000'].map((f) => ({ platformUserId: f, sourceId: 'src', webhookId: `msg-${f.slice(4)}` })),
    );
    // Each fan is at most one row; nowhere near the poll's 20,000 votes.
    expect(read).toBeLessThanOrEqual(batch.length * 2);
  });

  it('finds what a batch of reservations collided with without reading the other reservations', async () => {
    const reservations = new ReservationRepository(runner.manager);
    const addReservations = (from: number, to: number) =>
      db.dataSource.query(
        `INSERT INTO reservations (id, code, product_id, variant_id, quantity, platform, platform_user_id, platform_user_id_raw, via, source_id, webhook_id)
         SELECT 'r-' || g, 'C' || g, $1, 'm', 1, 'weibo', 'fan-' || g, 'fan-' || g, 'fan', 'src', 'msg-' || g FROM generate_series($2::int, $3::int) g`,
        [PRODUCT, from, to],
      );
    const asked = (fan: string, webhookId: string) => ({ productId: PRODUCT, variantId: 'm', platform: 'weibo', platformUserId: fan, sourceId: 'src', webhookId });
    // A redelivery (same webhook id), the same fan again under a new delivery, and a fan never seen.
    const batch = [asked('fan-9', 'msg-9'), asked('fan-900', 'msg-new'), asked('fan-none', 'msg-none')];
    await addReservations(1, 60);
    await db.dataSource.query(`ANALYZE reservations`);
    for (let i = 0; i < 8; i++) await reservations.findExistingMany(batch);
    await addReservations(61, 20_000);

    let found: Awaited<ReturnType<ReservationRepository['findExistingMany']>> = [];
    const read = await rowsRead('reservations', async () => (found = await reservations.findExistingMany(batch)));
    expect(found.map((r) => r?.code ?? null)).toEqual(['C9', 'C900', null]);
    expect(read).toBeLessThanOrEqual(batch.length * 4);
  });

  it('records a batch of new orders without reading the receipts of earlier deliveries', async () => {
    await db.dataSource.query(`INSERT INTO products (id, influencer_id, name, target_keyword, stage, workflow_id) VALUES ('p-sale', 'inf-pp', 'Coat', 'coat', 'ON_SALE', 'product-p-sale')`);
    const orders = new OrderRepository(runner.manager);
    const delivery = (id: string): ShopDelivery => {
      const order = {
        orderId: id,
        orderedAt: new Date().toISOString(),
        currency: 'USD',
        lines: [{ lineId: '1', productId: 'p-sale', variantId: 'm', quantity: 1, unitPriceMinor: 1000, reservationCode: null, attributionCode: null }],
      };
      return { shopId: 'shop-pp', orderId: id, webhookId: `w-${id}`, topic: 'order.created', order, effect: (r) => r.recordOrder('shop-pp', order) };
    };
    const addReceipts = (from: number, to: number) =>
      db.dataSource.query(
        `INSERT INTO shop_webhook_receipts (shop_id, webhook_id, topic, result) SELECT 'shop-pp', 'old-' || g, 'order.created', '{}'::jsonb FROM generate_series($1::int, $2::int) g`,
        [from, to],
      );
    await addReceipts(1, 60);
    await db.dataSource.query(`ANALYZE shop_webhook_receipts`);
    for (let i = 0; i < 8; i++) await orders.recordBatch([delivery(`early-${i}`)]);
    await addReceipts(61, 20_000);

    const batch = ['late-1', 'late-2', 'late-3'].map(delivery);
    const read = await rowsRead('shop_webhook_receipts', async () => expect((await orders.recordBatch(batch)).map((o) => 'duplicate' in o && o.duplicate)).toEqual([false, false, false]));
    expect(read).toBeLessThanOrEqual(batch.length * 2);
  });
});
