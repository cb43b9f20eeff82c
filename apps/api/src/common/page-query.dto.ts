// The offset pagination the list routes share: `limit` (default 100, at most 1000) from `offset`.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const PAGE_DEFAULT = 100;
export const PAGE_MAX = 1000;

export class PageQueryDto {
  @ApiPropertyOptional({ default: PAGE_DEFAULT, minimum: 1, maximum: PAGE_MAX, description: 'Most items in one answer.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, description: 'How many to skip (the previous page\'s nextOffset, where the answer gives one).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  @Max(10_000_000)
  offset?: number;
}
