import { SOCIAL_EVENT_SOURCES, type LifecycleEvent, type ProductView } from '../domain';
import { DEFAULT_PLATFORM_LIMITS } from './platforms';
import {
  DEFAULT_SOCIAL_SETTINGS,
  draftLaunchAnnouncement,
  draftUpdate,
  remaining,
  socialEventFor,
  socialSettings,
  templateVars,
  type SocialSettings,
} from './lifecycle-updates';
import { EVENT_TYPES } from '../domain/model';
import { productFixture } from './product.fixture';
import { templateProblems } from './template-overrides';
import { SOCIAL_EVENTS } from './templates';

const created = productFixture(1);
const product: ProductView = {
  ...created,
  stage: 'DESIGN',
  seq: 4,
  poll: { ...created.poll, status: 'CLOSED' },
  launch: { ...created.launch, launchAt: '2026-12-01T12:00:00.000Z' },
};

const event = (type: LifecycleEvent['type'], data: Record<string, unknown> = {}): LifecycleEvent => ({
  seq: 5,
  type,
  stage: 'DESIGN',
  actor: { kind: 'system', id: 'engine' },
  at: '2026-11-08T12:00:00.000Z',
  data,
});

const settings = (over: Partial<SocialSettings> = {}): SocialSettings => ({ ...DEFAULT_SOCIAL_SETTINGS, tone: 'minimal', ...over });

describe('lifecycle updates', () => {
  it('turn exactly the contract’s source events into updates, each to a shipped template', () => {
    const mapped = EVENT_TYPES.filter((t) => socialEventFor(t) !== null);
    expect(mapped).toEqual(expect.arrayContaining([...SOCIAL_EVENT_SOURCES]));
    expect(mapped).toHaveLength(SOCIAL_EVENT_SOURCES.length);
    expect(new Set(mapped.map((t) => socialEventFor(t)))).toEqual(new Set(SOCIAL_EVENTS));
    expect(socialEventFor('DESIGN_SUBMITTED')).toBeNull();
    expect(socialEventFor('POLL_CLOSED')).toBe('POLL_RESULT');
  });

  it('fill the poll result with the winner’s label and votes, in the post’s language', () => {
    const closed = event('POLL_CLOSED', { winningOptionId: 'wrap', counts: [{ optionId: 'midi', votes: 900 }, { optionId: 'wrap', votes: 1234 }] });
    expect(templateVars(closed, product, settings(), 'mia')).toMatchObject({ winner: 'Wrap dress', votes: '1,234', handle: '@mia' });
    const post = draftUpdate({ event: closed, product, settings: settings(), handle: 'mia', platform: 'instagram', limits: DEFAULT_PLATFORM_LIMITS.instagram })!;
    expect(post.event).toBe('POLL_RESULT');
    expect(post.body).toContain('You picked Wrap dress for our linen dress, with 1,234 votes.');
  });

  it('write dates in the influencer’s time zone and language', () => {
    const scheduled = event('LAUNCH_SCHEDULED', { launchAt: '2026-12-01T12:00:00.000Z' });
    expect(templateVars(scheduled, product, settings({ timeZone: 'Asia/Shanghai' }), 'mia').launchAt).toBe('Dec 1, 2026, 8:00 PM');
    expect(templateVars(scheduled, product, settings({ language: 'zh-CN', timeZone: 'Asia/Shanghai' }), 'mia').launchAt).toBe('2026年12月1日 20:00');
  });

  it('say how long is left in whole units, in both languages', () => {
    expect(remaining(86_400_000, 'en')).toBe('1 day');
    expect(remaining(3 * 3_600_000, 'en')).toBe('3 hours');
    expect(remaining(3_600_000, 'zh-CN')).toBe('1小时');
    expect(remaining(90_000, 'en')).toBe('90 seconds');
    expect(remaining(90_500, 'en')).toBe('2 minutes');
  });

  it('use the approved announcement word for word at launch', () => {
    const approved = { ...product, launch: { ...product.launch, announcement: { title: 'linen dress: live!', body: 'Go {get} it.', approvedAt: '', approvedBy: { kind: 'influencer', id: 'inf-1' } } } } as ProductView;
    const post = draftUpdate({ event: event('LAUNCHED', { launchAt: '2026-12-01T12:00:00.000Z' }), product: approved, settings: settings({ tone: 'hype' }), handle: 'mia', platform: 'xiaohongshu', limits: DEFAULT_PLATFORM_LIMITS.xiaohongshu })!;
    expect(post.title).toBe('linen dress: live!');
    expect(post.body).toBe('Go {get} it.');
    // The draft is fitted to the platform: Xiaohongshu allows 20 characters of title.
    expect(draftLaunchAnnouncement(product, settings(), 'mia', DEFAULT_PLATFORM_LIMITS.instagram).title).toBe('Our linen dress is live');
    expect(draftLaunchAnnouncement(product, settings(), 'mia', DEFAULT_PLATFORM_LIMITS.xiaohongshu)).toMatchObject({ title: 'Our linen dress is…', truncated: true });
  });

  it('carry the disclosure on a sponsored influencer’s posts', () => {
    const post = draftUpdate({ event: event('DESIGN_APPROVED'), product, settings: settings({ sponsored: true, language: 'zh-CN' }), handle: 'mia', platform: 'weibo', limits: DEFAULT_PLATFORM_LIMITS.weibo })!;
    expect(post.text.startsWith('#广告#')).toBe(true);
  });

  it('accept template overrides that use only the event’s placeholders, naming every problem', () => {
    expect(templateProblems({ LAUNCHED: { title: '{keyword} x {handle} is live ({launchAt})' } })).toEqual([]);
    expect(templateProblems({ LAUNCHED: { title: '{winner}' }, NOPE: { body: 'x' }, POLL_RESULT: { hashtags: ['{votes}', '{nobody}'] } })).toEqual([
      { field: 'templates.LAUNCHED', message: 'templates.LAUNCHED uses {winner}; this event fills {keyword}, {product}, {handle}, {launchAt}' },
      { field: 'templates.NOPE', message: 'templates.NOPE is not an event; events are ' + SOCIAL_EVENTS.join(', ') },
      { field: 'templates.POLL_RESULT', message: 'templates.POLL_RESULT uses {nobody}; this event fills {keyword}, {product}, {handle}, {winner}, {votes}' },
    ]);
    expect(templateProblems({ LAUNCHED: { hashtags: 'x', extra: 1 } }).map((p) => p.field)).toEqual(['templates.LAUNCHED.hashtags', 'templates.LAUNCHED.extra']);
  });

  it('fill settings stored by an older version with the defaults', () => {
    expect(socialSettings({ language: 'zh-CN' })).toEqual({ ...DEFAULT_SOCIAL_SETTINGS, language: 'zh-CN', platform: 'xiaohongshu' });
    expect(socialSettings({ language: 'en' }).platform).toBe('instagram');
    expect(socialSettings({ language: 'zh-CN', platform: 'weibo' }).platform).toBe('weibo');
    expect(socialSettings(null)).toEqual(DEFAULT_SOCIAL_SETTINGS);
  });
});
