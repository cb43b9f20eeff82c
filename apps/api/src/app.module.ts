// The API's root module, built around infrastructure handed in by the caller (the standalone main,
// the all-in-one launcher or a test), so connections are owned and closed in one place. It only
// imports the feature modules; each owns its controllers, services and repositories.

import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { HealthModule } from './health/health.module';
import { InfluencersModule } from './influencers/influencers.module';
import { InfrastructureModule, type ApiInfrastructure } from './infrastructure/infrastructure.module';
import { ProductsModule } from './products/products.module';
import { VotesModule } from './votes/votes.module';
import { WebhookSourcesModule } from './webhook-sources/webhook-sources.module';
import { ChannelsModule } from './channels/channels.module';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { ShareModule } from './share/share.module';
import { SocialSettingsModule } from './social-settings/social-settings.module';
import { SocialUpdatesModule } from './social-updates/social-updates.module';
import { ShopEventsModule } from './shop-events/shop-events.module';
import { LinksModule } from './links/links.module';
import { FunnelModule } from './funnel/funnel.module';
import { ReservationsModule } from './reservations/reservations.module';
import { ShopsModule } from './shops/shops.module';
import { SuppliersModule } from './suppliers/suppliers.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SupplierEventsModule } from './suppliers/supplier-events.module';
import { StaffMembersModule } from './staff-members/staff-members.module';
import { SponsorshipModule } from './sponsorship/sponsorship.module';
import { ModerationModule } from './moderation/moderation.module';
import { ImagesModule } from './images/images.module';

export type { ApiInfrastructure };

@Module({})
export class AppModule {
  static forRoot(infra: ApiInfrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(infra),
        CommonModule,
        AuthModule,
        HealthModule,
        InfluencersModule,
        ProductsModule,
        WebhookSourcesModule,
        VotesModule,
        SocialSettingsModule,
        ChannelsModule,
        SocialUpdatesModule,
        DeliveriesModule,
        ShareModule,
        ShopEventsModule,
        LinksModule,
        FunnelModule,
        ReservationsModule,
        ShopsModule,
        SuppliersModule,
        SupplierEventsModule,
        NotificationsModule,
        StaffMembersModule,
        SponsorshipModule,
        ModerationModule,
        ImagesModule,
        ...(infra.extraModules ?? []),
      ],
    };
  }
}
