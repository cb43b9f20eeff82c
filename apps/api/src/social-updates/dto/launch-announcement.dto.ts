// Request and response shapes of the launch announcement the influencer approves (also their OpenAPI schema).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { OptimisationDto } from './social-update.dto';

export class ApproveAnnouncementDto {
  @ApiPropertyOptional({ description: 'The title as it should go out; default: the current draft.', example: 'Our linen dress is live 💛' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'title must not be blank' })
  title?: string;

  @ApiPropertyOptional({ description: 'The body as it should go out; default: the current draft.' })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  @Matches(/\S/, { message: 'body must not be blank' })
  body?: string;
}

class AnnouncementTextDto {
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: [String] }) hashtags!: string[];
  @ApiProperty({ type: OptimisationDto }) optimisation!: OptimisationDto;
}

export class LaunchAnnouncementDto {
  @ApiProperty() productId!: string;
  @ApiProperty({ enum: ['not_required', 'awaiting_approval', 'approved'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) launchAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Approve before this time, or staff are alerted.' }) approveBy!: string | null;
  @ApiProperty({ type: AnnouncementTextDto, description: 'What goes out at launch: the approved text, or the current draft.' })
  @ValidateNested()
  @Type(() => AnnouncementTextDto)
  text!: AnnouncementTextDto;
  @ApiProperty({ nullable: true, type: String }) approvedAt!: string | null;
}
