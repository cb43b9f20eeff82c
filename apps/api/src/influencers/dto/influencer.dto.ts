// Request and response shapes of /influencers (also their OpenAPI schema).
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class CreateInfluencerDto {
  @ApiProperty({ example: 'zhangdayi', description: 'Unique social handle: 2–64 letters, digits, dots, dashes or underscores.' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{2,64}$/, { message: 'handle must be 2–64 letters, digits, dots, dashes or underscores' })
  handle!: string;

  @ApiProperty({ example: 'Zhang Dayi' })
  @IsString()
  @Length(1, 200)
  displayName!: string;
}

export class InfluencerDto {
  @ApiProperty({ example: 'inf-4k2m9q1z7x' }) id!: string;
  @ApiProperty() handle!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() createdAt!: string;
}
