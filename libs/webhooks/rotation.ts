// Rotating a stored signing secret: the new one is sealed in, the current one is kept (sealed) for a grace
// period so the other side can switch without a refused message. Vote sources and channels rotate alike.
import type { SecretBox } from './secret-box';
import { generateWebhookSecret } from './signature';

/** The columns a row with a rotatable sealed secret has. */
export interface RotatableSecret {
  secretSealed: string | null;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
  rotatedAt: Date | null;
}

/** Rotates `row`'s secret in place and returns the new plaintext secret, to be shown once. */
export function rotateSealedSecret(row: RotatableSecret, box: SecretBox, context: string, graceMs: number, now = new Date()): string {
  const secret = generateWebhookSecret();
  row.previousSecretSealed = row.secretSealed;
  row.previousSecretExpiresAt = new Date(now.getTime() + graceMs);
  row.secretSealed = box.seal(secret, context);
  row.rotatedAt = now;
  return secret;
}
