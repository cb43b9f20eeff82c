// The vote a connector delivers (signed per Standard Webhooks), what the engine answers, and live results.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsISO8601, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { FAN_ID_MAX_LENGTH, PLATFORMS, POLL_STATUSES, unknownPlatformMessage, type Platform, type PollStatus } from '@app/domain';

export class VoterDto {
  @ApiProperty({ enum: PLATFORMS, example: 'weibo', description: 'Must be the platform the webhook source was registered for.' })
  @IsIn(PLATFORMS, { message: unknownPlatformMessage('platform') })
  platform!: Platform;

  @ApiProperty({
    example: '5829301147',
    description:
      'The fan\'s user id or handle on that platform: one vote per fan per poll. Compared after normalisation (invisible characters ' +
      'removed, Unicode NFKC, trimmed, lower case except on douyin and tiktok); white space inside is refused. Stored as sent too.',
  })
  @IsString()
  @Length(1, FAN_ID_MAX_LENGTH)
  userId!: string;
}

export class VoteDto {
  @ApiProperty({ example: 'p-8f3k2m9q1z7x', description: 'The product whose poll the vote is for (a product has one poll).' })
  @IsString()
  @Length(1, 32)
  productId!: string;

  @ApiProperty({ example: 'option-1', description: 'One of the poll\'s option ids.' })
  @IsString()
  @Length(1, 64)
  optionId!: string;

  @ApiProperty({ type: VoterDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => VoterDto)
  voter!: VoterDto;

  @ApiProperty({ example: '2026-11-24T10:15:30Z', description: 'When the fan voted on the platform (ISO-8601).' })
  @IsISO8601({ strict: true }, { message: 'occurredAt must be an ISO-8601 time such as 2026-11-24T10:15:30Z' })
  occurredAt!: string;

  @ApiPropertyOptional({
    example: 'k3m9q2x7za',
    pattern: '^[A-Za-z0-9_-]{4,16}$',
    description:
      'The code of the tracked link (`/r/<code>`, `?c=` on the share page) the fan came through. A code that is not one of this ' +
      "product's links (stale, or another product's) does not refuse the vote: it is counted, unattributed.",
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{4,16}$/, { message: 'attributionCode must be 4–16 letters, digits, _ or -' })
  attributionCode?: string;
}

export class VoteReceiptDto {
  @ApiProperty({ enum: ['counted', 'duplicate'], description: 'counted: stored and in the tally; duplicate: already had it, not counted again.' })
  result!: 'counted' | 'duplicate';
  @ApiPropertyOptional({ enum: ['redelivery', 'already-voted'], description: 'Why a duplicate was not counted.' })
  reason?: 'redelivery' | 'already-voted';
  @ApiProperty() productId!: string;
  @ApiProperty({ description: 'The webhook-id of this delivery.' }) webhookId!: string;
}

export class OptionResultDto {
  @ApiProperty({ example: 'option-1' }) id!: string;
  @ApiProperty({ example: 'Linen wrap dress' }) label!: string;
  @ApiProperty({ example: 1234 }) votes!: number;
  @ApiProperty({ example: 61.7, description: 'Share of all votes, in percent (one decimal).' }) percent!: number;
}

export class LiveResultsDto {
  @ApiProperty() productId!: string;
  @ApiProperty() question!: string;
  @ApiProperty({ enum: POLL_STATUSES }) status!: PollStatus;
  @ApiProperty() closesAt!: string;
  @ApiProperty({ example: 2000 }) totalVotes!: number;
  @ApiProperty({ type: [OptionResultDto] }) options!: OptionResultDto[];
  @ApiProperty({ nullable: true, type: String, description: 'The winner once the poll has closed.' }) winningOptionId!: string | null;
  @ApiProperty({ description: 'When these counts were read; they are at most LIVE_RESULTS_TTL old.' }) asOf!: string;
}
