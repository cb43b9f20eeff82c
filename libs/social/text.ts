// Text measures shared by the optimiser and the platform fitting: lengths in characters as platforms count
// them (code points), keyword occurrences, and word counts for English and Chinese alike.

export type Language = 'en' | 'zh-CN';

export function length(text: string): number {
  return Array.from(text).length;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const WORD = /[\p{L}\p{N}]+/gu;

/** Tokens a reader sees: each CJK character counts as one, each run of other letters or digits as one. */
export function tokens(text: string): number {
  let count = 0;
  for (const match of text.matchAll(WORD)) {
    const run = match[0];
    const cjk = Array.from(run).filter((c) => CJK.test(c)).length;
    count += cjk + (cjk < length(run) ? 1 : 0);
  }
  return count;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How often the keyword appears: case-insensitive, whole words for Latin keywords, anywhere for Chinese. */
export function occurrences(text: string, keyword: string): number {
  const k = keyword.trim();
  if (!k) return 0;
  const latin = !CJK.test(k);
  const pattern = latin ? new RegExp(`(?<![\\p{L}\\p{N}])${escape(k)}(?![\\p{L}\\p{N}])`, 'giu') : new RegExp(escape(k), 'gu');
  return (text.match(pattern) ?? []).length;
}

/** Cuts text to `max` characters at a word (or, for Chinese, any character) boundary, ending with "…". */
export function truncate(text: string, max: number): string {
  if (length(text) <= max) return text;
  if (max <= 1) return Array.from(text).slice(0, max).join('');
  const chars = Array.from(text);
  const cut = chars.slice(0, max - 1).join('');
  // Already at a word boundary, or back to the last space when that keeps most of the text.
  const atBoundary = /\s/.test(chars[max - 1]);
  const lastSpace = cut.search(/\s\S*$/);
  const base = atBoundary || lastSpace <= cut.length * 0.6 ? cut : cut.slice(0, lastSpace);
  return `${base.replace(/[\s,.;:，。；：、]+$/u, '')}…`;
}

/** The hashtag for a phrase: `linen dress` → `#linendress`, `亚麻连衣裙` → `#亚麻连衣裙`. */
export function hashtagFor(phrase: string): string {
  return `#${phrase.replace(/[\s#]+/gu, '').toLowerCase()}`;
}

/** A stored value as text: strings as they are, numbers and booleans written out, anything else empty. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}
