// A fan's identity on a platform as the one-vote-per-fan rule compares it: the same fan written with spaces
// around, invisible characters, full-width forms or, where the platform ignores it, another letter case is
// one fan. Pure; the API normalises each vote's user id before storing it and keeps the raw value beside it.
import type { Platform } from './platforms';

/** Whether a platform's user ids and handles tell fans apart by letter case. */
export type IdCase = 'insensitive' | 'sensitive';

/**
 * The case rule per platform. Lower-casing a platform whose ids are case-sensitive would merge different
 * fans; not lower-casing one whose ids are case-insensitive lets one fan vote once per spelling.
 */
export const FAN_ID_CASE: Record<Platform, IdCase> = {
  // Numeric uids; nicknames are unique regardless of case.
  weibo: 'insensitive',
  // Hexadecimal user ids and Xiaohongshu numbers (letters and digits) are compared regardless of case.
  xiaohongshu: 'insensitive',
  // Numeric scoped ids; usernames are lower case on the platform, whatever a fan types.
  instagram: 'insensitive',
  // Numeric ids; handles are case-insensitive (@Mia and @mia are one account).
  x: 'insensitive',
  // open_id and sec_uid are base64-style tokens: "Ab" and "aB" are two fans.
  douyin: 'sensitive',
  tiktok: 'sensitive',
};

/** Code points of a normalised user id: the width of the votes.platform_user_id column. */
export const FAN_ID_MAX_LENGTH = 128;

export type FanIdentity = { ok: true; userId: string } | { ok: false; reason: string };

// Format characters (zero-width space and joiners, BOM, soft hyphen, direction marks, tags) and the other
// default-ignorable code points (variation selectors, Hangul fillers, combining grapheme joiner): they
// render as nothing, so a fan can add them to look new.
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const EDGE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;
const ANY_SPACE = /\p{White_Space}/u;
// Controls (NUL, escape, …) and lone surrogates are never part of an id: refused, not silently dropped.
const CONTROL = /[\p{Cc}\p{Cs}]/u;

/**
 * The identity the uniqueness check compares, or why the value cannot be one. In order: invisible
 * characters removed; Unicode NFKC (full-width and other compatibility forms become their plain
 * characters, e.g. "ｆａｎ１" → "fan1"); lower case where FAN_ID_CASE says the platform ignores case; white
 * space trimmed from both ends. White space inside is refused rather than removed or collapsed: no listed
 * platform's ids or handles contain any, and guessing would either merge two fans or split one.
 * Idempotent: normalising a normalised id gives it back.
 */
export function normaliseFanId(platform: Platform, raw: string): FanIdentity {
  let id = raw.replace(INVISIBLE, '').normalize('NFKC');
  // Lower-casing can leave a string that is not in NFKC (e.g. "İ" → "i̇"), hence the second pass.
  if (FAN_ID_CASE[platform] === 'insensitive') id = id.toLowerCase().normalize('NFKC');
  id = id.replace(EDGE_SPACE, '');

  if (id.length === 0) return { ok: false, reason: 'is empty once white space and invisible characters are removed' };
  if (ANY_SPACE.test(id)) return { ok: false, reason: 'must not contain white space (a platform user id or handle has none)' };
  if (CONTROL.test(id)) return { ok: false, reason: 'must not contain control characters or unpaired surrogates' };
  const length = [...id].length;
  if (length > FAN_ID_MAX_LENGTH) return { ok: false, reason: `is ${length} characters once normalised; at most ${FAN_ID_MAX_LENGTH} are allowed` };
  return { ok: true, userId: id };
}
