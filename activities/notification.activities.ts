// Side effects of telling people who must act: writing one notification per recipient (in her language and
// time zone, on her channel; queued for her digest, kept in the outbox, or to be sent now), one attempt at
// sending one (email through SMTP, or the signed POST to her webhook through the outbound guard), the
// outcome, and the daily digests.

import { ApplicationFailure } from '@temporalio/activity';
import {
  DeliveryErrorType,
  type DeliveryRetry,
  type NotificationActivities,
  type NotificationAudience,
  type NotificationKind,
  type NotifyPeopleInput,
  type PeopleNotified,
} from '@app/domain';
import { MagicLinkRepository, NotificationRepository, stableId, type NewNotification, type Recipient } from '@app/database';
import { MAGIC_LINK_MARK, Mailer, magicLinkUrl, notificationMagicLinkToken, renderDigest, renderNotification, type NotificationText } from '@app/notify';
import type { OutboundGuard } from '@app/outbound';
import { hashAccessToken, influencerContactWebhookSecretContext, staffMemberWebhookSecretContext, type SecretBox } from '@app/webhooks';
import type { DataSource } from 'typeorm';
import { activityLogFields } from './log-context';
import { signedGuardedPost } from './signed-post';
import type { SocialActivityLogger } from './social.activities';

export interface NotificationActivityDeps {
  dataSource: DataSource;
  secretBox: SecretBox;
  outbound: OutboundGuard;
  deliveryRetry: DeliveryRetry;
  log: SocialActivityLogger;
  /** SMTP (none configured: email notifications stay in the outbox) and the digest hour, people's own time. */
  mail?: { mailer: Mailer; digestHour: number };
  /** Where influencers' magic links point (PUBLIC_BASE_URL or the API's address) and how long they last (MAGIC_LINK_TTL). */
  magicLinks?: { publicBaseUrl: () => string; ttlMs: number };
}

/** The recipient of a staff alert written before any staff member was registered (kept in the outbox). */
export const STAFF_TEAM = 'staff';

/** One notification per source, kind and recipient: a retried write names the same one. */
export function notificationId(source: string, kind: string, recipient: { kind: string; id: string }): string {
  return stableId('ntf', 16, source, kind, recipient.kind, recipient.id);
}

/** The calendar day and hour at `atMs` in a time zone. */
export function localDayAndHour(atMs: number, timeZone: string): { day: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(atMs))
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/** The magic link's id a notification's link is stored under: one per notification, whatever the retries. */
export function notificationMagicLinkId(notificationId: string): string {
  return stableId('mlk', 16, 'notification', notificationId);
}

export function createNotificationActivities(deps: NotificationActivityDeps): Omit<NotificationActivities, 'notifyPeopleStartingDeliveries'> {
  const notifications = new NotificationRepository(deps.dataSource);
  const magicLinks = new MagicLinkRepository(deps.dataSource);
  const mailer = deps.mail?.mailer;
  const digestHour = deps.mail?.digestHour ?? 8;

  /** How a person is reached for this one: sent now, queued for her digest, or kept in the outbox (and why). */
  const routing = (r: Recipient, digestable: boolean): Pick<NewNotification, 'channel' | 'status' | 'lastError'> => {
    if (r.preferredChannel === 'webhook' && r.webhookUrl) return { channel: 'webhook', status: digestable && r.notificationMode === 'daily_digest' ? 'queued' : 'pending', lastError: null };
    if (!r.email) return { channel: 'email', status: 'outbox', lastError: `${r.kind} ${r.id} has no email address` };
    if (digestable && r.notificationMode === 'daily_digest') return { channel: 'email', status: 'queued', lastError: null };
    if (!mailer?.configured) return { channel: 'email', status: 'outbox', lastError: 'no SMTP server is configured (SMTP_URL): kept in the outbox' };
    return { channel: 'email', status: 'pending', lastError: null };
  };

  const message = (id: string, kind: NotificationKind, productId: string | null, at: string, text: NotificationText, details: Record<string, unknown>) =>
    JSON.stringify({ type: `notification.${kind}`, timestamp: at, data: { notificationId: id, kind, productId, subject: text.subject, body: text.body, details } });

  /**
   * An influencer's notification carries a magic link to her page where its words hold MAGIC_LINK_MARK: the link's
   * token is derived from the notification's id (the same on every attempt, only its hash stored), and the link
   * is stored once, valid MAGIC_LINK_TTL from the first attempt. Others' words are sent as they are.
   */
  const withMagicLink = async (id: string, recipientKind: NotificationAudience, recipientId: string, words: { body: string; payload: string }): Promise<{ body: string; payload: string }> => {
    if (recipientKind !== 'influencer' || !deps.magicLinks || !words.body.includes(MAGIC_LINK_MARK)) return words;
    const token = notificationMagicLinkToken(deps.secretBox, id);
    await magicLinks.insertOrKeep({
      id: notificationMagicLinkId(id),
      influencerId: recipientId,
      tokenHash: hashAccessToken(token),
      issuedBy: `notification:${id}`,
      expiresAt: new Date(Date.now() + deps.magicLinks.ttlMs),
    });
    const url = magicLinkUrl(deps.magicLinks.publicBaseUrl(), token);
    return { body: words.body.replaceAll(MAGIC_LINK_MARK, url), payload: words.payload.replaceAll(MAGIC_LINK_MARK, url) };
  };

  /** Writes one notification per recipient who wants them; answers the ones to send now. */
  const write = async (source: string, kind: Exclude<NotificationKind, 'digest' | 'auth.sign_in_link'>, productId: string | null, at: string, audience: NotificationAudience[], details: Record<string, unknown>): Promise<PeopleNotified> => {
    const rowFor = (r: Pick<Recipient, 'kind' | 'id' | 'language' | 'timeZone'>, route: Pick<NewNotification, 'channel' | 'status' | 'lastError'>): NewNotification => {
      const id = notificationId(source, kind, r);
      const text = renderNotification({ kind, language: r.language, timeZone: r.timeZone, productId, details, ...(r.kind === 'influencer' && deps.magicLinks ? { pageLink: MAGIC_LINK_MARK } : {}) });
      return { id, recipientKind: r.kind, recipientId: r.id, productId, source, kind, language: r.language, subject: text.subject, body: text.body, payload: message(id, kind, productId, at, text, details), ...route };
    };
    const everyone = await notifications.recipients(productId, audience);
    const rows = everyone.filter((r) => r.notificationMode !== 'none').map((r) => rowFor(r, routing(r, true)));
    // Staff's alert with no active staff member (a fresh engine, before the first sign-in): one copy is kept in
    // the outbox for the team, so it is not lost; whoever signs in first reads it at GET /notifications.
    if (audience.includes('staff') && !everyone.some((r) => r.kind === 'staff')) {
      rows.push(
        rowFor(
          { kind: 'staff', id: STAFF_TEAM, language: 'en', timeZone: 'UTC' },
          { channel: 'email', status: 'outbox', lastError: 'no active staff member to tell (add one: POST /staff-members, or npm run sign-in-link): kept in the outbox for staff to read' },
        ),
      );
    }
    await notifications.insert(rows);
    return { notificationIds: await notifications.pendingAmong(rows.map((r) => r.id)), retry: deps.deliveryRetry };
  };

  return {
    async notifyPeople({ productId, seq, kind, audience, at, details }: NotifyPeopleInput): Promise<PeopleNotified> {
      if (kind === 'digest' || kind === 'auth.sign_in_link') throw ApplicationFailure.nonRetryable(`a ${kind} is not written for an event`, DeliveryErrorType.Refused);
      // The event is its product's seq: two products' events of one seq are two causes.
      return write(`event:${productId}:${seq}`, kind, productId, at, audience, details);
    },

    async notifyDeliveryFailed({ deliveryId }: { deliveryId: string }): Promise<PeopleNotified> {
      const failed = await notifications.failedDelivery(deliveryId);
      // Gone (its product deleted) or not failed after all (a late attempt delivered it): nobody is told.
      if (!failed) return { notificationIds: [], retry: deps.deliveryRetry };
      const details = { productName: failed.productName, event: failed.event, channel: failed.channelName, error: failed.error };
      return write(`delivery:${deliveryId}`, 'delivery.failed', failed.productId, new Date(failed.failedAt).toISOString(), ['staff'], details);
    },

    async sendNotification({ notificationId: id, timeoutMs }: { notificationId: string; timeoutMs: number }): Promise<void> {
      const n = await notifications.startAttempt(id);
      if (!n) throw ApplicationFailure.nonRetryable(`notification ${id} no longer exists`, DeliveryErrorType.Refused);
      if (n.status === 'sent') return;
      const { body, payload } = await withMagicLink(id, n.recipientKind, n.recipientId, n);
      if (n.channel === 'email') {
        if (!n.email) throw ApplicationFailure.nonRetryable(`${n.recipientKind} ${n.recipientId} has no email address any more`, DeliveryErrorType.Refused);
        if (!mailer?.configured) throw ApplicationFailure.nonRetryable('no SMTP server is configured (SMTP_URL)', DeliveryErrorType.Refused);
        try {
          await mailer.send({ to: n.email, subject: n.subject, text: body, id, language: n.language }, timeoutMs);
        } catch (err) {
          const error = `the SMTP server did not take it: ${(err as Error).message}`.slice(0, 500);
          await notifications.noteFailedAttempt(id, error);
          // 5xx: the server refuses this mail for good (no such mailbox…); anything else may pass later.
          const code = (err as { responseCode?: number }).responseCode;
          throw code !== undefined && code >= 500 ? ApplicationFailure.nonRetryable(error, DeliveryErrorType.Refused) : ApplicationFailure.retryable(error, DeliveryErrorType.Unreachable);
        }
        return;
      }
      if (!n.webhookUrl || !n.webhookSecretSealed) throw ApplicationFailure.nonRetryable(`${n.recipientKind} ${n.recipientId} has no webhook any more`, DeliveryErrorType.Refused);
      const context = n.recipientKind === 'staff' ? staffMemberWebhookSecretContext(n.recipientId) : influencerContactWebhookSecretContext(n.recipientId);
      const result = await signedGuardedPost(deps.outbound, {
        url: n.webhookUrl,
        secrets: [deps.secretBox.open(n.webhookSecretSealed, context)],
        messageId: id,
        body: payload,
        timeoutMs,
        userAgent: 'incubator-engine/notifications',
      });
      if (result.ok) return;
      await notifications.noteFailedAttempt(id, result.error);
      throw result.retry ? ApplicationFailure.retryable(result.error, result.type) : ApplicationFailure.nonRetryable(result.error, result.type);
    },

    async recordNotificationOutcome({ notificationId: id, outcome }): Promise<void> {
      if (outcome.status === 'sent') {
        await notifications.markSent(id);
        return;
      }
      await notifications.markFailed(id, outcome.error);
      deps.log.warn({ ...activityLogFields(), notificationId: id, error: outcome.error }, 'notification not sent');
    },

    async collectDigests({ at }: { at: string }): Promise<PeopleNotified> {
      const atMs = Date.parse(at);
      const due: string[] = [];
      for (const person of await notifications.digestRecipients()) {
        const { day, hour } = localDayAndHour(atMs, person.timeZone);
        if (hour !== digestHour) continue;
        const source = `digest:${day}`;
        const id = notificationId(source, 'digest', person);
        const sent = await notifications.writeDigest(person, id, (items) => {
          const text = renderDigest(items, person.language);
          return {
            id,
            recipientKind: person.kind,
            recipientId: person.id,
            productId: null,
            source,
            kind: 'digest',
            language: person.language,
            subject: text.subject,
            body: text.body,
            payload: message(id, 'digest', null, at, text, { items: items.length }),
            ...routing(person, false),
          };
        });
        if (sent) due.push(sent);
      }
      return { notificationIds: due, retry: deps.deliveryRetry };
    },
  };
}
