// Request and response shapes of /api-keys.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ enum: ['staff', 'influencer'] })
  @IsIn(['staff', 'influencer'])
  role!: 'staff' | 'influencer';

  @ApiPropertyOptional({ description: 'Required for influencer keys: the influencer the key acts for.' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  influencerId?: string;

  @ApiPropertyOptional({
    description: 'Staff keys only, optional: the staff member the key belongs to, so what it does is done by her. While she is disabled the key is refused.',
    example: 'stf-4k2m9q1z7x3b',
  })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  staffMemberId?: string;

  @ApiProperty({ example: 'ops laptop' })
  @IsString()
  @Length(1, 200)
  label!: string;
}

export class ApiKeyDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['staff', 'influencer'] }) role!: string;
  @ApiProperty({ nullable: true, type: String }) influencerId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The staff member a staff key belongs to; null for influencer keys and shared staff keys.' }) staffMemberId!: string | null;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'The first characters of the key, to recognise it; never the secret.' }) prefix!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
}

export class IssuedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself. Shown only in this response; store it now.', example: 'ibk_3k9x…' })
  key!: string;
}
