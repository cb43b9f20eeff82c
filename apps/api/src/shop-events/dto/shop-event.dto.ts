// Request and response shapes of a product's shop events (also their OpenAPI schema).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SHOP_EVENT_STATUSES, type ShopEventStatus } from '@app/database';
import { SHOP_EVENT_KINDS, type ShopEventKind } from '@app/domain';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto';

export class ShopEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SHOP_EVENT_STATUSES })
  @IsOptional()
  @IsIn(SHOP_EVENT_STATUSES, { message: `status must be one of ${SHOP_EVENT_STATUSES.join(', ')}` })
  status?: ShopEventStatus;

  @ApiPropertyOptional({ enum: SHOP_EVENT_KINDS })
  @IsOptional()
  @IsIn(SHOP_EVENT_KINDS, { message: `kind must be one of ${SHOP_EVENT_KINDS.join(', ')}` })
  kind?: ShopEventKind;
}

export class ShopEventDto {
  @ApiProperty({ description: 'Also the webhook-id the shop sees on every attempt.' }) id!: string;
  @ApiProperty({ description: 'One notification: the product, the kind and the timeline event that decided it.' }) batchId!: string;
  @ApiProperty({ enum: SHOP_EVENT_KINDS }) kind!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() reservationId!: string;
  @ApiProperty({ description: "The reservation's code, which the holder types at the shop's checkout." }) reservationCode!: string;
  @ApiProperty() variantId!: string;
  @ApiProperty({ enum: SHOP_EVENT_STATUSES }) status!: string;
  @ApiProperty({ description: 'Attempts made (an event not sent after a 410 stopped its batch has none).' }) attempts!: number;
  @ApiProperty({ nullable: true, type: String, description: "The last attempt's error; the endpoint is named by its host only." }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: "The shop's HTTP status when delivered." }) responseStatus!: number | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) failedAt!: string | null;
}

export class ShopEventCountsDto {
  @ApiProperty() pending!: number;
  @ApiProperty() delivered!: number;
  @ApiProperty() failed!: number;
}

export class ShopEventsDto {
  @ApiProperty() productId!: string;
  @ApiProperty({ type: ShopEventCountsDto, description: 'Every event of the product (of the kind asked for), by status.' }) counts!: ShopEventCountsDto;
  @ApiProperty({ type: [ShopEventDto] }) events!: ShopEventDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'The offset of the next page; null on the last.' }) nextOffset!: number | null;
}
