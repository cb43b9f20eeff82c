// Notifications to people: who is told (the product's influencer, the active staff, with their contact
// details and choice), writing them (a retried write changes nothing), one attempt's view of one with its
// recipient's address, outcomes, the daily digests, and staff's list (the outbox). The only place their SQL lives.
import type { DataSource } from 'typeorm';
import type { ContactChannel, ContactLanguage, NotificationAudience, NotificationKind, NotificationMode } from '../../domain';
import type { NotificationStatus } from '../entities/notification.entity';

/** Error texts are kept this long (like deliveries'). */
export const NOTIFICATION_TEXT_KEPT = 2_000;

/** A person who may be told, as a notification is written. */
export interface Recipient {
  kind: NotificationAudience;
  id: string;
  name: string;
  email: string | null;
  preferredChannel: ContactChannel;
  webhookUrl: string | null;
  language: ContactLanguage;
  timeZone: string;
  notificationMode: NotificationMode;
}

export interface NewNotification {
  id: string;
  recipientKind: NotificationAudience;
  recipientId: string;
  productId: string | null;
  source: string;
  kind: NotificationKind;
  channel: ContactChannel;
  language: ContactLanguage;
  subject: string;
  body: string;
  payload: string;
  status: Extract<NotificationStatus, 'pending' | 'queued' | 'outbox'>;
  /** Why it is kept in the outbox rather than sent. */
  lastError: string | null;
}

/** One attempt's view: the notification and where it goes now (her address may have changed since). */
export interface NotificationAttempt {
  id: string;
  status: NotificationStatus;
  channel: ContactChannel;
  language: ContactLanguage;
  subject: string;
  body: string;
  payload: string;
  recipientKind: NotificationAudience;
  recipientId: string;
  email: string | null;
  webhookUrl: string | null;
  webhookSecretSealed: string | null;
}

export interface NotificationListing {
  id: string;
  recipientKind: NotificationAudience;
  recipientId: string;
  productId: string | null;
  kind: NotificationKind;
  channel: ContactChannel;
  language: ContactLanguage;
  subject: string;
  body: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  digestId: string | null;
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
}

/** A person's contact columns, of the table aliased `t`. */
const CONTACT = `t.email, t.preferred_channel AS "preferredChannel", t.webhook_url AS "webhookUrl", t.language, t.time_zone AS "timeZone", t.notification_mode AS "notificationMode"`;

/** A notification `n`'s recipient: `s` when she is a staff member, `i` when she is an influencer. */
const RECIPIENT_JOIN = `LEFT JOIN staff_members s ON n.recipient_kind = 'staff' AND s.id = n.recipient_id
  LEFT JOIN influencers i ON n.recipient_kind = 'influencer' AND i.id = n.recipient_id`;

/** What staff are told about a delivery that failed for good. */
export interface FailedDelivery {
  productId: string;
  productName: string;
  event: string;
  channelName: string;
  error: string;
  failedAt: Date;
}

export class NotificationRepository {
  constructor(private readonly db: DataSource) {}

  /** The product's influencer and every active staff member, as the audience asks. */
  async recipients(productId: string | null, audience: readonly NotificationAudience[]): Promise<Recipient[]> {
    const out: Recipient[] = [];
    if (audience.includes('influencer') && productId) {
      out.push(
        ...(await this.db.query<Recipient[]>(
          `SELECT 'influencer' AS kind, t.id, t.display_name AS name, ${CONTACT} FROM products p JOIN influencers t ON t.id = p.influencer_id WHERE p.id = $1`,
          [productId],
        )),
      );
    }
    if (audience.includes('staff')) {
      out.push(...(await this.db.query<Recipient[]>(`SELECT 'staff' AS kind, t.id, t.name, ${CONTACT} FROM staff_members t WHERE t.disabled_at IS NULL ORDER BY t.id`)));
    }
    return out;
  }

  /** A delivery that failed for good, with what staff need to act on it; null when it is not failed. */
  async failedDelivery(deliveryId: string): Promise<FailedDelivery | null> {
    const rows = await this.db.query<FailedDelivery[]>(
      `SELECT d.product_id AS "productId", p.name AS "productName", u.event, c.name AS "channelName", COALESCE(d.last_error, '') AS error, COALESCE(d.failed_at, now()) AS "failedAt"
       FROM deliveries d JOIN products p ON p.id = d.product_id JOIN social_updates u ON u.id = d.update_id JOIN channels c ON c.id = d.channel_id
       WHERE d.id = $1 AND d.status = 'failed'`,
      [deliveryId],
    );
    return rows[0] ?? null;
  }

  /** Writes them (one statement); one written before under the same id is kept as it is. */
  async insert(rows: NewNotification[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO notifications (id, recipient_kind, recipient_id, product_id, source, kind, channel, language, subject, body, payload, status, last_error)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id varchar, "recipientKind" varchar, "recipientId" varchar, "productId" varchar, source varchar, kind varchar,
         channel varchar, language varchar, subject text, body text, payload text, status varchar, "lastError" text)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }

  /** Which of these are still to be sent now. */
  async pendingAmong(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<{ id: string }[]>(`SELECT id FROM notifications WHERE id = ANY($1) AND status = 'pending' ORDER BY id`, [ids]);
    return rows.map((r) => r.id);
  }

  /** Counts the attempt and answers the notification with its recipient's current address; null when it does not exist. */
  async startAttempt(id: string): Promise<NotificationAttempt | null> {
    const rows = await this.db.query<NotificationAttempt[]>(
      `WITH n AS (
         UPDATE notifications SET attempts = attempts + CASE WHEN status = 'pending' THEN 1 ELSE 0 END WHERE id = $1
         RETURNING id, status, channel, language, subject, body, payload, recipient_kind, recipient_id)
       SELECT n.id, n.status, n.channel, n.language, n.subject, n.body, n.payload, n.recipient_kind AS "recipientKind", n.recipient_id AS "recipientId",
              COALESCE(s.email, i.email) AS email, COALESCE(s.webhook_url, i.webhook_url) AS "webhookUrl",
              COALESCE(s.webhook_secret_sealed, i.webhook_secret_sealed) AS "webhookSecretSealed"
       FROM n ${RECIPIENT_JOIN}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async noteFailedAttempt(id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE notifications SET last_error = $2 WHERE id = $1 AND status = 'pending'`, [id, error.slice(0, NOTIFICATION_TEXT_KEPT)]);
  }

  async markSent(id: string): Promise<void> {
    await this.db.query(`UPDATE notifications SET status = 'sent', sent_at = COALESCE(sent_at, now()), last_error = NULL WHERE id = $1`, [id]);
  }

  /** A sent one stays sent. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE notifications SET status = 'failed', failed_at = now(), last_error = $2 WHERE id = $1 AND status <> 'sent'`, [id, error.slice(0, NOTIFICATION_TEXT_KEPT)]);
  }

  /** Everyone with notifications waiting for a digest, with her contact details. */
  digestRecipients(): Promise<Recipient[]> {
    return this.db.query(
      `SELECT DISTINCT n.recipient_kind AS kind, n.recipient_id AS id, COALESCE(s.name, i.display_name) AS name, COALESCE(s.email, i.email) AS email,
              COALESCE(s.preferred_channel, i.preferred_channel) AS "preferredChannel", COALESCE(s.webhook_url, i.webhook_url) AS "webhookUrl",
              COALESCE(s.language, i.language) AS language, COALESCE(s.time_zone, i.time_zone) AS "timeZone",
              COALESCE(s.notification_mode, i.notification_mode) AS "notificationMode"
       FROM notifications n ${RECIPIENT_JOIN}
       WHERE n.status = 'queued' AND COALESCE(s.id, i.id) IS NOT NULL ORDER BY 1, 2`,
    );
  }

  /**
   * Writes one person's digest from everything queued for her (in one transaction: the queued ones become
   * digested, carried by it). `build` makes the digest from them; none queued (or the digest written before
   * under this id): nothing changes. Answers the digest's id when it is to be sent now.
   */
  async writeDigest(who: Pick<Recipient, 'kind' | 'id'>, digestId: string, build: (items: { subject: string; body: string; language: ContactLanguage }[]) => NewNotification): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      const queued = await tx.query<{ id: string; subject: string; body: string; language: ContactLanguage }[]>(
        `SELECT id, subject, body, language FROM notifications WHERE recipient_kind = $1 AND recipient_id = $2 AND status = 'queued' ORDER BY created_at, id FOR UPDATE`,
        [who.kind, who.id],
      );
      if (queued.length === 0) return null;
      const digest = build(queued);
      const [inserted] = await tx.query<[{ id: string }[], number]>(
        `INSERT INTO notifications (id, recipient_kind, recipient_id, product_id, source, kind, channel, language, subject, body, payload, status, last_error)
         VALUES ($1, $2, $3, NULL, $4, 'digest', $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [digest.id, who.kind, who.id, digest.source, digest.channel, digest.language, digest.subject, digest.body, digest.payload, digest.status, digest.lastError],
      );
      // Today's digest went out already: these wait for tomorrow's.
      if (inserted.length === 0) return null;
      await tx.query(`UPDATE notifications SET status = 'digested', digest_id = $2 WHERE id = ANY($1)`, [queued.map((q) => q.id), digest.id]);
      return digest.status === 'pending' ? digest.id : null;
    });
  }

  /** Staff's view, newest first: optionally one person's, one status's, one product's. */
  list(only: { recipientKind?: NotificationAudience; recipientId?: string; status?: NotificationStatus; productId?: string; limit: number; offset: number }): Promise<NotificationListing[]> {
    return this.db.query(
      `SELECT id, recipient_kind AS "recipientKind", recipient_id AS "recipientId", product_id AS "productId", kind, channel, language, subject, body, status,
              attempts, last_error AS "lastError", digest_id AS "digestId", created_at AS "createdAt", sent_at AS "sentAt", failed_at AS "failedAt"
       FROM notifications
       WHERE ($1::text IS NULL OR recipient_kind = $1) AND ($2::text IS NULL OR recipient_id = $2) AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR product_id = $4)
       ORDER BY created_at DESC, id LIMIT $5 OFFSET $6`,
      [only.recipientKind ?? null, only.recipientId ?? null, only.status ?? null, only.productId ?? null, only.limit, only.offset],
    );
  }
}
