// Social updates of products, written together with their deliveries (one aggregate: an update and
// where it goes), read by staff and by the public share pages: the only place their SQL lives.
import type { DataSource, EntityManager } from 'typeorm';
import { queryDirect, queryPrepared, type PreparedStatement } from '../prepared';
import type { DeliveryEntity, DeliveryStatus } from '../entities/delivery.entity';
import { SocialUpdateEntity } from '../entities/social-update.entity';
import type { ChannelTarget } from './channel.repository';
import type { InfluencerSocialProfile } from './influencer.repository';
import type { NewSponsoredPost, SponsorshipTerms } from './sponsorship.repository';
import type { NewTrackedLink } from './tracked-link.repository';

/** An update as the worker writes it; `occurredAt` is its timeline event's ISO time. */
export type NewSocialUpdate = Pick<
  SocialUpdateEntity,
  'id' | 'seq' | 'event' | 'status' | 'slug' | 'language' | 'platform' | 'title' | 'body' | 'hashtags' | 'keyword' | 'score' | 'optimisation' | 'sponsored' | 'shareUrl' | 'imageUrl' | 'card'
> & { occurredAt: string };

/** A delivery as the worker writes it, with the exact body every attempt sends: pending, or held (a sponsored post's). */
export type NewDelivery = Pick<DeliveryEntity, 'id' | 'updateId' | 'channelId' | 'payload'> & {
  status: Extract<DeliveryStatus, 'pending' | 'held'>;
  /** A held delivery's paid post: the platform whose order releases it. */
  sponsoredPlatform?: string;
};

/** What planning a product's updates reads: its influencer's profile, her active channels (oldest first) and the product's sponsorship. */
export interface SocialPlanningContext {
  influencer: InfluencerSocialProfile;
  channels: ChannelTarget[];
  sponsorship: SponsorshipTerms | null;
}

/** The statement SocialUpdateRepository.insertWithDeliveries runs (see there). */
const SOCIAL_UPDATES_BATCH: PreparedStatement = {
  name: 'social-updates-batch',
  text: `WITH updates AS (
  INSERT INTO social_updates (id, product_id, seq, event, status, slug, language, platform, title, body, hashtags, keyword,
                              score, optimisation, sponsored, share_url, image_url, card, occurred_at)
  SELECT u.id, $1, u.seq, u.event, u.status, u.slug, u.language, u.platform, u.title, u.body, u.hashtags, u.keyword,
         u.score, u.optimisation, u.sponsored, u.share_url, u.image_url, u.card, u.occurred_at
  FROM jsonb_to_recordset($2::jsonb) AS u(id text, seq int, event text, status text, slug text, language text, platform text,
       title text, body text, hashtags jsonb, keyword text, score int, optimisation jsonb, sponsored boolean, share_url text,
       image_url text, card jsonb, occurred_at timestamptz)
  ON CONFLICT (product_id, seq) DO NOTHING
  RETURNING id
), links AS (
  INSERT INTO tracked_links (code, product_id, update_id, channel_id, stage, event)
  SELECT l.code, $1, l.update_id, l.channel_id, l.stage, l.event
  FROM jsonb_to_recordset($4::jsonb) AS l(code text, update_id text, channel_id text, stage text, event text)
  ON CONFLICT DO NOTHING
), posts AS (
  INSERT INTO sponsored_posts (update_id, platform, product_id, partner, source, disclosure)
  SELECT p.update_id, p.platform, $1, p.partner, p.source, p.disclosure
  FROM jsonb_to_recordset($5::jsonb) AS p(update_id text, platform text, partner text, source text, disclosure text)
  WHERE EXISTS (SELECT 1 FROM updates WHERE updates.id = p.update_id)
  ON CONFLICT DO NOTHING
)
INSERT INTO deliveries (id, update_id, channel_id, product_id, status, payload, sponsored_platform)
SELECT d.id, d.update_id, d.channel_id, $1, d.status, d.payload, d.sponsored_platform
FROM jsonb_to_recordset($3::jsonb) AS d(id text, update_id text, channel_id text, status text, payload text, sponsored_platform text)
ON CONFLICT (update_id, channel_id) DO NOTHING`,
};

export class SocialUpdateRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /**
   * Everything planning a product's updates reads, in one statement (it runs for every social event): her profile
   * as InfluencerRepository.findSocialProfile answers it, her channels that are not disabled in the order they were
   * added (deliveries are made in this order), and the product's sponsorship as SponsorshipRepository.termsOf
   * answers it. null when she does not exist.
   */
  async planningContext(influencerId: string, productId: string): Promise<SocialPlanningContext | null> {
    const rows = await queryDirect<InfluencerSocialProfile & Pick<SocialPlanningContext, 'channels' | 'sponsorship'>>(
      this.db,
      `SELECT i.id, i.handle, i.social_settings AS "socialSettings",
              COALESCE((SELECT json_agg(json_build_object('id', c.id, 'kind', c.kind, 'platform', c.platform) ORDER BY c.created_at, c.id)
                        FROM channels c WHERE c.influencer_id = i.id AND c.disabled_at IS NULL), '[]'::json) AS channels,
              (SELECT json_build_object('partner', s.partner, 'defaultFeeMinor', s.default_fee_minor, 'currency', s.currency, 'events', s.events)
               FROM product_sponsorships s WHERE s.product_id = $2) AS sponsorship
       FROM influencers i WHERE i.id = $1`,
      [influencerId, productId],
    );
    const row = rows[0];
    if (!row) return null;
    const { channels, sponsorship, ...influencer } = row;
    return { influencer, channels, sponsorship };
  }

  /**
   * Writes a product's updates, their deliveries, the deliveries' tracked links and the sponsored posts among
   * the updates in one statement: they commit together, and a retry inserts nothing twice (updates are unique
   * by (product, seq), deliveries and links by (update, channel)). A delivery or link whose update was written
   * by an earlier attempt is still added (an update's id is derived from its product and seq, so the update a
   * conflict kept is this one, and the foreign keys refuse a delivery or link of any other); a sponsored post
   * only with its update (it describes how the update was written).
   * Prepared (SOCIAL_UPDATES_BATCH): it runs for every social event, and planning it cost more PostgreSQL time
   * than running it (bench:lifecycle -- --profile). It reads no table but through its conflicts' unique-index
   * probes and the foreign keys' own look-ups, so a generic plan stays right however the tables grow
   * (test/database/prepared-plans.test.ts).
   */
  async insertWithDeliveries(productId: string, updates: NewSocialUpdate[], deliveries: NewDelivery[], links: NewTrackedLink[] = [], sponsoredPosts: NewSponsoredPost[] = []): Promise<void> {
    const rows = updates.map((u) => ({
      id: u.id,
      seq: u.seq,
      event: u.event,
      status: u.status,
      slug: u.slug,
      language: u.language,
      platform: u.platform,
      title: u.title,
      body: u.body,
      hashtags: u.hashtags,
      keyword: u.keyword,
      score: u.score,
      optimisation: u.optimisation,
      sponsored: u.sponsored,
      share_url: u.shareUrl,
      image_url: u.imageUrl,
      card: u.card,
      occurred_at: u.occurredAt,
    }));
    const deliveryRows = deliveries.map((d) => ({ id: d.id, update_id: d.updateId, channel_id: d.channelId, status: d.status, payload: d.payload, sponsored_platform: d.sponsoredPlatform }));
    const postRows = sponsoredPosts.map((p) => ({ update_id: p.updateId, platform: p.platform, partner: p.partner, source: p.source, disclosure: p.disclosure }));
    const linkRows = links.map((l) => ({ code: l.code, update_id: l.updateId, channel_id: l.channelId, stage: l.stage, event: l.event }));
    await queryPrepared(this.db, SOCIAL_UPDATES_BATCH, [productId, JSON.stringify(rows), JSON.stringify(deliveryRows), JSON.stringify(linkRows), JSON.stringify(postRows)]);
  }

  /** Whether an update of the product made before `seq` was published (fans saw the product). */
  async publishedBefore(productId: string, seq: number): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM social_updates WHERE product_id = $1 AND seq < $2 AND status = 'published' LIMIT 1`, [productId, seq]);
    return rows.length > 0;
  }

  async existsOfProduct(updateId: string, productId: string): Promise<boolean> {
    return this.db.getRepository(SocialUpdateEntity).exists({ where: { id: updateId, productId } });
  }

  /** A product's updates in timeline order. */
  async listForProduct(productId: string): Promise<SocialUpdateEntity[]> {
    return this.db.getRepository(SocialUpdateEntity).find({ where: { productId }, order: { seq: 'ASC' } });
  }

  /** The published update behind a share link (internal and withheld ones are not public), with its stored card if asked. */
  async findPublishedBySlug(slug: string, withCard = false): Promise<SocialUpdateEntity | null> {
    const query = this.db.getRepository(SocialUpdateEntity).createQueryBuilder('u').where('u.slug = :slug AND u.status = :status', { slug, status: 'published' });
    return (withCard ? query.addSelect('u.cardPng') : query).getOne();
  }

  /** Keeps the first rendering of a card; a concurrent second one changes nothing. */
  async storeCardPng(updateId: string, png: Buffer): Promise<void> {
    await this.db.query('UPDATE social_updates SET card_png = $2 WHERE id = $1 AND card_png IS NULL', [updateId, png]);
  }
}
