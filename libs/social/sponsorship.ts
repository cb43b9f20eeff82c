// Which social updates are sponsored posts: those a brand partner pays for (the product's sponsorship, all of
// its updates or the events staff named) or every published update of an influencer whose settings say she is
// sponsored. A sponsored post carries the platform's disclosure and is held until its paid-post order is recorded.

import type { Platform, PlatformLimits } from './platforms';
import type { SocialEvent } from './templates';
import type { Language } from './text';

/** A product's sponsorship as staff declared it (`PUT /products/:id/sponsorship`). */
export interface ProductSponsorshipTerms {
  partner: string;
  /** Only these events' updates are sponsored; null: every published update. */
  events: readonly SocialEvent[] | null;
}

/** Why an update is a sponsored post, and for whom. */
export interface Sponsor {
  /** The brand partner; null when the influencer's settings make her posts sponsored without naming one. */
  partner: string | null;
  source: 'product' | 'influencer';
}

/**
 * Never sponsored: a cancellation told to fans (and the release of their reservations) is a notice, not an
 * advertisement, and must not wait for a paid-post order of a product that is not going ahead.
 */
export const NEVER_SPONSORED: readonly SocialEvent[] = ['CANCELLED', 'PRODUCT_CANCELLED', 'RESERVATIONS_RELEASED'];

/**
 * The sponsor of an update, or null. Only published updates are posts: internal and withheld ones go to
 * staff's log alone, so they are neither disclosed nor held. A product's sponsorship wins over the
 * influencer's settings (it names the partner).
 */
export function sponsorOf(event: SocialEvent, published: boolean, product: ProductSponsorshipTerms | null, influencerSponsored: boolean): Sponsor | null {
  if (!published || NEVER_SPONSORED.includes(event)) return null;
  if (product && (product.events === null || product.events.includes(event))) return { partner: product.partner, source: 'product' };
  return influencerSponsored ? { partner: null, source: 'influencer' } : null;
}

/** The `sponsored` field of a delivery's payload: the partner and the platform's disclosure label in the post's language. */
export interface SponsoredField {
  partner: string | null;
  label: string;
  /** The platform's order reference for the paid post: null until staff record it (then the delivery is released). */
  orderReference: string | null;
}

export function sponsoredField(sponsor: Sponsor, limits: Record<Platform, PlatformLimits>, platform: Platform, language: Language): SponsoredField {
  return { partner: sponsor.partner, label: limits[platform].disclosure[language], orderReference: null };
}
