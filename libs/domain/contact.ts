// How the engine reaches a person (a staff member or an influencer) when she must act: her email, the
// channel she prefers (email over SMTP, or a signed webhook), the language messages are written in and the
// time zone their dates are shown in. Pure rules: the API checks changes with them, reminders read the result.

import type { NotificationMode } from './notifications';

export const CONTACT_CHANNELS = ['email', 'webhook'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** The languages the engine writes in (the social templates' languages). */
export const CONTACT_LANGUAGES = ['en', 'zh-CN'] as const;
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];

export const DEFAULT_CONTACT_LANGUAGE: ContactLanguage = 'en';
export const DEFAULT_TIME_ZONE = 'UTC';
/** RFC 5321's limit on a forward path. */
export const MAX_EMAIL_LENGTH = 254;
export const MAX_TIME_ZONE_LENGTH = 64;

export interface ContactDetails {
  email: string | null;
  preferredChannel: ContactChannel;
  /** Where webhook messages are posted; its signing secret is kept sealed beside it. */
  webhookUrl: string | null;
  language: ContactLanguage;
  /** A canonical IANA time zone name. */
  timeZone: string;
  /** Each notification as it comes, one digest a day, or none. */
  notificationMode: NotificationMode;
}

/** A change to contact details: a field left out is kept; `null` removes an optional one. */
export interface ContactChange {
  email?: string | null;
  preferredChannel?: ContactChannel;
  webhookUrl?: string | null;
  language?: ContactLanguage;
  timeZone?: string;
  notificationMode?: NotificationMode;
}

export interface ContactProblem {
  field: string;
  message: string;
}

/**
 * The address as it is stored and compared: without surrounding spaces, Unicode NFC and lower case. Mail
 * systems treat addresses case-insensitively in practice, so `Mia@Example.com` and `mia@example.com` are one
 * person (the unique index on staff members' emails relies on it).
 */
export function normaliseEmail(raw: string): string {
  return raw.trim().normalize('NFC').toLowerCase();
}

// An IANA name (Area/Location, or a single word such as UTC); never a UTC offset like +08:00, which has no
// daylight-saving rules and which newer ICU versions accept as a "time zone".
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * An IANA time zone name in its proper case (`asia/shanghai` → `Asia/Shanghai`), or null when the runtime's
 * time zone database does not know it. A link name stays as given (`America/Argentina/Buenos_Aires` is not
 * swapped for ICU's older `America/Buenos_Aires`): it is what the person chose, and every runtime knows it.
 */
export function normaliseTimeZone(raw: string): string | null {
  const zone = raw.trim();
  if (zone.length === 0 || zone.length > MAX_TIME_ZONE_LENGTH || !IANA_NAME.test(zone)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}

export interface AppliedContactChange {
  contact: ContactDetails;
  /** Every reason the change is refused (empty when it is accepted). */
  problems: ContactProblem[];
  /** A webhook URL was given: a fresh signing secret goes with it. */
  newWebhook: boolean;
}

/**
 * The contact details after a change, and what is wrong with them. `emailRequired`: staff members are
 * reached (and will sign in) by email, so theirs cannot be removed; an influencer may have none yet.
 */
export function applyContactChange(current: ContactDetails, change: ContactChange, opts: { emailRequired: boolean }): AppliedContactChange {
  const problems: ContactProblem[] = [];
  let timeZone = current.timeZone;
  if (change.timeZone !== undefined) {
    const zone = normaliseTimeZone(change.timeZone);
    if (zone === null) problems.push({ field: 'timeZone', message: `timeZone "${change.timeZone.slice(0, MAX_TIME_ZONE_LENGTH)}" is not an IANA time zone such as Asia/Shanghai or UTC` });
    else timeZone = zone;
  }
  const email = change.email === undefined ? current.email : change.email === null ? null : normaliseEmail(change.email);
  if (email === null && opts.emailRequired) problems.push({ field: 'email', message: 'email is required: staff members are reached by email' });
  const webhookUrl = change.webhookUrl === undefined ? current.webhookUrl : change.webhookUrl;
  const preferredChannel = change.preferredChannel ?? current.preferredChannel;
  if (preferredChannel === 'webhook' && webhookUrl === null) {
    problems.push({ field: 'webhookUrl', message: 'the webhook channel needs webhookUrl: the URL messages are posted to' });
  }
  return {
    contact: { email, preferredChannel, webhookUrl, language: change.language ?? current.language, timeZone, notificationMode: change.notificationMode ?? current.notificationMode },
    problems,
    newWebhook: typeof change.webhookUrl === 'string',
  };
}

/** Contact details before anything is set: email, in English, on UTC. */
export function defaultContact(email: string | null): ContactDetails {
  return { email, preferredChannel: 'email', webhookUrl: null, language: DEFAULT_CONTACT_LANGUAGE, timeZone: DEFAULT_TIME_ZONE, notificationMode: 'each' };
}
