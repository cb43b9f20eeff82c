// The migration that makes a sponsored post one per update and platform: posts written before it become the
// '*' post of their update, whose one order still releases every held delivery of it (as it did), listed
// with all of them; posts written after are one per platform, each releasing its own deliveries only, and a
// reference is unique within its platform.
import { SponsorshipRepository } from '../../libs/database';
import { createTestDatabase, type TestDatabase } from '../support/stack';

const MIGRATION = 'SponsoredPostPlatforms1764620000000';

describe('migration SponsoredPostPlatforms', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const applied = async () => (await db.dataSource.query<{ name: string }[]>(`SELECT name FROM schema_migrations`)).map((r) => r.name);
  const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
  const update = (id: string, seq: number) =>
    q(
      `INSERT INTO social_updates (id, product_id, seq, event, status, slug, language, platform, title, body, hashtags, keyword, score, optimisation, sponsored, share_url, image_url, card, occurred_at)
       VALUES ($1, 'p-sp', $2, 'POLL_RESULT', 'published', $1, 'zh-CN', 'xiaohongshu', 't', 'b', '[]', 'k', 80, '{}', true, 'https://s', 'https://i', '{}', now())`,
      [id, seq],
    );
  const delivery = (id: string, updateId: string, channelId: string, platform?: string) =>
    q(`INSERT INTO deliveries (id, update_id, channel_id, product_id, status, payload${platform ? ', sponsored_platform' : ''}) VALUES ($1, $2, $3, 'p-sp', 'held', '{"data":{}}'${platform ? ', $4' : ''})`, [
      id,
      updateId,
      channelId,
      ...(platform ? [platform] : []),
    ]);
  const statuses = async (updateId: string) =>
    (await q(`SELECT id, status FROM deliveries WHERE update_id = $1 ORDER BY id`, [updateId])) as { id: string; status: string }[];

  it('keeps a post written before it one order for its whole update; later posts are one per platform', async () => {
    while ((await applied()).includes(MIGRATION)) await db.dataSource.undoLastMigration({ transaction: 'each' });
    await q(`INSERT INTO influencers (id, handle, display_name) VALUES ('inf-sp', 'sia', 'Sia')`);
    await q(`INSERT INTO products (id, influencer_id, name, target_keyword, stage, workflow_id) VALUES ('p-sp', 'inf-sp', 'Dress', 'dress', 'DESIGN', 'product-p-sp')`);
    await q(`INSERT INTO channels (id, influencer_id, kind, name, platform, url, secret_sealed) VALUES ('ch-dy', 'inf-sp', 'webhook', 'dy', 'douyin', 'http://127.0.0.1:9/a', 'v1.x'), ('ch-wb', 'inf-sp', 'webhook', 'wb', 'weibo', 'http://127.0.0.1:9/b', 'v1.x')`);
    await update('upd-old', 1);
    await delivery('dlv-old-dy', 'upd-old', 'ch-dy');
    await delivery('dlv-old-wb', 'upd-old', 'ch-wb');
    await q(`INSERT INTO sponsored_posts (update_id, product_id, partner, source, disclosure) VALUES ('upd-old', 'p-sp', 'Linen & Co', 'product', '广告')`);

    await db.dataSource.runMigrations({ transaction: 'each' });
    expect(await applied()).toContain(MIGRATION);

    const sponsorships = new SponsorshipRepository(db.dataSource);
    const [old] = await sponsorships.listPosts('p-sp');
    expect(old).toMatchObject({ updateId: 'upd-old', platform: '*', status: 'held' });
    expect(old.deliveries.map((d) => d.id)).toEqual(['dlv-old-dy', 'dlv-old-wb']);
    // Named or not, the platform finds the old post, and its one order releases both deliveries.
    const order = { orderReference: 'PGY-1', feeMinor: 100, currency: 'CNY' };
    expect(await sponsorships.release('p-sp', { updateId: 'upd-old', platform: 'douyin' }, order)).toMatchObject({ outcome: 'released', platform: '*', deliveryIds: ['dlv-old-dy', 'dlv-old-wb'] });
    expect((await statuses('upd-old')).map((d) => d.status)).toEqual(['pending', 'pending']);

    // A post written now: one per platform, each releasing its own delivery only.
    await update('upd-new', 2);
    await delivery('dlv-new-dy', 'upd-new', 'ch-dy', 'douyin');
    await delivery('dlv-new-wb', 'upd-new', 'ch-wb', 'weibo');
    await q(
      `INSERT INTO sponsored_posts (update_id, platform, product_id, partner, source, disclosure) VALUES ('upd-new', 'douyin', 'p-sp', 'Linen & Co', 'product', '广告'), ('upd-new', 'weibo', 'p-sp', 'Linen & Co', 'product', '#广告#')`,
    );
    expect(await sponsorships.release('p-sp', { updateId: 'upd-new', platform: null }, { ...order, orderReference: 'XT-1' })).toEqual({ outcome: 'platform-unknown', platforms: ['douyin', 'weibo'] });
    expect(await sponsorships.release('p-sp', { updateId: 'upd-new', platform: 'weibo' }, { ...order, orderReference: 'WB-1' })).toMatchObject({ outcome: 'released', platform: 'weibo', deliveryIds: ['dlv-new-wb'] });
    expect(await statuses('upd-new')).toEqual([
      { id: 'dlv-new-dy', status: 'held' },
      { id: 'dlv-new-wb', status: 'pending' },
    ]);
    // A reference is unique on its platform: Weibo's may not be taken by another Weibo post, but Douyin's order
    // system may use the same text.
    expect(await sponsorships.release('p-sp', { updateId: 'upd-new', platform: 'douyin' }, { ...order, orderReference: 'WB-1' })).toMatchObject({ outcome: 'released', platform: 'douyin' });
    await update('upd-third', 3);
    await q(`INSERT INTO sponsored_posts (update_id, platform, product_id, partner, source, disclosure) VALUES ('upd-third', 'weibo', 'p-sp', 'Linen & Co', 'product', '#广告#')`);
    expect(await sponsorships.release('p-sp', { updateId: 'upd-third', platform: 'weibo' }, { ...order, orderReference: 'WB-1' })).toEqual({ outcome: 'reference-taken', updateId: 'upd-new' });
  });
});
