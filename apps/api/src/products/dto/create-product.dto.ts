// POST /products: a product for an influencer, with its target keyword and fan poll.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDefined,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class PollOptionInputDto {
  @ApiPropertyOptional({ description: 'Stable id fans vote for (letters, digits, - or _); defaults to option-1, option-2, …', example: 'linen-midi' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'id must be 1–64 letters, digits, dashes or underscores' })
  id?: string;

  @ApiProperty({ example: 'Linen midi dress' })
  @IsString()
  @Length(1, 200)
  label!: string;

  @ApiPropertyOptional({ example: 'Breathable, in sage and sand' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;
}

export class PollInputDto {
  @ApiProperty({ example: 'Which dress should we make for summer?' })
  @IsString()
  @Length(1, 500)
  question!: string;

  @ApiProperty({ type: [PollOptionInputDto], minItems: 2, maxItems: 10 })
  @IsDefined()
  @ArrayMinSize(2, { message: 'a poll needs at least 2 options' })
  @ArrayMaxSize(10, { message: 'a poll has at most 10 options' })
  @ValidateNested({ each: true })
  @Type(() => PollOptionInputDto)
  options!: PollOptionInputDto[];

  @ApiPropertyOptional({ description: 'When the poll closes (ISO-8601). Give this or durationMinutes.', example: '2026-12-01T12:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'closesAt must be an ISO-8601 time such as 2026-12-01T12:00:00Z' })
  closesAt?: string;

  @ApiPropertyOptional({ description: 'How long the poll stays open, in minutes (1 minute to 90 days).', example: 4320 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90 * 24 * 60)
  durationMinutes?: number;

  @ApiProperty({ description: 'Fewer votes than this at closing time wait for a staff decision (extend or cancel).', example: 100 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  minVotes!: number;
}

export class CreateProductDto {
  @ApiProperty({ example: 'Summer dress 2027' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'inf-4k2m9q1z7x' })
  @IsString()
  @Length(1, 32)
  influencerId!: string;

  @ApiProperty({ description: 'The keyword social updates are optimised for.', example: 'linen dress' })
  @IsString()
  @Length(1, 100)
  targetKeyword!: string;

  @ApiProperty({ type: PollInputDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PollInputDto)
  poll!: PollInputDto;
}
