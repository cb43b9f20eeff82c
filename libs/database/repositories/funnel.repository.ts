// Read-only report queries of attribution: what each stage's posts on each channel brought (share-page
// views, clicks, votes, reservations, orders and revenue), the conversions between them, and the live
// reserved units per variant the share page shows. Order tables as order intake writes them: an order is
// cancelled when order_cancellations has a row for it; revenue = lines of orders not cancelled − their refunds.
import type { DataSource, EntityManager } from 'typeorm';

/** Where a count is attributed: a tracked link's (stage, channel), a direct share-page view, or nothing. */
export type FunnelSourceKind = 'link' | 'direct' | 'unattributed';

export interface FunnelKey {
  kind: FunnelSourceKind;
  /** The update's stage (links and direct views); null when unattributed. */
  stage: string | null;
  /** The link's channel; null for direct, unattributed, or a link whose channel was deleted. */
  channelId: string | null;
}

export interface FunnelCounts {
  views: number;
  clicks: number;
  votes: number;
  reservations: number;
  reservedUnits: number;
  orders: number;
  orderedUnits: number;
  /** Per currency, in minor units (cents). */
  revenueMinor: Record<string, number>;
}

export interface FunnelReport {
  rows: (FunnelKey & FunnelCounts)[];
  /** Orders counted once each even when their lines came through different links. */
  distinctOrders: number;
  channelNames: Record<string, string>;
  conversions: { voters: number; votersWhoReserved: number; reservations: number; reservationsBought: number };
}

interface KeyRow {
  kind: FunnelSourceKind;
  stage: string | null;
  channel_id: string | null;
}

const NOT_CANCELLED = `NOT EXISTS (SELECT 1 FROM order_cancellations c WHERE c.shop_id = ol.shop_id AND c.order_id = ol.order_id)`;

/** An order line's code: its own, else the one its reservation came with. */
const ORDER_LINES = `
  SELECT ol.shop_id, ol.order_id, ol.line_id, ol.quantity, ol.unit_price_minor, ol.currency, l.stage, l.channel_id,
         CASE WHEN l.code IS NULL THEN 'unattributed' ELSE 'link' END AS kind
  FROM order_lines ol
  LEFT JOIN reservations r ON r.code = ol.reservation_code AND r.product_id = ol.product_id
  LEFT JOIN tracked_links l ON l.code = COALESCE(ol.attribution_code, r.attribution_code) AND l.product_id = ol.product_id
  WHERE ol.product_id = $1 AND ${NOT_CANCELLED}`;

export class FunnelRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async report(productId: string): Promise<FunnelReport> {
    const rows = new Map<string, FunnelKey & FunnelCounts>();
    const row = (k: KeyRow) => {
      const key = `${k.kind}\u0000${k.stage ?? ''}\u0000${k.channel_id ?? ''}`;
      let found = rows.get(key);
      if (!found) {
        found = { kind: k.kind, stage: k.stage, channelId: k.channel_id, views: 0, clicks: 0, votes: 0, reservations: 0, reservedUnits: 0, orders: 0, orderedUnits: 0, revenueMinor: {} };
        rows.set(key, found);
      }
      return found;
    };

    const views: (KeyRow & { n: number })[] = await this.db.query(
      `SELECT CASE WHEN v.code IS NULL THEN 'direct' ELSE 'link' END AS kind, COALESCE(l.stage, u.card->>'stage') AS stage, l.channel_id, count(*)::int AS n
       FROM share_views v JOIN social_updates u ON u.id = v.update_id LEFT JOIN tracked_links l ON l.code = v.code
       WHERE v.product_id = $1 GROUP BY 1, 2, 3`,
      [productId],
    );
    for (const v of views) row(v).views += v.n;

    const clicks: (KeyRow & { n: number })[] = await this.db.query(
      `SELECT 'link' AS kind, l.stage, l.channel_id, count(*)::int AS n
       FROM link_clicks c JOIN tracked_links l ON l.code = c.code WHERE l.product_id = $1 GROUP BY 2, 3`,
      [productId],
    );
    for (const c of clicks) row(c).clicks += c.n;

    const votes: (KeyRow & { n: number })[] = await this.db.query(
      `SELECT CASE WHEN l.code IS NULL THEN 'unattributed' ELSE 'link' END AS kind, l.stage, l.channel_id, count(*)::int AS n
       FROM votes v LEFT JOIN tracked_links l ON l.code = v.attribution_code AND l.product_id = v.product_id
       WHERE v.product_id = $1 GROUP BY 1, 2, 3`,
      [productId],
    );
    for (const v of votes) row(v).votes += v.n;

    const reservations: (KeyRow & { n: number; units: number })[] = await this.db.query(
      `SELECT CASE WHEN l.code IS NULL THEN 'unattributed' ELSE 'link' END AS kind, l.stage, l.channel_id, count(*)::int AS n, sum(r.quantity)::int AS units
       FROM reservations r LEFT JOIN tracked_links l ON l.code = r.attribution_code AND l.product_id = r.product_id
       WHERE r.product_id = $1 GROUP BY 1, 2, 3`,
      [productId],
    );
    for (const r of reservations) {
      const target = row(r);
      target.reservations += r.n;
      target.reservedUnits += r.units;
    }

    const orders: (KeyRow & { currency: string; orders: number; units: number; revenue: string })[] = await this.db.query(
      `WITH lines AS (${ORDER_LINES}),
       refunds AS (
         SELECT rl.shop_id, rl.order_id, rl.line_id, sum(rl.amount_minor) AS amount FROM refund_lines rl
         WHERE (rl.shop_id, rl.order_id, rl.line_id) IN (SELECT shop_id, order_id, line_id FROM lines) GROUP BY 1, 2, 3
       )
       SELECT a.kind, a.stage, a.channel_id, a.currency, count(DISTINCT (a.shop_id, a.order_id))::int AS orders, sum(a.quantity)::int AS units,
              (sum(a.quantity * a.unit_price_minor) - COALESCE(sum(rf.amount), 0))::text AS revenue
       FROM lines a LEFT JOIN refunds rf ON rf.shop_id = a.shop_id AND rf.order_id = a.order_id AND rf.line_id = a.line_id
       GROUP BY 1, 2, 3, 4`,
      [productId],
    );
    for (const o of orders) {
      const r = row(o);
      r.orders += o.orders;
      r.orderedUnits += o.units;
      r.revenueMinor[o.currency] = (r.revenueMinor[o.currency] ?? 0) + Number(o.revenue);
    }

    const [totals]: { distinct_orders: number; voters: number; voters_who_reserved: number; reservations: number; reservations_bought: number }[] = await this.db.query(
      `SELECT (SELECT count(DISTINCT (shop_id, order_id))::int FROM (${ORDER_LINES}) o) AS distinct_orders,
              -- One vote per fan and poll (the primary key): votes are distinct voters.
              (SELECT count(*)::int FROM votes WHERE product_id = $1) AS voters,
              (SELECT count(*)::int FROM votes v WHERE v.product_id = $1 AND EXISTS (
                 SELECT 1 FROM reservations r WHERE r.product_id = $1 AND r.platform = v.platform AND r.platform_user_id = v.platform_user_id)) AS voters_who_reserved,
              (SELECT count(*)::int FROM reservations WHERE product_id = $1) AS reservations,
              (SELECT count(*)::int FROM reservations r WHERE r.product_id = $1 AND EXISTS (
                 SELECT 1 FROM order_lines ol WHERE ol.product_id = $1 AND ol.reservation_code = r.code AND ${NOT_CANCELLED})) AS reservations_bought`,
      [productId],
    );

    const channelIds = [...new Set([...rows.values()].map((r) => r.channelId).filter((id): id is string => id !== null))];
    const names: { id: string; name: string }[] = channelIds.length ? await this.db.query('SELECT id, name FROM channels WHERE id = ANY($1::text[])', [channelIds]) : [];
    return {
      rows: [...rows.values()],
      distinctOrders: totals.distinct_orders,
      channelNames: Object.fromEntries(names.map((n) => [n.id, n.name])),
      conversions: {
        voters: totals.voters,
        votersWhoReserved: totals.voters_who_reserved,
        reservations: totals.reservations,
        reservationsBought: totals.reservations_bought,
      },
    };
  }

  /** Units and reservations still held per variant: the live demand a share page shows. */
  async heldByVariant(productId: string): Promise<{ variantId: string; units: number; reservations: number }[]> {
    const rows: { variant_id: string; units: number; reservations: number }[] = await this.db.query(
      `SELECT variant_id, sum(quantity)::int AS units, count(*)::int AS reservations
       FROM reservations WHERE product_id = $1 AND status = 'held' GROUP BY variant_id ORDER BY variant_id`,
      [productId],
    );
    return rows.map((r) => ({ variantId: r.variant_id, units: r.units, reservations: r.reservations }));
  }
}
