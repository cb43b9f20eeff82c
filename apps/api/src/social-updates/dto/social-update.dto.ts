// Response shapes of a product's social updates (also their OpenAPI schema).
import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, PLATFORMS, SOCIAL_EVENTS } from '@app/social';

class ScoreReasonDto {
  @ApiProperty() rule!: string;
  @ApiProperty() points!: number;
  @ApiProperty() max!: number;
  @ApiProperty() detail!: string;
}

export class OptimisationDto {
  @ApiProperty({ minimum: 0, maximum: 100 }) score!: number;
  @ApiProperty({ description: "The keyword's share of the body's tokens." }) density!: number;
  @ApiProperty({ type: [ScoreReasonDto] }) reasons!: ScoreReasonDto[];
}

export class SocialUpdateDto {
  @ApiProperty() id!: string;
  @ApiProperty() productId!: string;
  @ApiProperty({ description: 'The timeline event it was made from.' }) seq!: number;
  @ApiProperty({ enum: SOCIAL_EVENTS }) event!: string;
  @ApiProperty({ enum: ['published', 'internal', 'withheld'], description: 'withheld: a launch announcement the influencer did not approve in time.' })
  status!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [String] }) hashtags!: string[];
  @ApiProperty() keyword!: string;
  @ApiProperty({ enum: PLATFORMS }) platform!: string;
  @ApiProperty({ enum: LANGUAGES }) language!: string;
  @ApiProperty() sponsored!: boolean;
  @ApiProperty() shareUrl!: string;
  @ApiProperty() imageUrl!: string;
  @ApiProperty({ type: OptimisationDto }) optimisation!: OptimisationDto;
  @ApiProperty() occurredAt!: string;
}

export class SocialUpdatesDto {
  @ApiProperty() productId!: string;
  @ApiProperty({ type: [SocialUpdateDto] }) updates!: SocialUpdateDto[];
}
