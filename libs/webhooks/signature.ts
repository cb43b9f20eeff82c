// Standard Webhooks (https://www.standardwebhooks.com) secrets and verification, delegated to the
// reference `standardwebhooks` library: `webhook-id`, `webhook-timestamp` (five-minute tolerance either
// way), `webhook-signature` (space-separated `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`),
// constant-time comparison. Several secrets may be valid at once while a rotation's grace period runs.
import { createHmac, randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
const SECRET_BYTES = 32;

/** A new signing secret, `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString('base64')}`;
}

/**
 * The reference library's Webhook with its HMAC-SHA256 computed by Node's crypto (OpenSSL) instead of the pure-JS
 * fast-sha256: the same signature, a third of the CPU per delivery (31 → 10 µs per verification of a vote). The
 * library's verify() calls sign() for the expected signature, so its header checks, timestamp tolerance and
 * constant-time comparison are untouched; only the digest is native.
 */
export class NativeHmacWebhook extends Webhook {
  private readonly hmacKey: Buffer;

  constructor(secret: string) {
    // The library decodes (and refuses) the secret first; a secret it accepted decodes to the same bytes here.
    super(secret);
    this.hmacKey = Buffer.from(secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret, 'base64');
  }

  override sign(msgId: string, timestamp: Date, payload: string | Buffer): string {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) throw new Error('Expected payload to be of type string or Buffer.');
    // As the library: the payload as UTF-8 text, the timestamp in whole seconds.
    const signed = `${msgId}.${Math.floor(timestamp.getTime() / 1000)}.${payload.toString()}`;
    return `v1,${createHmac('sha256', this.hmacKey).update(signed, 'utf8').digest('base64')}`;
  }
}

export type SignatureFailure = 'missing-headers' | 'bad-timestamp' | 'stale-timestamp' | 'future-timestamp' | 'no-matching-signature';

export class SignatureError extends Error {
  constructor(
    readonly reason: SignatureFailure,
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<SignatureFailure, string> = {
  'missing-headers': 'the webhook-id, webhook-timestamp and webhook-signature headers are required',
  'bad-timestamp': 'webhook-timestamp must be a Unix time in seconds',
  'stale-timestamp': 'webhook-timestamp is more than five minutes old',
  'future-timestamp': 'webhook-timestamp is more than five minutes in the future',
  'no-matching-signature': 'no signature in webhook-signature matches this source\'s secret',
};

function classify(err: unknown): SignatureFailure {
  if (!(err instanceof WebhookVerificationError)) throw err;
  if (err.message === 'Missing required headers') return 'missing-headers';
  if (err.message === 'Message timestamp too old') return 'stale-timestamp';
  if (err.message === 'Message timestamp too new') return 'future-timestamp';
  if (err.message === 'Invalid Signature Headers') return 'bad-timestamp';
  return 'no-matching-signature';
}

export interface WebhookHeaders {
  'webhook-id'?: string;
  'webhook-timestamp'?: string;
  'webhook-signature'?: string;
}

/** Verifies deliveries against one or more secrets (the current one first). */
export class SignatureVerifier {
  private readonly webhooks: NativeHmacWebhook[];

  constructor(secrets: readonly string[]) {
    if (secrets.length === 0) throw new Error('a verifier needs at least one secret');
    this.webhooks = secrets.map((s) => new NativeHmacWebhook(s));
  }

  /** Returns normally when the delivery is authentic and fresh; throws SignatureError otherwise. */
  verify(rawBody: string | Buffer, headers: WebhookHeaders): void {
    const plain: Record<string, string> = {
      'webhook-id': headers['webhook-id'] ?? '',
      'webhook-timestamp': headers['webhook-timestamp'] ?? '',
      'webhook-signature': headers['webhook-signature'] ?? '',
    };
    // The library's parseInt would accept "12abc"; the specification says integer seconds.
    if (plain['webhook-timestamp'] && !/^\d{1,15}$/.test(plain['webhook-timestamp'])) throw this.error('bad-timestamp');
    let failure: SignatureFailure = 'no-matching-signature';
    for (const webhook of this.webhooks) {
      try {
        webhook.verify(rawBody, plain, { jsonParse: false });
        return;
      } catch (err) {
        failure = classify(err);
        // Header and timestamp problems do not depend on the secret.
        if (failure !== 'no-matching-signature') break;
      }
    }
    throw this.error(failure);
  }

  private error(reason: SignatureFailure): SignatureError {
    return new SignatureError(reason, MESSAGES[reason]);
  }
}

/**
 * The Standard Webhooks headers for one outbound delivery attempt. `webhook-id` stays the same on every
 * attempt of a message so the receiver can drop repeats; the timestamp (and so the signature) is per attempt.
 * With several secrets (a rotation's grace period) the header carries one signature per secret, space-separated,
 * so a receiver still on the old secret and one already on the new both verify.
 */
export function signedWebhookHeaders(secrets: string | readonly string[], messageId: string, body: string, at: Date = new Date()): Required<WebhookHeaders> {
  const timestamp = Math.floor(at.getTime() / 1000);
  const signedAt = new Date(timestamp * 1000);
  const all = typeof secrets === 'string' ? [secrets] : secrets;
  if (all.length === 0) throw new Error('signing needs at least one secret');
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': all.map((secret) => new NativeHmacWebhook(secret).sign(messageId, signedAt, body)).join(' '),
  };
}
