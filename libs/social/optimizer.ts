// Social-search optimisation, measured: the way Xiaohongshu-style engines rank posts, the target keyword
// should be in the title, in the first paragraph and through the body at a moderate density, and tagged.
// The score (0–100) comes with one reason per rule, stored beside the update.

import { hashtagFor, occurrences, tokens, type Language } from './text';

export interface PostText {
  title: string;
  body: string;
  hashtags: string[];
}

export interface ScoreReason {
  rule: 'keyword-in-title' | 'keyword-in-first-paragraph' | 'keyword-density' | 'keyword-hashtag' | 'within-platform-limits';
  points: number;
  max: number;
  detail: string;
}

export interface OptimisationScore {
  score: number;
  density: number;
  reasons: ScoreReason[];
}

export interface DensityTarget {
  /** Keyword share of the body's tokens, e.g. 0.01 = 1 %. */
  min: number;
  max: number;
}

/** For posts of a few dozen words; Chinese packs a keyword into denser characters than English into words. */
export const DEFAULT_DENSITY: Record<Language, DensityTarget> = { en: { min: 0.03, max: 0.12 }, 'zh-CN': { min: 0.05, max: 0.15 } };

const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

export function scorePost(post: PostText, keyword: string, opts: { language: Language; density?: DensityTarget; withinLimits?: boolean }): OptimisationScore {
  const target = opts.density ?? DEFAULT_DENSITY[opts.language];
  const reasons: ScoreReason[] = [];
  const inTitle = occurrences(post.title, keyword) > 0;
  reasons.push({ rule: 'keyword-in-title', points: inTitle ? 30 : 0, max: 30, detail: inTitle ? `"${keyword}" is in the title` : `the title lacks "${keyword}"` });

  const firstParagraph = post.body.split(/\n\s*\n/)[0] ?? '';
  const inFirst = occurrences(firstParagraph, keyword) > 0;
  reasons.push({
    rule: 'keyword-in-first-paragraph',
    points: inFirst ? 25 : 0,
    max: 25,
    detail: inFirst ? `"${keyword}" is in the first paragraph` : `the first paragraph lacks "${keyword}"`,
  });

  // Density: the keyword's tokens as a share of the body's tokens.
  const bodyTokens = tokens(post.body);
  const density = bodyTokens === 0 ? 0 : (occurrences(post.body, keyword) * tokens(keyword)) / bodyTokens;
  let densityPoints: number;
  let densityDetail: string;
  if (density < target.min) {
    densityPoints = Math.round(25 * (density / target.min));
    densityDetail = `keyword density ${pct(density)} is below the target ${pct(target.min)}–${pct(target.max)}`;
  } else if (density > target.max) {
    // Stuffing is penalised: zero points at twice the maximum.
    densityPoints = Math.max(0, Math.round(25 * (1 - (density - target.max) / target.max)));
    densityDetail = `keyword density ${pct(density)} is above the target ${pct(target.min)}–${pct(target.max)} (reads as stuffing)`;
  } else {
    densityPoints = 25;
    densityDetail = `keyword density ${pct(density)} is within ${pct(target.min)}–${pct(target.max)}`;
  }
  reasons.push({ rule: 'keyword-density', points: densityPoints, max: 25, detail: densityDetail });

  const tag = hashtagFor(keyword);
  const tagged = post.hashtags.some((h) => hashtagFor(h) === tag);
  reasons.push({ rule: 'keyword-hashtag', points: tagged ? 10 : 0, max: 10, detail: tagged ? `tagged ${tag}` : `no ${tag} hashtag` });

  const within = opts.withinLimits ?? true;
  reasons.push({
    rule: 'within-platform-limits',
    points: within ? 10 : 0,
    max: 10,
    detail: within ? 'fits the platform without cutting' : 'had to be shortened to fit the platform',
  });

  return { score: reasons.reduce((t, r) => t + r.points, 0), density, reasons };
}
