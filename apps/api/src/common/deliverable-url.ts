// A URL the engine will deliver to (a channel's, a shop's, a supplier's, a person's webhook), checked by the
// outbound guard when it is stored: one whose host is, or resolves to, an address the engine must not reach
// is refused now (422 on `field`) rather than at every delivery, which checks again (a name can be re-pointed).

import { OutboundRefusal, redactUrl, type OutboundGuard } from '@app/outbound';
import { RequestValidationError } from './validation';

export async function checkDeliverable(guard: OutboundGuard, url: string, field: string): Promise<void> {
  try {
    await guard.check(url);
  } catch (err) {
    if (err instanceof OutboundRefusal) throw new RequestValidationError([{ field, messages: [`cannot deliver to ${redactUrl(url)}: ${err.message}`] }]);
    throw err;
  }
}
