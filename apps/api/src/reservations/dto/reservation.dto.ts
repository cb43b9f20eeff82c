// The reservation a fan connector delivers (signed per Standard Webhooks), what the engine answers, and
// the live demand fans see.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Length, Max, ValidateNested } from 'class-validator';
import { DEMAND_STATUSES, FAN_ID_MAX_LENGTH, PLATFORMS, unknownPlatformMessage, type DemandStatus, type Platform } from '@app/domain';

/** At most this many units per fan and variant: a reservation is intent, not a wholesale order. */
export const MAX_RESERVED_UNITS = 10;

export class ReservingFanDto {
  @ApiProperty({ enum: PLATFORMS, example: 'weibo', description: 'Must be the platform the webhook source was registered for.' })
  @IsIn(PLATFORMS, { message: unknownPlatformMessage('platform') })
  platform!: Platform;

  @ApiProperty({
    example: '5829301147',
    description: 'The fan\'s user id or handle on that platform, compared after the same normalisation as votes: one reservation per fan and variant.',
  })
  @IsString()
  @Length(1, FAN_ID_MAX_LENGTH)
  userId!: string;
}

export class ReservationDto {
  @ApiProperty({ example: 'p-8f3k2m9q1z7x' })
  @IsString()
  @Length(1, 32)
  productId!: string;

  @ApiProperty({ example: 'm-black', description: 'One of the product\'s variant ids.' })
  @IsString()
  @Length(1, 48)
  variantId!: string;

  @ApiProperty({ example: 1, minimum: 1, maximum: MAX_RESERVED_UNITS, description: 'Units; 0 or less is refused with 400.' })
  @IsInt({ message: 'quantity must be a whole number' })
  @Max(MAX_RESERVED_UNITS)
  quantity!: number;

  @ApiProperty({ type: ReservingFanDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ReservingFanDto)
  fan!: ReservingFanDto;

  @ApiProperty({ example: '2026-11-24T10:15:30Z', description: 'When the fan reserved on the platform (ISO-8601).' })
  @IsISO8601({ strict: true }, { message: 'occurredAt must be an ISO-8601 time such as 2026-11-24T10:15:30Z' })
  occurredAt!: string;

  @ApiPropertyOptional({ example: 'r7k2m9q1', description: 'The tracked link\'s code (/r/<code>) the fan came through, when the connector knows it.' })
  @IsOptional()
  @IsString()
  @Length(1, 16)
  attributionCode?: string;
}

export class ReservationReceiptDto {
  @ApiProperty({ enum: ['reserved', 'duplicate'], description: 'reserved: stored and counted; duplicate: already had it, not counted again.' })
  result!: 'reserved' | 'duplicate';
  @ApiPropertyOptional({ enum: ['redelivery', 'already-reserved'], description: 'Why a duplicate was not counted.' })
  reason?: 'redelivery' | 'already-reserved';
  @ApiProperty({ description: 'The reservation code for the shop\'s checkout (of the stored reservation, for a duplicate).', example: 'K7M2Q9X4TB' })
  code!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() variantId!: string;
  @ApiProperty({ description: 'The webhook id of this delivery.' }) webhookId!: string;
}

export class VariantDemandDto {
  @ApiProperty({ example: 'm-black' }) variantId!: string;
  @ApiProperty({ example: 'M / black' }) label!: string;
  @ApiProperty({ example: 42, description: 'Units reserved (reservations held or converted into orders).' }) units!: number;
}

export class LiveDemandDto {
  @ApiProperty() productId!: string;
  @ApiProperty({ enum: DEMAND_STATUSES }) status!: DemandStatus;
  @ApiProperty({ example: 100 }) minimumUnits!: number;
  @ApiProperty({ example: 64 }) reservedUnits!: number;
  @ApiProperty({ example: 51, description: 'Reservations (a fan may reserve several units of a variant).' }) reservations!: number;
  @ApiProperty({ example: 0.64, description: 'reservedUnits ÷ minimumUnits (may pass 1).' }) shareOfGoal!: number;
  @ApiProperty() closesAt!: string;
  @ApiProperty({ description: 'Until reservations close; 0 once the window is not open.' }) timeLeftMs!: number;
  @ApiProperty({ type: [VariantDemandDto] }) variants!: VariantDemandDto[];
  @ApiProperty({ description: 'When these figures were read; at most LIVE_RESULTS_TTL old.' }) asOf!: string;
}
