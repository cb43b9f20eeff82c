// Request and response shapes of an influencer's channels (also their OpenAPI schema).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLATFORMS, type Platform } from '@app/social';
import { IsIn, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';

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

  @ApiPropertyOptional({
    example: 'https://scheduler.example.com/hooks/incubator',
    description: 'Required for webhook channels. Its host must be, and resolve to, public addresses only (or ones OUTBOUND_ALLOWED_NETWORKS allows).',
  })
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
  @ApiProperty({ nullable: true, type: String, example: 'https://scheduler.example.com/…', description: 'Scheme and host only: the path and query often carry a token.' })
  url!: string | null;
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
