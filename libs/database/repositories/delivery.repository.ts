// Deliveries of social updates to channels: an attempt's claim, its outcome, staff's list and re-send.
// The only place their SQL lives (they are written with their update by SocialUpdateRepository).
import type { DataSource, EntityManager } from 'typeorm';
import type { ChannelEntity } from '../entities/channel.entity';
import { DeliveryEntity } from '../entities/delivery.entity';
import type { SocialUpdateEntity } from '../entities/social-update.entity';

/** What one attempt needs: the delivery and its channel, read as the attempt is counted. */
export type DeliveryAttempt = Pick<DeliveryEntity, 'status' | 'payload' | 'responseStatus' | 'updateId' | 'productId' | 'channelId'> &
  Pick<ChannelEntity, 'kind' | 'name' | 'url' | 'secretSealed' | 'disabledAt'> & {
    /** Set while a rotation's grace period runs: deliveries are signed with both secrets. */
    previousSecretSealed: string | null;
  };

/** A delivery as staff see it, with its update's event and its channel's kind. */
export type DeliveryListing = Omit<DeliveryEntity, 'update' | 'channel' | 'productId' | 'payload'> &
  Pick<SocialUpdateEntity, 'event'> & { channelKind: ChannelEntity['kind']; linkCode: string | null };

/** A delivery its product's cancellation withdrew, and the workflows that may still be attempting it. */
export interface WithdrawnDelivery {
  id: string;
  updateId: string;
  resends: number;
  /**
   * What was attempting it: null for an update that is not sponsored (its update's delivery workflow), the
   * platform of the released sponsored post it belongs to (that post's workflow), or 'never' for a sponsored
   * post's delivery that was held or blocked (no delivery workflow was ever started for it).
   */
  attemptedBy: string | null;
}

/** Error texts and receivers' answers are kept this long. */
export const DELIVERY_TEXT_KEPT = 2_000;

export class DeliveryRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Counts an attempt and reads what it sends where; null when the delivery or its channel is gone. */
  async startAttempt(deliveryId: string): Promise<DeliveryAttempt | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows] = await this.db.query<[DeliveryAttempt[], number]>(
      `UPDATE deliveries d SET attempts = d.attempts + 1
       FROM channels c WHERE d.id = $1 AND c.id = d.channel_id
       RETURNING d.status, d.payload, d.response_status AS "responseStatus", d.update_id AS "updateId", d.product_id AS "productId",
                 c.id AS "channelId", c.kind, c.name, c.url, c.secret_sealed AS "secretSealed", c.disabled_at AS "disabledAt",
                 CASE WHEN c.previous_secret_expires_at > now() THEN c.previous_secret_sealed END AS "previousSecretSealed"`,
      [deliveryId],
    );
    return rows[0] ?? null;
  }

  /** Shows staff the latest error while the delivery is still retrying; best effort. */
  async noteFailedAttempt(deliveryId: string, error: string): Promise<void> {
    await this.db
      .query('UPDATE deliveries SET last_error = $2 WHERE id = $1 AND status = $3', [deliveryId, error.slice(0, DELIVERY_TEXT_KEPT), 'pending'])
      .catch(() => undefined);
  }

  async markDelivered(deliveryId: string, httpStatus: number | null, body: string): Promise<void> {
    await this.db.query(
      `UPDATE deliveries SET status = 'delivered', delivered_at = COALESCE(delivered_at, now()), response_status = $2, response_body = $3,
         last_error = NULL, failed_at = NULL
       WHERE id = $1`,
      [deliveryId, httpStatus, body],
    );
  }

  /** A delivered one stays delivered (a late failure of a re-send changes nothing), a withdrawn one cancelled, a held or blocked one so. */
  async markFailed(deliveryId: string, error: string): Promise<void> {
    await this.db.query(`UPDATE deliveries SET status = 'failed', failed_at = now(), last_error = $2 WHERE id = $1 AND status IN ('pending', 'failed')`, [
      deliveryId,
      error.slice(0, DELIVERY_TEXT_KEPT),
    ]);
  }

  /** A product's deliveries in timeline order, then channel order; optionally only one status or one delivery. */
  async listForProduct(productId: string, only: { status?: string; deliveryId?: string } = {}): Promise<DeliveryListing[]> {
    return this.db.query(
      `SELECT d.id, d.update_id AS "updateId", d.channel_id AS "channelId", d.status, d.attempts, d.last_error AS "lastError",
              d.response_status AS "responseStatus", d.response_body AS "responseBody", d.resends, d.created_at AS "createdAt",
              d.delivered_at AS "deliveredAt", d.failed_at AS "failedAt", d.cancelled_at AS "cancelledAt", u.event, c.kind AS "channelKind", l.code AS "linkCode"
       FROM deliveries d
       JOIN social_updates u ON u.id = d.update_id JOIN channels c ON c.id = d.channel_id
       LEFT JOIN tracked_links l ON l.update_id = d.update_id AND l.channel_id = d.channel_id
       WHERE d.product_id = $1 AND ($2::text IS NULL OR d.status = $2) AND ($3::text IS NULL OR d.id = $3)
       ORDER BY u.seq, c.created_at, d.id`,
      [productId, only.status ?? null, only.deliveryId ?? null],
    );
  }

  async findOfProduct(deliveryId: string, productId: string): Promise<DeliveryEntity | null> {
    return this.db.getRepository(DeliveryEntity).findOneBy({ id: deliveryId, productId });
  }

  /**
   * Withdraws a cancelled product's deliveries that have not gone out, of its updates before `beforeSeq` (the
   * cancellation's own updates still go out): pending ones, and sponsored posts' held and blocked ones, become
   * cancelled (and those posts withdrawn). Returns every delivery of those updates cancelled so far, withdrawn
   * now or by an earlier try, so a retried compensation finds the same delivery workflows to stop.
   */
  async withdrawPending(productId: string, beforeSeq: number): Promise<WithdrawnDelivery[]> {
    // A post held or blocked until now (or withdrawn by an earlier try) never had a delivery workflow; the
    // statement's snapshot sees the statuses from before it.
    return this.db.query(
      `WITH withdrawn AS (
         UPDATE deliveries d SET status = 'cancelled', cancelled_at = now()
         FROM social_updates u WHERE u.id = d.update_id AND d.product_id = $1 AND u.seq < $2 AND d.status IN ('pending', 'held', 'blocked')
         RETURNING d.id, d.update_id, d.resends
       ), posts AS (
         UPDATE sponsored_posts p SET status = 'withdrawn', withdrawn_at = now()
         FROM social_updates u WHERE u.id = p.update_id AND p.product_id = $1 AND u.seq < $2 AND p.status IN ('held', 'blocked')
       ), cancelled AS (
         SELECT id, update_id, resends FROM withdrawn
         UNION
         SELECT d.id, d.update_id, d.resends FROM deliveries d JOIN social_updates u ON u.id = d.update_id
         WHERE d.product_id = $1 AND u.seq < $2 AND d.status = 'cancelled'
       )
       SELECT c.id, c.update_id AS "updateId", c.resends,
              CASE WHEN NOT EXISTS (SELECT 1 FROM sponsored_posts p WHERE p.update_id = c.update_id) THEN NULL
                   ELSE COALESCE((SELECT p.platform FROM sponsored_posts p
                                  WHERE p.update_id = c.update_id AND p.status = 'released' AND (p.platform = '*' OR p.platform = d.sponsored_platform)), 'never')
              END AS "attemptedBy"
       FROM cancelled c JOIN deliveries d ON d.id = c.id
       ORDER BY 1`,
      [productId, beforeSeq],
    );
  }

  /** Those of these deliveries that are pending: the ones a delivery workflow is to attempt. */
  async pendingAmong(deliveryIds: string[]): Promise<Set<string>> {
    if (deliveryIds.length === 0) return new Set();
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM deliveries WHERE id = ANY($1::text[]) AND status = 'pending'`, [deliveryIds]);
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Claims a failed delivery for a re-send (pending again, one more re-send): the conditional update is the
   * lock, so two requests cannot both claim it. The re-send's number, or null when it is not failed.
   */
  async claimResend(deliveryId: string): Promise<number | null> {
    // Never for a cancelled product: nothing of it is sent after its cancellation's own updates.
    const [claimed] = await this.db.query<[{ resends: number }[], number]>(
      `UPDATE deliveries d SET status = 'pending', resends = d.resends + 1, failed_at = NULL
       FROM products p WHERE d.id = $1 AND d.status = 'failed' AND p.id = d.product_id AND p.stage <> 'CANCELLED'
       RETURNING d.resends`,
      [deliveryId],
    );
    return claimed[0]?.resends ?? null;
  }

  /** Gives a claimed re-send back when its workflow could not start. */
  async releaseResend(deliveryId: string): Promise<void> {
    await this.db.query(`UPDATE deliveries SET status = 'failed', failed_at = now() WHERE id = $1 AND status = 'pending'`, [deliveryId]);
  }
}
