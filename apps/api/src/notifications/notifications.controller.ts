// /notifications: what the engine told people (or keeps in its outbox when no SMTP server is configured).
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { NotificationDto, NotificationsQueryDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles('staff')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Reminders and alerts written for staff and influencers, newest first: their words, channel and status (the outbox: status=outbox).',
  })
  @ApiOkResponse({ type: [NotificationDto] })
  @ApiErrors(401, 403, 422)
  list(@Query() query: NotificationsQueryDto): Promise<NotificationDto[]> {
    return this.notifications.list(query);
  }
}
