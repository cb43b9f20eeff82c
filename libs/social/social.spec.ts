import { composeUpdate } from './compose';
import { DEFAULT_DENSITY, scorePost } from './optimizer';
import { DEFAULT_PLATFORM_LIMITS, PLATFORMS, platformLimits } from './platforms';
import { fill, isPublished, renderTemplate, SOCIAL_EVENTS, TemplateError, TEMPLATES, type TemplateVars } from './templates';
import { hashtagFor, length, occurrences, tokens, truncate } from './text';

const VARS: TemplateVars = {
  keyword: 'linen dress',
  product: 'Summer Linen Midi',
  options: 'midi, wrap or slip',
  closesAt: '1 December',
  milestone: '1,000',
  winner: 'the midi',
  votes: 1234,
  quantity: 310,
  step: 'sewing',
  launchAt: 'Friday 8 pm',
  countdown: '24 hours',
  reason: 'supplier fell through',
  handle: '@mia.style',
  goal: 100,
  units: 120,
  reservations: 87,
  variants: 'S, M',
  number: 1,
  sellThrough: '80%',
  dueDate: 'Jan 5, 2027',
};
const ZH_VARS: TemplateVars = { ...VARS, keyword: '亚麻连衣裙', product: '夏日亚麻中长裙', options: '中长款、裹身款或吊带款', winner: '中长款', step: '缝制', countdown: '24小时', launchAt: '周五晚8点' };

describe('text measures', () => {
  it('counts keywords as whole words in English, case-insensitive, and as substrings in Chinese', () => {
    expect(occurrences('Linen dress love: my linen dresses and a LINEN DRESS.', 'linen dress')).toBe(2);
    expect(occurrences('这条亚麻连衣裙和那条亚麻连衣裙', '亚麻连衣裙')).toBe(2);
  });

  it('counts a CJK character as a token and a Latin word as one', () => {
    expect(tokens('my linen dress')).toBe(3);
    expect(tokens('亚麻连衣裙 OK')).toBe(6);
  });

  it('cuts at a word boundary with an ellipsis and never exceeds the limit', () => {
    const cut = truncate('The quick brown fox jumps over the lazy dog', 20);
    expect(cut).toBe('The quick brown fox…');
    expect(length(truncate('这是一段很长很长的中文文字需要截断', 8))).toBe(8);
  });

  it('makes hashtags without spaces, lower-case', () => {
    expect(hashtagFor('Linen Dress')).toBe('#linendress');
    expect(hashtagFor('#亚麻 连衣裙')).toBe('#亚麻连衣裙');
  });
});

describe('scorePost', () => {
  const keyword = 'linen dress';
  const ok = (title: string, body: string, hashtags = ['#linendress']) => scorePost({ title, body, hashtags }, keyword, { language: 'en' });
  const body = (paragraph1: string) => `${paragraph1}\n\nMore words about the fabric, the cut and the colour you chose together with me this season.`;

  it('gives 100 to a post with the keyword in title, first paragraph, at target density, tagged, uncut', () => {
    const s = ok('My linen dress is here', body('The linen dress you chose is ready to order now.'));
    expect(s.score).toBe(100);
    expect(s.reasons.every((r) => r.points === r.max)).toBe(true);
  });

  it('takes 30 off when the title lacks the keyword, and says so', () => {
    const s = ok('Something new', body('The linen dress you chose is ready to order now.'));
    expect(s.score).toBe(70);
    expect(s.reasons.find((r) => r.rule === 'keyword-in-title')).toMatchObject({ points: 0, detail: 'the title lacks "linen dress"' });
  });

  it('takes 25 off when only a later paragraph has the keyword', () => {
    const s = ok('My linen dress', 'A new piece is ready.\n\nIt is the linen dress you chose.');
    expect(s.reasons.find((r) => r.rule === 'keyword-in-first-paragraph')?.points).toBe(0);
  });

  it('scores density proportionally below the target and penalises stuffing above it', () => {
    const sparse = ok('linen dress', `linen dress ${'word '.repeat(200)}`);
    const sparseDensity = sparse.reasons.find((r) => r.rule === 'keyword-density')!;
    expect(sparseDensity.points).toBeLessThan(25);
    expect(sparseDensity.detail).toMatch(/below the target/);
    const stuffed = ok('linen dress', 'linen dress linen dress linen dress linen dress buy');
    const stuffedDensity = stuffed.reasons.find((r) => r.rule === 'keyword-density')!;
    expect(stuffed.density).toBeGreaterThan(DEFAULT_DENSITY.en.max * 2);
    expect(stuffedDensity.points).toBe(0);
    expect(stuffedDensity.detail).toMatch(/stuffing/);
  });

  it('wants the keyword hashtag and an uncut post', () => {
    const s = scorePost({ title: 'linen dress', body: 'linen dress here and more', hashtags: ['#summer'] }, keyword, { language: 'en', withinLimits: false });
    expect(s.reasons.find((r) => r.rule === 'keyword-hashtag')).toMatchObject({ points: 0, detail: 'no #linendress hashtag' });
    expect(s.reasons.find((r) => r.rule === 'within-platform-limits')?.points).toBe(0);
  });

  it('measures Chinese posts by characters', () => {
    const s = scorePost({ title: '亚麻连衣裙上新', body: '我们的亚麻连衣裙今天正式上新，欢迎大家来看看这一款由粉丝投票选出的夏季新品。', hashtags: ['#亚麻连衣裙'] }, '亚麻连衣裙', { language: 'zh-CN' });
    expect(s.score).toBe(100);
  });
});

describe('templates', () => {
  it('ship every event in English and Simplified Chinese, filled without gaps', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      for (const event of SOCIAL_EVENTS) {
        const post = renderTemplate(event, language === 'en' ? VARS : ZH_VARS, { language, tone: 'minimal' });
        expect(post.title).not.toMatch(/[{}]/);
        expect(post.body).not.toMatch(/[{}]/);
        expect(occurrences(post.title, String((language === 'en' ? VARS : ZH_VARS).keyword))).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(TEMPLATES['zh-CN'])).toEqual(Object.keys(TEMPLATES.en));
  });

  it('applies the tone to the title', () => {
    expect(renderTemplate('LAUNCHED', VARS, { language: 'en', tone: 'hype' }).title).toBe('🔥 Our linen dress is live!');
    expect(renderTemplate('LAUNCHED', ZH_VARS, { language: 'zh-CN', tone: 'hype' }).title).toBe('🔥 亚麻连衣裙正式上新！');
    expect(renderTemplate('LAUNCHED', VARS, { language: 'en', tone: 'warm' }).title).toBe('Our linen dress is live 💛');
  });

  it("uses an influencer's override for an event and refuses a placeholder the event cannot fill", () => {
    const post = renderTemplate('LAUNCHED', VARS, { language: 'en', tone: 'minimal', overrides: { LAUNCHED: { title: '{handle} x {keyword}: out now' } } });
    expect(post.title).toBe('@mia.style x linen dress: out now');
    expect(() => fill('{nope}', VARS)).toThrow(TemplateError);
  });

  it('never publishes the cancellation, the missed demand goal or a restock proposal', () => {
    expect(SOCIAL_EVENTS.filter((e) => !isPublished(e))).toEqual(['CANCELLED', 'LAUNCH_APPROVAL_OVERDUE', 'DEMAND_BELOW_GOAL', 'RESTOCK_PROPOSED']);
  });
});

describe('composeUpdate', () => {
  const base = { vars: VARS, keyword: 'linen dress', choice: { language: 'en' as const, tone: 'minimal' as const } };

  it("respects every platform's limits for every event, in both languages", () => {
    for (const platform of PLATFORMS) {
      for (const language of ['en', 'zh-CN'] as const) {
        for (const event of SOCIAL_EVENTS) {
          const limits = DEFAULT_PLATFORM_LIMITS[platform];
          const u = composeUpdate({ ...base, event, vars: language === 'en' ? VARS : ZH_VARS, keyword: language === 'en' ? 'linen dress' : '亚麻连衣裙', choice: { language, tone: 'hype' }, platform, limits, signatureHashtags: ['miastyle', 'slowfashion', 'linen', 'summer'], sponsored: true });
          expect(length(u.text)).toBeLessThanOrEqual(limits.bodyMax);
          if (limits.titleMax > 0) expect(length(u.title)).toBeLessThanOrEqual(limits.titleMax);
          expect(u.hashtags.length).toBeLessThanOrEqual(limits.hashtagMax);
          expect(u.text.startsWith(limits.disclosure[language])).toBe(true);
          expect(u.optimisation.score).toBeGreaterThanOrEqual(0);
          expect(u.optimisation.score).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it('puts the keyword tag first, then signature tags, without repeats', () => {
    const u = composeUpdate({ ...base, event: 'POLL_OPENED', platform: 'instagram', limits: DEFAULT_PLATFORM_LIMITS.instagram, signatureHashtags: ['MiaStyle', '#fanvote'] });
    expect(u.hashtags).toEqual(['#linendress', '#miastyle', '#fanvote', '#newcollection']);
  });

  it('carries the disclosure only on sponsored updates', () => {
    const plain = composeUpdate({ ...base, event: 'LAUNCHED', platform: 'weibo', limits: DEFAULT_PLATFORM_LIMITS.weibo });
    const paid = composeUpdate({ ...base, event: 'LAUNCHED', platform: 'weibo', limits: DEFAULT_PLATFORM_LIMITS.weibo, sponsored: true });
    expect(plain.text).not.toContain('#Ad#');
    expect(paid.text.startsWith('#Ad#')).toBe(true);
  });

  it('shortens the body first on a tight platform, and marks the update as cut', () => {
    const u = composeUpdate({ ...base, event: 'POLL_OPENED', platform: 'x', limits: DEFAULT_PLATFORM_LIMITS.x });
    expect(length(u.text)).toBeLessThanOrEqual(140);
    expect(u.truncated).toBe(true);
    expect(u.text).toContain(u.title);
    expect(u.optimisation.reasons.find((r) => r.rule === 'within-platform-limits')?.points).toBe(0);
  });

  it('scores the shipped templates well where nothing had to be cut, in both languages', () => {
    const en = composeUpdate({ ...base, event: 'LAUNCHED', platform: 'instagram', limits: DEFAULT_PLATFORM_LIMITS.instagram });
    const zh = composeUpdate({ ...base, event: 'LAUNCHED', vars: ZH_VARS, keyword: '亚麻连衣裙', choice: { language: 'zh-CN', tone: 'minimal' }, platform: 'xiaohongshu', limits: DEFAULT_PLATFORM_LIMITS.xiaohongshu });
    for (const u of [en, zh]) {
      expect(u.truncated).toBe(false);
      expect({ score: u.optimisation.score, reasons: u.optimisation.reasons.filter((r) => r.points < r.max) }).toEqual({ score: 100, reasons: [] });
    }
  });
});

describe('platformLimits', () => {
  it('applies overrides and refuses nonsense', () => {
    expect(platformLimits({ x: { bodyMax: 280 } }).x.bodyMax).toBe(280);
    expect(platformLimits({ weibo: { disclosure: { en: 'Ad:', 'zh-CN': '广告：' } } }).weibo.disclosure.en).toBe('Ad:');
    expect(() => platformLimits({ myspace: {} } as never)).toThrow(/unknown platform "myspace"/);
    expect(() => platformLimits({ x: { hashtagMax: -1 } })).toThrow(/x.hashtagMax/);
  });
});
