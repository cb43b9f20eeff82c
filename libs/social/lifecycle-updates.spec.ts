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
    // Every shipped event is a source's own, but for a cancellation told to fans who saw the product (plan.spec).
    expect(new Set([...mapped.map((t) => socialEventFor(t)), 'PRODUCT_CANCELLED'])).toEqual(new Set(SOCIAL_EVENTS));
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

  describe('demand and sales', () => {
    const withVariants: ProductView = { ...product, variants: [{ id: 's', label: 'S' }, { id: 'm', label: 'M' }] };
    const draft = (e: LifecycleEvent, over: Partial<SocialSettings> = {}) =>
      draftUpdate({ event: e, product: withVariants, settings: settings(over), handle: 'mia', platform: 'instagram', limits: DEFAULT_PLATFORM_LIMITS.instagram })!;

    it('ask fans to reserve with the goal, the deadline and the variants', () => {
      const opened = event('DEMAND_OPENED', { closesAt: '2026-11-22T12:00:00.000Z', minimumUnits: 1000, variants: [{ id: 's', label: 'S' }, { id: 'm', label: 'M' }] });
      expect(draft(opened).body).toContain('Reserve yours: our linen dress (Summer Linen Midi) is made if we reach 1,000 units by Nov 22, 2026, 12:00 PM. Pick your variant: S, M.');
      expect(draft(opened, { language: 'zh-CN' }).body).toContain('2026年11月22日 12:00前预订满1,000件就开工。可选款式：S、M。');
    });

    it('say when the goal is reached and when reservations are released, in numbers', () => {
      expect(draft(event('DEMAND_GOAL_REACHED', { totalUnits: 120, minimumUnits: 100 })).body).toContain('120 units of our linen dress (Summer Linen Midi) are reserved, the goal was 100');
      expect(draft(event('DEMAND_MET', { totalUnits: 130, minimumUnits: 100, reservations: 90, variants: [], suggested: [] })).body).toContain('90 of you reserved 130 units');
      const released = draft(event('RESERVATIONS_RELEASED', { reservations: 12, totalUnits: 15, reason: 'too few' }));
      expect(released.body).toContain('Our linen dress (Summer Linen Midi) will not be made this time: the 12 reservations are released');
      expect(released.body).not.toContain('too few');
    });

    it('name sold-out and restocked variants by their labels, and the restock quantity and due date', () => {
      expect(draft(event('SOLD_OUT', { variants: [{ variantId: 'm', label: 'M' }] })).title).toBe('Our linen dress sold out: M');
      const approved = event('RESTOCK_APPROVED', { number: 1, quantities: [{ variantId: 'm', units: 40 }], quantity: 40, supplier: 'Atelier', dueDate: '2027-01-05' });
      expect(draft(approved).body).toContain('Restock coming: 40 more pieces of our linen dress (Summer Linen Midi) are in production, due Jan 5, 2027.');
      expect(draft(event('BACK_IN_STOCK', { number: 1, variants: [{ variantId: 's', label: 'S', units: 10 }, { variantId: 'm', label: 'M', units: 30 }] })).body).toContain('back in stock: S, M.');
      expect(draft(event('SALES_ENDED', { reason: 'season over' })).body).not.toContain('season over');
    });

    it('tell reservation holders at launch that their code is coming and until when their piece is held', () => {
      const launched = event('LAUNCHED', { launchAt: '2026-12-01T12:00:00.000Z', reservations: 87, reservationHoldUntil: '2026-12-03T12:00:00.000Z' });
      expect(draft(launched).body.split('\n\n').at(-1)).toBe('Reserved one? 87 of you did: your reservation code is on its way, use it at checkout. We hold your piece until Dec 3, 2026, 12:00 PM.');
      expect(draft(launched, { language: 'zh-CN' }).body).toContain('预订过的87位粉丝');
      expect(draft(event('LAUNCHED', { launchAt: '2026-12-01T12:00:00.000Z' })).body).not.toContain('Reserved');
    });

    it('render every new event in both languages and all tones without gaps', () => {
      const cases: LifecycleEvent[] = [
        event('DEMAND_BELOW_GOAL', { totalUnits: 10, minimumUnits: 100, reservations: 8, variants: [] }),
        event('RESTOCK_PROPOSED', { number: 2, sellThrough: 0.8, suggested: [{ variantId: 's', units: 5 }, { variantId: 'm', units: 15 }] }),
      ];
      for (const language of ['en', 'zh-CN'] as const) {
        for (const tone of ['warm', 'hype', 'minimal'] as const) {
          for (const e of cases) {
            const post = draft(e, { language, tone });
            expect(post.title + post.body).not.toMatch(/[{}]|undefined|NaN/);
          }
        }
      }
      expect(draft(cases[1]).body).toContain('has sold 80% of its stock; restock 2 of 20 units is proposed');
    });

    it('let staff override the new events’ templates with the placeholders each fills', () => {
      expect(templateProblems({ DEMAND_OPENED: { title: '{goal} {keyword} by {closesAt}: {variants}' }, SOLD_OUT: { body: '{variants} gone' } })).toEqual([]);
      expect(templateProblems({ SALES_ENDED: { body: '{reason}' } })).toEqual([
        { field: 'templates.SALES_ENDED', message: 'templates.SALES_ENDED uses {reason}; this event fills {keyword}, {product}, {handle}' },
      ]);
      const custom = draftUpdate({
        event: event('DEMAND_GOAL_REACHED', { totalUnits: 120, minimumUnits: 100 }),
        product: withVariants,
        settings: settings({ templates: { DEMAND_GOAL_REACHED: { title: '{keyword}: {units}/{goal}!' } } }),
        handle: 'mia',
        platform: 'instagram',
        limits: DEFAULT_PLATFORM_LIMITS.instagram,
      })!;
      expect(custom.title).toBe('linen dress: 120/100!');
    });
  });
});
