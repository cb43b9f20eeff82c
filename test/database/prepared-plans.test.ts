// The intake's duplicate look-ups must stay probes per fan while a table grows from a few rows to millions
// faster than autovacuum analyses it (a viral poll, a drop that sells out). A prepared statement keeps,
// after its first five runs on a connection, a generic plan made on the statistics of that moment: when
// those are of a table holding a few dozen rows, the plan is a sequential scan, and every later batch read
// the whole table (seen under bench:votes: 6 ms per look-up and growing). Reproduced here on one connection:
// the look-ups run while the table is small and freshly analysed, then it grows, and the rows the next
// look-up reads are counted by PostgreSQL itself (pg_stat_xact_user_tables, this transaction's own reads).
// The look-ups are therefore not prepared: an unnamed statement is planned for its values every time. The
// new-order batch is prepared, and must touch the receipts only through its claim's unique-index probe; the
// social-updates batch too, and must touch earlier updates only through its foreign keys' look-ups.
import { OrderRepository, ReservationRepository, SocialUpdateRepository, VoteRepository, type NewSocialUpdate, type ShopDelivery } from '@app/database';
import type { QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/stack';

const PRODUCT = 'p-viral';

/** A node of EXPLAIN (FORMAT JSON)'s plan. */
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

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

  describe("a product's social updates, written with their deliveries and links", () => {
    const channels = ['ch-pp-1', 'ch-pp-2'];
    const update = (seq: number): NewSocialUpdate => ({
      id: `upd-pp-${seq}`,
      seq,
      event: 'DESIGN_SUBMITTED',
      status: 'published',
      slug: `pp-${seq}`,
      language: 'en',
      platform: 'instagram',
      title: 'New design',
      body: 'Take a look',
      hashtags: ['scarf'],
      keyword: 'scarf',
      score: 80,
      optimisation: {},
      sponsored: false,
      shareUrl: `https://example.test/s/pp-${seq}`,
      imageUrl: `https://example.test/s/pp-${seq}/card.png`,
      card: {},
      occurredAt: new Date().toISOString(),
    } as NewSocialUpdate);
    /** Writes the updates of `seqs`, each delivered to `to` with a tracked link per channel; answers how many deliveries and links it sent. */
    const write = async (repo: SocialUpdateRepository, seqs: number[], to = channels) => {
      const deliveries = seqs.flatMap((seq) => to.map((ch) => ({ id: `dlv-pp-${seq}-${ch}`, updateId: `upd-pp-${seq}`, channelId: ch, status: 'pending' as const, payload: '{}' })));
      const links = seqs.flatMap((seq) => to.map((ch) => ({ code: `c${seq}${ch.slice(-1)}`, updateId: `upd-pp-${seq}`, channelId: ch, stage: 'DESIGN', event: 'DESIGN_SUBMITTED' })));
      await repo.insertWithDeliveries('p-posts', seqs.map(update), deliveries, links);
      return deliveries.length + links.length;
    };
    const count = async (table: string, column: string, seqs: number[]) =>
      Number(((await runner.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = ANY($1)`, [seqs.map((s) => `upd-pp-${s}`)])) as { n: number }[])[0].n);

    beforeAll(async () => {
      await db.dataSource.query(`INSERT INTO products (id, influencer_id, name, target_keyword, stage, workflow_id) VALUES ('p-posts', 'inf-pp', 'Scarf', 'scarf', 'DESIGN', 'product-p-posts')`);
      for (const ch of channels) await db.dataSource.query(`INSERT INTO channels (id, influencer_id, kind, name, platform) VALUES ($1, 'inf-pp', 'log', $1, 'instagram')`, [ch]);
      await db.dataSource.query(`ALTER TABLE social_updates SET (autovacuum_enabled = off)`);
    });

    const addUpdates = (from: number, to: number) =>
      db.dataSource.query(
        `INSERT INTO social_updates (id, product_id, seq, event, status, slug, language, platform, title, body, hashtags, keyword, score, optimisation, sponsored, share_url, image_url, card, occurred_at)
         SELECT 'old-' || g, 'p-posts', g, 'DESIGN_SUBMITTED', 'published', 'old-' || g, 'en', 'instagram', 't', 'b', '[]', 'scarf', 1, '{}', false, 'u', 'u', '{}', now()
         FROM generate_series($1::int, $2::int) g`,
        [from, to],
      );

    it('plans no scan of any table, however many updates the product has', async () => {
      const repo = new SocialUpdateRepository(runner.manager);
      await addUpdates(1, 60);
      await db.dataSource.query(`ANALYZE social_updates`);
      for (let i = 0; i < 8; i++) await write(repo, [100_000 + i]);
      await addUpdates(61, 20_000);
      expect(await write(repo, [200_001, 200_002])).toBe(8);

      // The plan this connection keeps for the prepared statement (generic, made on the 60 rows' statistics):
      // its tables are only written, their conflicts found by unique-index probes that are no plan nodes. The
      // foreign keys' look-ups of each delivery's and link's update are PostgreSQL's own statements.
      const [row] = (await runner.query(`EXPLAIN (FORMAT JSON) EXECUTE "social-updates-batch"('p-posts', '[]', '[]', '[]', '[]')`)) as { 'QUERY PLAN': { Plan: PlanNode }[] }[];
      const scans: string[] = [];
      const walk = (node: PlanNode) => {
        if (node['Relation Name'] && node['Node Type'].endsWith('Scan')) scans.push(`${node['Node Type']} on ${node['Relation Name']}`);
        for (const child of node.Plans ?? []) walk(child);
      };
      walk(row['QUERY PLAN'][0].Plan);
      expect(scans).toEqual([]);
    });

    it('adds on a retry what an earlier write lacked, and writes nothing twice', async () => {
      const repo = new SocialUpdateRepository(runner.manager);
      await write(repo, [300_001], ['ch-pp-1']);
      // The retry finds the update and the first channel's rows written, and adds the second channel's.
      await write(repo, [300_001]);
      await write(repo, [300_001]);
      expect(await count('social_updates', 'id', [300_001])).toBe(1);
      expect(await count('deliveries', 'update_id', [300_001])).toBe(2);
      expect(await count('tracked_links', 'update_id', [300_001])).toBe(2);
    });

    it('refuses a delivery of an update that is neither in the batch nor stored, rather than dropping it', async () => {
      const repo = new SocialUpdateRepository(runner.manager);
      const stray = { id: 'dlv-pp-stray', updateId: 'upd-pp-missing', channelId: 'ch-pp-1', status: 'pending' as const, payload: '{}' };
      await expect(repo.insertWithDeliveries('p-posts', [update(400_001)], [stray])).rejects.toMatchObject({ code: '23503' });
      expect(await count('social_updates', 'id', [400_001])).toBe(0);
    });
  });
});
