// Sponsorship of products and their sponsored posts (one per update and platform): staff's declaration, the
// list with order references and fees, and recording a platform's answer for its post (the order reference
// and fee, which releases the post's held deliveries, or its refusal, which blocks them). The only place their SQL lives; sponsored posts are written
// with their update by SocialUpdateRepository and withdrawn with its deliveries by DeliveryRepository.
import type { DataSource, EntityManager } from 'typeorm';
import { queryDirect } from '../prepared';
import { isUniqueViolation } from '../errors';
import type { ChannelEntity } from '../entities/channel.entity';
import type { DeliveryStatus } from '../entities/delivery.entity';
import { ProductSponsorshipEntity } from '../entities/product-sponsorship.entity';
import type { SponsoredPostEntity } from '../entities/sponsored-post.entity';
import type { SocialUpdateEntity } from '../entities/social-update.entity';

/** A sponsored post as the worker writes it, held, beside its update: one per platform the update is published on. */
export type NewSponsoredPost = Pick<SponsoredPostEntity, 'updateId' | 'platform' | 'partner' | 'source' | 'disclosure'>;

/** The platform of posts written before per-platform posts: one order for every delivery of their update. */
export const EVERY_PLATFORM = '*';

/** Selects the deliveries of the post on platform $2 of update $1 (all of the update's, for a post from before per-platform posts). */
const POST_DELIVERIES = `update_id = $1 AND ($2 = '${EVERY_PLATFORM}' OR sponsored_platform = $2)`;

export type SponsorshipTerms = Pick<ProductSponsorshipEntity, 'partner' | 'defaultFeeMinor' | 'currency' | 'events'>;

/** A sponsored post as staff see it: its update, and where its deliveries stand. */
export type SponsoredPostListing = Omit<SponsoredPostEntity, 'update' | 'product' | 'productId'> &
  Pick<SocialUpdateEntity, 'seq' | 'event' | 'language'> & {
    deliveries: { id: string; channelId: string; channelKind: ChannelEntity['kind']; platform: string; status: DeliveryStatus }[];
  };

/** The platform's order for a paid post, as staff record it. */
export interface RecordedOrder {
  orderReference: string;
  feeMinor: number;
  currency: string;
}

/** What recording the platform's answer for a post did, or why it did nothing. */
export type PostDecision =
  /** The post on `platform` released now, or earlier with the same order (a repeated request): these deliveries are to be sent. */
  | { outcome: 'released'; platform: string; deliveryIds: string[]; repeated: boolean }
  | { outcome: 'blocked'; platform: string }
  | { outcome: 'not-sponsored' }
  /** Its product was cancelled: the post was (or is being) withdrawn. */
  | { outcome: 'withdrawn' }
  | { outcome: 'already-released'; orderReference: string }
  | { outcome: 'reference-taken'; updateId: string | null }
  /** The update is several posts (one per platform) and the request named none of them, or another one. */
  | { outcome: 'platform-unknown'; platforms: string[] };

/** Which of an update's posts staff record an answer for: the one on `platform`, or its only one when null. */
export interface PostRef {
  updateId: string;
  platform: string | null;
}

interface LockedPost {
  platform: string;
  status: SponsoredPostEntity['status'];
  orderReference: string | null;
  feeMinor: number | null;
  currency: string | null;
  stage: string;
}

export class SponsorshipRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Read for every social update written (recordSocialUpdates), so by a direct statement. */
  async termsOf(productId: string): Promise<SponsorshipTerms | null> {
    const rows = await queryDirect<SponsorshipTerms>(
      this.db,
      'SELECT partner, default_fee_minor AS "defaultFeeMinor", currency, events FROM product_sponsorships WHERE product_id = $1',
      [productId],
    );
    return rows[0] ?? null;
  }

  async find(productId: string): Promise<ProductSponsorshipEntity | null> {
    return this.db.getRepository(ProductSponsorshipEntity).findOneBy({ productId });
  }

  /** Declares or replaces the product's sponsorship; updates planned from now on follow it. */
  async declare(productId: string, terms: SponsorshipTerms): Promise<void> {
    await this.db.query(
      `INSERT INTO product_sponsorships (product_id, partner, default_fee_minor, currency, events) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (product_id) DO UPDATE SET partner = EXCLUDED.partner, default_fee_minor = EXCLUDED.default_fee_minor,
         currency = EXCLUDED.currency, events = EXCLUDED.events, updated_at = now()`,
      [productId, terms.partner, terms.defaultFeeMinor, terms.currency, terms.events === null ? null : JSON.stringify(terms.events)],
    );
  }

  /** Ends the product's sponsorship for later updates (posts already made stay sponsored); whether there was one. */
  async remove(productId: string): Promise<boolean> {
    const result = await this.db.getRepository(ProductSponsorshipEntity).delete({ productId });
    return (result.affected ?? 0) > 0;
  }

  /** A product's sponsored posts in timeline order, each with its deliveries in channel order. */
  async listPosts(productId: string): Promise<SponsoredPostListing[]> {
    return this.db.query(
      `SELECT p.update_id AS "updateId", u.seq, u.event, p.platform, u.language, p.partner, p.source, p.disclosure, p.status,
              p.order_reference AS "orderReference", p.fee_minor AS "feeMinor", p.currency, p.refusal_reason AS "refusalReason",
              p.created_at AS "createdAt", p.decided_at AS "decidedAt", p.withdrawn_at AS "withdrawnAt",
              COALESCE((SELECT json_agg(json_build_object('id', d.id, 'channelId', d.channel_id, 'channelKind', c.kind, 'platform', c.platform, 'status', d.status)
                                        ORDER BY c.created_at, d.id)
                        FROM deliveries d JOIN channels c ON c.id = d.channel_id
                        WHERE d.update_id = p.update_id AND (p.platform = '*' OR d.sponsored_platform = p.platform)), '[]'::json) AS deliveries
       FROM sponsored_posts p JOIN social_updates u ON u.id = p.update_id
       WHERE p.product_id = $1
       ORDER BY u.seq, p.platform`,
      [productId],
    );
  }

  /**
   * Records the platform's order for a held (or blocked) post and releases its deliveries: they become pending
   * with the order reference in their body (never sent before, so no attempt posted another body). One
   * transaction, the post's row locked, so two requests cannot both release it, and a cancellation's
   * withdrawal either comes first (the post is withdrawn) or withdraws the released deliveries after.
   */
  async release(productId: string, ref: PostRef, order: RecordedOrder): Promise<PostDecision> {
    const { updateId } = ref;
    try {
      return await this.db.transaction(async (m) => {
        const post = await lockPost(m, productId, ref);
        if ('outcome' in post) return post;
        const { platform } = post;
        if (post.status === 'withdrawn' || post.stage === 'CANCELLED') return { outcome: 'withdrawn' };
        if (post.status === 'released') {
          const same = post.orderReference === order.orderReference && post.feeMinor === order.feeMinor && post.currency === order.currency;
          if (!same) return { outcome: 'already-released', orderReference: post.orderReference ?? '' };
          const pending: { id: string }[] = await m.query(
            `SELECT id FROM deliveries WHERE ${POST_DELIVERIES} AND status = 'pending' ORDER BY id`,
            [updateId, platform],
          );
          return { outcome: 'released', deliveryIds: pending.map((d) => d.id), repeated: true, platform };
        }
        const taken = await otherPostOf(m, order.orderReference, updateId, platform);
        if (taken !== undefined) return { outcome: 'reference-taken', updateId: taken };
        await m.query(
          `UPDATE sponsored_posts SET status = 'released', order_reference = $3, fee_minor = $4, currency = $5, refusal_reason = NULL, decided_at = now()
           WHERE update_id = $1 AND platform = $2`,
          [updateId, platform, order.orderReference, order.feeMinor, order.currency],
        );
        const held: { id: string; payload: string }[] = await m.query(
          `SELECT id, payload FROM deliveries WHERE ${POST_DELIVERIES} AND status IN ('held', 'blocked') ORDER BY id FOR UPDATE`,
          [updateId, platform],
        );
        for (const d of held) {
          await m.query(`UPDATE deliveries SET status = 'pending', payload = $2, last_error = NULL WHERE id = $1`, [d.id, withOrderReference(d.payload, order.orderReference)]);
        }
        return { outcome: 'released', deliveryIds: held.map((d) => d.id), repeated: false, platform };
      });
    } catch (err) {
      // Another post took the reference between the check and the write.
      if (isUniqueViolation(err)) return { outcome: 'reference-taken', updateId: null };
      throw err;
    }
  }

  /** Records that the platform refused the paid order: the post and its held deliveries are blocked, with the reason. */
  async block(productId: string, ref: PostRef, refusal: { orderReference: string | null; reason: string }): Promise<PostDecision> {
    const { updateId } = ref;
    try {
      return await this.db.transaction(async (m) => {
        const post = await lockPost(m, productId, ref);
        if ('outcome' in post) return post;
        const { platform } = post;
        if (post.status === 'withdrawn' || post.stage === 'CANCELLED') return { outcome: 'withdrawn' };
        if (post.status === 'released') return { outcome: 'already-released', orderReference: post.orderReference ?? '' };
        if (refusal.orderReference !== null) {
          const taken = await otherPostOf(m, refusal.orderReference, updateId, platform);
          if (taken !== undefined) return { outcome: 'reference-taken', updateId: taken };
        }
        await m.query(
          `UPDATE sponsored_posts SET status = 'blocked', order_reference = $3, fee_minor = NULL, currency = NULL, refusal_reason = $4, decided_at = now()
           WHERE update_id = $1 AND platform = $2`,
          [updateId, platform, refusal.orderReference, refusal.reason],
        );
        const why = `blocked: the platform refused the paid-post order${refusal.orderReference === null ? '' : ` ${refusal.orderReference}`} (${refusal.reason}); not sent unless a new order reference is recorded`;
        await m.query(
          `UPDATE deliveries SET status = 'blocked', last_error = $3 WHERE ${POST_DELIVERIES} AND status IN ('held', 'blocked')`,
          [updateId, platform, why.slice(0, 2_000)],
        );
        return { outcome: 'blocked', platform };
      });
    } catch (err) {
      if (isUniqueViolation(err)) return { outcome: 'reference-taken', updateId: null };
      throw err;
    }
  }
}

/**
 * The update's post the request is about, locked: the one on the named platform (or the update's one post
 * from before per-platform posts), or its only post when none is named; otherwise why there is none.
 */
async function lockPost(m: EntityManager, productId: string, ref: PostRef): Promise<LockedPost | Extract<PostDecision, { outcome: 'not-sponsored' | 'platform-unknown' }>> {
  const rows: LockedPost[] = await m.query(
    `SELECT p.platform, p.status, p.order_reference AS "orderReference", p.fee_minor AS "feeMinor", p.currency, pr.stage
     FROM sponsored_posts p JOIN products pr ON pr.id = p.product_id
     WHERE p.update_id = $1 AND p.product_id = $2
     ORDER BY p.platform
     FOR UPDATE OF p`,
    [ref.updateId, productId],
  );
  if (rows.length === 0) return { outcome: 'not-sponsored' };
  const post = ref.platform === null ? (rows.length === 1 ? rows[0] : undefined) : rows.find((r) => r.platform === ref.platform || r.platform === EVERY_PLATFORM);
  return post ?? { outcome: 'platform-unknown', platforms: rows.map((r) => r.platform) };
}

/** The post that already holds this order reference on its platform (or on every platform: a post from before), if another does. */
async function otherPostOf(m: EntityManager, orderReference: string, updateId: string, platform: string): Promise<string | undefined> {
  const rows: { updateId: string }[] = await m.query(
    `SELECT update_id AS "updateId" FROM sponsored_posts WHERE (platform = $3 OR platform = '*' OR $3 = '*') AND order_reference = $1 AND update_id <> $2`,
    [orderReference, updateId, platform],
  );
  return rows[0]?.updateId;
}

/** The delivery's body with the platform's order reference in `data.sponsored`, so the receiver can attach the post to the paid order. */
function withOrderReference(payload: string, orderReference: string): string {
  const message = JSON.parse(payload) as { data: { sponsored?: Record<string, unknown> } };
  message.data.sponsored = { ...(message.data.sponsored ?? {}), orderReference };
  return JSON.stringify(message);
}
