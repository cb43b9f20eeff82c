// The API's answer shapes, as the tests, benchmarks and the demo name them when they call it: the DTO
// classes that also make the OpenAPI document, imported as types only (no Nest code is loaded).
export type { ErrorBody } from '../../apps/api/src/common/error-body';
export type { ApiKeyDto, IssuedApiKeyDto } from '../../apps/api/src/auth/dto/api-key.dto';
export type { AcceptedDto, IssuedMagicLinkDto, MagicLinkDto, SessionDto } from '../../apps/api/src/auth/dto/session.dto';
export type { ChannelDto, IssuedChannelDto } from '../../apps/api/src/channels/dto/channel.dto';
export type { DeliveriesDto, DeliveryDto } from '../../apps/api/src/deliveries/dto/delivery.dto';
export type { HealthDto } from '../../apps/api/src/health/dto/health.dto';
export type { InfluencerDto, IssuedInfluencerDto } from '../../apps/api/src/influencers/dto/influencer.dto';
export type { ProductDto, ProductPageDto, ProductSummaryDto, TimelineDto, TimelineEventDto } from '../../apps/api/src/products/dto/product.dto';
export type { SocialSettingsDto } from '../../apps/api/src/social-settings/dto/social-settings.dto';
export type { LaunchAnnouncementDto } from '../../apps/api/src/social-updates/dto/launch-announcement.dto';
export type { SocialUpdateDto, SocialUpdatesDto } from '../../apps/api/src/social-updates/dto/social-update.dto';
export type { LiveResultsDto, VoteReceiptDto } from '../../apps/api/src/votes/dto/vote.dto';
export type { IssuedWebhookSourceDto, WebhookSourceDto } from '../../apps/api/src/webhook-sources/dto/webhook-source.dto';
// Reservations, shops and shop webhooks (issue 13 intake).
export type { LiveDemandDto, ReservationReceiptDto } from '../../apps/api/src/reservations/dto/reservation.dto';
export type { IssuedShopDto, ShopDto } from '../../apps/api/src/shops/dto/shop.dto';
export type { ShopWebhookReceiptDto } from '../../apps/api/src/shops/dto/shop-webhook.dto';
export type { IssuedSupplierDto, SupplierDto, SupplierEventDto } from '../../apps/api/src/suppliers/dto/supplier.dto';
// People and their contact details (issue 14, part 0).
export type { ContactDto, IssuedContactDto } from '../../apps/api/src/contacts/dto/contact.dto';
export type { IssuedStaffMemberDto, StaffMemberDto } from '../../apps/api/src/staff-members/dto/staff-member.dto';
// Sponsored-post compliance (issue 14, part 3).
export type { SponsoredPostDto, SponsorshipDto } from '../../apps/api/src/sponsorship/dto/sponsorship.dto';
export type { NotificationDto } from '../../apps/api/src/notifications/dto/notification.dto';
export type { CreateModerationTermDto, ModerationListsDto, ModerationTermDto } from '../../apps/api/src/moderation/dto/moderation-term.dto';
export type { ImageDto, ImageListDto } from '../../apps/api/src/images/dto/image.dto';
