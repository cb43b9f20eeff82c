// Contact details in requests and answers (also their OpenAPI schema), shared by staff members and
// influencers: email, preferred channel, webhook URL (its secret shown once), language, time zone.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTACT_CHANNELS,
  CONTACT_LANGUAGES,
  MAX_EMAIL_LENGTH,
  MAX_TIME_ZONE_LENGTH,
  NOTIFICATION_MODES,
  normaliseEmail,
  type ContactChannel,
  type ContactLanguage,
  type NotificationMode,
} from '@app/domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';

/** Trimmed, NFC and lower case before it is checked (the stored form); anything but a string is left for the check to refuse. */
export const NormalisedEmail = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseEmail(value) : value));

export const EMAIL_MESSAGE = 'email must be an email address such as mia@example.com';
export const WEBHOOK_URL_MESSAGE = 'webhookUrl must be an http(s) URL';
export const WEBHOOK_URL_DESCRIPTION =
  'Where webhook messages are posted, signed (Standard Webhooks) with a `whsec_` secret the answer shows once; giving a URL (even the same one) issues a new secret. ' +
  'Its host must be, and resolve to, public addresses only (or ones OUTBOUND_ALLOWED_NETWORKS allows). Shown afterwards as scheme and host only.';
export const TIME_ZONE_DESCRIPTION = 'IANA time zone the dates in messages are written in, stored in its proper case (asia/shanghai → Asia/Shanghai); UTC offsets are refused.';

/** Which fields to change; a field left out is kept. Fields that can be removed take null. */
export class ContactChangeDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_EMAIL_LENGTH, example: 'mia@studio.example', description: 'Stored trimmed and in lower case. null removes it (an influencer only: a staff member always has one).' })
  @IsOptional()
  @NormalisedEmail()
  @IsString({ message: EMAIL_MESSAGE })
  @MaxLength(MAX_EMAIL_LENGTH)
  @IsEmail({}, { message: EMAIL_MESSAGE })
  email?: string | null;

  @ApiPropertyOptional({ enum: CONTACT_CHANNELS, description: 'How reminders reach the person: `email` (SMTP) or `webhook` (needs webhookUrl).' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIn(CONTACT_CHANNELS)
  preferredChannel?: ContactChannel;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000, example: 'https://hooks.example.com/incubator', description: `${WEBHOOK_URL_DESCRIPTION} null removes it (not while the preferred channel is webhook).` })
  @IsOptional()
  @IsString({ message: WEBHOOK_URL_MESSAGE })
  @MaxLength(2000)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: WEBHOOK_URL_MESSAGE })
  webhookUrl?: string | null;

  @ApiPropertyOptional({ enum: CONTACT_LANGUAGES, description: 'The language messages are written in.' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIn(CONTACT_LANGUAGES)
  language?: ContactLanguage;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', maxLength: MAX_TIME_ZONE_LENGTH, description: TIME_ZONE_DESCRIPTION })
  @ValidateIf((_o, v) => v !== undefined)
  @IsString()
  @MaxLength(MAX_TIME_ZONE_LENGTH)
  timeZone?: string;

  @ApiPropertyOptional({
    enum: NOTIFICATION_MODES,
    description: 'each: every reminder and alert as it comes; daily_digest: one message a day at NOTIFY_DIGEST_HOUR in her time zone; none: not told (nothing is written for her).',
  })
  @ValidateIf((_o, v) => v !== undefined)
  @IsIn(NOTIFICATION_MODES, { message: `notificationMode must be one of ${NOTIFICATION_MODES.join(', ')}` })
  notificationMode?: NotificationMode;
}

export class ContactDto {
  @ApiProperty({ type: String, nullable: true, example: 'mia@studio.example' }) email!: string | null;
  @ApiProperty({ enum: CONTACT_CHANNELS }) preferredChannel!: ContactChannel;
  @ApiProperty({ type: String, nullable: true, example: 'https://hooks.example.com/…', description: 'Scheme and host only: the path and query often carry a token.' }) webhookUrl!: string | null;
  @ApiProperty({ enum: CONTACT_LANGUAGES }) language!: ContactLanguage;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
  @ApiProperty({ enum: NOTIFICATION_MODES }) notificationMode!: NotificationMode;
}

export class IssuedContactDto extends ContactDto {
  @ApiPropertyOptional({ description: 'When the change gave a webhookUrl: the `whsec_` secret its messages are signed with. Shown only in this response.' })
  webhookSecret?: string;
}
