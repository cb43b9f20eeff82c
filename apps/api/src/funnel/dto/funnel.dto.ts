// A product's attribution funnel: per stage and channel what its posts brought, the totals and the
// conversions; also the query choosing JSON or CSV.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class FunnelQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: the rows and a total line as text/csv.' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}

export class RevenueDto {
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 259000, description: 'Lines of orders not cancelled, less their refunds, in minor units (cents).' }) amountMinor!: number;
}

export class FunnelCountsDto {
  @ApiProperty({ description: 'Counted share-page views (bots and repeats within the window left out).' }) views!: number;
  @ApiProperty({ description: 'Counted clicks on tracked links.' }) clicks!: number;
  @ApiProperty() votes!: number;
  @ApiProperty({ description: 'Reservations made (whatever became of them).' }) reservations!: number;
  @ApiProperty() reservedUnits!: number;
  @ApiProperty({ description: 'Orders not cancelled (in totals each order once, even when its lines came through different links).' }) orders!: number;
  @ApiProperty({ description: 'Units on order lines of orders not cancelled.' }) orderedUnits!: number;
  @ApiProperty({ type: [RevenueDto] }) revenue!: RevenueDto[];
}

export class FunnelRowDto extends FunnelCountsDto {
  @ApiProperty({ enum: ['link', 'direct', 'unattributed'], description: 'link: through a tracked link; direct: share-page views without one; unattributed: votes, reservations and orders without a code of this product.' })
  source!: 'link' | 'direct' | 'unattributed';
  @ApiProperty({ nullable: true, type: String, description: "The stage of the update whose link (or page) it was; null when unattributed." }) stage!: string | null;
  @ApiProperty({ description: "The channel's name, `direct`, `unattributed`, or `deleted channel`." }) channel!: string;
  @ApiProperty({ nullable: true, type: String }) channelId!: string | null;
}

export class ConversionDto {
  @ApiProperty() numerator!: number;
  @ApiProperty() denominator!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'numerator ÷ denominator (null when the denominator is 0).' }) rate!: number | null;
}

export class FunnelConversionsDto {
  @ApiProperty({ type: ConversionDto, description: 'Fans (platform and normalised user id) who voted and reserved ÷ fans who voted.' }) voterToReserver!: ConversionDto;
  @ApiProperty({ type: ConversionDto, description: 'Reservations whose code is on an order line of an order not cancelled ÷ reservations.' }) reserverToBuyer!: ConversionDto;
}

export class FunnelDto {
  @ApiProperty() productId!: string;
  @ApiProperty({ type: [FunnelRowDto] }) rows!: FunnelRowDto[];
  @ApiProperty({ type: FunnelCountsDto }) totals!: FunnelCountsDto;
  @ApiProperty({ type: FunnelConversionsDto }) conversions!: FunnelConversionsDto;
  @ApiProperty() asOf!: string;
}
