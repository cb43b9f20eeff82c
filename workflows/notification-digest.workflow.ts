// Run every hour by the notification-digests schedule: writes the daily digest of everyone whose digest hour
// it is in her own time zone (one per person and local day, however often it runs) and sends each.

import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { NotificationActivities, NotificationDigestWorkflow } from '../libs/domain';
import { sendNotifications } from './notify';

const { collectDigests } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export const notificationDigest: NotificationDigestWorkflow = async function notificationDigest(input?: { at?: string }) {
  // The scheduled time (the run's start): a run that starts late still makes the digests of its hour.
  const at = input?.at ?? workflowInfo().startTime.toISOString();
  const digests = await collectDigests({ at });
  await sendNotifications(digests);
  return digests.notificationIds.length;
};
