// Tracked links and what comes back through them: the redirect's look-up, counted clicks and counted
// share-page views (bots are filtered before; the same visitor again within the window is not counted).
// The links themselves are written with their updates (SocialUpdateRepository.insertWithDeliveries).
import type { DataSource, EntityManager } from 'typeorm';

/** A tracked link of a published update: where `/r/<code>` sends the visitor. */
export interface TrackedLinkTarget {
  code: string;
  productId: string;
  updateId: string;
  slug: string;
}

/** A tracked link as the worker writes it with its update; stage and event are the update's. */
export interface NewTrackedLink {
  code: string;
  updateId: string;
  channelId: string;
  stage: string;
  event: string;
}

export class TrackedLinkRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The link behind a code, if its update is published (internal and withheld updates have no public page). */
  async findTarget(code: string): Promise<TrackedLinkTarget | null> {
    const rows: { code: string; product_id: string; update_id: string; slug: string }[] = await this.db.query(
      `SELECT l.code, l.product_id, l.update_id, u.slug FROM tracked_links l JOIN social_updates u ON u.id = l.update_id
       WHERE l.code = $1 AND u.status = 'published'`,
      [code],
    );
    const row = rows[0];
    return row ? { code: row.code, productId: row.product_id, updateId: row.update_id, slug: row.slug } : null;
  }

  /** A product's links (what the funnel and tests read), oldest first. */
  async listForProduct(productId: string): Promise<(NewTrackedLink & { productId: string })[]> {
    const rows: { code: string; product_id: string; update_id: string; channel_id: string; stage: string; event: string }[] = await this.db.query(
      `SELECT code, product_id, update_id, channel_id, stage, event FROM tracked_links WHERE product_id = $1 ORDER BY created_at, update_id, channel_id`,
      [productId],
    );
    return rows.map((r) => ({ code: r.code, productId: r.product_id, updateId: r.update_id, channelId: r.channel_id, stage: r.stage, event: r.event }));
  }

  /**
   * Counts a click unless this visitor has a counted click on the code within the window. The lock per
   * (code, visitor) makes two simultaneous clicks of one visitor count once.
   */
  recordClick(code: string, visitor: string, windowMs: number): Promise<boolean> {
    return this.counted(`click:${code}:${visitor}`, (tx) =>
      tx.query(
        `INSERT INTO link_clicks (code, visitor) SELECT $1::text, $2::text
         WHERE NOT EXISTS (SELECT 1 FROM link_clicks WHERE code = $1::text AND visitor = $2::text AND clicked_at > now() - $3::float8 * interval '1 millisecond')
         RETURNING id`,
        [code, visitor, windowMs],
      ),
    );
  }

  /**
   * Counts a view of a published update's page unless this visitor has a counted view of it within the
   * window; attributed to `code` when that is one of this update's links, else direct (null).
   */
  recordView(view: { productId: string; updateId: string; code: string | null; visitor: string }, windowMs: number): Promise<boolean> {
    return this.counted(`view:${view.updateId}:${view.visitor}`, (tx) =>
      tx.query(
        `INSERT INTO share_views (product_id, update_id, code, visitor)
         SELECT $1::text, $2::text, (SELECT l.code FROM tracked_links l WHERE l.code = $3::text AND l.update_id = $2::text), $4::text
         WHERE NOT EXISTS (SELECT 1 FROM share_views WHERE update_id = $2::text AND visitor = $4::text AND viewed_at > now() - $5::float8 * interval '1 millisecond')
         RETURNING id`,
        [view.productId, view.updateId, view.code, view.visitor, windowMs],
      ),
    );
  }

  private async counted(lockKey: string, insert: (tx: EntityManager) => Promise<unknown[]>): Promise<boolean> {
    const run = async (tx: EntityManager) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))', [lockKey]);
      return (await insert(tx)).length > 0;
    };
    return this.db.transaction(run);
  }
}
