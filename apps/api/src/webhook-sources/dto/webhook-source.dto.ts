// Request and response shapes of /webhook-sources (also their OpenAPI schema).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PLATFORMS, unknownPlatformMessage, type Platform } from '@app/domain';

export class CreateWebhookSourceDto {
  @ApiProperty({ example: 'Weibo poll connector' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: PLATFORMS, example: 'weibo', description: 'The platform whose fans this source reports; every vote it sends must name it.' })
  @IsIn(PLATFORMS, { message: unknownPlatformMessage('platform') })
  platform!: Platform;

  @ApiPropertyOptional({
    example: 1000,
    description: 'Deliveries per second this source may make to each API instance before it gets 429 (default WEBHOOK_SOURCE_RATE_LIMIT).',
  })
  @IsOptional()
  @IsInt({ message: 'rateLimitPerSecond must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  rateLimitPerSecond?: number;
}

export class WebhookSourceDto {
  @ApiProperty({ example: 'src-4k2m9q1z7x3b' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'weibo' }) platform!: string;
  @ApiProperty({ example: 1000 }) rateLimitPerSecond!: number;
  @ApiProperty({ description: 'Where the connector posts votes (on this API\'s base URL), signed per Standard Webhooks.', example: '/webhooks/votes/src-4k2m9q1z7x3b' })
  deliveryPath!: string;
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: 'active' | 'disabled';
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) rotatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Until when the secret replaced by the last rotation is still accepted.' })
  previousSecretValidUntil!: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledAt!: string | null;
}

export class IssuedWebhookSourceDto extends WebhookSourceDto {
  @ApiProperty({ description: 'The signing secret (`whsec_…`). Shown only in this response; store it in the connector now.', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  secret!: string;
}
