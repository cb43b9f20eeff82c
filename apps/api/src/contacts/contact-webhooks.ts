// What staff members' and influencers' contact changes share: the rules (libs/domain contact), the webhook
// URL checked by the outbound guard before it is stored, and a fresh signing secret sealed with the row's
// context whenever a URL is given (the plain secret is handed back once, never logged).
import { checkDeliverable } from '../common/deliverable-url';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { applyContactChange, type ContactChange, type ContactDetails } from '@app/domain';
import { OutboundGuard, redactUrl } from '@app/outbound';
import { generateWebhookSecret, SecretBox } from '@app/webhooks';
import { CONFIG, SECRET_BOX } from '../common/tokens';
import { RequestValidationError } from '../common/validation';
import type { ContactDto } from './dto/contact.dto';

/** The contact columns a person's row has (staff_members and influencers alike). */
export interface ContactColumns extends ContactDetails {
  webhookSecretSealed: string | null;
}

@Injectable()
export class ContactWebhooks {
  private readonly outbound: OutboundGuard;

  constructor(
    @Inject(CONFIG) config: AppConfig,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {
    this.outbound = new OutboundGuard({ allowedNetworks: config.outbound.allowedNetworks });
  }

  /**
   * Refuses a URL whose host is, or resolves to, an address the engine must not reach, now rather than at
   * every delivery (which checks again: a name can be re-pointed later). Call it before taking a row lock.
   */
  async checkUrl(change: ContactChange): Promise<void> {
    if (typeof change.webhookUrl !== 'string') return;
    await checkDeliverable(this.outbound, change.webhookUrl, 'webhookUrl');
  }

  /**
   * Applies the change to the row's contact columns, or refuses it (422 naming every field that is wrong).
   * Returns the new signing secret when the change gave a webhook URL; removing the URL removes the secret.
   */
  apply(row: ContactColumns, change: ContactChange, opts: { emailRequired: boolean; secretContext: string }): string | undefined {
    const { contact, problems, newWebhook } = applyContactChange(row, change, { emailRequired: opts.emailRequired });
    if (problems.length > 0) throw new RequestValidationError(problems.map((p) => ({ field: p.field, messages: [p.message] })));
    Object.assign(row, contact);
    if (contact.webhookUrl === null) row.webhookSecretSealed = null;
    if (!newWebhook) return undefined;
    const secret = generateWebhookSecret();
    row.webhookSecretSealed = this.box.seal(secret, opts.secretContext);
    return secret;
  }
}

/** A person's contact details as answers show them: the webhook URL as scheme and host, never its secret. */
export function contactDto(row: ContactDetails): ContactDto {
  return {
    email: row.email,
    preferredChannel: row.preferredChannel,
    webhookUrl: row.webhookUrl === null ? null : redactUrl(row.webhookUrl),
    language: row.language,
    timeZone: row.timeZone,
    notificationMode: row.notificationMode,
  };
}

/** The names of the fields a change gives (for the log: names only, never their values). */
export function givenFields(change: object): string[] {
  return Object.entries(change)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);
}
