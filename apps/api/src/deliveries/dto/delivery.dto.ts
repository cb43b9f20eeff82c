// Request and response shapes of a product's deliveries (also their OpenAPI schema).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@app/database';
import { SOCIAL_EVENTS } from '@app/social';
import { IsIn, IsOptional } from 'class-validator';

export class DeliveryDto {
  @ApiProperty({ description: 'Also the webhook-id the receiver sees on every attempt.' }) id!: string;
  @ApiProperty() updateId!: string;
  @ApiProperty({ enum: SOCIAL_EVENTS }) event!: string;
  @ApiProperty() channelId!: string;
  @ApiProperty({ enum: ['webhook', 'log'] }) channelKind!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, description: 'cancelled: its product was cancelled before it went out; withdrawn, never sent again. held: a sponsored post waiting for its paid-post order reference (not sent). blocked: the platform refused that order (not sent unless a new reference is recorded).' }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: "The receiver's HTTP status when delivered." }) responseStatus!: number | null;
  @ApiProperty({ nullable: true, type: String, description: "The start of the receiver's answer (at most 300 characters; only the first 4 KiB are read)." }) responseBody!: string | null;
  @ApiProperty() resends!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) failedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelledAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '/r/k3v9q2m7xa',
    description: 'The tracked link this delivery posted (on the public base URL): its clicks, and the votes, reservations and orders carrying its code, count for this update and channel in the funnel. null for internal updates.',
  })
  trackedLink!: string | null;
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;
}

export class DeliveriesDto {
  @ApiProperty() productId!: string;
  @ApiProperty({ type: [DeliveryDto] }) deliveries!: DeliveryDto[];
}
