// The API key format: `ibk_<12-char prefix>_<43-char secret>`. The prefix finds the stored row; only
// SHA-256 of the whole key is stored (256 random bits need no slow hash).
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PATTERN = /^ibk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

export function generateApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(6).toString('hex');
  const key = `ibk_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, secretHash: hashApiKey(key).toString('hex') };
}
