// The API's root module, built around infrastructure handed in by the caller (the standalone main,
// the all-in-one launcher or a test), so connections are owned and closed in one place.

import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeyService } from './auth/api-key.service';
import { AuthGuard } from './auth/auth.guard';
import { ErrorFilter } from './common/error.filter';
import { InfrastructureModule, type ApiInfrastructure } from './infrastructure/infrastructure.module';
import { HealthController } from './health/health.controller';
import { InfluencersController } from './influencers/influencers.controller';
import { InfluencersService } from './influencers/influencers.service';
import { ProductsModule } from './products/products.module';
import { LiveResultsService } from './votes/live-results.service';
import { MilestoneNotifier } from './votes/milestone-notifier.service';
import { PollCatalog } from './votes/poll-catalog';
import { VoteIntakeService } from './votes/vote-intake.service';
import { VotesController } from './votes/votes.controller';
import { WebhookSignatureGuard } from './votes/webhook-signature.guard';
import { WebhookSourcesController } from './webhook-sources/webhook-sources.controller';
import { ChannelsModule } from './channels/channels.module';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { ShareModule } from './share/share.module';
import { SocialSettingsModule } from './social-settings/social-settings.module';
import { SocialUpdatesModule } from './social-updates/social-updates.module';
import { WebhookSourcesService } from './webhook-sources/webhook-sources.service';

export type { ApiInfrastructure };

@Module({})
export class AppModule {
  static forRoot(infra: ApiInfrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(infra),
        ProductsModule,
        SocialSettingsModule,
        ChannelsModule,
        SocialUpdatesModule,
        DeliveriesModule,
        ShareModule,
        ...(infra.extraModules ?? []),
      ],
      controllers: [
        HealthController,
        InfluencersController,
        ApiKeysController,
        WebhookSourcesController,
        VotesController,
      ],
      providers: [
        ApiKeyService,
        InfluencersService,
        WebhookSourcesService,
        WebhookSignatureGuard,
        PollCatalog,
        MilestoneNotifier,
        VoteIntakeService,
        LiveResultsService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
