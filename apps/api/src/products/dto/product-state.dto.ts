// The parts of a product's view (libs/domain model.ts and sales-model.ts) as OpenAPI schemas, so a client
// generated from the document knows every field of GET /products/:id and of every action's answer.
// Answers only: nothing here is validated input. test/e2e/openapi.e2e.test.ts checks real answers against them.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTOR_KINDS, DEMAND_STATUSES, POLL_STATUSES, PRODUCTION_MILESTONES, RESTOCK_STATUSES, REVIEW_STATUSES, STAGES } from '@app/domain';
// Units per variant, as staff give them to production and restocks: one schema for both directions (two
// classes of one name would be one schema in the document, whichever Swagger met last).
import { VariantUnitsDto } from './actions.dto';

const INSTANT = { type: String, format: 'date-time' } as const;

export class ActorDto {
  @ApiProperty({ enum: ACTOR_KINDS }) kind!: string;
  @ApiProperty({ description: 'API key id for staff, influencer id for influencers, the timer\'s name for system.' }) id!: string;
  @ApiPropertyOptional({ description: 'A staff key\'s label, in staff keys\' answers only.' }) label?: string;
}

export class PollOptionDto {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiPropertyOptional() description?: string;
}

export class OptionCountDto {
  @ApiProperty() optionId!: string;
  @ApiProperty() votes!: number;
  @ApiProperty({ ...INSTANT, nullable: true, description: 'When its last counted vote arrived (breaks ties); null with no votes.' }) lastVoteAt!: string | null;
}

export class PollTallyDto {
  @ApiProperty({ type: [OptionCountDto] }) counts!: OptionCountDto[];
  @ApiProperty() totalVotes!: number;
  @ApiProperty(INSTANT) at!: string;
}

export class PollResultDto {
  @ApiProperty({ type: [OptionCountDto] }) counts!: OptionCountDto[];
  @ApiProperty() totalVotes!: number;
  @ApiProperty() winningOptionId!: string;
  @ApiProperty({ description: 'The winner shared the top count and the tie-break rule decided.' }) tieBroken!: boolean;
  @ApiProperty(INSTANT) closedAt!: string;
}

export class VoteMilestoneDto {
  @ApiProperty({ example: 1000 }) milestone!: number;
  @ApiProperty({ description: 'The total when intake noticed the crossing.' }) totalVotes!: number;
  @ApiProperty(INSTANT) at!: string;
}

class PollChangesRequestDto {
  @ApiProperty() feedback!: string;
  @ApiProperty(INSTANT) at!: string;
  @ApiProperty({ type: ActorDto }) by!: ActorDto;
}

export class PollDraftDto {
  @ApiProperty({ description: 'How long the poll is open, counted from its approval (ms).' }) durationMs!: number;
  @ApiPropertyOptional({ type: PollChangesRequestDto, description: "The influencer's last request for changes, until staff edit the options." }) changesRequested?: PollChangesRequestDto;
  @ApiPropertyOptional(INSTANT) approvedAt?: string;
  @ApiPropertyOptional({ type: ActorDto }) approvedBy?: ActorDto;
}

export class PollDto {
  @ApiProperty() question!: string;
  @ApiProperty({ type: [PollOptionDto] }) options!: PollOptionDto[];
  @ApiProperty({ ...INSTANT, description: 'When the poll closes; while DRAFT, provisional (the duration counts from the approval).' }) closesAt!: string;
  @ApiProperty() minVotes!: number;
  @ApiProperty({ enum: POLL_STATUSES, description: "DRAFT: waiting for the influencer's approval of the options; nothing is public and no votes are taken." }) status!: string;
  @ApiPropertyOptional({ type: PollDraftDto, description: "Present for polls the influencer approves before they open: duration, requested changes, approval." }) draft?: PollDraftDto;
  @ApiPropertyOptional({ type: PollTallyDto, description: 'The last tally, also when it fell short of minVotes.' }) lastTally?: PollTallyDto;
  @ApiPropertyOptional({ type: PollResultDto }) result?: PollResultDto;
  @ApiPropertyOptional({ type: [VoteMilestoneDto], description: 'Vote-count milestones announced so far.' }) milestones?: VoteMilestoneDto[];
}

class ReviewedRoundDto {
  @ApiProperty() round!: number;
  @ApiProperty({ enum: REVIEW_STATUSES }) status!: string;
  @ApiProperty(INSTANT) submittedAt!: string;
  @ApiProperty({ type: ActorDto }) submittedBy!: ActorDto;
  @ApiPropertyOptional() feedback?: string;
  @ApiPropertyOptional(INSTANT) reviewedAt?: string;
  @ApiPropertyOptional({ type: ActorDto }) reviewedBy?: ActorDto;
  @ApiPropertyOptional({ ...INSTANT, description: 'When the influencer was last reminded that it waits for her.' }) remindedAt?: string;
  @ApiPropertyOptional({ description: 'How often she was reminded of it (one per REVIEW_REMINDER_AFTER it waits, up to REVIEW_REMINDER_LIMIT).' }) reminders?: number;
}

export class DesignRoundDto extends ReviewedRoundDto {
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) imageUrls!: string[];
}

export class SampleRoundDto extends ReviewedRoundDto {
  @ApiProperty() supplier!: string;
  @ApiProperty() notes!: string;
  @ApiProperty({ type: [String] }) photoUrls!: string[];
}

export class ProductionRunDto {
  @ApiProperty() quantity!: number;
  @ApiPropertyOptional({ type: [VariantUnitsDto], description: 'Units per variant (they add up to quantity).' }) quantities?: VariantUnitsDto[];
  @ApiProperty() suggestedQuantity!: number;
  @ApiProperty() supplier!: string;
  @ApiProperty(INSTANT) dueDate!: string;
  @ApiProperty(INSTANT) startedAt!: string;
  @ApiPropertyOptional({ ...INSTANT, description: 'When staff were warned that its due date nears (ORDER_DUE_WARNING before it).' }) dueWarnedAt?: string;
}

export class MilestoneRecordDto {
  @ApiProperty({ enum: PRODUCTION_MILESTONES }) milestone!: string;
  @ApiPropertyOptional() note?: string;
  @ApiProperty(INSTANT) at!: string;
}

export class ProductionDto {
  @ApiPropertyOptional({ type: ProductionRunDto, description: 'Absent until staff start production.' }) run?: ProductionRunDto;
  @ApiProperty({ type: [MilestoneRecordDto] }) milestones!: MilestoneRecordDto[];
}

export class LaunchCountdownDto {
  @ApiProperty({ description: 'How long before the launch it goes out.' }) offsetMs!: number;
  @ApiProperty(INSTANT) at!: string;
  @ApiProperty() sent!: boolean;
}

export class LaunchAnnouncementTextDto {
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty(INSTANT) approvedAt!: string;
  @ApiProperty({ type: ActorDto }) approvedBy!: ActorDto;
}

export class LaunchDto {
  @ApiPropertyOptional(INSTANT) launchAt?: string;
  @ApiProperty({ type: [LaunchCountdownDto] }) countdowns!: LaunchCountdownDto[];
  @ApiPropertyOptional(INSTANT) launchedAt?: string;
  @ApiPropertyOptional({ type: LaunchAnnouncementTextDto, description: 'The announcement as the influencer approved it.' }) announcement?: LaunchAnnouncementTextDto;
  @ApiPropertyOptional({ ...INSTANT, description: 'When staff were alerted that the announcement was still unapproved.' }) approvalOverdueAt?: string;
}

export class CancellationDto {
  @ApiProperty() reason!: string;
  @ApiProperty(INSTANT) at!: string;
  @ApiProperty({ type: ActorDto }) by!: ActorDto;
  @ApiProperty({ enum: STAGES }) fromStage!: string;
}

export class VariantDto {
  @ApiProperty({ example: 'm-black' }) id!: string;
  @ApiProperty({ example: 'M / black' }) label!: string;
  @ApiPropertyOptional({ description: 'The shop\'s SKU, unique across products.' }) sku?: string;
}

export class DemandGoalDto {
  @ApiProperty() minimumUnits!: number;
  @ApiProperty({ description: 'How long reservations are taken after the poll closes.' }) windowMs!: number;
  @ApiProperty({ description: 'Suggested production per variant: ceil(reserved units × (1 + safetyFactor)).' }) safetyFactor!: number;
}

export class ReservationTallyDto {
  @ApiProperty({ type: [VariantUnitsDto] }) variants!: VariantUnitsDto[];
  @ApiProperty() totalUnits!: number;
  @ApiProperty() reservations!: number;
  @ApiProperty(INSTANT) at!: string;
}

export class DecisionDto {
  @ApiProperty() reason!: string;
  @ApiProperty(INSTANT) at!: string;
  @ApiProperty({ type: ActorDto }) by!: ActorDto;
}

export class DemandDto {
  @ApiProperty({ type: DemandGoalDto }) goal!: DemandGoalDto;
  @ApiProperty({ enum: DEMAND_STATUSES }) status!: string;
  @ApiProperty(INSTANT) openedAt!: string;
  @ApiProperty(INSTANT) closesAt!: string;
  @ApiPropertyOptional({ ...INSTANT, description: 'When intake first reported the goal reached.' }) goalReachedAt?: string;
  @ApiPropertyOptional({ type: ReservationTallyDto }) lastTally?: ReservationTallyDto;
  @ApiPropertyOptional({ type: [VariantUnitsDto], description: 'Production per variant suggested from the reservations.' }) suggested?: VariantUnitsDto[];
  @ApiPropertyOptional({ type: DecisionDto, description: 'Staff unlocked production although the goal was missed.' }) override?: DecisionDto;
}

export class VariantStockDto {
  @ApiProperty() variantId!: string;
  @ApiProperty() produced!: number;
  @ApiProperty() sold!: number;
  @ApiProperty() returned!: number;
  @ApiProperty({ description: 'produced − sold + returned − stock still held for reservation holders.' }) available!: number;
  @ApiProperty({ description: 'Net units sold per day over the recent window.' }) unitsPerDay!: number;
}

export class SalesReportDto {
  @ApiProperty(INSTANT) at!: string;
  @ApiProperty({ type: [VariantStockDto] }) variants!: VariantStockDto[];
}

export class RestockDto {
  @ApiProperty({ description: '1 for the first restock, and so on.' }) number!: number;
  @ApiProperty({ enum: RESTOCK_STATUSES }) status!: string;
  @ApiProperty(INSTANT) proposedAt!: string;
  @ApiProperty({ description: 'Sell-through (0–1) when it was proposed.' }) sellThrough!: number;
  @ApiProperty() producedWhenProposed!: number;
  @ApiProperty({ type: [VariantUnitsDto] }) suggested!: VariantUnitsDto[];
  @ApiPropertyOptional({ type: [VariantUnitsDto] }) quantities?: VariantUnitsDto[];
  @ApiPropertyOptional() supplier?: string;
  @ApiPropertyOptional(INSTANT) dueDate?: string;
  @ApiPropertyOptional(INSTANT) approvedAt?: string;
  @ApiPropertyOptional({ type: ActorDto }) approvedBy?: ActorDto;
  @ApiProperty({ type: [MilestoneRecordDto] }) milestones!: MilestoneRecordDto[];
  @ApiPropertyOptional(INSTANT) closedAt?: string;
  @ApiPropertyOptional({ description: 'Why it was declined or cancelled.' }) reason?: string;
  @ApiPropertyOptional({ ...INSTANT, description: 'When staff were warned that its due date nears (ORDER_DUE_WARNING before it).' }) dueWarnedAt?: string;
}

export class SalesDto {
  @ApiProperty(INSTANT) onSaleAt!: string;
  @ApiPropertyOptional({ ...INSTANT, description: 'Stock is held for reservation holders until then.' }) holdUntil?: string;
  @ApiPropertyOptional(INSTANT) holdReleasedAt?: string;
  @ApiProperty({ type: [VariantUnitsDto], description: 'Units produced per variant: the first run plus every shipped restock.' }) produced!: VariantUnitsDto[];
  @ApiProperty({ type: [String], description: 'Variants currently sold out.' }) soldOut!: string[];
  @ApiPropertyOptional({ type: SalesReportDto }) lastReport?: SalesReportDto;
  @ApiProperty({ type: [RestockDto] }) restocks!: RestockDto[];
  @ApiPropertyOptional({ type: DecisionDto }) ended?: DecisionDto;
}
