// Request and response shapes of /staff-members (also their OpenAPI schema).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTACT_CHANNELS, CONTACT_LANGUAGES, MAX_EMAIL_LENGTH, MAX_TIME_ZONE_LENGTH, NOTIFICATION_MODES, type ContactChannel, type ContactLanguage, type NotificationMode } from '@app/domain';
import { IsEmail, IsIn, IsOptional, IsString, IsUrl, Length, MaxLength, ValidateIf } from 'class-validator';
import {
  ContactChangeDto,
  EMAIL_MESSAGE,
  NormalisedEmail,
  TIME_ZONE_DESCRIPTION,
  WEBHOOK_URL_DESCRIPTION,
  WEBHOOK_URL_MESSAGE,
} from '../../contacts/dto/contact.dto';

export class CreateStaffMemberDto {
  @ApiProperty({ example: 'Anna Li' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ maxLength: MAX_EMAIL_LENGTH, example: 'anna@incubator.example', description: 'Unique among staff members whatever its case; stored trimmed and in lower case.' })
  @NormalisedEmail()
  @IsString({ message: EMAIL_MESSAGE })
  @MaxLength(MAX_EMAIL_LENGTH)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  email!: string;

  @ApiPropertyOptional({ enum: CONTACT_CHANNELS, description: 'How reminders reach her: `email` (SMTP, the default) or `webhook` (needs webhookUrl).' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIn(CONTACT_CHANNELS)
  preferredChannel?: ContactChannel;

  @ApiPropertyOptional({ maxLength: 2000, example: 'https://hooks.example.com/anna', description: WEBHOOK_URL_DESCRIPTION })
  @IsOptional()
  @IsString({ message: WEBHOOK_URL_MESSAGE })
  @MaxLength(2000)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: WEBHOOK_URL_MESSAGE })
  webhookUrl?: string;

  @ApiPropertyOptional({ enum: CONTACT_LANGUAGES, description: 'The language messages to her are written in (default en).' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIn(CONTACT_LANGUAGES)
  language?: ContactLanguage;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', maxLength: MAX_TIME_ZONE_LENGTH, description: `${TIME_ZONE_DESCRIPTION} Default UTC.` })
  @ValidateIf((_o, v) => v !== undefined)
  @IsString()
  @MaxLength(MAX_TIME_ZONE_LENGTH)
  timeZone?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_MODES, description: 'each (default): every alert as it comes; daily_digest: one message a day at NOTIFY_DIGEST_HOUR her time; none.' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIn(NOTIFICATION_MODES, { message: `notificationMode must be one of ${NOTIFICATION_MODES.join(', ')}` })
  notificationMode?: NotificationMode;
}

/** Her name and contact details; a field left out is kept. */
export class UpdateStaffMemberDto extends ContactChangeDto {
  @ApiPropertyOptional({ example: 'Anna Li' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsString()
  @Length(1, 200)
  name?: string;
}

export class StaffMemberDto {
  @ApiProperty({ example: 'stf-4k2m9q1z7x3b' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'anna@incubator.example' }) email!: string;
  @ApiProperty({ enum: CONTACT_CHANNELS }) preferredChannel!: ContactChannel;
  @ApiProperty({ type: String, nullable: true, example: 'https://hooks.example.com/…', description: 'Scheme and host only: the path and query often carry a token.' }) webhookUrl!: string | null;
  @ApiProperty({ enum: CONTACT_LANGUAGES }) language!: ContactLanguage;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
  @ApiProperty({ enum: NOTIFICATION_MODES }) notificationMode!: NotificationMode;
  @ApiProperty({ enum: ['active', 'disabled'], description: 'A disabled member\'s API keys are refused (401) until she is enabled again; they are not revoked.' }) status!: 'active' | 'disabled';
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) disabledAt!: string | null;
}

export class IssuedStaffMemberDto extends StaffMemberDto {
  @ApiPropertyOptional({ description: 'When the request gave a webhookUrl: the `whsec_` secret her messages are signed with. Shown only in this response.' })
  webhookSecret?: string;
}
