// /moderation/terms: the incubator's own refused terms.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { ActorDto } from '../../products/dto/product-state.dto';

export class CreateModerationTermDto {
  @ApiProperty({ description: 'A word or phrase refused in poll questions and options; compared with width, case and spacing folded. Chinese terms match inside words, others as whole words.', example: '竞品牌' })
  @IsString()
  @Length(1, 100)
  term!: string;

  @ApiPropertyOptional({ description: 'Why it is refused, for the next member of staff.', example: "a competitor's brand" })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class ModerationTermDto {
  @ApiProperty({ example: 'term-4k2m9q1z7x' }) id!: string;
  @ApiProperty({ description: 'As staff typed it.' }) term!: string;
  @ApiProperty({ description: 'As the screen compares it.' }) normalised!: string;
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ type: ActorDto }) createdBy!: ActorDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ModerationListsDto {
  @ApiProperty({ description: 'The version of the zh-CN list file the screen uses (README: Moderation).', example: '2026.12.1' }) zhCnListVersion!: string;
  @ApiProperty({ type: [ModerationTermDto], description: "The incubator's own terms, oldest first." }) terms!: ModerationTermDto[];
}
