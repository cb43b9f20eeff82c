// The one read that planning a product's social updates makes (SocialUpdateRepository.planningContext) answers
// exactly what the three reads it replaces answer: her profile, her active channels oldest first, the product's
// sponsorship or none; and nothing when the influencer is gone (the social activity then refuses the batch).
import { ChannelRepository, InfluencerRepository, SocialUpdateRepository, SponsorshipRepository } from '@app/database';
import { createTestDatabase, type TestDatabase } from '../support/stack';

describe('the social planning read', () => {
  let db: TestDatabase;
  let updates: SocialUpdateRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    updates = new SocialUpdateRepository(db.dataSource);
    const q = (sql: string, values: unknown[] = []) => db.dataSource.query(sql, values);
    await q(`INSERT INTO influencers (id, handle, display_name, social_settings) VALUES ('inf-ctx', 'mia', 'Mia', $1)`, [JSON.stringify({ tone: 'hype', language: 'zh-CN' })]);
    await q(`INSERT INTO influencers (id, handle, display_name) VALUES ('inf-bare', 'bo', 'Bo')`);
    for (const [id, influencer] of [['p-ctx', 'inf-ctx'], ['p-plain', 'inf-ctx'], ['p-bare', 'inf-bare']]) {
      await q(`INSERT INTO products (id, influencer_id, name, target_keyword, stage, workflow_id) VALUES ($1, $2, 'Dress', 'dress', 'POLL', $3)`, [id, influencer, `product-${id}`]);
    }
    // Created out of id order, one disabled: the active ones come oldest first, ties by id.
    await q(`INSERT INTO channels (id, influencer_id, kind, name, platform, created_at) VALUES ('ch-b', 'inf-ctx', 'log', 'second', 'xiaohongshu', '2026-01-02T00:00:00Z')`);
    await q(`INSERT INTO channels (id, influencer_id, kind, name, platform, created_at) VALUES ('ch-c', 'inf-ctx', 'log', 'first', 'douyin', '2026-01-01T00:00:00Z')`);
    await q(`INSERT INTO channels (id, influencer_id, kind, name, platform, created_at) VALUES ('ch-a', 'inf-ctx', 'log', 'tied', 'weibo', '2026-01-02T00:00:00Z')`);
    await q(`INSERT INTO channels (id, influencer_id, kind, name, platform, created_at, disabled_at) VALUES ('ch-off', 'inf-ctx', 'log', 'off', 'weibo', '2025-12-01T00:00:00Z', now())`);
    await q(`INSERT INTO product_sponsorships (product_id, partner, default_fee_minor, currency, events) VALUES ('p-ctx', 'Linen Co', 150000, 'CNY', $1)`, [JSON.stringify(['LAUNCHED'])]);
  });
  afterAll(async () => {
    await db?.close();
  });

  it.each([
    ['inf-ctx', 'p-ctx', 'a sponsored product of an influencer with channels'],
    ['inf-ctx', 'p-plain', 'a product without a sponsorship'],
    ['inf-bare', 'p-bare', 'an influencer without channels or settings'],
  ])('answers for %s / %s what the separate reads answer (%s)', async (influencerId, productId) => {
    const separately = {
      influencer: await new InfluencerRepository(db.dataSource).findSocialProfile(influencerId),
      channels: (await new ChannelRepository(db.dataSource).listForInfluencer(influencerId)).filter((c) => !c.disabledAt).map(({ id, kind, platform }) => ({ id, kind, platform })),
      sponsorship: await new SponsorshipRepository(db.dataSource).termsOf(productId),
    };
    expect(await updates.planningContext(influencerId, productId)).toEqual(separately);
  });

  it('reads the channels oldest first without the disabled one, and the sponsorship as stored', async () => {
    const context = await updates.planningContext('inf-ctx', 'p-ctx');
    expect(context?.channels.map((c) => c.id)).toEqual(['ch-c', 'ch-a', 'ch-b']);
    expect(context?.influencer).toEqual({ id: 'inf-ctx', handle: 'mia', socialSettings: { tone: 'hype', language: 'zh-CN' } });
    expect(context?.sponsorship).toEqual({ partner: 'Linen Co', defaultFeeMinor: 150000, currency: 'CNY', events: ['LAUNCHED'] });
  });

  it('answers nothing for an influencer that does not exist', async () => {
    expect(await updates.planningContext('inf-gone', 'p-ctx')).toBeNull();
  });
});
