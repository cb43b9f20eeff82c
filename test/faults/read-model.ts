// What the fault suites read from the read model after a fault (did every product launch, did anything
// happen twice, did every delivery arrive once), and how they hold a product's row so an activity waits.
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { Receiver } from '../support/receiver';
import { eventually } from '../support/wait';

export async function stageOf(db: DataSource, id: string): Promise<string | undefined> {
  return (await db.query<{ stage: string }[]>(`SELECT stage FROM products WHERE id = $1`, [id]))[0]?.stage;
}

/** Holds a product's read-model row so the next projection of it (a local activity) waits on the lock. */
export async function holdProductRow(databaseUrl: string, id: string): Promise<{ release(): Promise<void> }> {
  const locker = new PgClient({ connectionString: databaseUrl });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('SELECT 1 FROM products WHERE id = $1 FOR UPDATE', [id]);
  return {
    release: async () => {
      await locker.query('ROLLBACK');
      await locker.end();
    },
  };
}

/** How many sessions wait in PostgreSQL for a lock while running a statement that contains `statement`. */
export async function lockWaiters(db: DataSource, statement: string): Promise<number> {
  return (await db.query<unknown[]>(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1`, [`%${statement}%`])).length;
}

/** Resolves once a projection (an activity) waits in PostgreSQL on a held product row. */
export function blockedOnRow(db: DataSource, what = 'the activity to wait on the row'): Promise<boolean> {
  return eventually(what, async () => (await lockWaiters(db, 'INSERT INTO products')) > 0);
}

export interface TimelineCheck {
  launched: boolean;
  /** Events recorded more than once (a stage change twice, a poll closed twice, a gap or repeat in seq). */
  duplicated: number;
}

/** What the read model says about a product: did it launch, and did anything happen twice. */
export async function checkTimeline(db: DataSource, id: string): Promise<TimelineCheck> {
  const events = await db.query<{ seq: number; type: string; stage: string }[]>(`SELECT seq, type, stage FROM timeline_events WHERE product_id = $1 ORDER BY seq`, [id]);
  let duplicated = 0;
  events.forEach((e, i) => e.seq !== i + 1 && duplicated++);
  const once = ['POLL_OPENED', 'POLL_CLOSED', 'PRODUCTION_STARTED', 'LAUNCH_SCHEDULED', 'LAUNCHED'];
  for (const type of once) duplicated += Math.max(0, events.filter((e) => e.type === type).length - 1);
  const stageChanges = events.filter((e) => e.type === 'STAGE_CHANGED').map((e) => e.stage);
  duplicated += stageChanges.length - new Set(stageChanges).size;
  const [row] = await db.query<{ stage: string }[]>(`SELECT stage FROM products WHERE id = $1`, [id]);
  // Launched products go on sale (older ones ended at LAUNCHED); staff may have ended them since.
  const launchedStage = ['LAUNCHED', 'ON_SALE', 'ENDED'].includes(row?.stage ?? '');
  return { launched: launchedStage && events.some((e) => e.type === 'LAUNCHED'), duplicated };
}

export interface DeliveryCheck {
  deliveries: number;
  /** Deliveries not recorded as delivered, or (webhooks) never accepted by the receiver. */
  lost: number;
  /** A webhook-id received with two different bodies, or an update delivered twice to one channel. */
  duplicated: number;
}

/** What the deliveries of these products say happened, against what a receiver got. */
export async function checkDeliveries(db: DataSource, productIds: string[], receiver: Receiver): Promise<DeliveryCheck> {
  const rows = await db.query<{ id: string; status: string; kind: string; update_id: string; channel_id: string }[]>(
    `SELECT d.id, d.status, c.kind, d.update_id, d.channel_id FROM deliveries d JOIN channels c ON c.id = d.channel_id WHERE d.product_id = ANY($1)`,
    [productIds],
  );
  const accepted = receiver.accepted();
  const lost = rows.filter((r) => r.status !== 'delivered' || (r.kind === 'webhook' && !accepted.has(r.id))).length;
  const bodies = new Map<string, Set<string>>();
  for (const r of receiver.received) bodies.set(r.webhookId, (bodies.get(r.webhookId) ?? new Set()).add(r.body));
  let duplicated = [...bodies.values()].filter((b) => b.size > 1).length;
  const pairs = new Set(rows.map((r) => `${r.update_id}/${r.channel_id}`));
  duplicated += rows.length - pairs.size;
  return { deliveries: rows.length, lost, duplicated };
}
