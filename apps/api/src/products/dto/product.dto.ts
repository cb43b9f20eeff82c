// Responses and list filters of /products.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVENT_TYPES,
  PENDING_ACTION_BY,
  STAGES,
  type Actor,
  type DemandState,
  type DesignProposal,
  type LaunchState,
  type LifecycleEventType,
  type PendingAction,
  type PollState,
  type ProductState,
  type ProductVariant,
  type SalesState,
  type SampleRound,
  type Stage,
} from '@app/domain';
import { Type } from 'class-transformer';
import { ActorDto, CancellationDto, DemandDto, DesignRoundDto, LaunchDto, PollDto, ProductionDto, SalesDto, SampleRoundDto, VariantDto } from './product-state.dto';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DUE_KINDS, type DueKind } from '../due';

export class ListProductsQueryDto {
  @ApiPropertyOptional({ enum: STAGES })
  @IsOptional()
  @IsIn(STAGES, { message: `stage must be one of ${STAGES.join(', ')}` })
  stage?: Stage;

  @ApiPropertyOptional({ description: 'Staff only; influencer keys always see their own products.' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  influencerId?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}

// Without a limit a client gets the first 500 events: every event of an ordinary product's life, as before
// pagination, while a long-lived product's timeline comes in pages (nextAfterSeq).
export const TIMELINE_PAGE_DEFAULT = 500;
export const TIMELINE_PAGE_MAX = 1000;

export class TimelineQueryDto {
  @ApiPropertyOptional({ description: 'Only events after this sequence number.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'afterSeq must be a whole number' })
  @Min(0)
  @Max(2_147_483_647)
  afterSeq?: number;

  @ApiPropertyOptional({ default: TIMELINE_PAGE_DEFAULT, minimum: 1, maximum: TIMELINE_PAGE_MAX, description: 'Most events in one answer.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(TIMELINE_PAGE_MAX)
  limit?: number;
}

export class PendingActionDto {
  // OpenAPI 3.0: a nullable enum lists null among its values.
  @ApiProperty({ enum: [...PENDING_ACTION_BY, null], nullable: true, description: 'Who acts next; null once the product is final.' }) by!: PendingAction['by'];
  @ApiProperty({ example: 'REVIEW_DESIGN' }) action!: string;
  @ApiProperty({ example: 'review design round 1' }) description!: string;
}

export class ProductLinksDto {
  @ApiProperty() self!: string;
  @ApiProperty() timeline!: string;
  @ApiPropertyOptional({ description: "The product's workflow in the Temporal UI; in staff keys' answers only." }) temporalUi?: string;
}

export class DueDto {
  @ApiProperty({
    enum: DUE_KINDS,
    description:
      "What falls due: the poll's or the demand window's closing, a waiting review's reminder time, an open sample request's, the production run's or a restock's due date, the announcement's approval deadline, the launch.",
  })
  kind!: DueKind;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

export class ProductSummaryDto {
  @ApiProperty({ example: 'p-8f3k2m9q1z7x' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() influencerId!: string;
  @ApiProperty() targetKeyword!: string;
  @ApiProperty({ enum: STAGES }) stage!: Stage;
  @ApiProperty({ type: PendingActionDto }) pendingAction!: PendingActionDto;
  @ApiPropertyOptional({ type: DueDto, description: 'When what the product waits for falls due (past it, the product is late); absent when it has no time.' })
  due?: DueDto;
  @ApiProperty() workflowId!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'When its last event happened: since then it waits for its pending action.' }) updatedAt!: string;
}

export class ProductPageDto {
  @ApiProperty({ type: [ProductSummaryDto] }) items!: ProductSummaryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' }) nextCursor!: string | null;
}

export class ProductDto extends ProductSummaryDto {
  @ApiProperty({ description: 'Sequence number of the last event reflected here.' }) seq!: number;
  @ApiProperty({ type: PollDto, description: 'Question, options, closing time, minimum votes, status and, once closed, the result.' }) poll!: PollState;
  @ApiProperty({ description: 'Design rounds: proposal, status, feedback.', type: [DesignRoundDto] }) designs!: DesignProposal[];
  @ApiProperty({ description: 'Sample rounds: supplier, notes, photos, status, feedback.', type: [SampleRoundDto] }) samples!: SampleRound[];
  @ApiPropertyOptional({ description: 'Suggested first run, derived from poll demand.' }) suggestedQuantity?: number;
  @ApiProperty({ type: ProductionDto, description: 'The run (quantity, supplier, due date) and milestones recorded.' }) production!: ProductState['production'];
  @ApiProperty({ type: LaunchDto, description: 'Launch time, countdowns and launchedAt.' }) launch!: LaunchState;
  @ApiPropertyOptional({ type: CancellationDto, description: 'Reason, time, who, and the stage it was cancelled from.' }) cancellation?: ProductState['cancellation'];
  @ApiPropertyOptional({ description: 'What is sold: id, label and SKU of each variant (absent in products created before variants).', type: [VariantDto] }) variants?: ProductVariant[];
  @ApiPropertyOptional({ description: 'The shop that sells the product.' }) shopId?: string;
  @ApiPropertyOptional({ type: DemandDto, description: 'The demand gate: goal, status, closing time, last reservation tally, suggested production per variant, override.' }) demand?: DemandState;
  @ApiPropertyOptional({ type: SalesDto, description: 'After the launch: stock produced per variant, sold-out variants, the reservation hold, the last stock report, restocks and the end of sales.' }) sales?: SalesState;
  @ApiProperty({ type: ProductLinksDto }) links!: ProductLinksDto;
}

export class TimelineEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: EVENT_TYPES, enumName: 'LifecycleEventType', example: 'STAGE_CHANGED' }) type!: LifecycleEventType;
  @ApiProperty({ enum: STAGES, description: 'The stage after the event.' }) stage!: Stage;
  @ApiProperty({ type: ActorDto, example: { kind: 'influencer', id: 'inf-4k2m9q1z7x' }, description: "Who did it; a staff key's label only in staff keys' answers." }) actor!: Actor;
  @ApiProperty() at!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the event records; its fields depend on type.' }) data!: Record<string, unknown>;
}

export class TimelineDto {
  @ApiProperty() productId!: string;
  @ApiProperty({ type: [TimelineEventDto] }) events!: TimelineEventDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as `afterSeq` for the next page; null when these are the last events.' })
  nextAfterSeq!: number | null;
}
