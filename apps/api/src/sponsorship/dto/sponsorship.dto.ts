// Request and response shapes of a product's sponsorship and its sponsored posts (also their OpenAPI schema).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES, SPONSORED_POST_STATUSES } from '@app/database';
import { PLATFORMS, type Platform } from '@app/domain';
import { SOCIAL_EVENTS, NEVER_SPONSORED, type SocialEvent } from '@app/social';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsInt, IsISO4217CurrencyCode, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';

/** What an order reference looks like on the platforms' order systems: letters, digits and a few separators. */
const ORDER_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,99}$/;
const SPONSORABLE_EVENTS = SOCIAL_EVENTS.filter((e) => !NEVER_SPONSORED.includes(e));
const MAX_FEE_MINOR = 2_000_000_000;

export class DeclareSponsorshipDto {
  @ApiProperty({ example: 'Linen & Co', description: 'The brand partner paying for the posts.' })
  @IsString()
  @Length(1, 100)
  partner!: string;

  @ApiPropertyOptional({ example: 150000, description: 'The fee per post in minor units (fen, cents), used when a recorded post names none. With `currency`.' })
  @IsOptional()
  @IsInt({ message: 'defaultFeeMinor must be a whole number of minor units' })
  @Min(1, { message: 'defaultFeeMinor must be above 0' })
  @Max(MAX_FEE_MINOR)
  defaultFeeMinor?: number;

  @ApiPropertyOptional({ example: 'CNY', description: 'ISO 4217 code of the default fee; required with `defaultFeeMinor`.' })
  @ValidateIf((o: DeclareSponsorshipDto) => o.currency !== undefined || o.defaultFeeMinor !== undefined)
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as CNY or USD (required with defaultFeeMinor)' })
  currency?: string;

  @ApiPropertyOptional({
    enum: SPONSORABLE_EVENTS,
    isArray: true,
    description: 'Only these events\' updates are sponsored posts; without it, every published update. Cancellation notices are never sponsored.',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(SPONSORABLE_EVENTS.length)
  @ArrayUnique()
  @IsIn(SPONSORABLE_EVENTS, { each: true, message: `each of events must be one of: ${SPONSORABLE_EVENTS.join(', ')}` })
  events?: SocialEvent[];
}

export class RecordSponsoredOrderDto {
  @ApiPropertyOptional({
    enum: PLATFORMS,
    example: 'xiaohongshu',
    description: 'The platform whose order this is: an update published on several platforms is one paid post on each, each released by its own order. Required then; optional when the update is one post.',
  })
  @IsOptional()
  @IsIn(PLATFORMS, { message: `platform must be one of ${PLATFORMS.join(', ')}` })
  platform?: Platform;

  @ApiPropertyOptional({
    enum: ['accepted', 'refused'],
    default: 'accepted',
    description: 'accepted: the platform took the paid order (releases the post); refused: it refused it (blocks the post, with the `reason`).',
  })
  @IsOptional()
  @IsIn(['accepted', 'refused'])
  status?: 'accepted' | 'refused';

  @ApiPropertyOptional({
    example: 'PGY-2026-118734',
    description: 'The platform\'s order reference for the paid post (e.g. a Xiaohongshu Pugongying or Douyin Xingtu order). Required when accepted; unique across the platform\'s posts.',
  })
  @ValidateIf((o: RecordSponsoredOrderDto) => o.status !== 'refused' || o.orderReference !== undefined)
  @IsString()
  @Matches(ORDER_REFERENCE, { message: 'orderReference must be 1–100 letters, digits or . _ : / # - (starting with a letter or digit)' })
  orderReference?: string;

  @ApiPropertyOptional({ example: 150000, description: 'The fee for this post in minor units; defaults to the product sponsorship\'s default fee.' })
  @IsOptional()
  @IsInt({ message: 'feeMinor must be a whole number of minor units' })
  @Min(1, { message: 'feeMinor must be above 0' })
  @Max(MAX_FEE_MINOR)
  feeMinor?: number;

  @ApiPropertyOptional({ example: 'CNY', description: 'ISO 4217 code of the fee; defaults to the sponsorship\'s currency.' })
  @IsOptional()
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as CNY or USD' })
  currency?: string;

  @ApiPropertyOptional({ example: 'brand not verified on the platform', description: 'Why the platform refused the order; required when refused.' })
  @ValidateIf((o: RecordSponsoredOrderDto) => o.status === 'refused' || o.reason !== undefined)
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class SponsorshipTermsDto {
  @ApiProperty() partner!: string;
  @ApiProperty({ nullable: true, type: Number }) defaultFeeMinor!: number | null;
  @ApiProperty({ nullable: true, type: String }) currency!: string | null;
  @ApiProperty({ nullable: true, enum: SOCIAL_EVENTS, isArray: true, description: 'null: every published update.' }) events!: string[] | null;
  @ApiProperty() declaredAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class SponsoredDeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty({ enum: ['webhook', 'log'] }) channelKind!: string;
  @ApiProperty() platform!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: string;
}

export class SponsoredPostDto {
  @ApiProperty() updateId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: SOCIAL_EVENTS }) event!: string;
  @ApiProperty({ description: 'The platform the paid post is on (its deliveries are the update\'s on that platform, and staff\'s log copy with the first); \'*\' for a post from before per-platform posts, whose one order covers every platform of its update.' })
  platform!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The brand partner; null when the influencer\'s settings make her posts sponsored.' }) partner!: string | null;
  @ApiProperty({ enum: ['product', 'influencer'], description: 'What made it sponsored: the product\'s sponsorship or the influencer\'s social settings.' }) source!: string;
  @ApiProperty({ example: '广告', description: 'The disclosure its text carries.' }) disclosure!: string;
  @ApiProperty({
    enum: SPONSORED_POST_STATUSES,
    description: 'held: waiting for the platform\'s order reference (not sent); released: recorded, sent; blocked: the platform refused the order (not sent); withdrawn: its product was cancelled first.',
  })
  status!: string;
  @ApiProperty({ nullable: true, type: String }) orderReference!: string | null;
  @ApiProperty({ nullable: true, type: Number }) feeMinor!: number | null;
  @ApiProperty({ nullable: true, type: String }) currency!: string | null;
  @ApiProperty({ nullable: true, type: String }) refusalReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When the platform\'s answer was recorded.' }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawnAt!: string | null;
  @ApiProperty({ type: [SponsoredDeliveryDto] }) deliveries!: SponsoredDeliveryDto[];
}

export class FeeTotalDto {
  @ApiProperty({ example: 'CNY' }) currency!: string;
  @ApiProperty({ description: 'Sum of the fees of released posts, in minor units.' }) feeMinor!: number;
  @ApiProperty() posts!: number;
}

export class SponsorshipDto {
  @ApiProperty() productId!: string;
  @ApiProperty({ nullable: true, type: SponsorshipTermsDto, description: 'The product\'s sponsorship; null when none is declared (posts may still be sponsored by the influencer\'s settings).' })
  sponsorship!: SponsorshipTermsDto | null;
  @ApiProperty({ type: [SponsoredPostDto] }) posts!: SponsoredPostDto[];
  @ApiProperty({ type: [FeeTotalDto], description: 'Fees of released posts per currency.' }) totals!: FeeTotalDto[];
  @ApiProperty({ description: 'Posts waiting for their order reference.' }) held!: number;
  @ApiProperty({ description: 'Posts whose paid order the platform refused.' }) blocked!: number;
}
