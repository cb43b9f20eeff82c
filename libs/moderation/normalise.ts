// Text as the screen compares it: full-width and compatibility forms folded (NFKC), lower case, invisible
// characters dropped, Chinese full stops read as dots, and the spacing tricks that split a word undone.

// Zero-width spaces and joiners, the word joiner, the BOM, the soft hyphen and bidi marks: invisible in a post.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
// Dots a Chinese keyboard types (and NFKC leaves alone): "example。com" is a link.
const CJK_DOTS = /[\u3002\uFF0E\uFF61\u00B7\u30FB]/g;

/** NFKC (full-width → half-width), lower case, invisible characters dropped, CJK dots as ".", whitespace runs as one space. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(CJK_DOTS, '.').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Only letters and digits (any script): "他 妈*的" → "他妈的", for matching Chinese terms whatever sits between their characters. */
export function compact(normalised: string): string {
  return normalised.replace(/[^\p{L}\p{N}]/gu, '');
}

// Three or more single letters or digits, each followed by a separator: "f u c k", "f.u.c.k", "s-h-i-t".
const SPACED_LETTERS = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}][\s._*·'"`~+-]+){2,}[\p{L}\p{N}](?![\p{L}\p{N}])/gu;

/** Joins words spelt out letter by letter ("f u c k dress" → "fuck dress"); other text is unchanged. */
export function joinSpacedLetters(normalised: string): string {
  return normalised.replace(SPACED_LETTERS, (run) => run.replace(/[^\p{L}\p{N}]/gu, ''));
}

/** Whether the text has a Chinese (Han) character: such terms match inside words, as Chinese has no spaces. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
