// Which lifecycle events become social updates, the words each one fills its template with, and the
// influencer's social settings. Pure: the worker's activities and the API's announcement draft share it.

import { isSocialSource } from '../domain/contract';
import type { LifecycleEvent, ProductView } from '../domain/model';
import { composeUpdate, type ComposedUpdate } from './compose';
import type { Platform, PlatformLimits } from './platforms';
import { SOCIAL_EVENT_OF, type PostTemplate, type SocialEvent, type TemplateVars, type Tone } from './templates';
import type { Language } from './text';

export { eventLabel, stageLabel } from './labels';

export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
export const TONES: readonly Tone[] = ['warm', 'hype', 'minimal'];

/** How an influencer's updates read; staff set it per influencer. */
export interface SocialSettings {
  language: Language;
  tone: Tone;
  /** The platform the stored update (and share page) is written for; each channel gets its own fit. */
  platform: Platform;
  /** Added after the keyword tag on every update. */
  signatureHashtags: string[];
  /** Paid partnerships: every published update carries the platform's disclosure. */
  sponsored: boolean;
  /** IANA time zone that dates in posts are written in. */
  timeZone: string;
  templates: Partial<Record<SocialEvent, Partial<PostTemplate>>>;
}

export const DEFAULT_SOCIAL_SETTINGS: SocialSettings = {
  language: 'en',
  tone: 'warm',
  platform: 'instagram',
  signatureHashtags: [],
  sponsored: false,
  timeZone: 'UTC',
  templates: {},
};

/**
 * Settings stored by an older version (or partly) filled with the defaults. Without a platform, Chinese
 * posts are written for Xiaohongshu and English ones for Instagram (whose posts have no 20-character title).
 */
export function socialSettings(stored: Partial<SocialSettings> | null | undefined): SocialSettings {
  const platform: Platform = stored?.language === 'zh-CN' ? 'xiaohongshu' : DEFAULT_SOCIAL_SETTINGS.platform;
  return { ...DEFAULT_SOCIAL_SETTINGS, platform, ...(stored ?? {}) };
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The social update a timeline event produces, or null (most internal steps produce none). */
export function socialEventFor(type: LifecycleEvent['type']): SocialEvent | null {
  return isSocialSource(type) ? SOCIAL_EVENT_OF[type] : null;
}

const MILESTONE_WORDS: Record<Language, Record<string, string>> = {
  en: { MATERIALS: 'materials sourced', CUTTING: 'cutting', SEWING: 'sewing', QUALITY_CHECK: 'quality check', SHIPPED: 'shipping' },
  'zh-CN': { MATERIALS: '备料', CUTTING: '裁剪', SEWING: '缝制', QUALITY_CHECK: '质检', SHIPPED: '发货' },
};

// Making a DateTimeFormat costs about 0.1 ms (ICU loads the locale and zone); one per language, time zone and
// style is kept (bench:lifecycle -- --profile showed the making as the social planning's largest cost).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(settings: SocialSettings, withTime: boolean): Intl.DateTimeFormat {
  const key = `${settings.language}|${settings.timeZone}|${withTime ? 'time' : 'day'}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(settings.language, { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: settings.timeZone });
    dateFormats.set(key, format);
  }
  return format;
}

function when(iso: unknown, settings: SocialSettings): string {
  const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return '';
  return dateFormat(settings, true).format(ms);
}

/** "1 hour", "30 minutes", "2 days" / "1小时" — how long is left, in the post's language. */
export function remaining(ms: number, language: Language): string {
  const units: [number, string, string, string][] = [
    [86_400_000, 'day', 'days', '天'],
    [3_600_000, 'hour', 'hours', '小时'],
    [60_000, 'minute', 'minutes', '分钟'],
    [1_000, 'second', 'seconds', '秒'],
  ];
  for (const [size, one, many, zh] of units) {
    if (ms >= size && ms % size === 0) {
      const n = ms / size;
      return language === 'zh-CN' ? `${n}${zh}` : `${n} ${n === 1 ? one : many}`;
    }
  }
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return language === 'zh-CN' ? `${minutes}分钟` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

function count(value: unknown, language: Language): string {
  const n = Number(value);
  return Number.isFinite(n) ? n.toLocaleString(language) : '';
}

/** A date without the time (a restock's due date). */
function day(iso: unknown, settings: SocialSettings): string {
  const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return '';
  return dateFormat(settings, false).format(ms);
}

function unitsOf(list: unknown): number {
  const items: unknown[] = Array.isArray(list) ? list : [];
  return items.reduce<number>((sum, v) => sum + (Number((v as { units?: unknown } | null)?.units) || 0), 0);
}

/** The variants an event names (objects with a label, or ids the product knows), as a list in the post's language. */
function labels(list: unknown, product: ProductView, language: Language): string {
  const known = product.variants ?? [];
  const names = (Array.isArray(list) ? list : []).map((v: unknown) => {
    if (typeof v === 'string') return known.find((k) => k.id === v)?.label ?? v;
    const item = v as { label?: unknown; variantId?: unknown; id?: unknown };
    const id = item?.variantId ?? item?.id;
    return typeof item?.label === 'string' ? item.label : (known.find((k) => k.id === id)?.label ?? String(id));
  });
  return names.join(language === 'zh-CN' ? '、' : ', ');
}

function optionLabel(product: ProductView, id: unknown): string {
  return product.poll.options.find((o) => o.id === id)?.label ?? String(id);
}

/** The words a timeline event fills its template with. */
export function templateVars(event: LifecycleEvent, product: ProductView, settings: SocialSettings, handle: string): TemplateVars {
  const lang = settings.language;
  const d = event.data;
  const vars: TemplateVars = { keyword: product.targetKeyword, product: product.name, handle: `@${handle}` };
  switch (event.type) {
    case 'POLL_OPENED':
      vars.options = product.poll.options.map((o) => o.label).join(lang === 'zh-CN' ? '、' : ' / ');
      vars.closesAt = when(d.closesAt, settings);
      break;
    case 'POLL_MILESTONE':
      vars.milestone = Number(d.milestone).toLocaleString(lang);
      break;
    case 'POLL_CLOSED': {
      const counts = (d.counts as { optionId: string; votes: number }[]) ?? [];
      vars.winner = optionLabel(product, d.winningOptionId);
      vars.votes = (counts.find((c) => c.optionId === d.winningOptionId)?.votes ?? 0).toLocaleString(lang);
      break;
    }
    case 'PRODUCTION_STARTED':
      vars.quantity = Number(d.quantity).toLocaleString(lang);
      break;
    case 'PRODUCTION_MILESTONE':
      vars.step = MILESTONE_WORDS[lang][String(d.milestone)] ?? String(d.milestone);
      break;
    case 'LAUNCH_SCHEDULED':
    case 'LAUNCH_APPROVAL_OVERDUE':
    case 'LAUNCHED':
      vars.launchAt = when(d.launchAt, settings);
      break;
    case 'LAUNCH_COUNTDOWN':
      vars.countdown = remaining(Number(d.remainingMs), lang);
      vars.launchAt = when(d.launchAt, settings);
      break;
    case 'CANCELLED':
      vars.reason = typeof d.reason === 'string' ? d.reason : '';
      break;
    // Events whose text needs no words beyond the product's own (or that make no update).
    case 'PRODUCT_CREATED':
    case 'POLL_EXTENDED':
    case 'POLL_BELOW_MINIMUM':
    case 'STAGE_CHANGED':
    case 'DESIGN_SUBMITTED':
    case 'DESIGN_APPROVED':
    case 'DESIGN_CHANGES_REQUESTED':
    case 'DESIGN_REVIEW_REMINDER':
    case 'SAMPLE_REQUESTED':
    case 'SAMPLE_RECORDED':
    case 'SAMPLE_APPROVED':
    case 'SAMPLE_CHANGES_REQUESTED':
    case 'SAMPLE_REVIEW_REMINDER':
    case 'LAUNCH_ANNOUNCEMENT_APPROVED':
      break;
    case 'DEMAND_OPENED':
      vars.goal = count(d.minimumUnits, lang);
      vars.closesAt = when(d.closesAt, settings);
      vars.variants = labels(d.variants, product, lang);
      break;
    case 'DEMAND_GOAL_REACHED':
      vars.units = count(d.totalUnits, lang);
      vars.goal = count(d.minimumUnits, lang);
      break;
    case 'DEMAND_MET':
    case 'DEMAND_BELOW_GOAL':
      vars.units = count(d.totalUnits, lang);
      vars.goal = count(d.minimumUnits, lang);
      vars.reservations = count(d.reservations, lang);
      break;
    case 'RESERVATIONS_RELEASED':
      vars.units = count(d.totalUnits, lang);
      vars.reservations = count(d.reservations, lang);
      break;
    case 'SOLD_OUT':
      vars.variants = labels(d.variants, product, lang);
      break;
    case 'RESTOCK_PROPOSED':
      vars.number = count(d.number, lang);
      vars.sellThrough = `${Math.round(Number(d.sellThrough) * 100)}%`;
      vars.quantity = count(unitsOf(d.suggested), lang);
      break;
    case 'RESTOCK_APPROVED':
      vars.number = count(d.number, lang);
      vars.quantity = count(d.quantity ?? unitsOf(d.quantities), lang);
      vars.dueDate = day(d.dueDate, settings);
      break;
    case 'BACK_IN_STOCK':
      vars.number = count(d.number, lang);
      vars.variants = labels(d.variants, product, lang);
      break;
    // Demand and sales events that make no update.
    case 'DEMAND_EXTENDED':
    case 'DEMAND_OVERRIDDEN':
    case 'RESERVATION_HOLD_ENDED':
    case 'RESTOCK_DECLINED':
    case 'RESTOCK_CANCELLED':
    case 'RESTOCK_MILESTONE':
    case 'SALES_ENDED':
      break;
    // Poll moderation: internal until the approval's POLL_OPENED, which is the poll's first public update.
    case 'POLL_DRAFTED':
    case 'POLL_OPTIONS_EDITED':
    case 'POLL_CHANGES_REQUESTED':
    case 'POLL_APPROVED':
      break;
    // Staff's warning of a supplier order's due date: told to staff (notifications), never an update.
    case 'ORDER_DUE_SOON':
      break;
    default: {
      const unhandled: never = event.type;
      throw new Error(`no template words for event ${String(unhandled)}`);
    }
  }
  return vars;
}

export interface DraftInput {
  event: LifecycleEvent;
  product: ProductView;
  settings: SocialSettings;
  handle: string;
  platform: Platform;
  limits: PlatformLimits;
  /** Whether fans already saw an update of the product (a cancellation is then told to them). */
  announced?: boolean;
}

const HOLD_NOTE: Record<Language, (reservations: string, holdUntil: string) => string> = {
  en: (n, until) => `Reserved one? ${n} of you did: your reservation code is on its way, use it at checkout. We hold your piece until ${until}.`,
  'zh-CN': (n, until) => `预订过的${n}位粉丝：预订码已发给你，结账时填写即可，我们为你保留到${until}。`,
};

/**
 * At launch, reservation holders are told their code is coming and how long their stock is held: a
 * paragraph the engine adds (after an approved announcement too, so holders always learn it).
 */
function reservationNote(event: LifecycleEvent, settings: SocialSettings): string | undefined {
  if (event.type !== 'LAUNCHED' || !(Number(event.data.reservations) > 0) || typeof event.data.reservationHoldUntil !== 'string') return undefined;
  return HOLD_NOTE[settings.language](count(event.data.reservations, settings.language), when(event.data.reservationHoldUntil, settings));
}

/** One event's update for one platform, or null when the event produces none. */
export function draftUpdate(input: DraftInput): (ComposedUpdate & { event: SocialEvent }) | null {
  let event = socialEventFor(input.event.type);
  if (!event) return null;
  // Fans who saw the product are told it is not going ahead, once: by the release of their reservations
  // when the cancellation released some, else by this update (without staff's reason).
  if (event === 'CANCELLED' && input.announced === true && !(Number(input.event.data.reservationsReleased) > 0)) event = 'PRODUCT_CANCELLED';
  const announcement = event === 'LAUNCHED' ? input.product.launch.announcement : undefined;
  const composed = composeUpdate({
    event,
    vars: templateVars(input.event, input.product, input.settings, input.handle),
    keyword: input.product.targetKeyword,
    choice: { language: input.settings.language, tone: input.settings.tone, overrides: input.settings.templates },
    platform: input.platform,
    limits: input.limits,
    signatureHashtags: input.settings.signatureHashtags,
    sponsored: input.settings.sponsored,
    approved: announcement ? { title: announcement.title, body: announcement.body } : undefined,
    note: reservationNote(input.event, input.settings),
  });
  return { ...composed, event };
}

/** The launch announcement as it would go out now, for the influencer to read and approve. */
export function draftLaunchAnnouncement(product: ProductView, settings: SocialSettings, handle: string, limits: PlatformLimits): ComposedUpdate {
  const launched: LifecycleEvent = {
    seq: product.seq + 1,
    type: 'LAUNCHED',
    stage: 'LAUNCHED',
    actor: { kind: 'system', id: 'engine' },
    at: product.launch.launchAt ?? product.updatedAt,
    data: { launchAt: product.launch.launchAt },
  };
  return draftUpdate({ event: launched, product, settings, handle, platform: settings.platform, limits })!;
}
