// Issues a staff member's one-time sign-in token (stored hashed, valid SIGN_IN_LINK_TTL): for the mailed link
// (POST /auth/sign-in-links) and the operator's `npm run sign-in-link`.
import { newId, type SignInTokenRepository } from '@app/database';
import { generateAccessToken, hashAccessToken } from '@app/webhooks';

export async function issueSignInToken(tokens: SignInTokenRepository, staffMemberId: string, ttlMs: number): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = generateAccessToken();
  const id = newId('sit');
  const expiresAt = new Date(Date.now() + ttlMs);
  await tokens.insert({ id, staffMemberId, tokenHash: hashAccessToken(token), expiresAt });
  return { id, token, expiresAt };
}
