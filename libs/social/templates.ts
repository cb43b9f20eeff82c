// The text of each social update, per event and language (English and Simplified Chinese), with the
// influencer's tone. Staff can override any template per influencer; placeholders are {name}.

import type { SocialSourceEventType } from '../domain';
import type { Language } from './text';

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
} as const satisfies Record<SocialSourceEventType, string>;
export type SocialEvent = (typeof SOCIAL_EVENT_OF)[SocialSourceEventType];
export const SOCIAL_EVENTS: readonly SocialEvent[] = Object.values(SOCIAL_EVENT_OF);

/** CANCELLED and the approval alert are recorded for staff (timeline, log channels) but never published. */
export function isPublished(event: SocialEvent): boolean {
  return event !== 'CANCELLED' && event !== 'LAUNCH_APPROVAL_OVERDUE';
}

export type Tone = 'warm' | 'hype' | 'minimal';

export interface PostTemplate {
  title: string;
  /** Paragraphs separated by a blank line; the first one should carry the keyword. */
  body: string;
  hashtags: string[];
}

type Catalogue = Record<SocialEvent, PostTemplate>;

const EN: Catalogue = {
  POLL_OPENED: {
    title: '{keyword}: you choose my next design',
    body: 'Help me pick the {keyword} we make next: {options}. Vote before {closesAt}.\n\nEvery vote counts — the design with the most fans wins and goes into production.',
    hashtags: ['fanvote', 'newcollection'],
  },
  POLL_MILESTONE: {
    title: '{milestone} fans voted on our {keyword}',
    body: '{milestone} of you have already voted for the next {keyword}! The poll is still open.\n\nTell a friend: the more fans vote, the bigger the first batch.',
    hashtags: ['fanvote'],
  },
  POLL_RESULT: {
    title: 'The {keyword} you chose: {winner}',
    body: 'You picked {winner} for our {keyword}, with {votes} votes.\n\nNext: design. I will share every step with you.',
    hashtags: ['fanvote', 'itsdecided'],
  },
  DESIGN_APPROVED: {
    title: 'Our {keyword} design is final',
    body: 'The design of our {keyword} ({product}) is approved.\n\nSamples are next — I will show you the first one soon.',
    hashtags: ['designprocess', 'behindthescenes'],
  },
  SAMPLE_APPROVED: {
    title: 'The {keyword} sample passed my test',
    body: 'I tried the sample of our {keyword} ({product}) and approved it.\n\nProduction starts soon.',
    hashtags: ['sampleday', 'behindthescenes'],
  },
  PRODUCTION_STARTED: {
    title: 'Making {quantity} of our {keyword}',
    body: 'Production of our {keyword} ({product}) has started: {quantity} pieces, sized by your votes.\n\nI will post each step until they ship.',
    hashtags: ['madeforyou', 'production'],
  },
  PRODUCTION_MILESTONE: {
    title: '{keyword} update: {step}',
    body: 'Our {keyword} ({product}) just reached {step}.\n\nLaunch is getting closer.',
    hashtags: ['production', 'behindthescenes'],
  },
  LAUNCH_SCHEDULED: {
    title: 'Our {keyword} launches {launchAt}',
    body: 'Mark the date: our {keyword} ({product}) launches {launchAt}.\n\nYou chose it, you shaped it — now it is yours first.',
    hashtags: ['launchday', 'comingsoon'],
  },
  LAUNCH_COUNTDOWN: {
    title: '{countdown} until our {keyword} launch',
    body: 'Only {countdown} left until our {keyword} ({product}) goes live.\n\nSet a reminder so you do not miss the first batch.',
    hashtags: ['countdown', 'launchday'],
  },
  LAUNCHED: {
    title: 'Our {keyword} is live',
    body: 'Our {keyword} ({product}) is live now.\n\nThank you for voting, waiting and sharing — this one is ours.',
    hashtags: ['launchday', 'nowavailable'],
  },
  CANCELLED: {
    title: '{keyword} cancelled (internal)',
    body: 'The {keyword} product {product} was cancelled: {reason}.',
    hashtags: [],
  },
  LAUNCH_APPROVAL_OVERDUE: {
    title: '{keyword} launch announcement not approved (internal)',
    body: 'The launch announcement of the {keyword} product {product} is not approved yet; it launches {launchAt}.\n\nWithout the influencer\'s approval the announcement is not published.',
    hashtags: [],
  },
};

const ZH: Catalogue = {
  POLL_OPENED: {
    title: '{keyword}｜下一款由你来选',
    body: '下一款{keyword}由你决定：{options}。投票截止{closesAt}。\n\n每一票都算数，票数最多的设计会投入生产。',
    hashtags: ['粉丝投票', '新品'],
  },
  POLL_MILESTONE: {
    title: '{keyword}投票已有{milestone}人参与',
    body: '已经有{milestone}位粉丝为下一款{keyword}投票啦！投票仍在进行中。\n\n叫上朋友一起投票，票越多首批越多。',
    hashtags: ['粉丝投票'],
  },
  POLL_RESULT: {
    title: '你们选中的{keyword}：{winner}',
    body: '{winner}以{votes}票当选，成为我们的{keyword}。\n\n接下来进入设计阶段，每一步都会和你们分享。',
    hashtags: ['粉丝投票', '结果公布'],
  },
  DESIGN_APPROVED: {
    title: '{keyword}设计定稿啦',
    body: '我们的{keyword}（{product}）设计已经确认。\n\n下一步是打样，第一件样衣很快见。',
    hashtags: ['设计过程', '幕后'],
  },
  SAMPLE_APPROVED: {
    title: '{keyword}样衣通过试穿',
    body: '我亲自试穿了{keyword}（{product}）的样衣，已经确认。\n\n马上开始生产。',
    hashtags: ['打样', '幕后'],
  },
  PRODUCTION_STARTED: {
    title: '{keyword}开工：首批{quantity}件',
    body: '我们的{keyword}（{product}）正式开始生产，首批{quantity}件，按你们的票数定量。\n\n每一步进度都会更新给大家。',
    hashtags: ['为你而做', '生产进度'],
  },
  PRODUCTION_MILESTONE: {
    title: '{keyword}进度：{step}',
    body: '我们的{keyword}（{product}）已完成{step}。\n\n离上新又近了一步。',
    hashtags: ['生产进度', '幕后'],
  },
  LAUNCH_SCHEDULED: {
    title: '{keyword}将于{launchAt}上新',
    body: '记好时间：我们的{keyword}（{product}）将于{launchAt}正式上新。\n\n你们选的、你们一起打造的，第一时间给你们。',
    hashtags: ['上新', '即将发售'],
  },
  LAUNCH_COUNTDOWN: {
    title: '{keyword}上新倒计时{countdown}',
    body: '距离我们的{keyword}（{product}）上新只剩{countdown}。\n\n设好提醒，别错过首批。',
    hashtags: ['倒计时', '上新'],
  },
  LAUNCHED: {
    title: '{keyword}正式上新',
    body: '我们的{keyword}（{product}）现已上新。\n\n谢谢每一位投票、等待和分享的你，这是我们一起完成的作品。',
    hashtags: ['上新', '现货'],
  },
  CANCELLED: {
    title: '{keyword}已取消（内部）',
    body: '{keyword}产品{product}已取消：{reason}。',
    hashtags: [],
  },
  LAUNCH_APPROVAL_OVERDUE: {
    title: '{keyword}上新公告未确认（内部）',
    body: '{keyword}产品{product}的上新公告尚未获得确认，上新时间为{launchAt}。\n\n未经达人确认的公告不会发布。',
    hashtags: [],
  },
};

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
