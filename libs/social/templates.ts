// The text of each social update, per event and language (English and Simplified Chinese), with the
// influencer's tone. Staff can override any template per influencer; placeholders are {name}.

import type { SocialSourceEventType } from '../domain';
import type { Language } from './text';
import { EN } from './templates.en';
import { ZH } from './templates.zh-CN';

/** The update each source event of the contract makes (a poll's close is published as its result). */
export const SOCIAL_EVENT_OF = {
  POLL_OPENED: 'POLL_OPENED',
  POLL_MILESTONE: 'POLL_MILESTONE',
  POLL_CLOSED: 'POLL_RESULT',
  DESIGN_APPROVED: 'DESIGN_APPROVED',
  SAMPLE_APPROVED: 'SAMPLE_APPROVED',
  PRODUCTION_STARTED: 'PRODUCTION_STARTED',
  PRODUCTION_MILESTONE: 'PRODUCTION_MILESTONE',
  LAUNCH_SCHEDULED: 'LAUNCH_SCHEDULED',
  LAUNCH_COUNTDOWN: 'LAUNCH_COUNTDOWN',
  LAUNCHED: 'LAUNCHED',
  CANCELLED: 'CANCELLED',
  LAUNCH_APPROVAL_OVERDUE: 'LAUNCH_APPROVAL_OVERDUE',
  DEMAND_OPENED: 'DEMAND_OPENED',
  DEMAND_GOAL_REACHED: 'DEMAND_GOAL_REACHED',
  DEMAND_MET: 'DEMAND_MET',
  DEMAND_BELOW_GOAL: 'DEMAND_BELOW_GOAL',
  RESERVATIONS_RELEASED: 'RESERVATIONS_RELEASED',
  SOLD_OUT: 'SOLD_OUT',
  RESTOCK_PROPOSED: 'RESTOCK_PROPOSED',
  RESTOCK_APPROVED: 'RESTOCK_APPROVED',
  BACK_IN_STOCK: 'BACK_IN_STOCK',
  SALES_ENDED: 'SALES_ENDED',
} as const satisfies Record<SocialSourceEventType, string>;
/**
 * A cancellation is staff's (CANCELLED, internal, with the reason) unless fans already saw the product: then
 * it is told to them once, without the reason (PRODUCT_CANCELLED), unless a release of their reservations
 * already tells them (lifecycle-updates draftUpdate).
 */
export type SocialEvent = (typeof SOCIAL_EVENT_OF)[SocialSourceEventType] | 'PRODUCT_CANCELLED';
export const SOCIAL_EVENTS: readonly SocialEvent[] = [...Object.values(SOCIAL_EVENT_OF), 'PRODUCT_CANCELLED'];

/** Recorded for staff (timeline, log channels) but never published: decisions that are staff's to make or announce. */
const INTERNAL: readonly SocialEvent[] = ['CANCELLED', 'LAUNCH_APPROVAL_OVERDUE', 'DEMAND_BELOW_GOAL', 'RESTOCK_PROPOSED'];

export function isPublished(event: SocialEvent): boolean {
  return !INTERNAL.includes(event);
}

export type Tone = 'warm' | 'hype' | 'minimal';

export interface PostTemplate {
  title: string;
  /** Paragraphs separated by a blank line; the first one should carry the keyword. */
  body: string;
  hashtags: string[];
}

export type Catalogue = Record<SocialEvent, PostTemplate>;

export const TEMPLATES: Record<Language, Catalogue> = { en: EN, 'zh-CN': ZH };

const TONE: Record<Tone, { title: (t: string, lang: Language) => string }> = {
  warm: { title: (t) => `${t} 💛` },
  hype: { title: (t, lang) => `🔥 ${t}${lang === 'zh-CN' ? '！' : '!'}` },
  minimal: { title: (t) => t },
};

export type TemplateVars = Record<string, string | number>;

export class TemplateError extends Error {}

/** Fills `{name}` placeholders; a placeholder without a value is an error, not an empty gap in a post. */
export function fill(template: string, vars: TemplateVars): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new TemplateError(`the template needs {${name}}, which this event does not provide`);
    return String(value);
  });
}

export interface TemplateChoice {
  language: Language;
  tone: Tone;
  /** An influencer's own templates for some events (staff set them); the shipped ones otherwise. */
  overrides?: Partial<Record<SocialEvent, Partial<PostTemplate>>>;
}

/** The filled title, body and hashtags of one event's update. */
export function renderTemplate(event: SocialEvent, vars: TemplateVars, choice: TemplateChoice): PostTemplate {
  const template = { ...TEMPLATES[choice.language][event], ...(choice.overrides?.[event] ?? {}) };
  return {
    title: TONE[choice.tone].title(fill(template.title, vars), choice.language),
    body: fill(template.body, vars),
    hashtags: template.hashtags.map((h) => fill(h, vars)),
  };
}
