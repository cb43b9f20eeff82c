// The social platforms the engine knows: the one closed list that fan votes, vote connectors (webhook
// sources), channels and social settings accept. A platform is added here and nowhere else.

/**
 * Every platform the engine takes fan votes from and writes social updates for. A new one also needs its
 * limits (libs/social/platforms.ts) and its identity rule (fan-identity.ts); both are keyed by this list,
 * so leaving either out fails to compile.
 */
export const PLATFORMS = ['xiaohongshu', 'weibo', 'douyin', 'instagram', 'tiktok', 'x'] as const;
export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

/** The refusal for a value off the list, naming the ones allowed (for 422 answers). */
export function unknownPlatformMessage(field: string): string {
  return `${field} must be one of ${PLATFORMS.join(', ')}`;
}
