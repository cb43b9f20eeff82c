// Request and response shapes of /influencers and of their contact details (also their OpenAPI schema).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { ContactChangeDto, ContactDto } from '../../contacts/dto/contact.dto';

export class CreateInfluencerDto {
  @ApiProperty({ example: 'zhangdayi', description: 'Unique social handle: 2–64 letters, digits, dots, dashes or underscores.' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{2,64}$/, { message: 'handle must be 2–64 letters, digits, dots, dashes or underscores' })
  handle!: string;

  @ApiProperty({ example: 'Zhang Dayi' })
  @IsString()
  @Length(1, 200)
  displayName!: string;

  @ApiPropertyOptional({
    type: ContactChangeDto,
    description: 'How the engine reaches her when something waits for her; fields left out take the defaults (no email, the email channel, en, UTC).',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ContactChangeDto)
  contact?: ContactChangeDto;
}

export class InfluencerDto {
  @ApiProperty({ example: 'inf-4k2m9q1z7x' }) id!: string;
  @ApiProperty() handle!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: ContactDto, description: 'How reminders reach her (never the webhook secret).' }) contact!: ContactDto;
  @ApiProperty() createdAt!: string;
}

export class IssuedInfluencerDto extends InfluencerDto {
  @ApiPropertyOptional({ description: 'When contact gave a webhookUrl: the `whsec_` secret her messages are signed with. Shown only in this response.' })
  webhookSecret?: string;
}
