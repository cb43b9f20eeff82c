// Tokens that grant a browser access (staff sign-in links, influencers' magic links, session cookies): 32
// random bytes, base64url; only their SHA-256 is stored (256 random bits need no slow hash), so a copy of the
// database opens nothing.
import { createHash, randomBytes } from 'node:crypto';

/** 43 base64url characters. */
export const ACCESS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generateAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of the token, hex: what is stored and looked up. */
export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
