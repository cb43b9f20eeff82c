// Webhook sources: staff register, rotate and disable vote connectors; exports the service whose cache
// the vote endpoint's signature guard verifies deliveries with.
import { Module } from '@nestjs/common';
import { WebhookSourceRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { WebhookSourcesController } from './webhook-sources.controller';
import { WebhookSourcesService } from './webhook-sources.service';

@Module({
  controllers: [WebhookSourcesController],
  providers: [WebhookSourcesService, ...repositoryProviders(WebhookSourceRepository)],
  exports: [WebhookSourcesService],
})
export class WebhookSourcesModule {}
