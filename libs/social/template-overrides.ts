// Checks of the template overrides staff set per influencer: only the events there are, only the
// placeholders each event fills, and texts of sensible length, each problem named by its field.
import { SOCIAL_EVENTS, type SocialEvent } from './templates';

const COMMON_VARS = ['keyword', 'product', 'handle'];

/** The placeholders each event fills (beyond {keyword}, {product} and {handle}); overrides may use only these. */
export const EVENT_PLACEHOLDERS: Record<SocialEvent, string[]> = {
  POLL_OPENED: ['options', 'closesAt'],
  POLL_MILESTONE: ['milestone'],
  POLL_RESULT: ['winner', 'votes'],
  DESIGN_APPROVED: [],
  SAMPLE_APPROVED: [],
  PRODUCTION_STARTED: ['quantity'],
  PRODUCTION_MILESTONE: ['step'],
  LAUNCH_SCHEDULED: ['launchAt'],
  LAUNCH_COUNTDOWN: ['countdown', 'launchAt'],
  LAUNCHED: ['launchAt'],
  CANCELLED: ['reason'],
  LAUNCH_APPROVAL_OVERDUE: ['launchAt'],
  DEMAND_OPENED: ['goal', 'closesAt', 'variants'],
  DEMAND_GOAL_REACHED: ['units', 'goal'],
  DEMAND_MET: ['units', 'goal', 'reservations'],
  DEMAND_BELOW_GOAL: ['units', 'goal', 'reservations'],
  RESERVATIONS_RELEASED: ['units', 'reservations'],
  SOLD_OUT: ['variants'],
  RESTOCK_PROPOSED: ['number', 'sellThrough', 'quantity'],
  RESTOCK_APPROVED: ['number', 'quantity', 'dueDate'],
  BACK_IN_STOCK: ['number', 'variants'],
  SALES_ENDED: [],
  PRODUCT_CANCELLED: [],
};

/** Longest override texts an influencer's templates may have. */
const OVERRIDE_LIMITS = { title: 300, body: 3000, hashtags: 20, hashtag: 60 } as const;

/** One thing wrong with an override: the request field it is in and what is wrong. */
export interface TemplateProblem {
  field: string;
  message: string;
}

/** What is wrong with an influencer's template overrides (shape and placeholders), one problem each. */
export function templateProblems(templates: Record<string, unknown>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message: `${field} ${message}` });
  for (const [event, value] of Object.entries(templates)) {
    if (!(SOCIAL_EVENTS as readonly string[]).includes(event)) {
      problem(`templates.${event}`, `is not an event; events are ${SOCIAL_EVENTS.join(', ')}`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problem(`templates.${event}`, 'must be an object with title, body and/or hashtags');
      continue;
    }
    const override = value as Record<string, unknown>;
    const allowed = [...COMMON_VARS, ...EVENT_PLACEHOLDERS[event as SocialEvent]];
    const texts = [override.title, override.body, ...(Array.isArray(override.hashtags) ? (override.hashtags as unknown[]) : [])].filter((t): t is string => typeof t === 'string');
    for (const text of texts) {
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
        if (!allowed.includes(name)) problem(`templates.${event}`, `uses {${name}}; this event fills ${allowed.map((a) => `{${a}}`).join(', ')}`);
      }
    }
    for (const [key, field] of Object.entries(override)) {
      if (key === 'hashtags') {
        const ok = Array.isArray(field) && field.length <= OVERRIDE_LIMITS.hashtags && field.every((h) => typeof h === 'string' && h.length >= 1 && h.length <= OVERRIDE_LIMITS.hashtag);
        if (!ok) problem(`templates.${event}.hashtags`, `must be up to ${OVERRIDE_LIMITS.hashtags} strings of 1–${OVERRIDE_LIMITS.hashtag} characters`);
      } else if (key === 'title' || key === 'body') {
        const max = OVERRIDE_LIMITS[key];
        if (typeof field !== 'string' || !field.trim() || field.length > max) problem(`templates.${event}.${key}`, `must be text of 1–${max} characters`);
      } else {
        problem(`templates.${event}.${key}`, 'is not a template field; fields are title, body and hashtags');
      }
    }
  }
  return problems;
}
