// Bodies of the product actions; each becomes one Temporal Update of the product's workflow.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PRODUCTION_MILESTONES, REVIEW_DECISIONS, type ProductionMilestone, type ReviewDecision } from '@app/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsImageReference } from '../../images/image-reference.validator';
import { PollOptionInputDto } from './create-product.dto';

const ISO = { message: (a: { property: string }) => `${a.property} must be an ISO-8601 time such as 2026-12-01T12:00:00Z` };

export class ExtendPollDto {
  @ApiProperty({ description: 'The new closing time; later than the current one.', example: '2026-12-08T12:00:00Z' })
  @IsISO8601({ strict: true }, ISO)
  closesAt!: string;
}

export class CancelProductDto {
  @ApiProperty({ example: 'Supplier cannot meet the price point' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class SubmitDesignDto {
  @ApiProperty({ example: 'Sage linen midi, v1' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'A-line midi with pockets; sage and sand colourways.' })
  @IsString()
  @Length(1, 5000)
  description!: string;

  @ApiPropertyOptional({
    type: [String],
    description: "http(s) URLs, or paths of the product's uploaded images (`urls.display` of POST /products/{id}/images: `/images/<id>/display`). The first uploaded one is the picture on the share cards once the design is approved.",
    example: ['/images/3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10/display', 'https://cdn.example.com/designs/v1-back.png'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsImageReference('image URL', { each: true })
  imageUrls?: string[];
}

export class ReviewDto {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS, { message: `decision must be one of ${REVIEW_DECISIONS.join(', ')}` })
  decision!: ReviewDecision;

  @ApiPropertyOptional({ description: 'Required when requesting changes: what to change.', example: 'Shorter sleeves, please' })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  feedback?: string;
}

export class RecordSampleDto {
  @ApiPropertyOptional({ example: 'Hangzhou Silk Works', description: 'A supplier named only (nothing is sent to it). Leave both out when the sample answers an open sample request: it came from the requested supplier.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  supplier?: string;
  @ApiPropertyOptional({ example: 'sup-4k2m9q1z7x3b', description: 'A registered supplier (POST /suppliers): it is sent the order, and its cancellation. Give this or supplier.' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  supplierId?: string;

  @ApiPropertyOptional({ example: 'Seams good; colour slightly dark.' })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  notes?: string;

  @ApiPropertyOptional({
    type: [String],
    description: "http(s) URLs, or paths of the product's uploaded images (`/images/<id>/display`).",
    example: ['/images/3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10/display'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsImageReference('photo URL', { each: true })
  photoUrls?: string[];
}

export class VariantUnitsDto {
  @ApiProperty({ example: 'm-black' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,47}$/, { message: 'variantId must be one of the product\'s variant ids' })
  variantId!: string;

  @ApiProperty({ example: 120 })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  units!: number;
}

export class StartProductionDto {
  @ApiPropertyOptional({ description: 'Units to make in all; defaults to the quantity suggested from demand. With quantities it must equal their sum.', example: 300 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  quantity?: number;

  @ApiPropertyOptional({
    type: [VariantUnitsDto],
    description: 'Units per variant, every variant of the product once (at least 1 unit in all); defaults to the demand suggestion, else the total split across variants.',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VariantUnitsDto)
  quantities?: VariantUnitsDto[];

  @ApiPropertyOptional({ example: 'Hangzhou Silk Works', description: 'A supplier named only: nothing is sent to it. Give this or supplierId.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  supplier?: string;
  @ApiPropertyOptional({ example: 'sup-4k2m9q1z7x3b', description: 'A registered supplier (POST /suppliers): it is sent the order, and its cancellation. Give this or supplier.' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  supplierId?: string;

  @ApiProperty({ example: '2027-02-01T00:00:00Z' })
  @IsISO8601({ strict: true }, ISO)
  dueDate!: string;
}

export class RequestSampleDto {
  @ApiProperty({ example: 'sup-4k2m9q1z7x3b', description: 'The registered supplier (POST /suppliers) the request is sent to.' })
  @IsString()
  @Length(1, 32)
  supplierId!: string;

  @ApiPropertyOptional({ example: 'Size M in the approved colourway; use the heavier silk.', description: 'What to make, for the supplier.' })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  notes?: string;

  @ApiPropertyOptional({ example: '2027-01-15T00:00:00Z', description: 'When the sample is wanted; in the future.' })
  @IsOptional()
  @IsISO8601({ strict: true }, ISO)
  dueDate?: string;
}

export class RecordMilestoneDto {
  @ApiProperty({ enum: PRODUCTION_MILESTONES, description: 'Recorded in this order; SHIPPED moves the product to LAUNCH.' })
  @IsIn(PRODUCTION_MILESTONES, { message: `milestone must be one of ${PRODUCTION_MILESTONES.join(', ')}` })
  milestone!: ProductionMilestone;

  @ApiPropertyOptional({ example: 'Fabric arrived, 2% short' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;
}

export class ScheduleLaunchDto {
  @ApiProperty({ example: '2027-03-01T12:00:00Z' })
  @IsISO8601({ strict: true }, ISO)
  launchAt!: string;
}

export class ExtendDemandDto {
  @ApiProperty({ description: 'The new closing time of the demand window; later than the current one.', example: '2026-12-20T12:00:00Z' })
  @IsISO8601({ strict: true }, ISO)
  closesAt!: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'The influencer backs it; first run small' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class ApproveRestockDto {
  @ApiPropertyOptional({ type: [VariantUnitsDto], description: 'Units per variant, every variant once; defaults to the proposed restock.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VariantUnitsDto)
  quantities?: VariantUnitsDto[];

  @ApiPropertyOptional({ example: 'Hangzhou Silk Works', description: 'A supplier named only: nothing is sent to it. Give this or supplierId.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  supplier?: string;
  @ApiPropertyOptional({ example: 'sup-4k2m9q1z7x3b', description: 'A registered supplier (POST /suppliers): it is sent the order, and its cancellation. Give this or supplier.' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  supplierId?: string;

  @ApiProperty({ example: '2027-04-01T00:00:00Z' })
  @IsISO8601({ strict: true }, ISO)
  dueDate!: string;
}

export class RecordRestockMilestoneDto {
  @ApiProperty({ enum: PRODUCTION_MILESTONES, description: 'Recorded in this order; SHIPPED adds the restock to the stock (BACK_IN_STOCK).' })
  @IsIn(PRODUCTION_MILESTONES, { message: `milestone must be one of ${PRODUCTION_MILESTONES.join(', ')}` })
  milestone!: ProductionMilestone;

  @ApiPropertyOptional({ example: 'Fabric arrived' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;
}

export class RequestPollChangesDto {
  @ApiProperty({ description: "What to change in the poll's options; staff see it in the pending action.", example: 'Add a cotton option, and drop the slip dress' })
  @IsString()
  @Length(1, 2000)
  feedback!: string;
}

export class EditPollOptionsDto {
  @ApiPropertyOptional({ description: 'The new question; absent: it stays.', example: 'Which dress should we make for autumn?' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  question?: string;

  @ApiProperty({ type: [PollOptionInputDto], minItems: 2, maxItems: 10, description: 'The whole new option set (screened again); ids default to option-1, option-2, …' })
  @IsDefined()
  @ArrayMinSize(2, { message: 'a poll needs at least 2 options' })
  @ArrayMaxSize(10, { message: 'a poll has at most 10 options' })
  @ValidateNested({ each: true })
  @Type(() => PollOptionInputDto)
  options!: PollOptionInputDto[];
}
