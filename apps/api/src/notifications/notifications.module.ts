// Notifications to people: staff's view of them (the outbox) and the daily digest schedule.
import { Module } from '@nestjs/common';
import { NotificationRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, ...repositoryProviders(NotificationRepository)],
})
export class NotificationsModule {}
