// Decides what a batch of lifecycle events posts, without touching anything: which events make updates,
// whether each is published, internal or withheld, its text, card and share URLs, and one delivery per
// channel with the exact body every attempt sends, and the tracked link (`/r/<code>`) each published
// delivery carries, so what the post brings back is attributed to its stage and channel. A sponsored post
// (sponsorship.ts) carries the disclosure and its deliveries are held until its paid-post order is recorded.
// The worker's activity stores what this returns.

import type { ChannelTarget, LiveOptionCount, NewDelivery, NewSocialUpdate, NewSponsoredPost, NewTrackedLink } from '../database';
import { stableId } from '../database/ids';
import type { LifecycleEvent, ProductView } from '../domain/model';
import type { StoredShareCard } from './card-layout';
import type { ComposedUpdate } from './compose';
import { draftUpdate, eventLabel, socialEventFor, stageLabel, type SocialSettings } from './lifecycle-updates';
import { isPlatform, type Platform, type PlatformLimits } from './platforms';
import { sponsoredField, sponsorOf, type ProductSponsorshipTerms, type Sponsor, type SponsoredField } from './sponsorship';
import { isPublished, TemplateError, type SocialEvent } from './templates';

export interface SocialPlanInput {
  productId: string;
  events: LifecycleEvent[];
  /** The product as the workflow sees it after these events. */
  product: ProductView;
  influencer: { handle: string; settings: SocialSettings };
  /** The influencer's enabled channels, in the order deliveries are made. */
  channels: ChannelTarget[];
  /** The poll's live counts (options without votes may be missing): what a milestone's card shows. */
  liveCounts: LiveOptionCount[];
  /** Where share pages are served (`${publicBaseUrl}/s/:slug`). */
  publicBaseUrl: string;
  /** Whether an update of the product before this batch was published: fans saw it (a cancellation is told to them). */
  announced?: boolean;
  platformLimits: Record<Platform, PlatformLimits>;
  /** The product's sponsorship when these updates are planned, if staff declared one. */
  sponsorship?: ProductSponsorshipTerms | null;
}

export interface SocialPlan {
  updates: NewSocialUpdate[];
  /** Pending, or held when their update is a sponsored post. */
  deliveries: NewDelivery[];
  /** One per sponsored update and platform it is published on, held until that platform's paid-post order reference is recorded. */
  sponsoredPosts: NewSponsoredPost[];
  /** One per published update and channel: the link that delivery posts. */
  links: NewTrackedLink[];
  /** Each update whose deliveries go out now (not held), with their ids in channel order. */
  deliveriesByUpdate: { updateId: string; deliveryIds: string[] }[];
  /** Template overrides that could not be filled, so the shipped template was used; one per draft. */
  fallbacks: { event: LifecycleEvent['type']; error: string }[];
}

/** An update while it is planned: what is stored, and what its deliveries are made from. */
interface Planned {
  row: NewSocialUpdate;
  source: LifecycleEvent;
  event: SocialEvent;
  composed: ComposedUpdate;
  sponsor: Sponsor | null;
}

/** Votes per option, as the tally in a POLL_CLOSED event and the live counts both have them. */
type OptionCount = LiveOptionCount;

export function planSocialUpdates(input: SocialPlanInput): SocialPlan {
  const { productId, product, channels } = input;
  const { handle, settings } = input.influencer;
  const fallbacks: SocialPlan['fallbacks'] = [];

  // An override that cannot be filled (the API checks placeholders, but templates outlive releases) falls
  // back to the shipped template rather than holding the product's updates back.
  const draft = (event: LifecycleEvent, platform: Platform, sponsored: boolean) => {
    const announced = input.announced === true || planned.some((p) => p.row.status === 'published');
    const draftInput = { event, product, settings: { ...settings, sponsored }, handle, platform, limits: input.platformLimits[platform], announced };
    try {
      return draftUpdate(draftInput);
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      fallbacks.push({ event: event.type, error: err.message });
      return draftUpdate({ ...draftInput, settings: { ...draftInput.settings, templates: {} } });
    }
  };

  // Ids and slugs are derived from (product, seq), so a retry writes the same rows and webhook-ids.
  const base = input.publicBaseUrl.replace(/\/+$/, '');
  const planned: Planned[] = [];
  for (const source of input.events) {
    const event = socialEventFor(source.type);
    if (!event) continue;
    const withheld = source.type === 'LAUNCHED' && source.data.announcementApproved === false;
    // Decided before drafting, since the disclosure is part of the text; a cancellation is never sponsored, so
    // the draft's CANCELLED → PRODUCT_CANCELLED choice does not change it.
    const sponsor = sponsorOf(event, isPublished(event) && !withheld, input.sponsorship ?? null, settings.sponsored);
    const composed = draft(source, settings.platform, sponsor !== null);
    if (!composed) continue;
    const status = !isPublished(composed.event) ? 'internal' : withheld ? 'withheld' : 'published';
    const slug = stableId('', 12, 'share', productId, String(source.seq));
    const row: NewSocialUpdate = {
      id: stableId('upd', 20, productId, String(source.seq)),
      seq: source.seq,
      event: composed.event,
      status,
      slug,
      language: settings.language,
      platform: settings.platform,
      title: composed.title,
      body: composed.body,
      hashtags: composed.hashtags,
      keyword: product.targetKeyword,
      score: composed.optimisation.score,
      optimisation: composed.optimisation,
      sponsored: sponsor !== null,
      shareUrl: `${base}/s/${slug}`,
      imageUrl: `${base}/s/${slug}/card.png`,
      card: cardOf(product, source, composed.event, settings, handle, countsShown(product, source, input.liveCounts)),
      occurredAt: source.at,
    };
    planned.push({ row, source, event: composed.event, composed, sponsor });
  }

  const deliveries: NewDelivery[] = [];
  const links: NewTrackedLink[] = [];
  const sponsoredPosts: NewSponsoredPost[] = [];
  const platformOf = (channel: ChannelTarget): Platform => (isPlatform(channel.platform) ? channel.platform : settings.platform);
  for (const update of planned) {
    // Public updates go to every channel; internal ones (and a withheld announcement) to staff's log only.
    const targets = channels.filter((c) => update.row.status === 'published' || c.kind === 'log');
    // A sponsored update is one paid post per platform it is published on, each released by that platform's own
    // order; staff's log copy goes with the post of its platform, or the first post when none is on it.
    const postPlatforms = update.sponsor ? [...new Set(targets.filter((c) => c.kind !== 'log').map(platformOf))] : [];
    if (update.sponsor && postPlatforms.length === 0) postPlatforms.push(settings.platform);
    for (const platform of postPlatforms) {
      sponsoredPosts.push({ updateId: update.row.id, platform, partner: update.sponsor!.partner, source: update.sponsor!.source, disclosure: input.platformLimits[platform].disclosure[settings.language] });
    }
    for (const channel of targets) {
      const platform = platformOf(channel);
      const composed = platform === settings.platform ? update.composed : draft(update.source, platform, update.sponsor !== null)!;
      // A published post links through its own tracked link; staff's copies of internal updates keep the page's URL.
      let link = update.row.shareUrl;
      if (update.row.status === 'published') {
        const code = trackedLinkCode(update.row.id, channel.id);
        links.push({ code, updateId: update.row.id, channelId: channel.id, stage: update.source.stage, event: update.event });
        link = `${base}/r/${code}`;
      }
      deliveries.push({
        id: stableId('dlv', 20, update.row.id, channel.id),
        updateId: update.row.id,
        channelId: channel.id,
        status: update.sponsor ? 'held' : 'pending',
        payload: payloadOf(update, product, composed, channel.id, link, update.sponsor && sponsoredField(update.sponsor, input.platformLimits, platform, settings.language)),
        ...(update.sponsor ? { sponsoredPlatform: postPlatforms.includes(platform) ? platform : postPlatforms[0] } : {}),
      });
    }
  }

  const deliveriesByUpdate = planned
    .map((u) => ({ updateId: u.row.id, deliveryIds: deliveries.filter((d) => d.updateId === u.row.id && d.status === 'pending').map((d) => d.id) }))
    .filter((u) => u.deliveryIds.length > 0);
  return { updates: planned.map((u) => u.row), deliveries, sponsoredPosts, links, deliveriesByUpdate, fallbacks };
}

/** The code of an update's link on one channel: derived, so a retried write makes the same code (10 URL-safe characters, 50 bits). */
export function trackedLinkCode(updateId: string, channelId: string): string {
  return stableId('', 10, 'link', updateId, channelId);
}

/** The poll standings an update's card shows: the final tally for a result, the live counts for a milestone. */
function countsShown(product: ProductView, event: LifecycleEvent, live: OptionCount[]): OptionCount[] | null {
  if (event.type === 'POLL_CLOSED') return (event.data.counts as OptionCount[]) ?? [];
  if (event.type !== 'POLL_MILESTONE') return null;
  return product.poll.options.map((o) => ({ optionId: o.id, votes: live.find((c) => c.optionId === o.id)?.votes ?? 0 }));
}

function cardOf(product: ProductView, event: LifecycleEvent, social: SocialEvent, settings: SocialSettings, handle: string, counts: OptionCount[] | null): StoredShareCard {
  const lang = settings.language;
  const card: StoredShareCard = {
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

/** The body of one delivery: fixed when the delivery is planned, so every attempt and re-send posts these exact bytes. */
function payloadOf(update: Planned, product: ProductView, composed: ComposedUpdate, channelId: string, shareUrl: string, sponsored: SponsoredField | null): string {
  const { row } = update;
  return JSON.stringify({
    type: row.status === 'published' ? 'social_update.published' : 'social_update.internal',
    timestamp: update.source.at,
    data: {
      updateId: row.id,
      productId: product.productId,
      influencerId: product.influencerId,
      channelId,
      event: update.event,
      status: row.status,
      platform: composed.platform,
      title: composed.title,
      body: composed.body,
      hashtags: composed.hashtags,
      text: composed.text,
      keyword: product.targetKeyword,
      shareUrl,
      imageUrl: row.imageUrl,
      optimisation: { score: composed.optimisation.score, density: composed.optimisation.density },
      occurredAt: update.source.at,
      // A sponsored post names its partner and the platform's label; the order reference is added when it is released.
      ...(sponsored ? { sponsored } : {}),
    },
  });
}
