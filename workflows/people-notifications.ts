// Telling the people who must act, for the product workflow: each event that calls for it (notificationsFor)
// waits until the read model holds it, then one activity writes a notification per recipient and the ones to
// send now get their delivery workflows. A loop of its own, so an Update's answer never waits for it.

import { proxyActivities } from '@temporalio/workflow';
import { notificationsFor, type LifecycleEvent, type NotificationActivities, type NotifyPeopleInput, type ProductState } from '../libs/domain';
import { noticeQueue, type NoticeQueue } from './notice-queue';
import { sendNotifications } from './notify';

const { notifyPeople } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface PeopleNotifier extends Omit<NoticeQueue<NotifyPeopleInput>, 'push'> {
  add(state: ProductState, events: LifecycleEvent[]): void;
}

export function peopleNotifier(): PeopleNotifier {
  const queue = noticeQueue(async (next: NotifyPeopleInput) => sendNotifications(await notifyPeople(next)));
  return {
    add(state, events) {
      for (const event of events) queue.push(notificationsFor(state, event));
    },
    idle: queue.idle,
    run: queue.run,
  };
}
