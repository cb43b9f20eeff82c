// Request and response shape of an influencer's social settings (also their OpenAPI schema); the
// template overrides are free-form here and checked by libs/social templateProblems.
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { LANGUAGES, PLATFORMS, SOCIAL_EVENTS, TONES, type Language, type Platform, type SocialEvent, type Tone } from '@app/social';
import { ArrayMaxSize, IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** The OpenAPI shape of one event's override; libs/social templateProblems checks it (the record is free-form). */
export class TemplateOverrideDto {
  @ApiPropertyOptional({ example: '{keyword} is here 🎉', maxLength: 300, description: 'Placeholders in braces; each event documents the ones it fills.' })
  title?: string;

  @ApiPropertyOptional({ example: 'Our {keyword} ({product}) is live now.\n\nThank you!', maxLength: 3000 })
  body?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['launchday'] })
  hashtags?: string[];
}

@ApiExtraModels(TemplateOverrideDto)
export class SocialSettingsDto {
  @ApiProperty({ enum: LANGUAGES, default: 'en' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language!: Language;

  @ApiProperty({ enum: TONES, default: 'warm', description: 'warm adds 💛 to titles, hype 🔥 and an exclamation, minimal nothing.' })
  @IsOptional()
  @IsIn(TONES)
  tone!: Tone;

  @ApiProperty({ enum: PLATFORMS, description: 'The platform the stored update and share page are written for; default xiaohongshu for zh-CN, instagram for en.' })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform!: Platform;

  @ApiProperty({ type: [String], default: [], example: ['miastyle'], description: 'Added after the keyword tag on every update.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  signatureHashtags!: string[];

  @ApiProperty({ default: false, description: "Paid partnership: every published update is a sponsored post, carrying the platform's disclosure and held until its paid-post order reference is recorded (POST /products/:id/social-updates/:updateId/sponsorship)." })
  @IsOptional()
  @IsBoolean()
  sponsored!: boolean;

  @ApiProperty({ default: 'UTC', example: 'Asia/Shanghai', description: 'IANA time zone dates in posts are written in.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({
    description: `Per-event template overrides; keys: ${SOCIAL_EVENTS.join(', ')}.`,
    example: { LAUNCHED: { title: '{keyword} is here 🎉' } },
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(TemplateOverrideDto) },
  })
  @IsOptional()
  @IsObject()
  templates!: Partial<Record<SocialEvent, TemplateOverrideDto>>;
}
