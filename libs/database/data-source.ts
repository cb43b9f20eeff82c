// The one DataSource definition used by the API, the worker, the migration CLI and the tests.
// Entities and migrations are listed explicitly (no globs) so bundlers and the CLI see the same set.
import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ApiKeyEntity } from './entities/api-key.entity';
import { InfluencerEntity } from './entities/influencer.entity';
import { PollEntity } from './entities/poll.entity';
import { ProductEntity } from './entities/product.entity';
import { TimelineEventEntity } from './entities/timeline-event.entity';
import { PollVoteCountEntity, PollVoteMilestoneEntity, PollVoteTotalEntity } from './entities/poll-vote-count.entity';
import { VoteEntity } from './entities/vote.entity';
import { WebhookSourceEntity } from './entities/webhook-source.entity';
import { ChannelEntity } from './entities/channel.entity';
import { DeliveryEntity } from './entities/delivery.entity';
import { SocialUpdateEntity } from './entities/social-update.entity';
import { ShopEntity } from './entities/shop.entity';
import { ProductVariantEntity } from './entities/product-variant.entity';
import { DemandWindowEntity, DemandWindowTotalsEntity } from './entities/demand-window.entity';
import { ReservationEntity } from './entities/reservation.entity';
import { VariantStockEntity } from './entities/variant-stock.entity';
import { ShopEventEntity } from './entities/shop-event.entity';
import { TrackedLinkEntity } from './entities/tracked-link.entity';
import { LinkClickEntity, ShareViewEntity } from './entities/link-click.entity';
import { StaffMemberEntity } from './entities/staff-member.entity';
import { ProductSponsorshipEntity } from './entities/product-sponsorship.entity';
import { SponsoredPostEntity } from './entities/sponsored-post.entity';
import { SponsoredPosts1764580000000 } from './migrations/1764580000000-sponsored-posts';
import { ModerationTermEntity } from './entities/moderation-term.entity';
import { PollModeration1764585000000 } from './migrations/1764585000000-poll-moderation';
import { Attribution1764530000000 } from './migrations/1764530000000-attribution';
import { DemandAndSales1764500000000 } from './migrations/1764500000000-demand-and-sales';
import { ShopEvents1764520000000 } from './migrations/1764520000000-shop-events';
import { OrderCancellationEntity, OrderLineEntity, RefundLineEntity, ShopOrderEntity, ShopWebhookReceiptEntity } from './entities/order.entity';
import { OrderIntake1764510000000 } from './migrations/1764510000000-order-intake';
import { ShopOrders1764540000000 } from './migrations/1764540000000-shop-orders';
import { CancelledDeliveries1764550000000 } from './migrations/1764550000000-cancelled-deliveries';
import { SupplierEntity } from './entities/supplier.entity';
import { SupplierEventEntity } from './entities/supplier-event.entity';
import { Suppliers1764570000000 } from './migrations/1764570000000-suppliers';
import { Notifications1764590000000 } from './migrations/1764590000000-notifications';
import { NotificationEntity } from './entities/notification.entity';
import { ImageEntity, ImageRenditionEntity } from './entities/image.entity';
import { Images1764600000000 } from './migrations/1764600000000-images';
import { PeopleContacts1764560000000 } from './migrations/1764560000000-people-contacts';
import { SocialUpdates1764200000000 } from './migrations/1764200000000-social-updates';
import { ChannelSecretRotation1764300000000 } from './migrations/1764300000000-channel-secret-rotation';
import { InitialSchema1764000000000 } from './migrations/1764000000000-initial-schema';
import { FanVoteIntake1764100000000 } from './migrations/1764100000000-fan-vote-intake';
import { FanIdentityRaw1764403000000 } from './migrations/1764403000000-fan-identity-raw';
import { SignInTokenEntity } from './entities/sign-in-token.entity';
import { MagicLinkEntity } from './entities/magic-link.entity';
import { SessionEntity } from './entities/session.entity';
import { Sessions1764610000000 } from './migrations/1764610000000-sessions';
import { SponsoredPostPlatforms1764620000000 } from './migrations/1764620000000-sponsored-post-platforms';
import { DemandWindowTotals1764630000000 } from './migrations/1764630000000-demand-window-totals';

export const ENTITIES = [
  InfluencerEntity,
  ApiKeyEntity,
  ProductEntity,
  PollEntity,
  VoteEntity,
  TimelineEventEntity,
  WebhookSourceEntity,
  PollVoteCountEntity,
  PollVoteTotalEntity,
  PollVoteMilestoneEntity,
  ChannelEntity,
  SocialUpdateEntity,
  DeliveryEntity,
  ShopEntity,
  ProductVariantEntity,
  DemandWindowEntity,
  DemandWindowTotalsEntity,
  ReservationEntity,
  VariantStockEntity,
  ShopEventEntity,
  TrackedLinkEntity,
  LinkClickEntity,
  ShareViewEntity,
  OrderLineEntity,
  OrderCancellationEntity,
  RefundLineEntity,
  ShopWebhookReceiptEntity,
  ShopOrderEntity,
  SupplierEntity,
  SupplierEventEntity,
  NotificationEntity,
  StaffMemberEntity,
  ProductSponsorshipEntity,
  SponsoredPostEntity,
  ModerationTermEntity,
  SignInTokenEntity,
  MagicLinkEntity,
  SessionEntity,
  ImageEntity,
  ImageRenditionEntity,
];
export const MIGRATIONS = [
  InitialSchema1764000000000,
  FanVoteIntake1764100000000,
  SocialUpdates1764200000000,
  ChannelSecretRotation1764300000000,
  FanIdentityRaw1764403000000,
  DemandAndSales1764500000000,
  OrderIntake1764510000000,
  ShopEvents1764520000000,
  Attribution1764530000000,
  ShopOrders1764540000000,
  CancelledDeliveries1764550000000,
  PeopleContacts1764560000000,
  Suppliers1764570000000,
  SponsoredPosts1764580000000,
  PollModeration1764585000000,
  Notifications1764590000000,
  Images1764600000000,
  Sessions1764610000000,
  SponsoredPostPlatforms1764620000000,
  DemandWindowTotals1764630000000,
];

export interface DataSourceSettings {
  url: string;
  /** Pool size per process. */
  poolSize?: number;
  applicationName?: string;
}

export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    // Off: TypeORM's error log prints query parameters; failures surface as exceptions instead.
    logging: false,
    extra: {
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName ?? 'incubator-engine',
      // Fail fast when PostgreSQL is unreachable so the API can answer 503 instead of hanging.
      connectionTimeoutMillis: 5_000,
    },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
