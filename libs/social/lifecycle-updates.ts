// Which lifecycle events become social updates, the words each one fills its template with, and the
// influencer's social settings. Pure: the worker's activities and the API's announcement draft share it.

import { isSocialSource } from '../domain/contract';
import type { LifecycleEvent, ProductView } from '../domain/model';
import { composeUpdate, type ComposedUpdate } from './compose';
import type { Platform, PlatformLimits } from './platforms';
import { SOCIAL_EVENT_OF, type PostTemplate, type SocialEvent, type TemplateVars, type Tone } from './templates';
import type { Language } from './text';

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

function when(iso: unknown, settings: SocialSettings): string {
  const ms = typeof iso === 'string' ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return '';
  return new Intl.DateTimeFormat(settings.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: settings.timeZone }).format(ms);
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
    case 'SAMPLE_RECORDED':
    case 'SAMPLE_APPROVED':
    case 'SAMPLE_CHANGES_REQUESTED':
    case 'SAMPLE_REVIEW_REMINDER':
    case 'LAUNCH_ANNOUNCEMENT_APPROVED':
      break;
    // Demand and sales events: no updates yet (the attribution work gives them their words).
    case 'DEMAND_OPENED':
    case 'DEMAND_GOAL_REACHED':
    case 'DEMAND_EXTENDED':
    case 'DEMAND_BELOW_GOAL':
    case 'DEMAND_MET':
    case 'DEMAND_OVERRIDDEN':
    case 'RESERVATIONS_RELEASED':
    case 'RESERVATION_HOLD_ENDED':
    case 'SOLD_OUT':
    case 'RESTOCK_PROPOSED':
    case 'RESTOCK_APPROVED':
    case 'RESTOCK_DECLINED':
    case 'RESTOCK_CANCELLED':
    case 'RESTOCK_MILESTONE':
    case 'BACK_IN_STOCK':
    case 'SALES_ENDED':
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
}

/** One event's update for one platform, or null when the event produces none. */
export function draftUpdate(input: DraftInput): (ComposedUpdate & { event: SocialEvent }) | null {
  const event = socialEventFor(input.event.type);
  if (!event) return null;
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

const STAGE_WORDS: Record<Language, Record<string, string>> = {
  en: { POLL: 'Fan poll', DESIGN: 'Design', SAMPLING: 'Sampling', PRODUCTION: 'Production', LAUNCH: 'Launch', LAUNCHED: 'Launched', CANCELLED: 'Cancelled' },
  'zh-CN': { POLL: '粉丝投票', DESIGN: '设计', SAMPLING: '打样', PRODUCTION: '生产', LAUNCH: '上新准备', LAUNCHED: '已上新', CANCELLED: '已取消' },
};

const EVENT_WORDS: Record<Language, Record<SocialEvent, string>> = {
  en: {
    POLL_OPENED: 'Fan poll open',
    POLL_MILESTONE: 'Poll milestone',
    POLL_RESULT: 'Poll result',
    DESIGN_APPROVED: 'Design approved',
    SAMPLE_APPROVED: 'Sample approved',
    PRODUCTION_STARTED: 'Production started',
    PRODUCTION_MILESTONE: 'Production update',
    LAUNCH_SCHEDULED: 'Launch date',
    LAUNCH_COUNTDOWN: 'Launch countdown',
    LAUNCHED: 'Launched',
    CANCELLED: 'Cancelled',
    LAUNCH_APPROVAL_OVERDUE: 'Announcement not approved',
  },
  'zh-CN': {
    POLL_OPENED: '粉丝投票开启',
    POLL_MILESTONE: '投票里程碑',
    POLL_RESULT: '投票结果',
    DESIGN_APPROVED: '设计定稿',
    SAMPLE_APPROVED: '样衣通过',
    PRODUCTION_STARTED: '开始生产',
    PRODUCTION_MILESTONE: '生产进度',
    LAUNCH_SCHEDULED: '上新日期',
    LAUNCH_COUNTDOWN: '上新倒计时',
    LAUNCHED: '正式上新',
    CANCELLED: '已取消',
    LAUNCH_APPROVAL_OVERDUE: '公告未确认',
  },
};

export function stageLabel(stage: string, language: Language): string {
  return STAGE_WORDS[language][stage] ?? stage;
}

export function eventLabel(event: SocialEvent, language: Language): string {
  return EVENT_WORDS[language][event];
}
