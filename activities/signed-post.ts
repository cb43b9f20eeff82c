// One signed, guarded delivery attempt, shared by social deliveries and shop events: the URL checked by the
// outbound guard at every attempt (a name can be re-pointed between attempts), the Standard Webhooks
// signed POST to the checked addresses, and the answer classified. It never throws for the receiver's or
// the network's sake: the caller records the outcome its own way.

import { DeliveryErrorType } from '@app/domain';
import { OutboundRefusal, OutboundUnreachable, postPinned, redactUrl, type OutboundGuard, type PostAnswer } from '@app/outbound';
import { signedWebhookHeaders } from '@app/webhooks';

export interface SignedPost {
  url: string;
  /** The current secret first; several while a rotation's grace period runs (one signature each). */
  secrets: readonly string[];
  /** The webhook-id: the same on every attempt of one message, so the receiver drops repeats. */
  messageId: string;
  /** Sent byte for byte as stored. */
  body: string;
  timeoutMs: number;
  /** Who is sending, for the receiver's logs (e.g. incubator-engine/social-delivery). */
  userAgent: string;
}

export type SignedPostResult =
  | { ok: true; httpStatus: number; body: string }
  /** `retry`: whether another attempt can help (a 410 Gone or a forbidden address cannot). */
  | { ok: false; error: string; type: DeliveryErrorType; retry: boolean };

export async function signedGuardedPost(guard: OutboundGuard, post: SignedPost): Promise<SignedPostResult> {
  // Errors name the receiver by its host only: the path and query often carry the receiver's token.
  const where = redactUrl(post.url);
  const failed = (error: string, type: DeliveryErrorType, retry: boolean): SignedPostResult => ({ ok: false, error, type, retry });
  let answer: PostAnswer;
  try {
    // Checked at every attempt (a name can be re-pointed between attempts), and sent to the checked addresses.
    const destination = await guard.check(post.url);
    answer = await postPinned(
      destination,
      {
        headers: { 'content-type': 'application/json', 'user-agent': post.userAgent, ...signedWebhookHeaders(post.secrets, post.messageId, post.body) },
        body: post.body,
      },
      post.timeoutMs,
    );
  } catch (err) {
    if (err instanceof OutboundRefusal) {
      // A name that does not resolve may resolve later; an address the engine must not reach will not change.
      if (err.reason === 'unresolvable') return failed(`${where} could not be reached: ${err.message}`, DeliveryErrorType.Unreachable, true);
      return failed(`refused to deliver to ${where}: ${err.message}`, DeliveryErrorType.Refused, false);
    }
    if (err instanceof OutboundUnreachable) return failed(`${where} could not be reached: ${err.code}`, DeliveryErrorType.Unreachable, true);
    throw err;
  }
  const { status, excerpt } = answer;
  if (status >= 200 && status < 300) return { ok: true, httpStatus: status, body: excerpt };
  if (status >= 300 && status < 400) return failed(`${where} answered ${status}; redirect not followed`, DeliveryErrorType.Rejected, true);
  const error = `${where} answered ${status}${excerpt ? `: ${excerpt.slice(0, 200)}` : ''}`;
  // 410 Gone: the receiver says the endpoint is retired (Standard Webhooks); retrying cannot help.
  return failed(error, status === 410 ? DeliveryErrorType.Refused : DeliveryErrorType.Rejected, status !== 410);
}
