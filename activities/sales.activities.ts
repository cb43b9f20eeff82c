// Side effects of the demand gate the product workflow calls: the reservation tally that closes a demand
// window. (Telling reservation holders through the shop is in shop-events.activities.ts.)

import { DemandWindowRepository } from '@app/database';
import type { ReservationTally, SalesActivities, TallyReservationsInput } from '@app/domain';
import type { DataSource } from 'typeorm';

export function createSalesActivities({ dataSource }: { dataSource: DataSource }): Pick<SalesActivities, 'tallyReservations'> {
  const windows = new DemandWindowRepository(dataSource);
  return {
    tallyReservations({ productId, closeIntakeAtSeq }: TallyReservationsInput): Promise<ReservationTally> {
      return windows.tally(productId, closeIntakeAtSeq);
    },
  };
}
