// Side effects of the product workflow: the PostgreSQL read model (products, polls, timeline) and the
// poll tally. Built by a factory so the worker wires the DataSource once and tests can call them directly.

import { ApplicationFailure } from '@temporalio/activity';
import { ProductRepository, VoteRepository } from '@app/database';
import {
  isSocialSource,
  productWorkflowId,
  type BatchNotifications,
  type BatchSocialUpdates,
  type NotificationActivities,
  type NotifyPeopleInput,
  type OptionCount,
  type ProductActivities,
  type RecordedSocialUpdates,
  type RecordEventsInput,
  type RecordEventsNotifyingInput,
  type SocialActivities,
  type TallyInput,
} from '@app/domain';
import type { DataSource } from 'typeorm';

export interface ProductActivityDeps {
  dataSource: DataSource;
  /** Writes a batch's social updates (social.activities); the read model's write hands its social events to it. */
  recordSocialUpdates: SocialActivities['recordSocialUpdates'];
  /** Starts the delivery workflows of written updates, each once (delivery-starts.ts). */
  startDeliveries: (recorded: RecordedSocialUpdates) => Promise<void>;
  /** Writes one event's notifications and starts the deliveries of those to send now (delivery-starts.ts). */
  notifyPeopleStartingDeliveries: NotificationActivities['notifyPeopleStartingDeliveries'];
}

export function createProductActivities({ dataSource, recordSocialUpdates, startDeliveries, notifyPeopleStartingDeliveries }: ProductActivityDeps): ProductActivities {
  const products = new ProductRepository(dataSource);
  const votes = new VoteRepository(dataSource);
  const recordEvents = (input: RecordEventsInput): Promise<void> => products.recordEvents(input, productWorkflowId(input.productId));

  /** The batch's social updates, answered rather than thrown: their failure must not undo or repeat the read model's write. */
  const socialOf = async ({ productId, events, snapshot }: RecordEventsInput): Promise<BatchSocialUpdates> => {
    const social = events.filter((e) => isSocialSource(e.type));
    try {
      return { recorded: await recordSocialUpdates({ productId, events: social, snapshot }) };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return err instanceof ApplicationFailure && err.nonRetryable ? { refused: message } : { failed: message };
    }
  };

  const recordEventsWithUpdates = async (input: RecordEventsInput): Promise<{ social: BatchSocialUpdates }> => {
    await recordEvents(input);
    return { social: await socialOf(input) };
  };

  const recordEventsStartingDeliveries = async (input: RecordEventsInput): Promise<{ social: BatchSocialUpdates }> => {
    const written = await recordEventsWithUpdates(input);
    // Outside the social part's answer on purpose: a delivery not started must not be reported as written, or
    // nobody would start it. The attempt fails and is tried again: the writes find their rows, the starts skip
    // workflows already started.
    if ('recorded' in written.social) await startDeliveries(written.social.recorded);
    return written;
  };

  /** The batch's notifications, in order, answered rather than thrown (as its social updates are). */
  const notify = async (notifications: NotifyPeopleInput[]): Promise<BatchNotifications> => {
    let notified = 0;
    try {
      for (const n of notifications) notified += (await notifyPeopleStartingDeliveries(n)).notificationIds.length;
      return { notified };
    } catch (err) {
      return { failed: err instanceof Error ? err.message : String(err) };
    }
  };

  return {
    recordEvents,
    recordEventsWithUpdates,
    recordEventsStartingDeliveries,

    async recordEventsNotifying({ notifications, withUpdates, ...batch }: RecordEventsNotifyingInput): Promise<{ social?: BatchSocialUpdates; people: BatchNotifications }> {
      const written = withUpdates ? await recordEventsStartingDeliveries(batch) : await recordEvents(batch).then(() => ({}));
      return { ...written, people: await notify(notifications) };
    },

    tallyPoll({ productId, closeIntakeAtSeq }: TallyInput): Promise<OptionCount[]> {
      return votes.tally(productId, closeIntakeAtSeq);
    },
  };
}
