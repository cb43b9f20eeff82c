// What a standard shop connector delivers (a Standard Webhooks envelope { type, data }), the data of each
// type, and what the engine answers. Quantities are whole numbers; one below 1 is refused with 400.
import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export const SHOP_WEBHOOK_TYPES = ['order.created', 'order.cancelled', 'refund.created', 'reservation.created'] as const;
export type ShopWebhookType = (typeof SHOP_WEBHOOK_TYPES)[number];

const ISO = { message: '$property must be an ISO-8601 time such as 2026-11-24T10:15:30Z' };
/** An order of more lines than this is not a consumer's order. */
const MAX_LINES = 100;
const MAX_UNITS = 100_000;
const MAX_MINOR = 1e12;

export class ShopWebhookDto {
  @ApiProperty({ enum: SHOP_WEBHOOK_TYPES })
  @IsIn(SHOP_WEBHOOK_TYPES, { message: `type must be one of ${SHOP_WEBHOOK_TYPES.join(', ')}` })
  type!: ShopWebhookType;

  @ApiProperty({
    description: 'The order, cancellation, refund or reservation: order.created → OrderCreatedDataDto, order.cancelled → OrderCancelledDataDto, refund.created → RefundCreatedDataDto, reservation.created → ReservationCreatedDataDto.',
    // By name: the classes are declared below this one.
    oneOf: ['OrderCreatedDataDto', 'OrderCancelledDataDto', 'RefundCreatedDataDto', 'ReservationCreatedDataDto'].map((name) => ({ $ref: getSchemaPath(name) })),
  })
  @IsDefined()
  @IsObject()
  data!: Record<string, unknown>;
}

export class OrderLineDataDto {
  @ApiProperty({ example: 'line-1' }) @IsString() @Length(1, 64) lineId!: string;
  @ApiPropertyOptional({ description: 'With variantId; or give sku instead.' }) @IsOptional() @IsString() @Length(1, 32) productId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 48) variantId?: string;
  @ApiPropertyOptional({ description: 'The variant\'s SKU, instead of productId and variantId.' }) @IsOptional() @IsString() @Length(1, 64) sku?: string;
  @ApiProperty({ example: 2 }) @IsInt({ message: '$property must be a whole number' }) @Max(MAX_UNITS) quantity!: number;
  @ApiProperty({ example: 4990, description: 'Price of one unit in minor units of currency (cents).' }) @IsInt() @Min(0) @Max(MAX_MINOR) unitPriceMinor!: number;
  @ApiPropertyOptional({ description: 'The reservation code the customer gave at checkout.' }) @IsOptional() @IsString() @Length(1, 16) reservationCode?: string;
  @ApiPropertyOptional({ description: 'The tracked link\'s code the customer came through.' }) @IsOptional() @IsString() @Length(1, 16) attributionCode?: string;
}

export class OrderCreatedDataDto {
  @ApiProperty({ example: 'order-1001' }) @IsString() @Length(1, 64) orderId!: string;
  @ApiProperty() @IsISO8601({ strict: true }, ISO) createdAt!: string;
  @ApiProperty({ example: 'USD' }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' }) currency!: string;
  @ApiProperty({ type: [OrderLineDataDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDataDto)
  lines!: OrderLineDataDto[];
}

export class OrderCancelledDataDto {
  @ApiProperty() @IsString() @Length(1, 64) orderId!: string;
  @ApiProperty() @IsISO8601({ strict: true }, ISO) cancelledAt!: string;
}

export class RefundLineDataDto {
  @ApiProperty({ description: 'The refunded order line.' }) @IsString() @Length(1, 64) lineId!: string;
  @ApiProperty() @IsInt({ message: '$property must be a whole number' }) @Max(MAX_UNITS) quantity!: number;
  @ApiProperty({ description: 'Refunded amount in minor units.' }) @IsInt() @Min(0) @Max(MAX_MINOR) amountMinor!: number;
}

export class RefundCreatedDataDto {
  @ApiProperty() @IsString() @Length(1, 64) refundId!: string;
  @ApiProperty() @IsString() @Length(1, 64) orderId!: string;
  @ApiProperty() @IsISO8601({ strict: true }, ISO) createdAt!: string;
  @ApiProperty({ type: [RefundLineDataDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LINES)
  @ValidateNested({ each: true })
  @Type(() => RefundLineDataDto)
  lines!: RefundLineDataDto[];
}

export class ReservationCreatedDataDto {
  @ApiProperty() @IsString() @Length(1, 32) productId!: string;
  @ApiProperty() @IsString() @Length(1, 48) variantId!: string;
  @ApiProperty() @IsInt({ message: '$property must be a whole number' }) @Max(10) quantity!: number;
  @ApiProperty({ description: 'The shop\'s customer id: one reservation per customer and variant.' }) @IsString() @Length(1, 128) customerId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 16) attributionCode?: string;
}

export class ShopWebhookReceiptDto {
  @ApiProperty({
    enum: ['recorded', 'reserved', 'duplicate', 'ignored'],
    description: 'recorded: stored with its effect on stock; reserved: a reservation (code given); duplicate: already had it; ignored: a Shopify order with none of our SKUs.',
  })
  result!: 'recorded' | 'reserved' | 'duplicate' | 'ignored';
  @ApiPropertyOptional({ enum: ['redelivery', 'already-recorded', 'already-reserved'] }) reason?: 'redelivery' | 'already-recorded' | 'already-reserved';
  @ApiProperty({ example: 'order.created' }) type!: string;
  @ApiProperty({ description: 'The webhook id of this delivery.' }) webhookId!: string;
  @ApiPropertyOptional() orderId?: string;
  @ApiPropertyOptional() refundId?: string;
  @ApiPropertyOptional({ description: 'Order lines stored (Shopify: only lines with our SKUs).' }) lines?: number;
  @ApiPropertyOptional({ description: 'Reservations this order converted.' }) reservationsConverted?: number;
  @ApiPropertyOptional({ description: 'An order that arrived after its cancellation: stored, counted as cancelled.' }) cancelled?: boolean;
  @ApiPropertyOptional({ description: 'Cancellations and refunds: whether the order was already received (else kept until it arrives).' }) orderKnown?: boolean;
  @ApiPropertyOptional({ description: 'reservation.created: the reservation code.' }) code?: string;
}
