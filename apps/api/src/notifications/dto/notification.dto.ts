// Request and response shapes of /notifications (also their OpenAPI schema).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '../../common/page-query.dto';
import { NOTIFICATION_STATUSES, type NotificationStatus } from '@app/database';
import { CONTACT_CHANNELS, CONTACT_LANGUAGES, NOTIFICATION_AUDIENCES, NOTIFICATION_KINDS, type ContactChannel, type ContactLanguage, type NotificationAudience, type NotificationKind } from '@app/domain';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class NotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_AUDIENCES, description: 'Only staff members\' or only influencers\' notifications.' })
  @IsOptional()
  @IsIn(NOTIFICATION_AUDIENCES, { message: `recipientKind must be one of ${NOTIFICATION_AUDIENCES.join(', ')}` })
  recipientKind?: NotificationAudience;

  @ApiPropertyOptional({ description: 'Only this person\'s (a staff member\'s or an influencer\'s id).' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  recipientId?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES, description: 'outbox: kept, not sent (no SMTP server configured, or no address).' })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES, { message: `status must be one of ${NOTIFICATION_STATUSES.join(', ')}` })
  status?: NotificationStatus;

  @ApiPropertyOptional({ description: 'Only this product\'s.' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  productId?: string;
}

export class NotificationDto {
  @ApiProperty({ description: 'Also the webhook-id and the email\'s Message-ID.' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_AUDIENCES }) recipientKind!: NotificationAudience;
  @ApiProperty() recipientId!: string;
  @ApiProperty({ nullable: true, type: String }) productId!: string | null;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: CONTACT_CHANNELS }) channel!: ContactChannel;
  @ApiProperty({ enum: CONTACT_LANGUAGES }) language!: ContactLanguage;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({
    enum: NOTIFICATION_STATUSES,
    description: 'pending: being sent; queued: waits for the person\'s daily digest; digested: sent in digestId; outbox: kept, not sent (lastError says why); sent; failed.',
  })
  status!: NotificationStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String }) digestId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) failedAt!: string | null;
}
