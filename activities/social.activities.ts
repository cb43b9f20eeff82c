// Side effects of social updates: writing each lifecycle event's updates and their deliveries (decided by
// libs/social planSocialUpdates), and the delivery attempts (social-delivery.activities). Built by a
// factory so the worker wires its dependencies once.

import { ApplicationFailure } from '@temporalio/activity';
import { DeliveryErrorType, type DeliveryRetry, type RecordedSocialUpdates, type RecordSocialUpdatesInput, type SocialActivities } from '@app/domain';
import { planSocialUpdates, socialSettings, type Platform, type PlatformLimits, type SocialEvent } from '@app/social';
import { DeliveryRepository, PollVoteCountRepository, SocialUpdateRepository } from '@app/database';
import type { Mailer } from '@app/notify';
import type { OutboundGuard } from '@app/outbound';
import type { SecretBox } from '@app/webhooks';
import type { DataSource } from 'typeorm';
import { createDeliveryActivities } from './social-delivery.activities';
import { activityLogFields } from './log-context';

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
  /** Checks every webhook attempt's host (its resolver is what tests stub). */
  outbound: OutboundGuard;
  /** Notification mail (SMTP; none configured: kept in the outbox) and the digest hour; absent: none is mailed. */
  mail?: { mailer: Mailer; digestHour: number };
  /** Influencers' notifications carry a magic link to her page: where it points and how long it lasts; absent: none. */
  magicLinks?: { publicBaseUrl: () => string; ttlMs: number };
}

export function createSocialActivities(deps: SocialActivityDeps): SocialActivities {
  const voteCounts = new PollVoteCountRepository(deps.dataSource);
  const socialUpdates = new SocialUpdateRepository(deps.dataSource);
  const deliveries = new DeliveryRepository(deps.dataSource);

  return {
    async recordSocialUpdates({ productId, events, snapshot }: RecordSocialUpdatesInput): Promise<RecordedSocialUpdates> {
      // Her profile, her active channels and the product's sponsorship, in one read. Updates planned while the
      // product is sponsored are sponsored posts: disclosed, and held until their order is recorded.
      const context = await socialUpdates.planningContext(snapshot.influencerId, productId);
      if (!context) throw ApplicationFailure.nonRetryable(`influencer ${snapshot.influencerId} of product ${productId} does not exist`, DeliveryErrorType.Refused);
      const { influencer, channels: targets, sponsorship } = context;
      // A milestone's card shows the standings when the update is made: the live counts vote intake keeps.
      const liveCounts = events.some((e) => e.type === 'POLL_MILESTONE') ? await voteCounts.liveCounts(productId) : [];
      // A cancellation is told to fans who saw the product (planSocialUpdates).
      const announced = events.some((e) => e.type === 'CANCELLED') && (await socialUpdates.publishedBefore(productId, events[0].seq));

      const plan = planSocialUpdates({
        productId,
        events,
        product: snapshot,
        influencer: { handle: influencer.handle, settings: socialSettings(influencer.socialSettings) },
        channels: targets,
        liveCounts,
        announced,
        publicBaseUrl: deps.publicBaseUrl(),
        platformLimits: deps.platformLimits,
        sponsorship: sponsorship && { partner: sponsorship.partner, events: sponsorship.events as SocialEvent[] | null },
      });
      for (const fallback of plan.fallbacks) {
        deps.log.warn({ ...activityLogFields(), productId, event: fallback.event, error: fallback.error }, 'template override unusable; the shipped template is used');
      }
      if (plan.updates.length === 0) return { deliveries: [], retry: deps.deliveryRetry };
      await socialUpdates.insertWithDeliveries(productId, plan.updates, plan.deliveries, plan.links, plan.sponsoredPosts);
      if (plan.sponsoredPosts.length > 0) {
        deps.log.info({ ...activityLogFields(), productId, updates: plan.sponsoredPosts.map((p) => p.updateId) }, 'sponsored posts held until their paid-post order reference is recorded');
      }
      // What is stored decides, not this plan: a retry planned after the sponsorship changed must neither start
      // a workflow for deliveries an earlier attempt held nor leave pending ones without one.
      const pending = await deliveries.pendingAmong(plan.deliveries.map((d) => d.id));
      const started = plan.updates
        .map((u) => ({ updateId: u.id, deliveryIds: plan.deliveries.filter((d) => d.updateId === u.id && pending.has(d.id)).map((d) => d.id) }))
        .filter((u) => u.deliveryIds.length > 0);
      return { deliveries: started, retry: deps.deliveryRetry };
    },

    ...createDeliveryActivities(deps),
  };
}
