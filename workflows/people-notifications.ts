// Telling the people who must act, for the product workflow: each event that calls for it (notificationsFor)
// waits until the read model holds it, then one activity writes a notification per recipient and the ones to
// send now get their delivery workflows. A loop of its own, so an Update's answer never waits for it.

import { proxyActivities } from '@temporalio/workflow';
import { notificationsFor, type LifecycleEvent, type NotificationActivities, type NotifyPeopleInput, type PeopleNotified, type ProductState } from '../libs/domain';
import { noticeQueue, type NoticeQueue } from './notice-queue';
import { sendNotifications } from './notify';

const { notifyPeople } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface PeopleNotifier extends Omit<NoticeQueue<NotifyPeopleInput>, 'push'> {
  add(state: ProductState, events: LifecycleEvent[]): void;
}

/**
 * Products from this patch on write their notifications with a local activity (`writeLocally`, from
 * localWrites, in the lane of the product's other local writes); runs from before it, and the runs they
 * continue as, keep the regular activity their histories hold.
 */
export const NOTIFY_PEOPLE_LOCALLY_PATCH = 'notify-people-locally';

export function peopleNotifier(writeLocally?: (input: NotifyPeopleInput) => Promise<PeopleNotified>): PeopleNotifier {
  const write = writeLocally ?? notifyPeople;
  const queue = noticeQueue(async (next: NotifyPeopleInput) => sendNotifications(await write(next)));
  return {
    add(state, events) {
      for (const event of events) queue.push(notificationsFor(state, event));
    },
    idle: queue.idle,
    run: queue.run,
  };
}
