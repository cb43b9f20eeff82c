// Reservations ("I'd buy it") as intake writes them: one statement inserts a batch (one per fan and
// variant, one per webhook delivery), bumps the demand window's live totals and records the moment the
// goal was first reached, in one commit. Also the look-ups intake and order intake need. Hot path: raw SQL.
import type { DataSource, EntityManager } from 'typeorm';
import { retryOnConflict } from '../errors';
import { queryPrepared } from '../prepared';
import type { ReservationEntity } from '../entities/reservation.entity';

export type NewReservation = Pick<
  ReservationEntity,
  'code' | 'productId' | 'variantId' | 'quantity' | 'platform' | 'platformUserId' | 'platformUserIdRaw' | 'via' | 'sourceId' | 'webhookId' | 'attributionCode'
> & { id: string };

/** What the batch statement says about each reservation, in the order given. */
export interface ReservationWrite {
  /** The window was open (and its row held) when the batch inserted. */
  open: boolean;
  /** Stored now; false for an open window means a duplicate (same fan and variant, or same delivery). */
  stored: boolean;
  /** Only for reservations refused because the window is not open: its status and closing time, if it exists. */
  windowStatus: string | null;
  closesAt: string | null;
}

/** A window whose goal this batch reached first: the workflow is told (demandGoalReached). */
export interface GoalCrossing {
  productId: string;
  totalUnits: number;
}

export interface ReservationBatchResult {
  reservations: ReservationWrite[];
  crossed: GoalCrossing[];
}

/** The stored reservation a duplicate collided with. */
export interface StoredReservation {
  code: string;
  variantId: string;
  platformUserId: string;
  sourceId: string;
  webhookId: string;
}

interface BatchRow {
  idx: number;
  open: boolean;
  stored: boolean;
  window_status: string | null;
  closes_at: string | null;
  crossed: GoalCrossing[] | null;
}

// The window rows are held FOR SHARE while the batch inserts, as votes hold their polls: the tally's close
// (DemandWindowRepository.tally, an UPDATE) waits for every batch holding the row and makes later ones find
// it not OPEN, so every reservation acknowledged before the close is counted and none after it is accepted.
// The live totals are a row of their own (demand_window_totals), upserted at the end: concurrent batches
// (of several API processes) queue only there, for the moment of the update, not for each other's whole
// statement and commit as they did while the totals were the window's own row, locked to be updated.
// A batch reached the goal when its units took the total from below the goal to it or past it (the goal
// never changes while the window is open; each batch sees the total the one before it committed).
const INSERT_BATCH = `
WITH input AS (
  SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
    AS t(idx, id, code, product_id, quantity, variant_id, platform, platform_user_id, platform_user_id_raw, via, source_id, webhook_id, attribution_code)
), open_windows AS (
  SELECT w.product_id, w.minimum_units FROM demand_windows w
  WHERE w.product_id = ANY($4::text[]) AND w.status = 'OPEN' AND w.closes_at > now()
  ORDER BY w.product_id
  FOR SHARE
), inserted AS (
  INSERT INTO reservations (id, code, product_id, variant_id, quantity, platform, platform_user_id, platform_user_id_raw, via, source_id, webhook_id, attribution_code)
  SELECT i.id, i.code, i.product_id, i.variant_id, i.quantity, i.platform, i.platform_user_id, i.platform_user_id_raw, i.via, i.source_id, i.webhook_id, i.attribution_code
  FROM input i JOIN open_windows o ON o.product_id = i.product_id
  ORDER BY i.idx
  ON CONFLICT DO NOTHING
  RETURNING id, product_id, quantity
), added AS (
  SELECT product_id, sum(quantity)::int AS units, count(*)::int AS n FROM inserted GROUP BY product_id
), bumped AS (
  INSERT INTO demand_window_totals AS t (product_id, reserved_units, reservations, goal_reached_at)
  SELECT a.product_id, a.units, a.n, CASE WHEN a.units >= o.minimum_units THEN now() END
  FROM added a JOIN open_windows o ON o.product_id = a.product_id
  ORDER BY a.product_id
  ON CONFLICT (product_id) DO UPDATE SET reserved_units = t.reserved_units + EXCLUDED.reserved_units, reservations = t.reservations + EXCLUDED.reservations,
    goal_reached_at = coalesce(t.goal_reached_at, CASE
      WHEN t.reserved_units + EXCLUDED.reserved_units >= (SELECT w.minimum_units FROM demand_windows w WHERE w.product_id = t.product_id) THEN now() END)
  RETURNING t.product_id, t.reserved_units
), crossed AS (
  SELECT b.product_id, b.reserved_units FROM bumped b JOIN added a ON a.product_id = b.product_id JOIN open_windows o ON o.product_id = b.product_id
  WHERE b.reserved_units >= o.minimum_units AND b.reserved_units - a.units < o.minimum_units
)
SELECT i.idx,
       o.product_id IS NOT NULL AS open,
       ins.id IS NOT NULL AS stored,
       CASE WHEN o.product_id IS NULL THEN (SELECT w.status FROM demand_windows w WHERE w.product_id = i.product_id) END AS window_status,
       CASE WHEN o.product_id IS NULL THEN (
         SELECT to_char(w.closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM demand_windows w WHERE w.product_id = i.product_id) END AS closes_at,
       CASE WHEN i.idx = 0 THEN (
         SELECT json_agg(json_build_object('productId', c.product_id, 'totalUnits', c.reserved_units)) FROM crossed c) END AS crossed
FROM input i
LEFT JOIN open_windows o ON o.product_id = i.product_id
LEFT JOIN inserted ins ON ins.id = i.id
ORDER BY i.idx`;

// The stored reservation each of a batch's refused ones collided with: by delivery first, else by fan and
// variant (each a probe of a unique index). Not prepared, although planning it costs about as much as
// running it: a generic plan made while the table held a few rows scans all of it for each item of every
// later batch until the table is analysed again (test/database/prepared-plans.test.ts).
const FIND_EXISTING = `SELECT i.idx, f.code, f.variant_id, f.platform_user_id, f.source_id, f.webhook_id
FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
  AS i(idx, product_id, variant_id, platform, platform_user_id, source_id, webhook_id)
LEFT JOIN LATERAL (
  SELECT r.code, r.variant_id, r.platform_user_id, r.source_id, r.webhook_id FROM reservations r
  WHERE (r.source_id = i.source_id AND r.webhook_id = i.webhook_id)
     OR (r.product_id = i.product_id AND r.variant_id = i.variant_id AND r.platform = i.platform AND r.platform_user_id = i.platform_user_id)
  ORDER BY (r.source_id = i.source_id AND r.webhook_id = i.webhook_id) DESC LIMIT 1
) f ON true
ORDER BY i.idx`;

export class ReservationRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Writes a batch with the windows' live totals, in one statement and one commit. */
  async insertBatch(rs: NewReservation[]): Promise<ReservationBatchResult> {
    const params = [
      rs.map((_, i) => i),
      rs.map((r) => r.id),
      rs.map((r) => r.code),
      rs.map((r) => r.productId),
      rs.map((r) => r.quantity),
      rs.map((r) => r.variantId),
      rs.map((r) => r.platform),
      rs.map((r) => r.platformUserId),
      rs.map((r) => r.platformUserIdRaw),
      rs.map((r) => r.via),
      rs.map((r) => r.sourceId),
      rs.map((r) => r.webhookId),
      rs.map((r) => r.attributionCode),
    ];
    // Deadlocks can only come from batches of different API instances meeting on the same windows in another
    // order; a retry of the whole batch is safe: every part of the statement is idempotent per reservation.
    const rows: BatchRow[] = await retryOnConflict(() => queryPrepared<BatchRow>(this.db, { name: 'reservation-batch', text: INSERT_BATCH }, params));
    return {
      reservations: rows.map((r) => ({ open: r.open, stored: r.stored, windowStatus: r.window_status, closesAt: r.closes_at })),
      crossed: rows[0]?.crossed ?? [],
    };
  }

  /**
   * The stored reservations a batch's duplicates collided with, in one statement: by delivery first, else by
   * fan and variant (each a probe of a unique index); null where nothing collides.
   */
  async findExistingMany(rs: Pick<NewReservation, 'productId' | 'variantId' | 'platform' | 'platformUserId' | 'sourceId' | 'webhookId'>[]): Promise<(StoredReservation | null)[]> {
    if (rs.length === 0) return [];
    const rows: { idx: number; code: string | null; variant_id: string; platform_user_id: string; source_id: string; webhook_id: string }[] = await this.db.query(
      FIND_EXISTING,
      [
        rs.map((_, i) => i),
        rs.map((r) => r.productId),
        rs.map((r) => r.variantId),
        rs.map((r) => r.platform),
        rs.map((r) => r.platformUserId),
        rs.map((r) => r.sourceId),
        rs.map((r) => r.webhookId),
      ],
    );
    return rows.map((row) =>
      row.code === null ? null : { code: row.code, variantId: row.variant_id, platformUserId: row.platform_user_id, sourceId: row.source_id, webhookId: row.webhook_id },
    );
  }

  /** Windows whose goal intake reached at least `graceSeconds` ago while the workflow's read model does not show it yet. */
  async unannouncedGoals(graceSeconds: number, limit: number): Promise<GoalCrossing[]> {
    const rows: { product_id: string; reserved_units: number }[] = await this.db.query(
      `SELECT w.product_id, t.reserved_units FROM demand_window_totals t JOIN demand_windows w ON w.product_id = t.product_id JOIN products p ON p.id = t.product_id
       WHERE t.goal_reached_at IS NOT NULL AND t.goal_reached_at < now() - make_interval(secs => $1) AND w.status = 'OPEN'
         AND p.snapshot -> 'demand' ->> 'goalReachedAt' IS NULL
       ORDER BY t.goal_reached_at LIMIT $2`,
      [graceSeconds, limit],
    );
    return rows.map((r) => ({ productId: r.product_id, totalUnits: r.reserved_units }));
  }

  /** Units reserved per variant: reservations held, or converted into orders (released and expired ones no longer count). */
  async unitsPerVariant(productId: string): Promise<Map<string, number>> {
    const rows: { variant_id: string; units: number }[] = await this.db.query(
      `SELECT variant_id, sum(quantity)::int AS units FROM reservations WHERE product_id = $1 AND status IN ('held', 'converted') GROUP BY variant_id`,
      [productId],
    );
    return new Map(rows.map((r) => [r.variant_id, r.units]));
  }
}
