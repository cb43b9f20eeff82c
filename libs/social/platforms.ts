// Where social updates go and what each platform allows: title and body length, hashtag count, and how a
// sponsored post must be disclosed. Defaults below; an incubator can override any limit.

import { isPlatform, PLATFORMS, type Platform } from '../domain/platforms';

// The list itself lives in libs/domain (votes and connectors take it too); re-exported for the social code.
export { PLATFORMS, isPlatform, type Platform } from '../domain/platforms';

export interface PlatformLimits {
  /** Characters (code points); 0 when the platform has no separate title. */
  titleMax: number;
  bodyMax: number;
  hashtagMax: number;
  /** Put before the body of a sponsored post, in the post's language. */
  disclosure: { en: string; 'zh-CN': string };
}

// Conservative published limits; X counts a CJK character twice, so its body limit is kept at 140 for both.
export const DEFAULT_PLATFORM_LIMITS: Record<Platform, PlatformLimits> = {
  xiaohongshu: { titleMax: 20, bodyMax: 1000, hashtagMax: 10, disclosure: { en: 'Sponsored', 'zh-CN': '广告' } },
  weibo: { titleMax: 0, bodyMax: 2000, hashtagMax: 6, disclosure: { en: '#Ad#', 'zh-CN': '#广告#' } },
  douyin: { titleMax: 30, bodyMax: 1000, hashtagMax: 5, disclosure: { en: 'Ad', 'zh-CN': '广告' } },
  instagram: { titleMax: 0, bodyMax: 2200, hashtagMax: 30, disclosure: { en: 'Paid partnership #ad', 'zh-CN': '付费合作 #ad' } },
  tiktok: { titleMax: 0, bodyMax: 2200, hashtagMax: 10, disclosure: { en: '#ad', 'zh-CN': '#ad 广告' } },
  x: { titleMax: 0, bodyMax: 140, hashtagMax: 3, disclosure: { en: '#ad', 'zh-CN': '#ad' } },
};

/** The defaults with an incubator's overrides applied, each override validated. */
export function platformLimits(overrides: Partial<Record<Platform, Partial<PlatformLimits>>> = {}): Record<Platform, PlatformLimits> {
  const out = { ...DEFAULT_PLATFORM_LIMITS };
  for (const [name, o] of Object.entries(overrides)) {
    if (!isPlatform(name)) throw new Error(`unknown platform "${name}"; known: ${PLATFORMS.join(', ')}`);
    const merged = { ...out[name], ...o, disclosure: { ...out[name].disclosure, ...(o?.disclosure ?? {}) } };
    for (const key of ['titleMax', 'bodyMax', 'hashtagMax'] as const) {
      if (!Number.isInteger(merged[key]) || merged[key] < 0) throw new Error(`${name}.${key} must be a whole number ≥ 0`);
    }
    if (merged.bodyMax < 20) throw new Error(`${name}.bodyMax must be at least 20 characters`);
    out[name] = merged;
  }
  return out;
}
