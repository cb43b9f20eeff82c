// Contact details shared by staff members and influencers: the rules applied to a change, the guarded
// webhook URL and its sealed signing secret.
import { Module } from '@nestjs/common';
import { ContactWebhooks } from './contact-webhooks';

@Module({
  providers: [ContactWebhooks],
  exports: [ContactWebhooks],
})
export class ContactsModule {}
