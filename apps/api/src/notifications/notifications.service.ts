// Staff read every notification the engine wrote (the outbox included), and the API keeps the hourly
// schedule that sends daily digests.

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { NotificationRepository, type NotificationListing } from '@app/database';
import { NOTIFICATION_DIGEST_SCHEDULE_ID, NOTIFICATION_DIGEST_WORKFLOW_TYPE } from '@app/domain';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import type { NotificationDto, NotificationsQueryDto } from './dto/notification.dto';

/** Tried again this often until Temporal takes it (the API starts, and answers, while Temporal is down). */
const RETRY_SCHEDULE_MS = 30_000;

@Injectable()
export class NotificationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly notifications: NotificationRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async list(q: NotificationsQueryDto): Promise<NotificationDto[]> {
    const rows = await this.notifications.list({ ...q, limit: q.limit ?? 100, offset: q.offset ?? 0 });
    return rows.map(notificationDto);
  }

  onApplicationBootstrap(): void {
    void this.ensureDigestSchedule();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }

  /** The schedule's id: one per engine (its task queue) in a namespace. */
  scheduleId(): string {
    return `${NOTIFICATION_DIGEST_SCHEDULE_ID}-${this.config.temporal.taskQueue}`;
  }

  /** Creates the hourly digest schedule once (several API processes may try: the first wins). */
  async ensureDigestSchedule(): Promise<void> {
    try {
      await this.temporal.schedule.create({
        scheduleId: this.scheduleId(),
        // At the top of every hour; each run makes the digests of the people whose digest hour it is.
        spec: { intervals: [{ every: '1 hour' }] },
        action: { type: 'startWorkflow', workflowType: NOTIFICATION_DIGEST_WORKFLOW_TYPE, taskQueue: this.config.temporal.taskQueue, args: [{}] },
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
      });
      this.logger.log({ scheduleId: this.scheduleId() }, 'daily digest schedule created');
    } catch (err) {
      if (err instanceof ScheduleAlreadyRunning) return;
      this.logger.warn({ error: (err as Error).message }, 'daily digest schedule not created yet; trying again');
      this.timer = setTimeout(() => void this.ensureDigestSchedule(), RETRY_SCHEDULE_MS);
      this.timer.unref();
    }
  }
}

function notificationDto(n: NotificationListing): NotificationDto {
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
  return { ...n, createdAt: new Date(n.createdAt).toISOString(), sentAt: iso(n.sentAt), failedAt: iso(n.failedAt) };
}
