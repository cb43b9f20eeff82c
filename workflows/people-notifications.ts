// Telling the people who must act, for the product workflow: the notifications an event calls for
// (notificationsFor) are written with the event's read model by the batch's local write, from the
// notifications-in-local-write patch on. For older runs, and for what that write could not make, this loop waits
// until the read model holds the event, then one activity writes a notification per recipient and the ones to
// send now get their delivery workflows (started by that activity from the notifications-start-deliveries patch
// on, else by this workflow as its children). A loop of its own, so a failing notification write never holds the
// read model or the lifecycle.

import { proxyActivities } from '@temporalio/workflow';
import { notificationsFor, type LifecycleEvent, type NotificationActivities, type NotifyPeopleInput, type ProductState } from '../libs/domain';
import type { localWrites } from './local-writes';
import { noticeQueue, type NoticeQueue } from './notice-queue';
import { sendNotifications } from './notify';

const { notifyPeople } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface PeopleNotifier extends NoticeQueue<NotifyPeopleInput> {
  add(state: ProductState, events: LifecycleEvent[]): void;
}

/**
 * Products from this patch on write their notifications with a local activity (peopleNotifier's `local`, from
 * localWrites, in the lane of the product's other local writes); runs from before it, and the runs they
 * continue as, keep the regular activity their histories hold.
 */
export const NOTIFY_PEOPLE_LOCALLY_PATCH = 'notify-people-locally';

/**
 * From this patch on (products that write their notifications locally), the local activity that writes a
 * notification also starts the delivery workflows of those to send now, before it answers, instead of this
 * workflow starting them as its children: a child's start and its completion each woke the product for a
 * workflow task of its own. Asked at each notification, not when a run starts (as notices-start-deliveries is:
 * notice-queue.ts); runs from patches-2026-12-04 on take it from that marker without asking, and write their
 * notifications with their events' read model (notifications-in-local-write), this loop only those that write
 * could not make.
 */
export const NOTIFICATIONS_START_DELIVERIES_PATCH = 'notifications-start-deliveries';

type LocalNotificationWrites = Pick<ReturnType<typeof localWrites>, 'notifyPeople' | 'notifyPeopleStartingDeliveries'>;

/** `local`: the product's local writes, for products from notify-people-locally on; `applies` asks a patch as the run does. */
export function peopleNotifier(local: LocalNotificationWrites | undefined, applies: (patchId: string) => boolean): PeopleNotifier {
  const send = async (next: NotifyPeopleInput): Promise<void> => {
    if (!local) return sendNotifications(await notifyPeople(next));
    // Their delivery workflows already started.
    if (applies(NOTIFICATIONS_START_DELIVERIES_PATCH)) return void (await local.notifyPeopleStartingDeliveries(next));
    return sendNotifications(await local.notifyPeople(next));
  };
  const queue = noticeQueue(send);
  return {
    add(state, events) {
      for (const event of events) queue.push(notificationsFor(state, event));
    },
    push: queue.push,
    idle: queue.idle,
    run: queue.run,
  };
}
