// The links people's messages carry: a staff member's one-time sign-in link and an influencer's magic link to
// her page. The token is in the URL's fragment (`#token=`), which browsers never send, so it reaches no
// server's or proxy's log; the page posts it to POST /auth/sessions.
import type { SecretBox } from '@app/webhooks';

/**
 * Where an influencer's magic link goes in a notification's stored words: the link itself is made when the
 * notification is sent (notificationMagicLinkToken), so no token is stored, and staff reading the outbox see this.
 */
export const MAGIC_LINK_MARK = '{{magic-link}}';

function base(publicBaseUrl: string): string {
  return publicBaseUrl.replace(/\/+$/, '');
}

export function signInLinkUrl(publicBaseUrl: string, token: string): string {
  return `${base(publicBaseUrl)}/app/sign-in#token=${token}`;
}

export function magicLinkUrl(publicBaseUrl: string, token: string): string {
  return `${base(publicBaseUrl)}/app/me#token=${token}`;
}

/**
 * The magic-link token a notification carries: derived from the secrets key and the notification's id, so each
 * attempt (and a retried one) sends the same link, and only its hash is ever stored.
 */
export function notificationMagicLinkToken(box: SecretBox, notificationId: string): string {
  return box.derive('notification-magic-link', notificationId).toString('base64url');
}
