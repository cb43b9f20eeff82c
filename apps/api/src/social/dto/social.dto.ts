// Request and response shapes of the social endpoints: influencers' social settings and channels, a
// product's social updates and deliveries, and the launch announcement (also their OpenAPI schema).
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { LANGUAGES, PLATFORMS, SOCIAL_EVENTS, TONES, type Language, type Platform, type SocialEvent, type Tone } from '@app/social';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** The OpenAPI shape of one event's override; libs/social templateProblems checks it (the record is free-form). */
export class TemplateOverrideDto {
  @ApiPropertyOptional({ example: '{keyword} is here 🎉', maxLength: 300, description: 'Placeholders in braces; each event documents the ones it fills.' })
  title?: string;

  @ApiPropertyOptional({ example: 'Our {keyword} ({product}) is live now.\n\nThank you!', maxLength: 3000 })
  body?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['launchday'] })
  hashtags?: string[];
}

@ApiExtraModels(TemplateOverrideDto)
export class SocialSettingsDto {
  @ApiProperty({ enum: LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language!: Language;

  @ApiProperty({ enum: TONES, default: 'warm', description: 'warm adds 💛 to titles, hype 🔥 and an exclamation, minimal nothing.' })
  @IsOptional()
  @IsIn(TONES)
  tone!: Tone;

  @ApiProperty({ enum: PLATFORMS, description: 'The platform the stored update and share page are written for; default xiaohongshu for zh-CN, instagram for en.' })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform!: Platform;

  @ApiProperty({ type: [String], default: [], example: ['miastyle'], description: 'Added after the keyword tag on every update.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  signatureHashtags!: string[];

  @ApiProperty({ default: false, description: "Paid partnership: every published update carries the platform's disclosure." })
  @IsOptional()
  @IsBoolean()
  sponsored!: boolean;

  @ApiProperty({ default: 'UTC', example: 'Asia/Shanghai', description: 'IANA time zone dates in posts are written in.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({
    description: `Per-event template overrides; keys: ${SOCIAL_EVENTS.join(', ')}.`,
    example: { LAUNCHED: { title: '{keyword} is here 🎉' } },
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(TemplateOverrideDto) },
  })
  @IsOptional()
  @IsObject()
  templates!: Partial<Record<SocialEvent, TemplateOverrideDto>>;
}

export class CreateChannelDto {
  @ApiProperty({ enum: ['webhook', 'log'], description: 'webhook: signed POSTs to url; log: a structured log line for staff.' })
  @IsIn(['webhook', 'log'])
  kind!: 'webhook' | 'log';

  @ApiProperty({ example: 'Xiaohongshu scheduler' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ enum: PLATFORMS, description: "The platform it posts to (the text fits its limits); default: the influencer's platform." })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional({ example: 'https://scheduler.example.com/hooks/incubator', description: 'Required for webhook channels.' })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url?: string;
}

export class ChannelDto {
  @ApiProperty({ example: 'ch-4k2m9q1z7x3b' }) id!: string;
  @ApiProperty() influencerId!: string;
  @ApiProperty({ enum: ['webhook', 'log'] }) kind!: 'webhook' | 'log';
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PLATFORMS }) platform!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: 'active' | 'disabled';
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) rotatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Until when deliveries are also signed with the secret replaced by the last rotation.' })
  previousSecretValidUntil!: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledAt!: string | null;
}

export class IssuedChannelDto extends ChannelDto {
  @ApiPropertyOptional({
    description: 'Webhook channels: the signing secret (`whsec_…`) receivers verify with, shown only in this response.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret?: string;
}

class ScoreReasonDto {
  @ApiProperty() rule!: string;
  @ApiProperty() points!: number;
  @ApiProperty() max!: number;
  @ApiProperty() detail!: string;
}

class OptimisationDto {
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ description: "The keyword's share of the body's tokens." }) density!: number;
  @ApiProperty({ type: [ScoreReasonDto] }) reasons!: ScoreReasonDto[];
}

export class SocialUpdateDto {
  @ApiProperty() id!: string;
  @ApiProperty() productId!: string;
  @ApiProperty({ description: 'The timeline event it was made from.' }) seq!: number;
  @ApiProperty({ enum: SOCIAL_EVENTS }) event!: string;
  @ApiProperty({ enum: ['published', 'internal', 'withheld'], description: 'withheld: a launch announcement the influencer did not approve in time.' })
  status!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [String] }) hashtags!: string[];
  @ApiProperty() keyword!: string;
  @ApiProperty({ enum: PLATFORMS }) platform!: string;
  @ApiProperty({ enum: LANGUAGES }) language!: string;
  @ApiProperty() sponsored!: boolean;
  @ApiProperty() shareUrl!: string;
  @ApiProperty() imageUrl!: string;
  @ApiProperty({ type: OptimisationDto }) optimisation!: OptimisationDto;
  @ApiProperty() occurredAt!: string;
}

export class SocialUpdatesDto {
  @ApiProperty() productId!: string;
  @ApiProperty({ type: [SocialUpdateDto] }) updates!: SocialUpdateDto[];
}

export class DeliveryDto {
  @ApiProperty({ description: 'Also the webhook-id the receiver sees on every attempt.' }) id!: string;
  @ApiProperty() updateId!: string;
  @ApiProperty({ enum: SOCIAL_EVENTS }) event!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty({ enum: ['webhook', 'log'] }) channelKind!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: "The receiver's HTTP status when delivered." }) responseStatus!: number | null;
  @ApiProperty({ nullable: true, type: String, description: "The start of the receiver's answer." }) responseBody!: string | null;
  @ApiProperty() resends!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) failedAt!: string | null;
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed'])
  status?: 'pending' | 'delivered' | 'failed';
}

export class DeliveriesDto {
  @ApiProperty() productId!: string;
  @ApiProperty({ type: [DeliveryDto] }) deliveries!: DeliveryDto[];
}

export class ApproveAnnouncementDto {
  @ApiPropertyOptional({ description: 'The title as it should go out; default: the current draft.', example: 'Our linen dress is live 💛' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;

  @ApiPropertyOptional({ description: 'The body as it should go out; default: the current draft.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  @Matches(/\S/, { message: 'body must not be blank' })
  body?: string;
}

class AnnouncementTextDto {
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [String] }) hashtags!: string[];
  @ApiProperty({ type: OptimisationDto }) optimisation!: OptimisationDto;
}

export class LaunchAnnouncementDto {
  @ApiProperty() productId!: string;
  @ApiProperty({ enum: ['not_required', 'awaiting_approval', 'approved'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) launchAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Approve before this time, or staff are alerted.' }) approveBy!: string | null;
  @ApiProperty({ type: AnnouncementTextDto, description: 'What goes out at launch: the approved text, or the current draft.' })
  @ValidateNested()
  @Type(() => AnnouncementTextDto)
  text!: AnnouncementTextDto;
  @ApiProperty({ nullable: true, type: String }) approvedAt!: string | null;
}
