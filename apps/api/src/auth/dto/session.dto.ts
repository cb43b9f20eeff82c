// Request and response shapes of /auth (sign-in links, sessions) and of influencers' magic links.
import { MAX_EMAIL_LENGTH } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import { NormalisedEmail } from '../../contacts/dto/contact.dto';

export class SignInLinkRequestDto {
  @ApiProperty({ maxLength: MAX_EMAIL_LENGTH, example: 'anna@incubator.example', description: 'The staff member\'s email (any case).' })
  @NormalisedEmail()
  @IsString({ message: 'email must be an email address' })
  @Length(3, MAX_EMAIL_LENGTH, { message: `email must be an email address of at most ${MAX_EMAIL_LENGTH} characters` })
  email!: string;
}

export class AcceptedDto {
  @ApiProperty({ example: 'If that address belongs to an active staff member, a sign-in link is on its way; it is valid for 15 minutes.' })
  message!: string;
}

export class CreateSessionDto {
  @ApiProperty({ description: 'The token from a sign-in link or a magic link (what follows `#token=`).', example: 'q3V…' })
  @IsString({ message: 'token must be the text after #token= in the link' })
  @MaxLength(200, { message: 'token must be the text after #token= in the link' })
  token!: string;
}

export class SessionDto {
  @ApiProperty({ enum: ['staff', 'influencer'] }) role!: 'staff' | 'influencer';
  @ApiProperty({ nullable: true, type: String, description: 'Set for a staff member\'s session.' }) staffMemberId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set for an influencer\'s session: the only influencer whose products it reaches.' }) influencerId!: string | null;
  @ApiProperty({ description: 'The person\'s name (a staff member\'s name, an influencer\'s display name).' }) name!: string;
  @ApiProperty({ enum: ['en', 'zh-CN'], description: 'The language her messages (and pages) use.' }) language!: 'en' | 'zh-CN';
  @ApiProperty({ description: 'Send it as the X-CSRF-Token header with every request other than GET, HEAD and OPTIONS.' }) csrfToken!: string;
  @ApiProperty({ description: 'When the session ends by itself.' }) expiresAt!: string;
}

export class MagicLinkDto {
  @ApiProperty() id!: string;
  @ApiProperty() influencerId!: string;
  @ApiProperty({ enum: ['active', 'expired', 'revoked'] }) status!: 'active' | 'expired' | 'revoked';
  @ApiProperty({ description: 'Who issued it: `staff:<key or session id>`, or `notification:<id>` for a link a notification carried.' }) issuedBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
}

export class IssuedMagicLinkDto extends MagicLinkDto {
  @ApiProperty({ description: 'Her link, `<base>/app/me#token=<token>`. Shown only in this response (stored hashed).', example: 'https://engine.example.com/app/me#token=q3V…' })
  url!: string;
}
