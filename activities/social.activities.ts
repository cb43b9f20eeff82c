// Side effects of social updates: writing each lifecycle event's update and its deliveries (one per
// channel, with the exact body every attempt sends), one delivery attempt (the signed POST or the log
// line), and the recorded outcome. Built by a factory so the worker wires its dependencies once.

import { ApplicationFailure } from '@temporalio/activity';
import {
  DELIVERY_REFUSED,
  type DeliveryAnswer,
  type DeliveryOutcome,
  type DeliveryRetry,
  type LifecycleEvent,
  type ProductView,
  type RecordedSocialUpdates,
  type RecordSocialUpdatesInput,
  type SocialActivities,
} from '@app/domain';
import {
  draftUpdate,
  eventLabel,
  isPlatform,
  isPublished,
  socialSettings,
  stageLabel,
  TemplateError,
  type ComposedUpdate,
  type Platform,
  type PlatformLimits,
  type SocialEvent,
  type SocialSettings,
} from '@app/social';
import { stableId } from '@app/database';
import { channelSecretContext, signedWebhookHeaders, type SecretBox } from '@app/webhooks';
import type { DataSource } from 'typeorm';

export interface SocialActivityLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface SocialActivityDeps {
  dataSource: DataSource;
  secretBox: SecretBox;
  /** Where share pages are served: `${publicBaseUrl()}/s/:slug` (read late: the API may start after the worker). */
  publicBaseUrl: () => string;
  platformLimits: Record<Platform, PlatformLimits>;
  deliveryRetry: DeliveryRetry;
  /** The log channel writes here. */
  log: SocialActivityLogger;
}

const RESPONSE_KEPT = 2_000;

interface ChannelRow {
  id: string;
  kind: 'webhook' | 'log';
  platform: string;
}

interface AttemptRow {
  status: string;
  payload: string;
  response_status: number | null;
  update_id: string;
  product_id: string;
  channel_id: string;
  kind: 'webhook' | 'log';
  name: string;
  url: string | null;
  secret_sealed: string | null;
  /** Set while a rotation's grace period runs: deliveries are signed with both secrets. */
  previous_secret_sealed: string | null;
  disabled_at: Date | null;
}

interface UpdateRow {
  id: string;
  /** The timeline event it is made from. */
  source: LifecycleEvent;
  event: SocialEvent;
  status: 'published' | 'internal' | 'withheld';
  slug: string;
  shareUrl: string;
  imageUrl: string;
  composed: ComposedUpdate;
  card: Record<string, unknown>;
}

export function createSocialActivities(deps: SocialActivityDeps): SocialActivities {
  const { dataSource } = deps;

  async function pollCounts(product: ProductView, event: LifecycleEvent): Promise<{ optionId: string; votes: number }[] | null> {
    if (event.type === 'POLL_CLOSED') return (event.data.counts as { optionId: string; votes: number }[]) ?? [];
    if (event.type !== 'POLL_MILESTONE') return null;
    // A milestone shows the standings when the update was made (the live counts vote intake keeps).
    const rows: { option_id: string; votes: number }[] = await dataSource.query(
      'SELECT option_id, votes FROM poll_vote_counts WHERE product_id = $1',
      [product.productId],
    );
    return product.poll.options.map((o) => ({ optionId: o.id, votes: rows.find((r) => r.option_id === o.id)?.votes ?? 0 }));
  }

  function cardOf(product: ProductView, event: LifecycleEvent, social: SocialEvent, settings: SocialSettings, handle: string, counts: { optionId: string; votes: number }[] | null) {
    const lang = settings.language;
    const card: Record<string, unknown> = {
      productName: product.name,
      keyword: product.targetKeyword,
      eventLabel: eventLabel(social, lang),
      stage: event.stage,
      stageLabel: stageLabel(event.stage, lang),
      influencerHandle: handle,
      language: lang,
    };
    if (counts) {
      const winner = event.type === 'POLL_CLOSED' ? event.data.winningOptionId : undefined;
      card.poll = {
        totalVotes: counts.reduce((sum, c) => sum + c.votes, 0),
        options: product.poll.options.map((o) => ({
          label: o.label,
          votes: counts.find((c) => c.optionId === o.id)?.votes ?? 0,
          ...(winner === o.id ? { winner: true } : {}),
        })),
      };
    }
    return card;
  }

  function payloadOf(update: UpdateRow, product: ProductView, composed: ComposedUpdate, channel: ChannelRow): string {
    // Fixed when the delivery is created: every attempt and every re-send posts these exact bytes.
    return JSON.stringify({
      type: update.status === 'published' ? 'social_update.published' : 'social_update.internal',
      timestamp: update.source.at,
      data: {
        updateId: update.id,
        productId: product.productId,
        influencerId: product.influencerId,
        channelId: channel.id,
        event: update.event,
        status: update.status,
        platform: composed.platform,
        title: composed.title,
        body: composed.body,
        hashtags: composed.hashtags,
        text: composed.text,
        keyword: product.targetKeyword,
        shareUrl: update.shareUrl,
        imageUrl: update.imageUrl,
        optimisation: { score: composed.optimisation.score, density: composed.optimisation.density },
        occurredAt: update.source.at,
      },
    });
  }

  async function recordFailedAttempt(deliveryId: string, error: string): Promise<void> {
    // Best effort: this only shows staff the latest error while the delivery is still retrying.
    await dataSource.query('UPDATE deliveries SET last_error = $2 WHERE id = $1 AND status = $3', [deliveryId, error.slice(0, RESPONSE_KEPT), 'pending']).catch(() => undefined);
  }

  return {
    async recordSocialUpdates({ productId, events, snapshot }: RecordSocialUpdatesInput): Promise<RecordedSocialUpdates> {
      const [influencer] = (await dataSource.query('SELECT handle, social_settings FROM influencers WHERE id = $1', [snapshot.influencerId])) as {
        handle: string;
        social_settings: Partial<SocialSettings>;
      }[];
      if (!influencer) throw ApplicationFailure.nonRetryable(`influencer ${snapshot.influencerId} of product ${productId} does not exist`, DELIVERY_REFUSED);
      const settings = socialSettings(influencer.social_settings);
      const channels: ChannelRow[] = await dataSource.query(
        'SELECT id, kind, platform FROM channels WHERE influencer_id = $1 AND disabled_at IS NULL ORDER BY created_at, id',
        [snapshot.influencerId],
      );

      // An override that cannot be filled (the API checks placeholders, but templates outlive releases) falls
      // back to the shipped template rather than holding the product's updates back.
      const draft = (event: LifecycleEvent, platform: Platform) => {
        const input = { event, product: snapshot, settings, handle: influencer.handle, platform, limits: deps.platformLimits[platform] };
        try {
          return draftUpdate(input);
        } catch (err) {
          if (!(err instanceof TemplateError)) throw err;
          deps.log.warn({ productId, event: event.type, error: err.message }, 'template override unusable; the shipped template is used');
          return draftUpdate({ ...input, settings: { ...settings, templates: {} } });
        }
      };
      // Ids and slugs are derived from (product, seq), so a retry writes the same rows and webhook-ids.
      const base = deps.publicBaseUrl().replace(/\/+$/, '');
      const updates: UpdateRow[] = [];
      for (const event of events) {
        const composed = draft(event, settings.platform);
        if (!composed) continue;
        const withheld = event.type === 'LAUNCHED' && event.data.announcementApproved === false;
        const status = !isPublished(composed.event) ? 'internal' : withheld ? 'withheld' : 'published';
        const counts = await pollCounts(snapshot, event);
        const slug = stableId('', 12, 'share', productId, String(event.seq));
        updates.push({
          id: stableId('upd', 20, productId, String(event.seq)),
          source: event,
          event: composed.event,
          status,
          slug,
          shareUrl: `${base}/s/${slug}`,
          imageUrl: `${base}/s/${slug}/card.png`,
          composed,
          card: cardOf(snapshot, event, composed.event, settings, influencer.handle, counts),
        });
      }
      if (updates.length === 0) return { deliveries: [], retry: deps.deliveryRetry };

      const deliveries: { id: string; update_id: string; channel_id: string; payload: string }[] = [];
      for (const update of updates) {
        // Public updates go to every channel; internal ones (and a withheld announcement) to staff's log only.
        const targets = channels.filter((c) => update.status === 'published' || c.kind === 'log');
        for (const channel of targets) {
          const platform = isPlatform(channel.platform) ? channel.platform : settings.platform;
          const composed = platform === settings.platform ? update.composed : draft(update.source, platform)!;
          deliveries.push({
            id: stableId('dlv', 20, update.id, channel.id),
            update_id: update.id,
            channel_id: channel.id,
            payload: payloadOf(update, snapshot, composed, channel),
          });
        }
      }

      const rows = updates.map((u) => ({
        id: u.id,
        seq: u.source.seq,
        event: u.event,
        status: u.status,
        slug: u.slug,
        language: settings.language,
        platform: settings.platform,
        title: u.composed.title,
        body: u.composed.body,
        hashtags: u.composed.hashtags,
        keyword: snapshot.targetKeyword,
        score: u.composed.optimisation.score,
        optimisation: u.composed.optimisation,
        sponsored: settings.sponsored,
        share_url: u.shareUrl,
        image_url: u.imageUrl,
        card: u.card,
        occurred_at: u.source.at,
      }));
      // One statement: the updates and their deliveries commit together, and a retry inserts nothing twice.
      await dataSource.query(
        `WITH updates AS (
           INSERT INTO social_updates (id, product_id, seq, event, status, slug, language, platform, title, body, hashtags, keyword,
                                       score, optimisation, sponsored, share_url, image_url, card, occurred_at)
           SELECT u.id, $1, u.seq, u.event, u.status, u.slug, u.language, u.platform, u.title, u.body, u.hashtags, u.keyword,
                  u.score, u.optimisation, u.sponsored, u.share_url, u.image_url, u.card, u.occurred_at
           FROM jsonb_to_recordset($2::jsonb) AS u(id text, seq int, event text, status text, slug text, language text, platform text,
                title text, body text, hashtags jsonb, keyword text, score int, optimisation jsonb, sponsored boolean, share_url text,
                image_url text, card jsonb, occurred_at timestamptz)
           ON CONFLICT (product_id, seq) DO NOTHING
           RETURNING id
         )
         INSERT INTO deliveries (id, update_id, channel_id, product_id, status, payload)
         SELECT d.id, d.update_id, d.channel_id, $1, 'pending', d.payload
         FROM jsonb_to_recordset($3::jsonb) AS d(id text, update_id text, channel_id text, payload text)
         WHERE EXISTS (SELECT 1 FROM updates WHERE updates.id = d.update_id)
            OR EXISTS (SELECT 1 FROM social_updates s WHERE s.id = d.update_id)
         ON CONFLICT (update_id, channel_id) DO NOTHING`,
        [productId, JSON.stringify(rows), JSON.stringify(deliveries)],
      );
      const byUpdate = updates
        .map((u) => ({ updateId: u.id, deliveryIds: deliveries.filter((d) => d.update_id === u.id).map((d) => d.id) }))
        .filter((u) => u.deliveryIds.length > 0);
      return { deliveries: byUpdate, retry: deps.deliveryRetry };
    },

    async sendDelivery({ deliveryId, timeoutMs }: { deliveryId: string; timeoutMs: number }): Promise<DeliveryAnswer> {
      // TypeORM answers an UPDATE … RETURNING with [rows, affected].
      const [rows] = (await dataSource.query(
        `UPDATE deliveries d SET attempts = d.attempts + 1
         FROM channels c WHERE d.id = $1 AND c.id = d.channel_id
         RETURNING d.status, d.payload, d.response_status, d.update_id, d.product_id, c.id AS channel_id, c.kind, c.name, c.url,
                   c.secret_sealed, c.disabled_at,
                   CASE WHEN c.previous_secret_expires_at > now() THEN c.previous_secret_sealed END AS previous_secret_sealed`,
        [deliveryId],
      )) as [AttemptRow[], number];
      const row = rows[0];
      if (!row) throw ApplicationFailure.nonRetryable(`delivery ${deliveryId} or its channel no longer exists`, DELIVERY_REFUSED);
      if (row.status === 'delivered') return { httpStatus: row.response_status, body: 'already delivered' };
      if (row.disabled_at) throw ApplicationFailure.nonRetryable(`channel ${row.channel_id} is disabled`, DELIVERY_REFUSED);

      if (row.kind === 'log') {
        const message = JSON.parse(row.payload) as { type: string; data: Record<string, unknown> };
        deps.log.info(
          {
            channel: row.channel_id,
            deliveryId,
            productId: row.product_id,
            updateId: row.update_id,
            event: message.data.event,
            status: message.data.status,
            title: message.data.title,
            text: message.data.text,
            shareUrl: message.data.shareUrl,
          },
          message.type === 'social_update.published' ? 'social update' : 'social update for staff',
        );
        return { httpStatus: null, body: `written to the log channel "${row.name}"` };
      }

      const context = channelSecretContext(row.channel_id);
      const secrets = [row.secret_sealed!, row.previous_secret_sealed].filter((x): x is string => x !== null).map((sealed) => deps.secretBox.open(sealed, context));
      let response: Response;
      try {
        response = await fetch(row.url!, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'incubator-engine/social-delivery', ...signedWebhookHeaders(secrets, deliveryId, row.payload) },
          body: row.payload,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        const error = `${row.url} could not be reached: ${cause?.code ?? cause?.message ?? (err as Error).message}`;
        await recordFailedAttempt(deliveryId, error);
        throw ApplicationFailure.retryable(error, 'DELIVERY_UNREACHABLE');
      }
      const body = (await response.text().catch(() => '')).slice(0, RESPONSE_KEPT);
      if (response.status >= 200 && response.status < 300) return { httpStatus: response.status, body };
      const error = `${row.url} answered ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`;
      await recordFailedAttempt(deliveryId, error);
      // 410 Gone: the receiver says the endpoint is retired (Standard Webhooks); retrying cannot help.
      if (response.status === 410) throw ApplicationFailure.nonRetryable(error, DELIVERY_REFUSED);
      throw ApplicationFailure.retryable(error, 'DELIVERY_REJECTED');
    },

    async recordDeliveryOutcome({ deliveryId, outcome }: { deliveryId: string; outcome: DeliveryOutcome }): Promise<void> {
      if (outcome.status === 'delivered') {
        await dataSource.query(
          `UPDATE deliveries SET status = 'delivered', delivered_at = COALESCE(delivered_at, now()), response_status = $2, response_body = $3,
             last_error = NULL, failed_at = NULL
           WHERE id = $1`,
          [deliveryId, outcome.httpStatus, outcome.body],
        );
        return;
      }
      await dataSource.query(
        `UPDATE deliveries SET status = 'failed', failed_at = now(), last_error = $2 WHERE id = $1 AND status <> 'delivered'`,
        [deliveryId, outcome.error.slice(0, RESPONSE_KEPT)],
      );
      deps.log.warn({ deliveryId, error: outcome.error }, 'social update delivery failed');
    },
  };
}
