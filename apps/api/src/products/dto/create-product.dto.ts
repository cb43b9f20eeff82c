// POST /products: a product for an influencer, with its target keyword and fan poll.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { POLL_APPROVALS, type PollApproval } from '@app/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDefined,
  IsIn,
  IsISO8601,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class PollOptionInputDto {
  @ApiPropertyOptional({ description: 'Stable id fans vote for (letters, digits, - or _); defaults to option-1, option-2, …', example: 'linen-midi' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'id must be 1–64 letters, digits, dashes or underscores' })
  id?: string;

  @ApiProperty({ example: 'Linen midi dress' })
  @IsString()
  @Length(1, 200)
  label!: string;

  @ApiPropertyOptional({ example: 'Breathable, in sage and sand' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;
}

export class PollInputDto {
  @ApiProperty({ example: 'Which dress should we make for summer?' })
  @IsString()
  @Length(1, 500)
  question!: string;

  @ApiProperty({ type: [PollOptionInputDto], minItems: 2, maxItems: 10 })
  @IsDefined()
  @ArrayMinSize(2, { message: 'a poll needs at least 2 options' })
  @ArrayMaxSize(10, { message: 'a poll has at most 10 options' })
  @ValidateNested({ each: true })
  @Type(() => PollOptionInputDto)
  options!: PollOptionInputDto[];

  @ApiPropertyOptional({ description: "When the poll closes (ISO-8601). Give this or durationMinutes; only with pollApproval 'none' (an approved poll's duration starts at its approval).", example: '2026-12-01T12:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'closesAt must be an ISO-8601 time such as 2026-12-01T12:00:00Z' })
  closesAt?: string;

  @ApiPropertyOptional({ description: "How long the poll stays open, in minutes (1 minute to 90 days), from its approval (pollApproval 'influencer') or its creation ('none').", example: 4320 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90 * 24 * 60)
  durationMinutes?: number;

  @ApiProperty({ description: 'Fewer votes than this at closing time wait for a staff decision (extend or cancel).', example: 100 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  minVotes!: number;
}

export class VariantInputDto {
  @ApiProperty({ description: 'Stable id reservations and orders name: lower-case letters, digits and dashes, unique in the product.', example: 'm-black' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,47}$/, { message: 'id must be 1–48 lower-case letters, digits or dashes, starting with a letter or digit' })
  id!: string;

  @ApiProperty({ example: 'M / black' })
  @IsString()
  @Length(1, 100)
  label!: string;

  @ApiPropertyOptional({ description: "The shop's SKU, unique across products: how a shop order line finds the variant.", example: 'DRESS-M-BLK' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'sku must be 1–64 letters, digits, dots, dashes or underscores' })
  sku?: string;
}

export class DemandGoalInputDto {
  @ApiProperty({ description: 'Units fans must reserve for production to unlock.', example: 100 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minimumUnits!: number;

  @ApiProperty({ description: 'How long reservations are taken after the poll closes, in hours (1 hour to 90 days).', example: 336 })
  @IsInt()
  @Min(1)
  @Max(2_160)
  windowHours!: number;

  @ApiPropertyOptional({ description: 'Suggested production per variant = ceil(reserved × (1 + safetyFactor)); default from DEMAND_SAFETY_FACTOR.', example: 0.2 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(2)
  safetyFactor?: number;
}

export class SalesRulesInputDto {
  @ApiPropertyOptional({ description: 'Sell-through (net sold ÷ produced) at which a restock is proposed; default RESTOCK_THRESHOLD.', example: 0.7 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.05)
  @Max(1)
  restockThreshold?: number;

  @ApiPropertyOptional({ description: 'Days of the recent sales rate a restock covers; default RESTOCK_COVER_DAYS.', example: 14 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  restockCoverDays?: number;

  @ApiPropertyOptional({ description: 'Smallest restock per variant that sold anything; default RESTOCK_MINIMUM_UNITS.', example: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  restockMinimumUnits?: number;

  @ApiPropertyOptional({ description: "Hours reservation holders' stock is held after the launch; default RESERVATION_HOLD.", example: 48 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  reservationHoldHours?: number;
}

export class CreateProductDto {
  @ApiProperty({ example: 'Summer dress 2027' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'inf-4k2m9q1z7x' })
  @IsString()
  @Length(1, 32)
  influencerId!: string;

  @ApiProperty({ description: 'The keyword social updates are optimised for.', example: 'linen dress' })
  @IsString()
  @Length(1, 100)
  targetKeyword!: string;

  @ApiProperty({ type: PollInputDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PollInputDto)
  poll!: PollInputDto;

  @ApiPropertyOptional({ type: [VariantInputDto], description: 'What is sold (size / colour); default one variant "one-size".', minItems: 1, maxItems: 50 })
  @IsOptional()
  @ArrayMinSize(1, { message: 'variants needs at least 1 variant when given' })
  @ArrayMaxSize(50, { message: 'a product has at most 50 variants' })
  @ValidateNested({ each: true })
  @Type(() => VariantInputDto)
  variants?: VariantInputDto[];

  @ApiPropertyOptional({ type: DemandGoalInputDto, description: 'The demand gate after the poll: fans reserve the winner; production unlocks at minimumUnits within the window. Absent: no gate.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DemandGoalInputDto)
  demandGoal?: DemandGoalInputDto;

  @ApiPropertyOptional({ description: 'The registered shop that sells the product and is told about reservations.', example: 'shop-4k2m9q1z7x' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  shopId?: string;

  @ApiPropertyOptional({
    enum: POLL_APPROVALS,
    description:
      "Who approves the poll's options before fans see them: 'influencer' (the default) keeps the poll in DRAFT, with nothing public and no votes, until the product's influencer approves it; 'none' opens it at once. The automatic screen runs either way.",
  })
  @IsOptional()
  @IsIn(POLL_APPROVALS, { message: `pollApproval must be one of ${POLL_APPROVALS.join(', ')}` })
  pollApproval?: PollApproval;

  @ApiPropertyOptional({ type: SalesRulesInputDto, description: 'Restock and reservation-hold rules after the launch; each defaults from the configuration.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SalesRulesInputDto)
  sales?: SalesRulesInputDto;
}
