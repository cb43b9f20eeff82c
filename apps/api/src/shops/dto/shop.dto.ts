// Request and response shapes of /shops (also their OpenAPI schema).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SHOP_KINDS, type ShopKind } from '@app/database';
import { IsIn, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';

export class CreateShopDto {
  @ApiProperty({ example: 'Mia\'s store' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    enum: SHOP_KINDS,
    description:
      'standard: the shop\'s connector posts Standard Webhooks envelopes to /webhooks/shops/{id}, signed with the inbound secret this answer shows once; ' +
      'shopify: Shopify posts its own order webhooks to /webhooks/shopify/{id}, signed with the app\'s client secret, which you give as inboundSecret.',
  })
  @IsIn(SHOP_KINDS)
  kind!: ShopKind;

  @ApiPropertyOptional({
    description: 'shopify only, and required there: the Shopify app\'s client secret (Shopify signs its webhooks with it). Stored encrypted, never shown again.',
  })
  @IsOptional()
  @IsString()
  @Length(16, 200)
  inboundSecret?: string;

  @ApiPropertyOptional({
    example: 'https://shop.example.com/hooks/incubator',
    description: 'Where reservation events are delivered (signed with the outbound secret). Its host must be, and resolve to, public addresses only (or ones OUTBOUND_ALLOWED_NETWORKS allows).',
  })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: 'outboundUrl must be an http(s) URL' })
  @MaxLength(2000)
  outboundUrl?: string;
}

export class ShopDto {
  @ApiProperty({ example: 'shop-4k2m9q1z7x3b' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SHOP_KINDS }) kind!: ShopKind;
  @ApiProperty({ description: 'Where the shop posts its webhooks, on this API\'s base URL.', example: '/webhooks/shops/shop-4k2m9q1z7x3b' }) deliveryPath!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Scheme and host only: the path and query often carry a token.' }) outboundUrl!: string | null;
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: 'active' | 'disabled';
  @ApiProperty() createdAt!: string;
}

export class IssuedShopDto extends ShopDto {
  @ApiPropertyOptional({ description: 'standard shops: the `whsec_` secret its connector signs with. Shown only in this response.' })
  inboundSecret?: string;
  @ApiPropertyOptional({ description: 'With an outboundUrl: the `whsec_` secret reservation events are signed with. Shown only in this response.' })
  outboundSecret?: string;
}
